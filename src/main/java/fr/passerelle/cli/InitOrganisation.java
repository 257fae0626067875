package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/** {@code keys init-organisation}: creates the organisation root key pair in a new file for the admin to keep. */
final class InitOrganisation {
  static final Set<String> OPTIONS = Set.of("--org-id", "--out", "--passphrase-file");
  static final Set<String> FLAGS = Set.of("--ask-passphrase");

  private InitOrganisation() {}

  static void run(String[] args, PrintStream out, PrintStream err, Terminal terminal) {
    Options options = Options.parse(args, OPTIONS, FLAGS);
    String orgId = options.text("--org-id");
    Path file = options.path("--out");
    KeyFileWriter.requireAbsent(file);
    byte[] passphrase = newPassphrase(options, "--passphrase-file", "--ask-passphrase", false, terminal);
    Ed25519.KeyPair root = Ed25519.generate(new SecureRandom());
    KeyFileWriter.create(file, orgId, root, passphrase, new SecureRandom(), err);
    out.println("Organisation: " + orgId);
    out.println("Public key:   " + Base64Url.encode(root.publicKey()));
    out.println("Put this public key in the server's configuration. Keep the key file offline: it holds the "
        + "organisation's private key.");
  }

  /**
   * The passphrase for a new key file: from {@code fileOption}, typed on the terminal with {@code askFlag} (or when
   * {@code askByDefault}), else none (an empty array).
   */
  static byte[] newPassphrase(Options options, String fileOption, String askFlag, boolean askByDefault,
      Terminal terminal) {
    Optional<Path> passphraseFile = options.optionalPath(fileOption);
    if (passphraseFile.isPresent() && options.has(askFlag)) {
      throw CliException.usage("give " + fileOption + " or " + askFlag + ", not both");
    }
    if (passphraseFile.isEmpty() && !options.has(askFlag) && !askByDefault) {
      return new byte[0];
    }
    return new PassphraseSource(passphraseFile, terminal).fresh();
  }
}
