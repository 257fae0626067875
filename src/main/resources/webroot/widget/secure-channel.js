/**
 * The end-to-end encryption of the visitor's current conversation (docs/protocol.md section 12): the visitor's
 * ephemeral key, the worker's init checked against the organisation's pinned root key, then the Double Ratchet, and
 * the last `seq` processed. Nothing of it leaves this object; a transfer or an end drops it.
 */
import {
  acceptInit, CryptoError, fromBase64url, generateX25519, Reason, safetyCode, textMessage, toBase64url,
} from '../lib/index.js';

/** Refusals of an init that stop the conversation: the worker's identity could not be verified (12.10). */
export const STOPPING = new Set([Reason.BAD_CERTIFICATE, Reason.BAD_SIGNATURE, Reason.WRONG_ORGANISATION,
  Reason.NOT_YET_VALID, Reason.EXPIRED, Reason.NON_CANONICAL_KEY, Reason.LOW_ORDER_POINT, Reason.BAD_KEY_LENGTH]);
/** Refusals that mean "nothing new here": an init for a replaced key, a replay. */
const IGNORED = new Set([Reason.WRONG_VISITOR_KEY, Reason.DUPLICATE]);

/**
 * @typedef {object} Opened what an envelope turned out to be, and the `seq` to acknowledge
 * @property {number} seq
 * @property {'verified' | 'opened' | 'again' | 'ignored' | 'unreadable' | 'refused'} outcome `verified`: the
 *   worker's init, whose certificate and signature check; `again`: already processed; `refused`: the worker's
 *   identity could not be verified, the conversation must stop
 * @property {object} [content] the message content, for `verified` and `opened`
 * @property {string} [pseudonym] the verified certificate's pseudonym, for `verified`
 * @property {string} [reason] the `CryptoError` reason, for `refused`
 */

export class SecureChannel {
  /**
   * @param {string} orgId pinned in the embed snippet
   * @param {Uint8Array} rootPublicKey pinned in the embed snippet
   */
  constructor(orgId, rootPublicKey) {
    this.orgId = orgId;
    this.rootPublicKey = rootPublicKey;
    this.ephemeral = null;
    this.forget();
  }

  /** A new ephemeral key pair for the next handshake; the previous private key is dropped. Its public half. */
  async newKey() {
    this.ephemeral = await generateX25519();
    return toBase64url(this.ephemeral.publicKey);
  }

  /** Whether the worker of the current conversation has been verified. */
  get verified() {
    return this.session !== null;
  }

  /**
   * Follows a new conversation, with the current key.
   * @param {string} conversation
   * @param {{resumed?: boolean}} [options] resumed from a code: what was sent to an earlier key cannot open here
   */
  follow(conversation, { resumed = false } = {}) {
    this.forget();
    this.conversation = conversation;
    this.resumed = resumed;
  }

  /** Drops the ratchet state and the conversation (after a transfer, an end, a refusal); the key stays. */
  forget() {
    this.session = null;
    this.conversation = null;
    this.lastSeq = 0;
    this.resumed = false;
  }

  /**
   * Processes an envelope of the current conversation, once: null for another conversation.
   * @returns {Promise<Opened | null>}
   */
  async open(envelope) {
    if (envelope.conversation !== this.conversation || !this.ephemeral) {
      return null;
    }
    const seq = Number(envelope.seq);
    if (seq <= this.lastSeq) {
      return { seq: this.lastSeq, outcome: 'again' };
    }
    this.lastSeq = seq;
    try {
      const header = fromBase64url(envelope.header ?? '');
      const body = fromBase64url(envelope.body ?? '');
      if (this.session) {
        return { seq, outcome: 'opened', content: (await this.session.decrypt(header, body)).content };
      }
      const accepted = await acceptInit({
        orgId: this.orgId, rootPublicKey: this.rootPublicKey, now: Math.floor(Date.now() / 1000),
        conversationId: this.conversation, visitorKey: this.ephemeral, header, body,
      });
      this.session = accepted.session;
      return { seq, outcome: 'verified', pseudonym: accepted.certificate.pseudonym, content: accepted.content };
    } catch (e) {
      return { seq, ...refusal(e, this.session !== null, this.resumed) };
    }
  }

  /**
   * A text encrypted for the verified worker.
   * @returns {Promise<{header: string, body: string}>} base64url
   */
  async encrypt(text) {
    return this.encryptContent(textMessage(text));
  }

  /**
   * Any message content, given as JSON text (12.5), encrypted for the verified worker.
   * @param {string} json
   * @returns {Promise<{header: string, body: string}>} base64url
   */
  async encryptContent(json) {
    const { header, body } = await this.session.encrypt(json);
    return { header: toBase64url(header), body: toBase64url(body) };
  }

  /** The 20 digits both sides can compare, once the worker is verified. */
  async safetyCode() {
    return this.session ? safetyCode(this.session.transcriptHash) : null;
  }
}

function refusal(error, verified, resumed) {
  const reason = error instanceof CryptoError ? error.reason : Reason.MALFORMED;
  if (IGNORED.has(reason)) {
    return { outcome: 'ignored' };
  }
  if (!verified && STOPPING.has(reason)) {
    return { outcome: 'refused', reason };
  }
  if (!verified && resumed && reason === Reason.MALFORMED) {
    return { outcome: 'ignored' }; // a message of the ratchet this device never had: the visitor was told once
  }
  return { outcome: 'unreadable' };
}
