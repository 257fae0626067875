/**
 * The worker's side of letters (docs/protocol.md 12.12): the mailboxes visitors left, opened with this browser's
 * identity key, and answers sealed to the visitor's reply key and to every colleague's certificate (the writer's
 * own included), so that any colleague can read the whole thread. Nothing is kept: each view reads the mailbox
 * again.
 */
import {
  CryptoError, fromBase64url, LetterKind, letterContent, newLetterId, openLetter, Reason, sealLetter, toBase64url,
  verifyCertificate, VISITOR_RECIPIENT,
} from '../lib/index.js';

/**
 * @typedef {object} ReadLetter
 * @property {string} id
 * @property {'visitor' | 'worker'} from
 * @property {number} at Unix milliseconds
 * @property {'opened' | 'sealed-elsewhere' | 'unreadable'} state `sealed-elsewhere`: sealed to colleagues' keys or
 *   to this worker's earlier keys, not to this browser's
 * @property {string} [text]
 * @property {string} [by] a worker letter's verified pseudonym
 * @property {string} [replyKey] a visitor letter's reply key, base64url
 */

/** Lists, reads, answers and discards mailboxes with the worker's credentials. */
export class LetterDesk {
  /**
   * @param {import('./api.js').Api} api
   * @param {import('./credentials.js').Credentials} credentials
   */
  constructor(api, credentials) {
    this.api = api;
    this.credentials = credentials;
  }

  /** `GET /api/v1/mailboxes`: awaiting first, then the oldest. */
  async list() {
    return (await this.api.request('GET', '/api/v1/mailboxes')).mailboxes ?? [];
  }

  /**
   * A mailbox with every letter opened that this browser can open, and the reply key its visitor letters name.
   * @param {string} id
   * @returns {Promise<{id: string, languages: string[], expiresAt: number | null, letters: ReadLetter[],
   *   replyKeys: string[]}>}
   */
  async read(id) {
    const mailbox = await this.api.request('GET', `/api/v1/mailboxes/${encodeURIComponent(id)}`);
    const letters = [];
    for (const stored of mailbox.letters ?? []) {
      letters.push(await this.open(mailbox.id ?? id, stored));
    }
    const replyKeys = [...new Set(letters.map((l) => l.replyKey).filter(Boolean))];
    return { id: mailbox.id ?? id, languages: mailbox.languages ?? [], expiresAt: epochMillis(mailbox.expiresAt),
      letters, replyKeys };
  }

  async open(mailboxId, stored) {
    const { identity, org, staffId } = this.credentials;
    const at = epochMillis(stored.at);
    const base = { id: stored.id, from: stored.from === 'worker' ? 'worker' : 'visitor', at };
    try {
      const opened = await openLetter({
        letter: fromBase64url(stored.sealed), orgId: org.orgId, mailboxId, letterId: stored.id,
        recipientId: staffId, recipient: identity.dh, rootPublicKey: org.rootPublicKey, at: Math.floor(at / 1000),
      });
      const expected = base.from === 'worker' ? LetterKind.WORKER : LetterKind.VISITOR;
      if (opened.kind !== expected) {
        return { ...base, state: 'unreadable' };
      }
      return { ...base, state: 'opened', text: opened.content.text, by: opened.sender?.pseudonym,
        replyKey: opened.content.replyKey };
    } catch (e) {
      const elsewhere = e instanceof CryptoError && e.reason === Reason.NOT_A_RECIPIENT;
      return { ...base, state: elsewhere ? 'sealed-elsewhere' : 'unreadable' };
    }
  }

  /**
   * Answers a mailbox: sealed to the visitor's reply key and to every valid colleague certificate, this worker's
   * own included. Refused (`Error` with `code`) when the mailbox's letters name no reply key or more than one.
   * @param {{id: string, replyKeys: string[]}} mailbox as {@link read} returns it
   * @param {string} text 1 to 4000 characters
   */
  async reply(mailbox, text) {
    if (mailbox.replyKeys.length !== 1) {
      throw Object.assign(new Error('no single reply key'), {
        code: mailbox.replyKeys.length === 0 ? 'noReplyKey' : 'manyReplyKeys' });
    }
    const { identity, certificate, org, staffId } = this.credentials;
    const recipients = [{ id: VISITOR_RECIPIENT, publicKey: fromBase64url(mailbox.replyKeys[0]) },
      ...(await this.colleagues())];
    if (!recipients.some((r) => r.id === staffId)) {
      recipients.push({ id: staffId, publicKey: identity.dh.publicKey });
    }
    const letterId = newLetterId();
    const sealed = await sealLetter({
      orgId: org.orgId, mailboxId: mailbox.id, letterId, kind: LetterKind.WORKER, json: letterContent({ text }),
      recipients, sender: { certificate, keyPair: identity.dh },
    });
    await this.api.request('POST', `/api/v1/mailboxes/${encodeURIComponent(mailbox.id)}/letters`,
      { id: letterId, sealed: toBase64url(sealed) });
  }

  // Every current certificate of the team that verifies now; the others are skipped.
  async colleagues() {
    const { org } = this.credentials;
    const answer = await this.api.request('GET', '/api/v1/letters/recipients');
    const verified = [];
    for (const certificate of answer.certificates ?? []) {
      try {
        const fields = await verifyCertificate(fromBase64url(certificate), { ...org, now: Date.now() / 1000 });
        if (fields.workerId !== VISITOR_RECIPIENT && !verified.some((r) => r.id === fields.workerId)) {
          verified.push({ id: fields.workerId, publicKey: fields.identityDhKey });
        }
      } catch {
        // not sealed to a certificate that does not verify
      }
    }
    return verified;
  }

  /** Discards a mailbox (spam, abuse): every letter is deleted for everyone. */
  discard(id) {
    return this.api.request('DELETE', `/api/v1/mailboxes/${encodeURIComponent(id)}`);
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
