/**
 * The visitor's anonymous mailbox (docs/protocol.md 12.12): letters left when nobody can chat, read again later
 * with a message code. The code, the token and the reply key live in this object's memory only, as do the texts the
 * visitor wrote (sealed to the team, they cannot be opened here again); nothing goes to any browser storage.
 */
import {
  deriveMailbox, formatMessageCode, fromBase64url, isMessageCode, LetterKind, letterContent, MAX_TEXT_LENGTH,
  newLetterId, newMessageCode, openLetter, sealLetter, toBase64url, verifyCertificate, VISITOR_RECIPIENT,
} from '../lib/index.js';
import { deleteMailbox, fetchMailbox, fetchRecipients, postLetter } from './relay.js';

/** Days a mailbox is kept after its last letter when the server does not say (its default). */
const DEFAULT_KEPT_DAYS = 7;

/**
 * @typedef {object} ShownLetter
 * @property {string} id
 * @property {'visitor' | 'worker'} from
 * @property {number | null} at Unix milliseconds, null while sending
 * @property {string | null} text null when it cannot be shown: the visitor's own letter from another visit, or a
 *   reply that did not open
 * @property {string} [by] the replying worker's verified pseudonym
 * @property {'sending' | 'stored' | 'failed'} [state] the visitor's letters written on this page
 */

/** One mailbox at a time, opened by writing the first letter or by a code. */
export class Mailbox {
  /**
   * @param {{relay: string, orgId: string, rootPublicKey: Uint8Array}} settings
   * @param {(what: string) => void} onChange told after every change of `state`
   */
  constructor(settings, onChange) {
    this.settings = settings;
    this.onChange = onChange;
    this.keys = null;
    this.written = new Map();
    /** What the view shows. */
    this.state = { letters: [], expiresAt: null, keptDays: DEFAULT_KEPT_DAYS, error: null, loading: false };
  }

  /** Whether a mailbox is open in this page. */
  get open() {
    return this.keys !== null;
  }

  /** The code of a mailbox made on this page, for the one time it is shown; null otherwise. */
  get newCode() {
    return this.keys?.fresh ? formatMessageCode(this.keys.code) : null;
  }

  /** The code has been shown: it is not offered again. */
  codeSeen() {
    if (this.keys) {
      this.keys.fresh = false;
    }
  }

  /**
   * Opens the mailbox of a code and reads it: 'opened', 'not_found' (no mailbox for this code: nothing more is
   * said), 'invalid' (not a message code, nothing sent) or 'network'.
   * @param {string} code as typed
   * @returns {Promise<'opened' | 'not_found' | 'invalid' | 'network'>}
   */
  async openCode(code) {
    if (!isMessageCode(code)) {
      return 'invalid';
    }
    const keys = { ...(await deriveMailbox(code, this.settings.orgId)), fresh: false };
    try {
      await this.read(keys);
    } catch (e) {
      return e.status === 404 ? 'not_found' : 'network';
    }
    this.keys = keys;
    this.written.clear();
    return 'opened';
  }

  /**
   * Seals a letter to every team member whose certificate verifies, and leaves it; the first letter makes the code
   * and the mailbox. False, and nothing sent, for an empty or too long text.
   * @param {string} text
   * @param {{languages: string[], language: string}} visitor the routing languages and the widget's language
   * @returns {boolean}
   */
  write(text, visitor) {
    if (!text.trim() || [...text].length > MAX_TEXT_LENGTH) {
      return false;
    }
    const letter = { id: newLetterId(), from: 'visitor', at: null, text, state: 'sending' };
    this.state.letters.push(letter);
    this.state.error = null;
    this.emit('letters');
    this.deliver(letter, visitor).catch((e) => {
      letter.state = 'failed';
      this.state.error = e.code === 'no_recipients' ? 'noRecipients' : 'failed';
      this.emit('letters');
    });
    return true;
  }

