package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Ed25519;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;

/**
 * {@code keys rotate}: replaces the organisation root key with a new one in a new file, for the same organisation.
 *
 * <p>Opening the old file first proves that whoever rotates holds the current key, and carries its organisation id
 * over. The new file is sealed whenever the old one was, so a rotation never weakens the protection. The old file is
 * left as it is: certificates it signed stay valid until they expire, and the admin destroys it once every worker
 * holds a certificate from the new key (docs/operations.md, "Rotating the organisation key").
 */
final class RotateOrganisation {
  static final Set<String> OPTIONS = Set.of("--key", "--passphrase-file", "--out", "--new-passphrase-file");
  static final Set<String> FLAGS = Set.of("--ask-new-passphrase");

  private RotateOrganisation() {}

  static void run(String[] args, PrintStream out, PrintStream err, Terminal terminal) {
    Options options = Options.parse(args, OPTIONS, FLAGS);
    KeyFile old = KeyFile.read(options.path("--key"));
    Path file = options.path("--out");
    KeyFileWriter.requireAbsent(file);
    Bytes.wipe(UnlockedKey.privateKey(old, options.optionalPath("--passphrase-file"), terminal));
    boolean sealed = old.secret() instanceof KeyFile.Sealed;
    byte[] passphrase = InitOrganisation.newPassphrase(options, "--new-passphrase-file", "--ask-new-passphrase",
        sealed, terminal);
    Ed25519.KeyPair root = Ed25519.generate(new SecureRandom());
    KeyFileWriter.create(file, old.orgId(), root, passphrase, new SecureRandom(), err);
    out.println("Organisation:   " + old.orgId());
    out.println("Old public key: " + Base64Url.encode(old.publicKey()));
    out.println("New public key: " + Base64Url.encode(root.publicKey()));
    out.println("Next: sign every worker's certificate with the new key file, publish the new public key in the "
        + "embed snippet and the server's configuration, then destroy the old key file (docs/operations.md).");
  }
}
