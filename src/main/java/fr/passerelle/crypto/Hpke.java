package fr.passerelle.crypto;

import java.security.SecureRandom;

/**
 * HPKE (RFC 9180) single-shot base mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM
 * (suite 0x0020 / 0x0001 / 0x0002), as used for referrals.
 */
public final class Hpke {
  static final HpkeSuite SUITE = new HpkeSuite(HpkeAead.AES_256_GCM);

  private Hpke() {}

  /** The encapsulated key {@code enc} (32 bytes) and the ciphertext with its tag; both travel to the recipient. */
  public record Sealed(byte[] enc, byte[] ciphertext) {}

  /** Seals {@code plaintext} to {@code recipientPublic} with a fresh ephemeral key, bound to {@code info} and aad. */
  public static Sealed seal(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext, SecureRandom random) {
    return seal(recipientPublic, info, aad, plaintext, X25519.generate(random));
  }

  /** The plaintext sealed to {@code recipientPrivate}'s public key, or {@link CryptoException.Reason#AUTH_FAILED}. */
  public static byte[] open(byte[] recipientPrivate, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext) {
    byte[] sharedSecret = Dhkem.decap(enc, recipientPrivate);
    HpkeContext context = HpkeContext.create(SUITE, sharedSecret, info);
    Bytes.wipe(sharedSecret);
    try {
      return context.open(aad, ciphertext);
    } finally {
      context.wipe();
    }
  }

  /** Seal with a given ephemeral key pair, whose private key it wipes: for known-answer tests only. */
  static Sealed seal(byte[] recipientPublic, byte[] info, byte[] aad, byte[] plaintext, X25519.KeyPair ephemeral) {
    Dhkem.Encapsulation encapsulation = Dhkem.encap(recipientPublic, ephemeral);
    HpkeContext context = HpkeContext.create(SUITE, encapsulation.sharedSecret(), info);
    Bytes.wipe(encapsulation.sharedSecret(), ephemeral.privateKey());
    try {
      return new Sealed(encapsulation.enc(), context.seal(aad, plaintext));
    } finally {
      context.wipe();
    }
  }
}
