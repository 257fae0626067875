package fr.passerelle.cli;

import fr.passerelle.crypto.Aead;
import fr.passerelle.crypto.Argon2id;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Seals a key file's private key under a passphrase: Argon2id, then AES-256-GCM bound by its AAD to the file's
 * members (the organisation id and key, or the association key).
 */
final class KeySealer {
  static final int MEMORY_KIB = 65_536;
  static final int ITERATIONS = 3;
  static final int PARALLELISM = 1;
  static final int MAX_MEMORY_KIB = 1_048_576;
  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 16;
  static final int SALT_LENGTH = 16;
  static final int NONCE_LENGTH = Aead.NONCE_LENGTH;
  static final int CIPHERTEXT_LENGTH = Ed25519.KEY_LENGTH + Aead.TAG_LENGTH;
  private static final byte[] LABEL = "passerelle/v1/organisation-key".getBytes(StandardCharsets.US_ASCII);

  private KeySealer() {}

  /** {@code privateKey} sealed under {@code passphrase} with a fresh salt and nonce. */
  static KeyFile.Sealed seal(byte[] passphrase, String orgId, byte[] publicKey, byte[] privateKey,
      SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(salt);
    // A random nonce is safe here: the fresh salt makes a key that encrypts this one message only.
    random.nextBytes(nonce);
    return seal(passphrase, orgId, publicKey, privateKey, salt, nonce);
  }

  /** As above with a given salt and nonce: for the known answer only. */
  static KeyFile.Sealed seal(byte[] passphrase, String orgId, byte[] publicKey, byte[] privateKey, byte[] salt,
      byte[] nonce) {
    return sealWithAad(passphrase, aad(orgId, publicKey), privateKey, salt, nonce);
  }

  /**
   * A 32-byte private key sealed under {@code passphrase} with {@code aad} and a fresh salt and nonce: the same
   * sealing for every key file, each binding its own members in the AAD (the association key file does).
   */
  static KeyFile.Sealed sealWithAad(byte[] passphrase, byte[] aad, byte[] privateKey, SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    return sealWithAad(passphrase, aad, privateKey, salt, nonce);
  }

  private static KeyFile.Sealed sealWithAad(byte[] passphrase, byte[] aad, byte[] privateKey, byte[] salt,
      byte[] nonce) {
    byte[] kek = kek(passphrase, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    try {
      byte[] ciphertext = Aead.seal(kek, nonce, aad, privateKey);
      return new KeyFile.Sealed(MEMORY_KIB, ITERATIONS, PARALLELISM, salt, nonce, ciphertext);
    } finally {
      Bytes.wipe(kek);
    }
  }

  /** The private key in {@code file}, if {@code passphrase} opens it and it matches the file's public key. */
  static byte[] open(byte[] passphrase, KeyFile file, KeyFile.Sealed sealed) {
    return openWithAad(passphrase, aad(file.orgId(), file.publicKey()), sealed);
  }

  /** The private key {@link #sealWithAad} sealed, if {@code passphrase} and {@code aad} open it. */
  static byte[] openWithAad(byte[] passphrase, byte[] aad, KeyFile.Sealed sealed) {
    byte[] kek = kek(passphrase, sealed.salt(), sealed.memoryKiB(), sealed.iterations(), sealed.parallelism());
    try {
      return Aead.open(kek, sealed.nonce(), aad, sealed.ciphertext());
    } catch (CryptoException e) {
      throw CliException.failure("wrong passphrase or damaged key file");
    } finally {
      Bytes.wipe(kek);
    }
  }

  /** {@code "passerelle/v1/organisation-key" | 0x00 | orgId (UTF-8) | 0x00 | publicKey}. */
  static byte[] aad(String orgId, byte[] publicKey) {
    return Bytes.concat(LABEL, new byte[] {0}, orgId.getBytes(StandardCharsets.UTF_8), new byte[] {0}, publicKey);
  }

  private static byte[] kek(byte[] passphrase, byte[] salt, int memoryKib, int iterations, int parallelism) {
    return Argon2id.derive(passphrase, salt, memoryKib, iterations, parallelism, Aead.KEY_LENGTH);
  }

}
