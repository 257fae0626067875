package fr.passerelle.crypto;

import java.security.SecureRandom;

/**
 * HPKE (RFC 9180) single-shot Seal and Open with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM (suite
 * 0x0020 / 0x0001 / 0x0002), in base mode (referrals) and auth mode (transfer notes, where opening proves which
 * sender key sealed).
 *
 * <p>Each seal takes a fresh ephemeral key pair, from a {@link SecureRandom} or given by the caller (who draws it from
 * its own key source, or fixes it for a known answer); the ephemeral private key is wiped once used.
 */
public final class Hpke {
  static final HpkeSuite SUITE = new HpkeSuite(HpkeAead.AES_256_GCM);

  private Hpke() {}

  /** The encapsulated key {@code enc} (32 bytes) and the ciphertext with its tag; both travel to the recipient. */
  public record Sealed(byte[] enc, byte[] ciphertext) {}

  /** Base mode: seals {@code plaintext} to {@code recipientPublic} with a fresh ephemeral key, bound to info, aad. */
  public static Sealed seal(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random) {
    return seal(recipientPublic, info, aad, plaintext, X25519.generate(random));
  }

  /** Base mode, with a fresh ephemeral key pair {@code ephemeral} that must never be used again. */
  public static Sealed seal(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext,
      X25519.KeyPair ephemeral) {
    Dhkem.Encapsulation encapsulation = Dhkem.encap(recipientPublic, ephemeral);
    return sealWith(HpkeContext.MODE_BASE, encapsulation, ephemeral, info, aad, plaintext);
  }

  /**
   * Base mode: the plaintext sealed to {@code recipientPrivate}'s public key, or
   * {@link CryptoException.Reason#AUTH_FAILED}.
   */
  public static byte[] open(byte[] recipientPrivate, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
    return openWith(HpkeContext.MODE_BASE, Dhkem.decap(enc, recipientPrivate), info, aad, ciphertext);
  }

  /** Auth mode: seals to {@code recipientPublic} as the holder of {@code senderPrivate}, with a fresh ephemeral key. */
  public static Sealed sealAuth(byte[] recipientPublic, byte[] senderPrivate, byte[] info, byte[] aad,
      byte[] plaintext, SecureRandom random) {
    return sealAuth(recipientPublic, senderPrivate, info, aad, plaintext, X25519.generate(random));
  }

  /** Auth mode, with a fresh ephemeral key pair {@code ephemeral} that must never be used again. */
  public static Sealed sealAuth(byte[] recipientPublic, byte[] senderPrivate, byte[] info, byte[] aad,
      byte[] plaintext, X25519.KeyPair ephemeral) {
    Dhkem.Encapsulation encapsulation = Dhkem.authEncap(recipientPublic, senderPrivate, ephemeral);
    return sealWith(HpkeContext.MODE_AUTH, encapsulation, ephemeral, info, aad, plaintext);
  }

  /**
   * Auth mode: the plaintext sealed to {@code recipientPrivate}'s public key by the holder of the private key of
   * {@code senderPublic}, or {@link CryptoException.Reason#AUTH_FAILED} (also when another sender sealed it).
   */
  public static byte[] openAuth(byte[] recipientPrivate, byte[] senderPublic, byte[] enc, byte[] info, byte[] aad,
      byte[] ciphertext) {
    return openWith(HpkeContext.MODE_AUTH, Dhkem.authDecap(enc, recipientPrivate, senderPublic), info, aad,
        ciphertext);
  }

  private static Sealed sealWith(byte mode, Dhkem.Encapsulation encapsulation, X25519.KeyPair ephemeral, byte[] info,
      byte[] aad, byte[] plaintext) {
    HpkeContext context = HpkeContext.create(SUITE, mode, encapsulation.sharedSecret(), info);
    Bytes.wipe(encapsulation.sharedSecret(), ephemeral.privateKey());
    try {
      return new Sealed(encapsulation.enc(), context.seal(aad, plaintext));
    } finally {
      context.wipe();
    }
  }

  private static byte[] openWith(byte mode, byte[] sharedSecret, byte[] info, byte[] aad, byte[] ciphertext) {
    HpkeContext context = HpkeContext.create(SUITE, mode, sharedSecret, info);
    Bytes.wipe(sharedSecret);
    try {
      return context.open(aad, ciphertext);
    } finally {
      context.wipe();
    }
  }
}
