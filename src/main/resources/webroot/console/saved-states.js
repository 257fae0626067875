/**
 * Each conversation's end-to-end state, kept on the worker's device so that a reload or a crash continues the
 * conversation (docs/threat-model.md, "Worker devices"). A record holds the current ratchet private key as the
 * non-extractable `CryptoKey` it already is, and everything else (root and chain keys, skipped message keys, the
 * transcript hash, the last handled `seq`, the envelopes not yet stored) sealed with AES-GCM under a key made for the
 * staff account in this browser, itself a non-extractable `CryptoKey` kept in IndexedDB. No key byte is written in
 * clear. Message texts are never kept.
 *
 * A record also names the tab that holds it: a write from a tab that no longer does is refused
 * ({@link TakenOver}), inside the same transaction as the check.
 */
import { committed, openDatabase, request } from './idb.js';
import { fromBase64url, Session, toBase64url, utf8 } from '../lib/index.js';

const DATABASE = 'passerelle-console-state';
const KEYS = 'wrapping-keys';
const STATES = 'conversations';
const VERSION = 1;
// Every write is on disk before the server hears of it (an acknowledgement, a message sent).
const STRICT = { durability: 'strict' };

/** The record was claimed by another tab of this console: this one must stop using it. */
export class TakenOver extends Error {
  constructor() {
    super('this conversation is held by another tab');
    this.name = 'TakenOver';
  }
}

/**
 * @typedef {object} Snapshot what a reload needs to go on with a conversation
 * @property {Session} session
 * @property {string} safetyCode
 * @property {number} lastSeq the last visitor envelope handled (and shown) here
 * @property {object[]} outbox `send` frames not known to be stored, resent with the same ids
 */

/** One staff account's saved conversation states in this browser. */
export class SavedStates {
  /** @param {string} staffId */
  constructor(staffId) {
    this.staffId = staffId;
    this.wrappingKey = null;
    this.closed = false;
  }

  /**
   * Writes a conversation's state for tab `tab`, unless another tab has claimed it since.
   * @param {string} conversationId
   * @param {Snapshot} snapshot
   * @param {string} tab
   */
  async save(conversationId, snapshot, tab) {
    this.checkOpen();
    const record = await this.seal(conversationId, snapshot, tab);
    await this.inStates('readwrite', async (store) => {
      this.checkOpen(); // logged out meanwhile
      const stored = await request(store.get(conversationId));
      if (stored && stored.tab !== tab) {
        throw new TakenOver();
      }
      store.put(record, conversationId);
    });
  }

  /**
   * Makes `tab` the holder of a conversation's saved state and opens it; null if there is none (or it cannot be
   * opened: another account's, or damaged).
   * @returns {Promise<Snapshot | null>}
   */
  async claim(conversationId, tab) {
    this.checkOpen();
    let stored = null;
    await this.inStates('readwrite', async (store) => {
      stored = await request(store.get(conversationId));
      if (stored && stored.staffId === this.staffId) {
        store.put({ ...stored, tab }, conversationId);
      }
    });
    if (!stored || stored.staffId !== this.staffId) {
      return null;
    }
    try {
      return await this.open(conversationId, stored);
    } catch {
      return null;
    }
  }

  /** Deletes one conversation's state. */
  async remove(conversationId) {
    await this.inStates('readwrite', (store) => store.delete(conversationId));
  }

  /**
   * The ids of this account's saved conversations.
   * @returns {Promise<string[]>}
   */
  async list() {
    let records = [];
    await this.inStates('readonly', async (store) => {
      records = await request(store.getAll());
    });
    return records.filter((r) => r.staffId === this.staffId).map((r) => r.conversation);
  }

  /**
   * Deletes every state of any account on this browser saved longer than `seconds` ago, but those in `alive`: their
   * conversations have ended on the server since.
   * @param {number} seconds
   * @param {Set<string>} alive conversations the server still lists
   */
  async dropOlderThan(seconds, alive) {
    const limit = Date.now() - seconds * 1000;
    await this.inStates('readwrite', async (store) => {
      for (const record of await request(store.getAll())) {
        if (!(record.savedAt >= limit) && !alive.has(record.conversation)) {
          store.delete(record.conversation);
        }
      }
    });
  }

