package fr.passerelle.cli;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Ed25519;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the private key of an organisation key file, with a passphrase from a file or the terminal. */
final class UnlockedKey {
  private UnlockedKey() {}

  /** The root private key of {@code file}, checked against its public key; the caller wipes it. */
  static byte[] privateKey(KeyFile file, Optional<Path> passphraseFile, Terminal terminal) {
    byte[] privateKey = open(file, passphraseFile, terminal);
    if (!Bytes.equal(Ed25519.publicKey(privateKey), file.publicKey())) {
      Bytes.wipe(privateKey);
      throw CliException.failure("damaged key file: its private key does not match its public key");
    }
    return privateKey;
  }

  private static byte[] open(KeyFile file, Optional<Path> passphraseFile, Terminal terminal) {
    if (file.secret() instanceof KeyFile.Clear clear) {
      if (passphraseFile.isPresent()) {
        throw CliException.usage("--passphrase-file given, but the key file is not encrypted");
      }
      return clear.privateKey();
    }
    byte[] passphrase = new PassphraseSource(passphraseFile, terminal).existing();
    try {
      return KeySealer.open(passphrase, file, (KeyFile.Sealed) file.secret());
    } finally {
      Bytes.wipe(passphrase);
    }
  }
}
