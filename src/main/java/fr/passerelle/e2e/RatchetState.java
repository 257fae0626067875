package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.X25519;

/**
 * The Double Ratchet variables of docs/protocol.md 12.4 but the skipped keys: {@code DHs}, {@code DHr}, {@code RK},
 * {@code CKs}, {@code CKr}, {@code Ns}, {@code Nr}, {@code PN}. A session decrypts on a {@link #copy} and keeps it only
 * if the message opens, so a copy shares no array with its original.
 */
final class RatchetState {
  X25519.KeyPair ownKey;
  /** The peer's current ratchet key; null until the responder's first message. */
  byte[] peerKey;
  byte[] rootKey;
  /** Null until the responder's first DH ratchet step. */
  byte[] sendingChain;
  /** Null until the first message from the peer's current ratchet key. */
  byte[] receivingChain;
  long sent;
  long received;
  long previousChainLength;

  RatchetState copy() {
    RatchetState copy = new RatchetState();
    copy.ownKey = new X25519.KeyPair(ownKey.privateKey().clone(), ownKey.publicKey().clone());
    copy.peerKey = clone(peerKey);
    copy.rootKey = rootKey.clone();
    copy.sendingChain = clone(sendingChain);
    copy.receivingChain = clone(receivingChain);
    copy.sent = sent;
    copy.received = received;
    copy.previousChainLength = previousChainLength;
    return copy;
  }

  /** Overwrites the secrets: the private ratchet key, the root key and both chain keys. */
  void wipe() {
    Bytes.wipe(ownKey.privateKey(), rootKey);
    if (sendingChain != null) {
      Bytes.wipe(sendingChain);
    }
    if (receivingChain != null) {
      Bytes.wipe(receivingChain);
    }
  }

  private static byte[] clone(byte[] value) {
    return value == null ? null : value.clone();
  }
}
