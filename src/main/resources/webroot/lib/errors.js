/**
 * Refusals of the end-to-end encryption layer (docs/protocol.md 12.10). A `CryptoError` carries a stable
 * `reason`, the same names as the Java `CryptoException.Reason`; its message says which check failed and never
 * holds key bytes or plaintext.
 */

/** Every reason a `CryptoError` can carry. */
export const Reason = Object.freeze({
  BAD_CERTIFICATE: 'BAD_CERTIFICATE',
  BAD_SIGNATURE: 'BAD_SIGNATURE',
  WRONG_ORGANISATION: 'WRONG_ORGANISATION',
  NOT_YET_VALID: 'NOT_YET_VALID',
  EXPIRED: 'EXPIRED',
  WRONG_VISITOR_KEY: 'WRONG_VISITOR_KEY',
  NON_CANONICAL_KEY: 'NON_CANONICAL_KEY',
  LOW_ORDER_POINT: 'LOW_ORDER_POINT',
  BAD_KEY_LENGTH: 'BAD_KEY_LENGTH',
  BAD_LENGTH: 'BAD_LENGTH',
  MALFORMED: 'MALFORMED',
  UNSUPPORTED_VERSION: 'UNSUPPORTED_VERSION',
  AUTH_FAILED: 'AUTH_FAILED',
  DUPLICATE: 'DUPLICATE',
  TOO_MANY_SKIPPED: 'TOO_MANY_SKIPPED',
  LIMIT_REACHED: 'LIMIT_REACHED',
  INVALID_CODE: 'INVALID_CODE',
  NOT_A_RECIPIENT: 'NOT_A_RECIPIENT',
});

/** A refused cryptographic operation. */
export class CryptoError extends Error {
  /**
   * @param {string} reason one of {@link Reason}
   * @param {string} message which check failed, without secret material
   */
  constructor(reason, message) {
    super(`${reason}: ${message}`);
    this.name = 'CryptoError';
    this.reason = reason;
  }
}

/**
 * Throws a `CryptoError`; a shorthand for the many checks that refuse.
 * @param {string} reason one of {@link Reason}
 * @param {string} message which check failed
 * @returns {never}
 */
export function refuse(reason, message) {
  throw new CryptoError(reason, message);
}
