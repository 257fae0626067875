package fr.passerelle.crypto;

import java.security.SecureRandom;

/**
 * X25519 key agreement (RFC 7748) that refuses non-canonical public keys and low-order points.
 *
 * <p>RFC 7748 lets a receiver mask the top bit of a public key and reduce it modulo p; we refuse such encodings
 * instead ({@link CryptoException.Reason#NON_CANONICAL_KEY}), because an honest X25519 implementation never
 * produces them, and accepting them gives one key several encodings. The browser side checks the same two
 * conditions before importing a raw key. Private keys are any 32 bytes and are clamped when used.
 */
public final class X25519 {
  /** Length of private keys, public keys and shared secrets. */
  public static final int KEY_LENGTH = 32;

  private X25519() {}

  /** An X25519 key pair, as raw 32-byte strings. */
  public record KeyPair(byte[] privateKey, byte[] publicKey) {}

  /** A fresh key pair from {@code random}. */
  public static KeyPair generate(SecureRandom random) {
    byte[] privateKey = new byte[KEY_LENGTH];
    org.bouncycastle.math.ec.rfc7748.X25519.generatePrivateKey(random, privateKey);
    return new KeyPair(privateKey, publicKey(privateKey));
  }

  /** The public key of {@code privateKey}. */
  public static byte[] publicKey(byte[] privateKey) {
    Bytes.requireLength(privateKey, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "X25519 private key");
    byte[] publicKey = new byte[KEY_LENGTH];
    org.bouncycastle.math.ec.rfc7748.X25519.generatePublicKey(privateKey, 0, publicKey, 0);
    return publicKey;
  }

  /** The shared secret of {@code privateKey} and {@code peerPublic}; never all zeros. */
  public static byte[] agree(byte[] privateKey, byte[] peerPublic) {
    Bytes.requireLength(privateKey, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "X25519 private key");
    requireCanonical(peerPublic);
    byte[] shared = new byte[KEY_LENGTH];
    // BC computes in constant time and returns false when the result is all zeros.
    if (!org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(privateKey, 0, peerPublic, 0, shared, 0)) {
      throw new CryptoException(CryptoException.Reason.LOW_ORDER_POINT, "X25519 peer key has low order");
    }
    return shared;
  }

  /**
   * Refuses a public key that {@link #agree} would refuse with any private key: wrong length
   * ({@link CryptoException.Reason#BAD_KEY_LENGTH}), not canonical ({@link CryptoException.Reason#NON_CANONICAL_KEY})
   * or of order 1, 2, 4 or 8 ({@link CryptoException.Reason#LOW_ORDER_POINT}). For keys received before any agreement.
   */
  public static void requireValidPublicKey(byte[] publicKey) {
    requireCanonical(publicKey);
    if (hasLowOrder(publicKey)) {
      throw new CryptoException(CryptoException.Reason.LOW_ORDER_POINT, "X25519 public key has low order");
    }
  }

  /** Refuses a public key of the wrong length, with its top bit set, or encoding a value of at least 2^255 - 19. */
  static void requireCanonical(byte[] publicKey) {
    Bytes.requireLength(publicKey, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "X25519 public key");
    if ((publicKey[31] & 0x80) != 0 || atLeastP(publicKey)) {
      throw new CryptoException(CryptoException.Reason.NON_CANONICAL_KEY, "X25519 public key is not canonical");
    }
  }

  /** Whether a canonical public key has order dividing 8, so that every agreement with it gives the zero secret. */
  static boolean hasLowOrder(byte[] publicKey) {
    // A clamped scalar is a multiple of 8, so it sends exactly the points of order 1, 2, 4 or 8 to zero.
    byte[] scalar = new byte[KEY_LENGTH];
    scalar[0] = 8;
    byte[] shared = new byte[KEY_LENGTH];
    return !org.bouncycastle.math.ec.rfc7748.X25519.calculateAgreement(scalar, 0, publicKey, 0, shared, 0);
  }

  // p = 2^255 - 19 is, little-endian, ed ff .. ff 7f; with the top bit clear, u >= p only in those 19 values.
  private static boolean atLeastP(byte[] u) {
    if ((u[31] & 0xff) != 0x7f || (u[0] & 0xff) < 0xed) {
      return false;
    }
    for (int i = 1; i < 31; i++) {
      if ((u[i] & 0xff) != 0xff) {
        return false;
      }
    }
    return true;
  }
}
