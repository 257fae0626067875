package fr.passerelle.e2e;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Ed25519;

/**
 * The transcript hash {@code th} of docs/protocol.md 12.3. It binds the organisation, its root key, the conversation,
 * the worker's certificate and both ephemeral keys; it is the associated data of every message and the input of the
 * safety code.
 */
final class Transcript {
  private static final byte[] LABEL = Wire.label0("passerelle/v1/transcript");

  private Transcript() {}

  static byte[] hash(String orgId, byte[] rootPublicKey, String conversationId, byte[] certificate,
      byte[] visitorKey, byte[] workerEphemeral) {
    if (rootPublicKey.length != Ed25519.KEY_LENGTH) {
      throw new CryptoException(CryptoException.Reason.BAD_KEY_LENGTH, "root public key must be 32 bytes");
    }
    return Wire.sha256(Bytes.concat(LABEL, Wire.lp8(orgId, "orgId"), rootPublicKey,
        Wire.lp8(conversationId, "conversation id"), Wire.lp16(certificate, "certificate"), visitorKey,
        workerEphemeral));
  }
}
