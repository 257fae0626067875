/**
 * The worker's side of the protocol (docs/protocol.md 4 to 7 and 12), without the page: presence, the queue and
 * offers, and each conversation's handshake, messages, acknowledgements, flags, transfer and end. The view is told
 * what changed through the `ui` callbacks; it never sees a frame.
 *
 * Each conversation's encryption state is saved on this device ({@link SavedStates}) after every handshake, message
 * encrypted and envelope handled, before the server hears of it: a message is sent, and an envelope acknowledged,
 * only once the state that follows it is written. A reload or a crash therefore continues where the saved state
 * stands. One tab of the console at a time holds a conversation ({@link TabLocks}); the others say so and can take
 * it over.
 */
import { textMessage } from '../lib/index.js';
import { Conversation, randomId } from './conversation.js';
import { SavedStates, TakenOver } from './saved-states.js';
import { isDuplicate } from './secure.js';
import { WorkerSocket } from './socket.js';
import { TabLocks } from './tab-locks.js';

const COMMAND_TIMEOUT_MS = 15000;
const OFFER_GRACE_MS = 2000;

/** A refused command: the server's error `code` and its `message`. */
export class CommandError extends Error {
  constructor(code, message) {
    super(`${code}: ${message ?? ''}`);
    this.code = code;
  }
}

/** One worker's live console session. */
export class WorkerConsole {
  /**
   * @param {import('./api.js').Api} api
   * @param {import('./secure.js').Secure} secure
   * @param {object} ui callbacks: connection(bool), ready(ready), presence(status), queue(listing), offer(offer),
   *   offerGone(entry), added(conversation), changed(conversation), message(conversation, message),
   *   messageChanged(conversation, message), newVisitors(entry ids), failed(code)
   */
  constructor(api, secure, ui) {
    this.api = api;
    this.secure = secure;
    this.ui = ui;
    this.me = null;
    this.mode = 'both';
    this.status = 'away';
    this.wantsAvailable = false;
    /** Accepts sent from this page and not answered yet: an `assigned` without one was taken in another tab. */
    this.accepting = 0;
    this.listing = null;
    /** @type {Map<string, Conversation>} */
    this.conversations = new Map();
    /** Offers by entry id, with the local time they expire. */
    this.offers = new Map();
    /** Envelopes sent and not yet `stored`, by id, in sending order: sent again after a reconnect. */
    this.outbox = new Map();
    this.pending = new Map();
    this.seenEntries = new Set();
    /** This tab, as named in the saved states it holds. */
    this.tab = randomId();
    this.saved = new SavedStates(api.session.staffId);
    this.locks = new TabLocks((id) => this.lost(id));
    this.socket = new WorkerSocket(api, (frame) => this.onFrame(frame), (connected) => ui.connection(connected));
    /** What each server frame does; frames not listed need nothing here. */
    this.handlers = {
      ready: (f) => this.onReady(f),
      queue: (f) => this.onQueue(f),
      presence: (f) => { this.status = f.status; this.ui.presence(f.status); },
      offer: (f) => this.onOffer(f),
      'offer-withdrawn': (f) => this.dropOffer(f.entry),
      declined: (f) => this.dropOffer(f.entry),
      assigned: (f) => this.onAssigned(f),
      envelope: (f) => this.onEnvelope(f),
      stored: (f) => this.onStored(f),
      'visitor-key': (f) => this.onVisitorKey(f),
      'visitor-left': (f) => this.finish(f.conversation, 'left'),
      ended: (f) => this.finish(f.conversation, 'ended'),
      transferred: (f) => this.finish(f.conversation, 'transferred', f.to),
      flagged: (f) => this.onFlagged(f),
      consent: (f) => this.onConsent(f.conversation, f, 'server'),
      error: (f) => this.onError(f),
    };
  }

  start() {
    this.socket.connect();
  }

  /**
   * Logout: closes the socket and forgets every conversation's state on this device, except those another tab of
   * the console still holds (its own logout forgets them); the account's wrapping key goes with the last one.
   * @returns {Promise<void>} settled once forgotten
   */
  stop() {
    this.socket.close();
    for (const conversation of this.conversations.values()) {
      conversation.session = null;
    }
    this.conversations.clear();
    this.outbox.clear();
    return this.forgetSavedStates().catch(() => {});
  }

  async forgetSavedStates() {
    const mine = new Set(this.locks.held.keys());
    this.saved.closed = true; // no save from a step still running
    this.locks.releaseAll();
    for (const id of await this.saved.list()) {
      if (mine.has(id) || await this.locks.freeOrMine(id)) {
        await this.saved.remove(id);
      }
    }
    await this.saved.close();
  }