  /** Refuses any later save or claim (logout); then deletes the account's wrapping key if no state of it is left. */
  async close() {
    this.closed = true;
    this.wrappingKey = null;
    if ((await this.list()).length === 0) {
      const db = await openDatabase(DATABASE, [KEYS, STATES]);
      try {
        const transaction = db.transaction(KEYS, 'readwrite', STRICT);
        transaction.objectStore(KEYS).delete(this.staffId);
        await committed(transaction);
      } finally {
        db.close();
      }
    }
  }

  // ---- sealing -----------------------------------------------------------------------------------------------

  async seal(conversationId, { session, safetyCode, lastSeq, outbox }, tab) {
    const s = session.state;
    const clear = utf8(JSON.stringify({
      version: VERSION, visitorKey: toBase64url(session.visitorKey), safetyCode, lastSeq, outbox,
      ad: toBase64url(s.ad), dhs: toBase64url(s.dhs.publicKey), dhr: optional(s.dhr), rk: toBase64url(s.rk),
      cks: optional(s.cks), ckr: optional(s.ckr), ns: s.ns, nr: s.nr, pn: s.pn,
      skipped: [...s.skipped].map(([id, key]) => [id, toBase64url(key)]),
    }));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: this.context(conversationId) },
      await this.key(), clear);
    return { conversation: conversationId, staffId: this.staffId, tab, savedAt: Date.now(),
      ratchetKey: s.dhs.privateKey, iv, sealed };
  }

  async open(conversationId, record) {
    const clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv,
      additionalData: this.context(conversationId) }, await this.key(), record.sealed);
    const p = JSON.parse(new TextDecoder().decode(clear));
    if (p.version !== VERSION || !(record.ratchetKey instanceof CryptoKey)) {
      throw new Error('unknown saved state');
    }
    const state = {
      ad: fromBase64url(p.ad), dhs: { privateKey: record.ratchetKey, publicKey: fromBase64url(p.dhs) },
      dhr: p.dhr === null ? null : fromBase64url(p.dhr), rk: fromBase64url(p.rk),
      cks: p.cks === null ? null : fromBase64url(p.cks), ckr: p.ckr === null ? null : fromBase64url(p.ckr),
      ns: p.ns, nr: p.nr, pn: p.pn, skipped: new Map(p.skipped.map(([id, key]) => [id, fromBase64url(key)])),
    };
    return {
      session: new Session({ role: 'worker', state, visitorKey: fromBase64url(p.visitorKey) }),
      safetyCode: p.safetyCode, lastSeq: p.lastSeq, outbox: p.outbox,
    };
  }

  // A record opens only for its account and conversation.
  context(conversationId) {
    return utf8(`passerelle/console-state/v${VERSION}\u0000${this.staffId}\u0000${conversationId}`);
  }

  /** The account's wrapping key: loaded, or made once (two tabs making one at the same time keep the first). */
  key() {
    if (!this.wrappingKey) {
      this.wrappingKey = this.loadOrCreateKey();
      this.wrappingKey.catch(() => { this.wrappingKey = null; });
    }
    return this.wrappingKey;
  }

  async loadOrCreateKey() {
    const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const db = await openDatabase(DATABASE, [KEYS, STATES]);
    try {
      const transaction = db.transaction(KEYS, 'readwrite', STRICT);
      const store = transaction.objectStore(KEYS);
      let key = await request(store.get(this.staffId));
      if (!(key instanceof CryptoKey)) {
        key = fresh;
        store.put(key, this.staffId);
      }
      await committed(transaction);
      return key;
    } finally {
      db.close();
    }
  }

  checkOpen() {
    if (this.closed) {
      throw new TakenOver();
    }
  }

  /** Runs `work(store)` in one transaction on the states and waits for it to be committed. */
  async inStates(mode, work) {
    const db = await openDatabase(DATABASE, [KEYS, STATES]);
    try {
      const transaction = db.transaction(STATES, mode, STRICT);
      const done = committed(transaction);
      try {
        await work(transaction.objectStore(STATES));
      } catch (e) {
        transaction.abort();
        done.catch(() => {});
        throw e;
      }
      await done;
    } finally {
      db.close();
    }
  }
}

function optional(bytes) {
  return bytes === null ? null : toBase64url(bytes);
}
