package fr.passerelle.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM with a 96-bit nonce and a 128-bit tag appended to the ciphertext; no other sizes are offered.
 *
 * <p>Nonces must never repeat under one key: callers derive them from counters, never from randomness alone.
 */
public final class Aead {
  /** Length of a key. */
  public static final int KEY_LENGTH = 32;
  /** Length of a nonce. */
  public static final int NONCE_LENGTH = 12;
  /** Length of the tag at the end of every ciphertext. */
  public static final int TAG_LENGTH = 16;

  private Aead() {}

  /** The ciphertext of {@code plaintext}, followed by a tag covering it and {@code aad}. */
  public static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    Bytes.requireLength(key, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "AES-256-GCM key");
    return sealAnyAesKey(key, nonce, aad, plaintext);
  }

  /** The plaintext of {@code ciphertext} (tag included), or {@link CryptoException.Reason#AUTH_FAILED}. */
  public static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    Bytes.requireLength(key, KEY_LENGTH, CryptoException.Reason.BAD_KEY_LENGTH, "AES-256-GCM key");
    return openAnyAesKey(key, nonce, aad, ciphertext);
  }

  /** As {@link #seal}, also with 128- and 192-bit keys: for HPKE's AES-128-GCM suite and the vectors only. */
  static byte[] sealAnyAesKey(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
    GCMModeCipher gcm = cipher(true, key, nonce, aad);
    byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
    int written = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      gcm.doFinal(out, written);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("GCM encryption cannot fail", e);
    }
    return out;
  }

  /** As {@link #open}, also with 128- and 192-bit keys: for HPKE's AES-128-GCM suite and the vectors only. */
  static byte[] openAnyAesKey(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
    GCMModeCipher gcm = cipher(false, key, nonce, aad);
    if (ciphertext.length < TAG_LENGTH) {
      throw new CryptoException(CryptoException.Reason.AUTH_FAILED, "ciphertext shorter than its tag");
    }
    // BC releases plaintext before it checks the tag, so nothing leaves this method unless doFinal succeeds.
    byte[] out = new byte[gcm.getOutputSize(ciphertext.length)];
    try {
      int written = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
      gcm.doFinal(out, written);
      return out;
    } catch (InvalidCipherTextException e) {
      Bytes.wipe(out);
      throw new CryptoException(CryptoException.Reason.AUTH_FAILED, "AES-GCM tag does not match");
    }
  }

  private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new CryptoException(CryptoException.Reason.BAD_KEY_LENGTH, "AES key must be 16, 24 or 32 bytes");
    }
    Bytes.requireLength(nonce, NONCE_LENGTH, CryptoException.Reason.BAD_LENGTH, "AES-GCM nonce");
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_LENGTH * 8, nonce, aad));
    return gcm;
  }
}