  /** Conversations still open, whose keys a logout deletes. */
  get openConversations() {
    return [...this.conversations.values()].filter((c) => c.active);
  }

  // ---- commands ----------------------------------------------------------------------------------------------

  setAvailable(available) {
    const status = available ? 'available' : 'away';
    return this.command({ type: 'presence', status }, (f) => f.type === 'presence').then((frame) => {
      this.wantsAvailable = available;
      return frame;
    });
  }

  accept(entry) {
    this.accepting += 1;
    return this.command({ type: 'accept', entry }, (f) => f.type === 'assigned' && !f.transferred)
      .then((assigned) => {
        this.dropOffer(entry);
        return assigned;
      })
      .finally(() => { this.accepting -= 1; });
  }

  /** Offers past their deadline that the server has not withdrawn yet: gone from the page all the same. */
  expireOffers() {
    for (const [entry, offer] of this.offers) {
      if (Date.now() > offer.expiresAt + OFFER_GRACE_MS) {
        this.dropOffer(entry);
      }
    }
  }

  decline(entry) {
    return this.command({ type: 'decline', entry }, (f) => f.type === 'declined' && f.entry === entry);
  }

  flag(conversation, flag) {
    return this.command({ type: 'flag', conversation: conversation.id, flag },
      (f) => f.type === 'flagged' && f.conversation === conversation.id);
  }

  end(conversation) {
    return this.command({ type: 'end', conversation: conversation.id },
      (f) => f.type === 'ended' && f.conversation === conversation.id);
  }

  /**
   * Hands the visitor to a colleague (`to`), with a note sealed to their certificate if there is one, or back to the
   * queue (`to` null; a note is not passed on there).
   */
  async transfer(conversation, to, noteText) {
    const frame = { type: 'transfer', conversation: conversation.id };
    if (to) {
      frame.to = to;
      if (noteText && noteText.trim()) {
        frame.note = await this.secure.sealNote(to, noteText.trim());
      }
    }
    return this.command(frame, (f) => f.type === 'transferred' && f.conversation === conversation.id);
  }

  /** Encrypts and sends a message; it shows at once, marked stored when the server has it. */
  send(conversation, text) {
    return this.sendShown(conversation, { id: randomId(), from: 'worker', text, status: 'sending', at: new Date() },
      textMessage(text));
  }

  /**
   * Encrypts and sends any message content (12.5), given as JSON text, shown in the conversation as `message` (a
   * system line for a content that is not a text).
   */
  sendShown(conversation, message, json) {
    conversation.messages.push(message);
    this.ui.message(conversation, message);
    return conversation.queue(async () => {
      if (!conversation.session) {
        throw new CommandError('not_secure', 'no handshake yet');
      }
      const { header, body } = await this.secure.encryptContent(conversation.session, json);
      const frame = { type: 'send', conversation: conversation.id, id: message.id, header, body };
      this.outbox.set(frame.id, { frame, conversation, message });
      try {
        await this.save(conversation);
      } catch (e) {
        this.outbox.delete(frame.id); // never sent: the saved state does not know this message
        throw e;
      }
      this.socket.send(frame);
    }).catch((e) => {
      message.status = 'failed';
      this.ui.messageChanged(conversation, message);
      throw e;
    });
  }

  /** Opens a transfer note addressed to this worker. */
  async openNote(conversation) {
    conversation.openedNote = await this.secure.openNote(conversation.note);
    this.ui.changed(conversation);
    return conversation.openedNote;
  }

  /** The worker has seen what arrived in `conversation`. */
  markRead(conversation) {
    if (conversation.unread > 0) {
      conversation.unread = 0;
      this.ui.changed(conversation);
    }
  }

  /**
   * Moves a conversation held by another tab of this console to this one: its saved state is claimed here, and what
   * the server still holds for it is delivered again. The other tab is told and stops.
   */
  takeOver(conversation) {
    return conversation.queue(async () => {
      if (conversation.state !== 'other-tab') {
        return;
      }
      conversation.state = 'securing';
      this.ui.changed(conversation);
      await this.locks.hold(conversation.id, true);
      if (await this.restore(conversation)) {
        // The other tab acknowledged only what it saved: the rest is still on the server.
        this.socket.send({ type: 'sync', conversation: conversation.id, after: conversation.lastSeq });
      }
    });
  }

  /** Forgets an ended conversation from the page. */
  close(conversation) {
    conversation.session = null;
    this.conversations.delete(conversation.id);
  }