  async deliver(letter, { languages, language }) {
    const recipients = await this.recipients();
    if (recipients.length === 0) {
      throw Object.assign(new Error('no valid certificate to seal to'), { code: 'no_recipients' });
    }
    const first = !this.keys;
    const keys = this.keys ?? { ...(await deriveMailbox(newMessageCode(), this.settings.orgId)), fresh: true };
    const sealed = await sealLetter({
      orgId: this.settings.orgId, mailboxId: keys.mailboxId, letterId: letter.id, kind: LetterKind.VISITOR,
      json: letterContent({ text: letter.text, replyPub: keys.reply.publicKey, language }), recipients,
    });
    await postLetter(this.settings.relay, keys.authorization, { id: letter.id, sealed: toBase64url(sealed), languages });
    this.keys = keys;
    this.written.set(letter.id, letter.text);
    letter.state = 'stored';
    this.emit(first ? 'created' : 'letters');
    await this.refresh();
  }

  // The team's current certificates, each verified against the pinned root key, organisation and now.
  async recipients() {
    const { orgId, rootPublicKey } = this.settings;
    const verified = [];
    for (const certificate of await fetchRecipients(this.settings.relay)) {
      try {
        const fields = await verifyCertificate(fromBase64url(certificate), { orgId, rootPublicKey, now: Date.now() / 1000 });
        if (!verified.some((r) => r.id === fields.workerId)) {
          verified.push({ id: fields.workerId, publicKey: fields.identityDhKey });
        }
      } catch {
        // an invalid certificate is skipped: nothing is sealed to it
      }
    }
    return verified;
  }

  /** Reads the mailbox again: new answers, the expiry. Failures leave what is shown. */
  async refresh() {
    if (!this.keys) {
      return;
    }
    try {
      await this.read(this.keys);
    } catch (e) {
      this.state.error = e.status === 404 ? 'gone' : 'network';
      this.emit('letters');
    }
  }

  async read(keys) {
    this.state.loading = true;
    const answer = await fetchMailbox(this.settings.relay, keys.authorization);
    const sending = this.state.letters.filter((l) => l.state === 'sending' || l.state === 'failed');
    const shown = [];
    for (const stored of answer.letters ?? []) {
      shown.push(await this.show(stored, keys));
    }
    this.state.letters = [...shown, ...sending];
    this.state.expiresAt = epochMillis(answer.expiresAt);
    const last = Math.max(...shown.map((l) => l.at ?? 0));
    if (this.state.expiresAt && last > 0) {
      this.state.keptDays = Math.max(1, Math.round((this.state.expiresAt - last) / 86400000));
    }
    this.state.loading = false;
    this.state.error = null;
    this.emit('letters');
  }

  async show(stored, keys) {
    const at = epochMillis(stored.at);
    if (stored.from !== 'worker') {
      return { id: stored.id, from: 'visitor', at, text: this.written.get(stored.id) ?? null, state: 'stored' };
    }
    try {
      const opened = await openLetter({
        letter: fromBase64url(stored.sealed), orgId: this.settings.orgId, mailboxId: keys.mailboxId,
        letterId: stored.id, recipientId: VISITOR_RECIPIENT, recipient: keys.reply,
        rootPublicKey: this.settings.rootPublicKey, at: Math.floor(at / 1000),
      });
      if (opened.kind !== LetterKind.WORKER) {
        return { id: stored.id, from: 'worker', at, text: null };
      }
      return { id: stored.id, from: 'worker', at, text: opened.content.text, by: opened.sender.pseudonym };
    } catch {
      return { id: stored.id, from: 'worker', at, text: null }; // shown as "could not be read", nothing of it
    }
  }

  /** Deletes the mailbox on the server ("delete my messages"); true when the server confirmed. */
  async delete() {
    if (!this.keys) {
      return true;
    }
    try {
      await deleteMailbox(this.settings.relay, this.keys.authorization);
    } catch {
      this.state.error = 'network';
      this.emit('letters');
      return false;
    }
    this.forget();
    return true;
  }

  /** The quick exit's part: the mailbox is deleted on the server and forgotten here at once. */
  erase() {
    const keys = this.keys;
    this.forget();
    return keys ? deleteMailbox(this.settings.relay, keys.authorization).catch(() => {}) : Promise.resolve();
  }

  /** Forgets the mailbox in this page; it stays on the server for its code. */
  forget() {
    this.keys = null;
    this.written.clear();
    this.state = { letters: [], expiresAt: null, keptDays: DEFAULT_KEPT_DAYS, error: null, loading: false };
  }

  emit(what) {
    this.onChange(what);
  }
}

// The server's times, as Unix seconds or ISO 8601, in milliseconds.
function epochMillis(value) {
  if (typeof value === 'number') {
    return value * 1000;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
