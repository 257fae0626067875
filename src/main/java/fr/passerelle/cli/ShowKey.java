package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import java.io.PrintStream;
import java.util.Set;

/** {@code keys show}: prints the organisation id and public key of a key file, without its passphrase. */
final class ShowKey {
  static final Set<String> OPTIONS = Set.of("--key");

  private ShowKey() {}

  static void run(String[] args, PrintStream out) {
    KeyFile file = KeyFile.read(Options.parse(args, OPTIONS).path("--key"));
    out.println("Organisation: " + file.orgId());
    out.println("Public key:   " + Base64Url.encode(file.publicKey()));
    out.println("Private key:  " + (file.secret() instanceof KeyFile.Sealed ? "sealed under a passphrase"
        : "NOT encrypted"));
  }
}
