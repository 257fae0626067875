package fr.passerelle.crypto;

import java.security.SecureRandom;

/**
 * Ed25519 signatures (RFC 8032, pure, no context) with strict verification.
 *
 * <p>Verification is Bouncy Castle's: it refuses S >= L and non-canonical encodings of R and A. On top of that we
 * refuse public keys of small order, for which a signature says nothing about who made it.
 */
public final class Ed25519 {
  /** Length of private keys (seeds) and public keys. */
  public static final int KEY_LENGTH = 32;
  /** Length of a signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private Ed25519() {}

  /** An Ed25519 key pair: the 32-byte private seed and the 32-byte public key. */
  public record KeyPair(byte[] privateKey, byte[] publicKey) {}

  /** A fresh key pair from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    byte[] privateKey = new byte[KEY_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePrivateKey(random, privateKey);
    return new KeyPair(privateKey, publicKey(privateKey));
  }

  /** The public key of {@code privateKey}. */
  public static byte[] publicKey(byte[] privateKey) {
    Bytes.requireLength(privateKey, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "Ed25519 private key");
    byte[] publicKey = new byte[KEY_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  /** The signature of {@code message} by {@code privateKey}. */
  public static byte[] sign(byte[] privateKey, byte[] message) {
    byte[] publicKey = publicKey(privateKey);
    byte[] signature = new byte[SIGNATURE_LENGTH];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(privateKey, 0, publicKey, 0, message, 0, message.length,
        signature, 0);
    return signature;
  }

  /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}; false for bad lengths. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    if (!isValidPublicKey(publicKey)) {
      return false;
    }
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
  }

  /** Whether {@code publicKey} is a key {@link #verify} accepts: 32 bytes, canonical, on the curve, not small order. */
  public static boolean isValidPublicKey(byte[] publicKey) {
    return publicKey.length == KEY_LENGTH
        && org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFull(publicKey, 0);
  }
}
