package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code intake keygen}: makes the association's X25519 key pair on the intake officer's machine, writes it to a new
 * key file, and prints the public key and fingerprint for the admin to register.
 */
final class IntakeKeygen {
  static final Set<String> OPTIONS = Set.of("--out", "--passphrase-file");
  static final Set<String> FLAGS = Set.of("--ask-passphrase");

  private IntakeKeygen() {}

  static void run(String[] args, PrintStream out, PrintStream err, Terminal terminal) {
    Options options = Options.parse(args, OPTIONS, FLAGS);
    Path file = options.path("--out");
    KeyFileWriter.requireAbsent(file);
    byte[] passphrase = InitOrganisation.newPassphrase(options, "--passphrase-file", "--ask-passphrase", false,
        terminal);
    SecureRandom random = new SecureRandom();
    X25519.KeyPair pair = X25519.generate(random);
    byte[] content = new byte[0];
    try {
      content = AssociationKeyFile.of(pair, passphrase, random).toJson().getBytes(StandardCharsets.UTF_8);
      KeyFileWriter.write(file, content, err);
    } finally {
      Bytes.wipe(pair.privateKey(), passphrase, content);
    }
    if (passphrase.length == 0) {
      err.println("warning: the private key is stored unencrypted; prefer a passphrase unless the file stays on an "
          + "encrypted medium only you use");
    }
    print(pair.publicKey(), out);
    out.println("Give the public key to your Passerelle admin, then compare the fingerprint with them by phone before "
        + "they register it. Keep the key file: referrals sealed to this key open only with it.");
  }

  /** The public key, its key id and fingerprint, as {@code keygen} and {@code show} print them. */
  static void print(byte[] publicKey, PrintStream out) {
    AssociationKeyFingerprint fingerprint = AssociationKeyFingerprint.of(publicKey);
    out.println("Public key:   " + Base64Url.encode(publicKey));
    out.println("Key id:       " + fingerprint.keyId());
    out.println("Fingerprint:  " + fingerprint.digits());
  }
}
