/**
 * One conversation as the console holds it: the metadata the server sends (languages, flags, priority), the
 * encryption session, the messages shown, and what is not yet read. Visitors have no name: each conversation gets a
 * letter ("Person A") for the worker to tell them apart.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let next = 0;

/**
 * @typedef {object} Message
 * @property {string} id
 * @property {'visitor' | 'worker' | 'system'} from
 * @property {string} [text] what was written (never put in a title or a notification)
 * @property {string} [key] for system lines: an i18n key
 * @property {object} [params]
 * @property {'sending' | 'stored' | 'failed' | 'unreadable'} [status]
 * @property {Date} at
 */

/**
 * @typedef {'securing' | 'waiting-key' | 'open' | 'other-tab' | 'keys-lost' | 'ended' | 'left' | 'transferred'}
 *   ConversationState `other-tab`: another tab of this console holds its keys; `keys-lost`: no tab here has them
 */

export class Conversation {
  /** @param {object} frame a *conversation* object of docs/protocol.md 4 (`assigned`, or one of `ready`) */
  constructor(frame) {
    this.id = frame.conversation;
    this.label = LETTERS[next % LETTERS.length] + (next >= LETTERS.length ? String(Math.floor(next / 26)) : '');
    next += 1;
    this.languages = frame.languages ?? [];
    this.flags = frame.flags ?? [];
    this.priority = frame.priority ?? 0;
    this.visitorKey = frame.visitorKey;
    this.startedAt = frame.startedAt ? new Date(frame.startedAt) : new Date();
    this.transferred = Boolean(frame.transferred);
    this.note = frame.note ?? null;
    /** @type {{text: string, writtenAt: string, from: string} | null} */
    this.openedNote = null;
    /** @type {ConversationState} */
    this.state = 'securing';
    this.session = null;
    this.safetyCode = null;
    /** The last visitor envelope handled here, and the last whose handling is saved on this device. */
    this.lastSeq = 0;
    this.savedSeq = 0;
    /** @type {Message[]} */
    this.messages = [];
    this.unread = 0;
    /** The visitor's answers to referral requests, by request id: `{visitor, server}`, each true, false or absent. */
    this.consents = new Map();
    // Handshakes, envelopes and sends of one conversation run one after the other, in arrival order.
    this.chain = Promise.resolve();
  }

  /** Whether the worker can still act on it (write, flag, transfer, end). */
  get active() {
    return this.state === 'securing' || this.state === 'waiting-key' || this.state === 'open'
      || this.state === 'other-tab' || this.state === 'keys-lost';
  }

  /** Runs `step` after everything queued before it in this conversation; a failure does not stop later steps. */
  queue(step) {
    const run = this.chain.then(step);
    this.chain = run.catch(() => {});
    return run;
  }

  /** Takes the metadata of a later frame about the same conversation. */
  update(frame) {
    if (frame.flags) {
      this.flags = frame.flags;
    }
    if (typeof frame.priority === 'number') {
      this.priority = frame.priority;
    }
    if (frame.languages) {
      this.languages = frame.languages;
    }
  }
}

/** A fresh random id for an envelope or a command: 128 bits, unpadded base64url. */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
