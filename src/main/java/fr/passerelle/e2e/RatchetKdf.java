package fr.passerelle.e2e;

import fr.passerelle.crypto.Aead;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Hkdf;
import fr.passerelle.crypto.Hmac;
import java.util.Arrays;

/** The key derivations of the Double Ratchet (docs/protocol.md 12.4): root chain, symmetric chains, message keys. */
final class RatchetKdf {
  private static final byte[] ROOT_CHAIN = Wire.ascii("passerelle/v1/root-chain");
  private static final byte[] MESSAGE_KEY = Wire.ascii("passerelle/v1/message-key");
  private static final byte[] MESSAGE_KEY_INPUT = {0x01};
  private static final byte[] CHAIN_KEY_INPUT = {0x02};

  private RatchetKdf() {}

  /** A new root key and the chain key that starts with it. */
  record RootStep(byte[] rootKey, byte[] chainKey) {}

  /** A chain's next chain key and the message key of the current position. */
  record ChainStep(byte[] chainKey, byte[] messageKey) {}

  /** KDF_RK(rk, dh): HKDF(salt = rk, ikm = dh, "passerelle/v1/root-chain", 64); wipes {@code dh}. */
  static RootStep root(byte[] rootKey, byte[] dh) {
    byte[] out = Hkdf.derive(rootKey, dh, ROOT_CHAIN, 64);
    Bytes.wipe(dh);
    RootStep step = new RootStep(Arrays.copyOfRange(out, 0, 32), Arrays.copyOfRange(out, 32, 64));
    Bytes.wipe(out);
    return step;
  }

  /** KDF_CK(ck): message key HMAC(ck, 0x01), next chain key HMAC(ck, 0x02). */
  static ChainStep chain(byte[] chainKey) {
    return new ChainStep(Hmac.sha256(chainKey, CHAIN_KEY_INPUT), Hmac.sha256(chainKey, MESSAGE_KEY_INPUT));
  }

  /** Seals with a message key, which it wipes: AES key and nonce are HKDF("", mk, "passerelle/v1/message-key", 44). */
  static byte[] seal(byte[] messageKey, byte[] aad, byte[] plaintext) {
    byte[] keyAndNonce = expand(messageKey);
    byte[] key = key(keyAndNonce);
    try {
      return Aead.seal(key, nonce(keyAndNonce), aad, plaintext);
    } finally {
      Bytes.wipe(keyAndNonce, key, messageKey);
    }
  }

  /** Opens with a message key, which it leaves as it is: a key that fails stays usable for the genuine message. */
  static byte[] open(byte[] messageKey, byte[] aad, byte[] ciphertext) {
    byte[] keyAndNonce = expand(messageKey);
    byte[] key = key(keyAndNonce);
    try {
      return Aead.open(key, nonce(keyAndNonce), aad, ciphertext);
    } finally {
      Bytes.wipe(keyAndNonce, key);
    }
  }

  private static byte[] expand(byte[] messageKey) {
    return Hkdf.derive(new byte[0], messageKey, MESSAGE_KEY, Aead.KEY_LENGTH + Aead.NONCE_LENGTH);
  }

  private static byte[] key(byte[] keyAndNonce) {
    return Arrays.copyOfRange(keyAndNonce, 0, Aead.KEY_LENGTH);
  }

  private static byte[] nonce(byte[] keyAndNonce) {
    return Arrays.copyOfRange(keyAndNonce, Aead.KEY_LENGTH, Aead.KEY_LENGTH + Aead.NONCE_LENGTH);
  }
}