  command(frame, matches) {
    return new Promise((resolve, reject) => {
      const id = randomId();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CommandError('timeout', 'no answer'));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { matches, resolve, reject, timer });
      if (!this.socket.send({ ...frame, id })) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new CommandError('offline', 'not connected'));
      }
    });
  }

  transmit(conversation, frame, message) {
    this.outbox.set(frame.id, { frame, conversation, message });
    this.socket.send(frame);
  }

  // ---- frames ------------------------------------------------------------------------------------------------

  onFrame(frame) {
    for (const [id, command] of this.pending) {
      if (command.matches(frame)) {
        clearTimeout(command.timer);
        this.pending.delete(id);
        command.resolve(frame);
        break;
      }
    }
    this.handlers[frame.type]?.(frame);
  }

  onReady(frame) {
    this.me = frame.worker;
    this.mode = frame.mode;
    this.status = frame.status;
    for (const c of frame.conversations ?? []) {
      const known = this.conversations.get(c.conversation);
      if (known) {
        known.update(c);
      } else {
        // Listed by the server but not known to this page (a reload, another tab): its saved state, if this browser
        // has it and no other tab holds it. Envelopes delivered meanwhile wait in the conversation's queue.
        const conversation = new Conversation(c);
        this.conversations.set(conversation.id, conversation);
        this.ui.added(conversation);
        conversation.queue(async () => {
          if (await this.locks.hold(conversation.id)) {
            await this.restore(conversation);
          } else {
            this.elsewhere(conversation);
          }
        }).catch(() => {
          conversation.state = 'keys-lost';
          this.ui.changed(conversation);
        });
      }
    }
    this.dropEndedStates(frame);
    this.ui.ready(frame);
    // The server makes a worker away when their last socket drops: after a network cut, be available again as
    // chosen, rather than silently missing visitors.
    if (this.wantsAvailable && frame.status !== 'available') {
      this.setAvailable(true).catch(() => {});
    }
    // Everything not acknowledged by the server is sent again, with the same ids, in the same order.
    for (const { frame: send } of this.outbox.values()) {
      this.socket.send(send);
    }
  }

  /**
   * Takes a conversation's saved state, claimed for this tab, which must hold its lock; `keys-lost` if there is none.
   * The envelopes not known to be stored are sent again.
   * @returns {Promise<boolean>} whether the conversation is open here
   */
  async restore(conversation) {
    const snapshot = await this.saved.claim(conversation.id, this.tab).catch(() => null);
    if (!snapshot) {
      this.locks.release(conversation.id);
      conversation.state = 'keys-lost';
      this.ui.changed(conversation);
      return false;
    }
    conversation.session = snapshot.session;
    conversation.safetyCode = snapshot.safetyCode;
    conversation.lastSeq = snapshot.lastSeq;
    conversation.savedSeq = snapshot.lastSeq;
    conversation.state = 'open';
    for (const frame of snapshot.outbox) {
      this.transmit(conversation, frame, null);
    }
    this.show(conversation, { id: randomId(), from: 'system', key: 'chat.restored', at: new Date() });
    this.ui.changed(conversation);
    return true;
  }

  /** Another tab of this console holds the conversation (or, for one taken elsewhere, perhaps another device). */
  elsewhere(conversation) {
    conversation.session = null;
    conversation.state = 'other-tab';
    for (const [id, sent] of this.outbox) {
      if (sent.conversation === conversation) {
        this.outbox.delete(id); // the tab that holds it sends them again from the saved state
      }
    }
    this.ui.changed(conversation);
  }

  /** Another tab took the conversation over: this one stops using its keys at once. */
  lost(conversationId) {
    const conversation = this.conversations.get(conversationId);
    if (conversation?.active) {
      // A step already running may still save, until the other tab claims the state: then it is refused.
      conversation.queue(() => this.elsewhere(conversation));
    }
  }

  /**
   * Saves the conversation's state as it is now, with its envelopes not known to be stored; another tab that has
   * taken it over since makes this one let go.
   */
  async save(conversation) {
    const outbox = [...this.outbox.values()].filter((s) => s.conversation === conversation).map((s) => s.frame);
    try {
      await this.saved.save(conversation.id, { session: conversation.session, safetyCode: conversation.safetyCode,
        lastSeq: conversation.lastSeq, outbox }, this.tab);
    } catch (e) {
      if (e instanceof TakenOver) {
        this.locks.release(conversation.id);
        this.elsewhere(conversation);
      }
      throw e;
    }
    conversation.savedSeq = conversation.lastSeq;
  }

  /**
   * Deletes the saved states that outlived their conversation: this account's not listed by the server any more
   * (unless another tab still uses one), and any other account's older than the server keeps an idle conversation.
   */
  async dropEndedStates(frame) {
    try {
      const listed = new Set((frame.conversations ?? []).map((c) => c.conversation));
      for (const id of await this.saved.list()) {
        if (!listed.has(id) && await this.locks.freeOrMine(id)) {
          await this.saved.remove(id);
        }
      }
      if (typeof frame.conversationLifetimeSeconds === 'number') {
        await this.saved.dropOlderThan(frame.conversationLifetimeSeconds, listed);
      }
    } catch {
      // Tried again at the next `ready`.
    }
  }

  onQueue(frame) {
    this.listing = frame;
    // An offer whose visitor has left the queue (taken from the list, or gone) is over; a fresh offer may come
    // before the listing that shows its visitor, hence the grace.
    const listed = new Set(frame.entries.map((e) => e.entry));
    for (const [entry, offer] of this.offers) {
      if (!listed.has(entry) && Date.now() - offer.receivedAt > OFFER_GRACE_MS) {
        this.dropOffer(entry);
      }
    }
    const fresh = frame.entries.filter((e) => e.eligible && !this.seenEntries.has(e.entry));
    frame.entries.forEach((e) => this.seenEntries.add(e.entry));
    this.ui.queue(frame);
    if (fresh.length > 0 && this.mode !== 'push') {
      this.ui.newVisitors(fresh.map((e) => e.entry));
    }
  }

  onOffer(frame) {
    this.offers.set(frame.entry, { ...frame, receivedAt: Date.now(),
      expiresAt: Date.now() + frame.expiresInSeconds * 1000 });
    this.ui.offer(this.offers.get(frame.entry));
  }

  dropOffer(entry) {
    if (this.offers.delete(entry)) {
      this.ui.offerGone(entry);
    }
  }

  onAssigned(frame) {
    if (this.conversations.has(frame.conversation)) {
      return;
    }
    const conversation = new Conversation(frame);
    this.conversations.set(conversation.id, conversation);
    this.ui.added(conversation);
    if (frame.transferred) {
      // A transferred visitor sends a new key first (12.7): the handshake waits for visitor-key.
      conversation.state = 'waiting-key';
      this.ui.changed(conversation);
    } else if (this.accepting > 0) {
      this.handshake(conversation, frame.visitorKey);
    } else {
      // Taken in another tab or on another device, which holds its keys: a second init would be refused.
      this.elsewhere(conversation);
    }
  }

  onVisitorKey(frame) {
    const conversation = this.conversations.get(frame.conversation);
    if (conversation && conversation.active && conversation.state !== 'other-tab') {
      conversation.visitorKey = frame.publicKey;
      this.handshake(conversation, frame.publicKey);
    }
  }

  handshake(conversation, visitorKey) {
    conversation.queue(async () => {
      if (!this.secure.ready) {
        conversation.state = 'keys-lost';
        this.ui.changed(conversation);
        return;
      }
      if (!(await this.locks.hold(conversation.id))) {
        this.elsewhere(conversation); // a transferred visitor: another tab of this console answers
        return;
      }
      conversation.state = 'securing';
      this.ui.changed(conversation);
      const { session, code, header, body } = await this.secure.handshake(conversation.id, visitorKey);
      conversation.session = session; // the earlier session, if any, is dropped with its keys
      conversation.safetyCode = code;
      const init = { type: 'send', conversation: conversation.id, id: randomId(), header, body };
      this.outbox.set(init.id, { frame: init, conversation, message: null });
      try {
        await this.save(conversation);
      } catch (e) {
        this.outbox.delete(init.id);
        throw e;
      }
      conversation.state = 'open';
      this.socket.send(init);
      this.ui.changed(conversation);
    }).catch((e) => {
      if (!(e instanceof TakenOver)) {
        conversation.session = null;
        conversation.state = 'keys-lost';
        this.ui.changed(conversation);
      }
    });
  }

  onEnvelope(frame) {
    const conversation = this.conversations.get(frame.conversation);
    if (!conversation) {
      return;
    }
    conversation.queue(async () => {
      if (!conversation.session) {
        return; // not readable here (another tab, another device, keys lost): left for whoever holds the keys
      }
      if (frame.seq <= conversation.lastSeq) {
        this.ack(conversation); // delivered again after a reconnect: already shown, acknowledged once more
        return;
      }
      let content = null;
      let unreadable = false;
      try {
        content = await this.secure.decrypt(conversation.session, frame);
      } catch (e) {
        unreadable = !isDuplicate(e);
      }
      conversation.lastSeq = frame.seq;
      // Acknowledged once handled and saved, opened or not: a message that fails to open can never open later
      // (12.4). Not saved, not acknowledged: delivered again after a reload, it opens from the saved state.
      try {
        await this.save(conversation);
        this.ack(conversation);
      } catch (e) {
        if (e instanceof TakenOver) {
          return; // the tab that took it over reads it
        }
      }
      if (unreadable) {
        this.show(conversation, { id: randomId(), from: 'visitor', status: 'unreadable', at: new Date() });
      } else if (content?.type === 'text') {
        this.show(conversation, { id: randomId(), from: 'visitor', text: content.text, at: new Date() });
      } else if (content?.type === 'referral-consent' && typeof content.given === 'boolean') {
        this.onConsent(conversation.id, content, 'visitor');
      } else if (content && content.type !== 'hello') {
        this.show(conversation, { id: randomId(), from: 'system', key: 'chat.unknownContent', at: new Date() });
      }
    });
  }

  ack(conversation) {
    if (conversation.savedSeq > 0) {
      this.socket.send({ type: 'ack', conversation: conversation.id, seq: conversation.savedSeq });
    }
  }

  show(conversation, message) {
    conversation.messages.push(message);
    if (message.from === 'visitor') {
      conversation.unread += 1;
    }
    this.ui.message(conversation, message);
  }

  onStored(frame) {
    const sent = this.outbox.get(frame.id);
    if (!sent) {
      return;
    }
    this.outbox.delete(frame.id);
    if (sent.message) {
      sent.message.status = 'stored';
      this.ui.messageChanged(sent.conversation, sent.message);
    }
  }

  /**
   * The visitor's answer to a referral request, as each source tells it: `visitor`, their own encrypted
   * `referral-consent` content (which the relay cannot forge), and `server`, the `consent` frame (what the server
   * recorded, which it checks before accepting the referral). For each source the latest answer wins.
   * @param {string} id the conversation
   * @param {{request: string, given: boolean}} answer
   * @param {'visitor' | 'server'} source
   */
  onConsent(id, answer, source) {
    const conversation = this.conversations.get(id);
    if (!conversation || typeof answer.request !== 'string') {
      return;
    }
    const known = conversation.consents.get(answer.request) ?? {};
    const given = answer.given === true;
    conversation.consents.set(answer.request, { ...known, [source]: given });
    if (source === 'visitor' && known.visitor !== given) {
      this.show(conversation, { id: randomId(), from: 'system', at: new Date(),
        key: given ? 'referral.consentGiven' : 'referral.consentRefused' });
    }
    this.ui.consent?.(conversation, answer.request);
  }

  onFlagged(frame) {
    const conversation = this.conversations.get(frame.conversation);
    if (conversation) {
      conversation.update(frame);
      this.ui.changed(conversation);
    }
  }

  finish(id, state, to) {
    const conversation = this.conversations.get(id);
    if (!conversation || !conversation.active) {
      return;
    }
    conversation.queue(() => {
      conversation.state = state;
      conversation.session = null; // its keys go with it
      const key = { left: 'chat.visitorLeft', ended: 'chat.ended', transferred: `chat.transferred.${to}` }[state];
      this.show(conversation, { id: randomId(), from: 'system', key, at: new Date() });
      for (const [id2, sent] of this.outbox) {
        if (sent.conversation === conversation) {
          this.outbox.delete(id2);
        }
      }
      this.ui.changed(conversation);
      return this.forget(conversation);
    });
  }

  /** Deletes an ended conversation's saved state, and lets its lock go. */
  async forget(conversation) {
    try {
      await this.saved.remove(conversation.id);
    } finally {
      this.locks.release(conversation.id);
    }
  }

  onError(frame) {
    if (frame.ref && this.pending.has(frame.ref)) {
      const command = this.pending.get(frame.ref);
      clearTimeout(command.timer);
      this.pending.delete(frame.ref);
      command.reject(new CommandError(frame.code, frame.message));
      return;
    }
    const sent = frame.ref ? this.outbox.get(frame.ref) : undefined;
    if (sent) {
      if (frame.code === 'rate_limited') {
        setTimeout(() => this.socket.send(sent.frame), (frame.retryAfterSeconds ?? 1) * 1000);
        return;
      }
      this.outbox.delete(frame.ref);
      if (sent.message) {
        sent.message.status = 'failed';
        this.ui.messageChanged(sent.conversation, sent.message);
      }
      return;
    }
    this.ui.failed(frame.code);
  }
}
