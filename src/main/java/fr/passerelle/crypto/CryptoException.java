package fr.passerelle.crypto;

/** A refused cryptographic operation, with a stable reason and no secret material in its message. */
public final class CryptoException extends RuntimeException {

  /** Why an operation was refused; names are stable and may be logged or mapped to error codes. */
  public enum Reason {
    /** A key is not the length its primitive requires. */
    BAD_KEY_LENGTH,
    /** A nonce, tag, output size or other parameter is out of range. */
    BAD_LENGTH,
    /** An X25519 public key is not the canonical encoding of a field element (top bit set, or u >= p). */
    NON_CANONICAL_KEY,
    /** An X25519 agreement gave the all-zero secret: the peer key has low order. */
    LOW_ORDER_POINT,
    /** Authenticated decryption failed: wrong key, nonce, associated data, or altered ciphertext. */
    AUTH_FAILED,
    /** A context has sealed or opened as many messages as its nonce space allows. */
    LIMIT_REACHED,
    /** A worker certificate is malformed: bad length, string, key encoding or validity window, or extra bytes. */
    BAD_CERTIFICATE,
    /** A signature does not verify under the expected public key. */
    BAD_SIGNATURE,
    /** A worker certificate names another organisation than the expected one. */
    WRONG_ORGANISATION,
    /** A worker certificate is not valid yet: now is before its notBefore. */
    NOT_YET_VALID,
    /** A worker certificate has expired: now is at or after its notAfter. */
    EXPIRED,
    /** A header, note, sealed referral or padded plaintext does not have the layout its version defines. */
    MALFORMED,
    /** A structure starts with a version byte or header kind this implementation does not know. */
    UNSUPPORTED_VERSION,
    /** A handshake init answers another visitor key than the current one: the visitor has replaced that key. */
    WRONG_VISITOR_KEY,
    /** A message or init that was already processed: its message key is gone, or its key already has a session. */
    DUPLICATE,
    /** A message would need more skipped message keys than the ratchet allows to be derived at once. */
    TOO_MANY_SKIPPED,
    /** A letter has no stanza for this reader: it was sealed to other recipients. */
    NOT_A_RECIPIENT,
    /** A message code, once normalised, is not 20 symbols of its alphabet. */
    INVALID_CODE
  }

  private final Reason reason;

  public CryptoException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  /** The stable reason for the refusal. */
  public Reason reason() {
    return reason;
  }
}
