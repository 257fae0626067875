/**
 * One side's end of an encrypted conversation once the handshake is done: it encrypts message contents and
 * decrypts the other side's envelopes with the Double Ratchet, one operation at a time.
 */
import { equal } from './bytes.js';
import { decodeContent, encodeContent } from './content.js';
import { Reason, refuse } from './errors.js';
import { encodeMessageHeader, parseHeader } from './headers.js';
import { randomKeys } from './keys.js';
import { pad, unpad } from './padding.js';
import { ratchetDecrypt, ratchetEncrypt } from './ratchet.js';

/** A conversation's encryption state on the worker's or the visitor's side. */
export class Session {
  /**
   * Built by the handshake ({@link import('./handshake.js')}), not by callers.
   * @param {{role: 'worker' | 'visitor', state: import('./ratchet.js').RatchetState, visitorKey: Uint8Array,
   *   keys?: import('./keys.js').KeySource}} start
   */
  constructor({ role, state, visitorKey, keys = randomKeys }) {
    this.role = role;
    this.state = state;
    this.visitorKey = visitorKey;
    this.keys = keys;
    this.pending = Promise.resolve();
  }

  /** The transcript hash `th`: the input of the safety code. */
  get transcriptHash() {
    return this.state.ad;
  }

  /**
   * The header and body of the next message.
   * @param {string} json the content as JSON text, such as `textMessage("Bonjour")`
   * @returns {Promise<{header: Uint8Array, body: Uint8Array}>}
   */
  encrypt(json) {
    return this.serialised(async () => {
      const plaintext = pad(encodeContent(json));
      const { state, header, body } = await ratchetEncrypt(this.state, plaintext, encodeMessageHeader);
      this.state = state;
      return { header, body };
    });
  }

  /**
   * The content of the other side's envelope. An init is `DUPLICATE` on the visitor's side (a session already
   * answers its key) or `WRONG_VISITOR_KEY` (it answers another key), and `MALFORMED` on the worker's. Refusals
   * leave the session as it was, except a content that opens but is not valid, which is used up all the same.
   * @param {Uint8Array} header
   * @param {Uint8Array} body
   * @returns {Promise<{json: string, content: object}>}
   */
  decrypt(header, body) {
    return this.serialised(async () => {
      const parsed = parseHeader(header);
      if (parsed.kind === 'init') {
        refuseInit(this.role, parsed.visitorKey, this.visitorKey);
      }
      const { state, plaintext } = await ratchetDecrypt(this.state, header, parsed.ratchet, body, this.keys);
      this.state = state;
      return decodeContent(unpad(plaintext));
    });
  }

  // Runs operations one after the other, so that each starts from the state the previous one left.
  serialised(operation) {
    const result = this.pending.then(operation);
    this.pending = result.catch(() => {});
    return result;
  }
}

/**
 * Starts the visitor's session from the init's first message, or refuses it; nothing is kept on refusal.
 * @param {{state: import('./ratchet.js').RatchetState, visitorKey: Uint8Array, header: Uint8Array,
 *   ratchet: import('./headers.js').RatchetHeader, body: Uint8Array, keys: import('./keys.js').KeySource}} init
 * @returns {Promise<{session: Session, json: string, content: object}>}
 */
export async function openFirstMessage({ state, visitorKey, header, ratchet, body, keys }) {
  const opened = await ratchetDecrypt(state, header, ratchet, body, keys);
  const session = new Session({ role: 'visitor', state: opened.state, visitorKey, keys });
  return { session, ...decodeContent(unpad(opened.plaintext)) };
}

function refuseInit(role, initVisitorKey, visitorKey) {
  if (role === 'worker') {
    refuse(Reason.MALFORMED, 'a worker never receives an init');
  }
  if (equal(initVisitorKey, visitorKey)) {
    refuse(Reason.DUPLICATE, 'this key already has a session');
  }
  refuse(Reason.WRONG_VISITOR_KEY, 'the init answers another visitor key');
}
