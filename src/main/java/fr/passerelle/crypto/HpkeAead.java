package fr.passerelle.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** The HPKE AEAD identifiers (RFC 9180 §7.3) we can run; only AES-256-GCM is used by the protocol. */
enum HpkeAead {
  AES_128_GCM(0x0001, 16, 12),
  AES_256_GCM(0x0002, 32, 12),
  CHACHA20_POLY1305(0x0003, 32, 12),
  EXPORT_ONLY(0xFFFF, 0, 0);

  final int id;
  final int keyLength;
  final int nonceLength;

  HpkeAead(int id, int keyLength, int nonceLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.nonceLength = nonceLength;
  }

  static HpkeAead byId(int id) {
    for (HpkeAead aead : values()) {
      if (aead.id == id) {
        return aead;
      }
    }
    throw new IllegalArgumentException("unsupported HPKE AEAD " + id);
  }

  byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    return switch (this) {
      case AES_128_GCM, AES_256_GCM -> Aead.sealAnyAesKey(key, nonce, aad, plaintext);
      case CHACHA20_POLY1305 -> chacha(true, key, nonce, aad, plaintext);
      case EXPORT_ONLY -> throw new IllegalStateException("export-only HPKE context cannot seal");
    };
  }

  byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    return switch (this) {
      case AES_128_GCM, AES_256_GCM -> Aead.openAnyAesKey(key, nonce, aad, ciphertext);
      case CHACHA20_POLY1305 -> chacha(false, key, nonce, aad, ciphertext);
      case EXPORT_ONLY -> throw new IllegalStateException("export-only HPKE context cannot open");
    };
  }

  // Only the RFC 9180 vectors use ChaCha20-Poly1305; the protocol does not.
  private static byte[] chacha(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
    if (!encrypt && input.length < 16) {
      throw new CryptoException(CryptoException.Reason.AUTH_FAILED, "ciphertext shorter than its tag");
    }
    ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
    cipher.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
    byte[] out = new byte[cipher.getOutputSize(input.length)];
    try {
      int written = cipher.processBytes(input, 0, input.length, out, 0);
      cipher.doFinal(out, written);
      return out;
    } catch (InvalidCipherTextException e) {
      Bytes.wipe(out);
      throw new CryptoException(CryptoException.Reason.AUTH_FAILED, "ChaCha20-Poly1305 tag does not match");
    }
  }
}
