/**
 * The worker's side of the protocol (docs/protocol.md 4 to 7 and 12), without the page: presence, the queue and
 * offers, and each conversation's handshake, messages, acknowledgements, flags, transfer and end. The view is told
 * what changed through the `ui` callbacks; it never sees a frame.
 */
import { Conversation, randomId } from './conversation.js';
import { isDuplicate } from './secure.js';
import { WorkerSocket } from './socket.js';

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
      error: (f) => this.onError(f),
    };
  }

  start() {
    this.socket.connect();
  }

  stop() {
    this.socket.close();
    for (const conversation of this.conversations.values()) {
      conversation.session = null;
    }
    this.conversations.clear();
  }

  /** Conversations still open, whose keys would be lost with this page. */
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
    const message = { id: randomId(), from: 'worker', text, status: 'sending', at: new Date() };
    conversation.messages.push(message);
    this.ui.message(conversation, message);
    return conversation.queue(async () => {
      if (!conversation.session) {
        throw new CommandError('not_secure', 'no handshake yet');
      }
      const { header, body } = await this.secure.encrypt(conversation.session, text);
      this.transmit(conversation, { type: 'send', conversation: conversation.id, id: message.id, header, body },
        message);
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
        // Listed by the server but never handshaken here (a reload, another tab): its keys are elsewhere.
        const conversation = new Conversation(c);
        conversation.state = 'keys-lost';
        this.conversations.set(conversation.id, conversation);
        this.ui.added(conversation);
      }
    }
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
      conversation.state = 'keys-lost';
      this.ui.changed(conversation);
    }
  }

  onVisitorKey(frame) {
    const conversation = this.conversations.get(frame.conversation);
    if (conversation && conversation.active) {
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
      conversation.state = 'securing';
      this.ui.changed(conversation);
      const { session, code, header, body } = await this.secure.handshake(conversation.id, visitorKey);
      conversation.session = session; // the earlier session, if any, is dropped with its keys
      conversation.safetyCode = code;
      conversation.state = 'open';
      this.transmit(conversation, { type: 'send', conversation: conversation.id, id: randomId(), header, body },
        null);
      this.ui.changed(conversation);
    }).catch(() => {
      conversation.state = 'keys-lost';
      this.ui.changed(conversation);
    });
  }

  onEnvelope(frame) {
    const conversation = this.conversations.get(frame.conversation);
    if (!conversation) {
      return;
    }
    conversation.queue(async () => {
      if (frame.seq <= conversation.lastSeq) {
        this.ack(conversation); // delivered again after a reconnect: already shown, acknowledged once more
        return;
      }
      conversation.lastSeq = frame.seq;
      let content = null;
      let unreadable = false;
      try {
        if (!conversation.session) {
          throw new Error('no session for this conversation here');
        }
        content = await this.secure.decrypt(conversation.session, frame);
      } catch (e) {
        unreadable = !isDuplicate(e);
      }
      // Acknowledged once handled, opened or not: a message that fails to open can never open later (12.4).
      this.ack(conversation);
      if (unreadable) {
        this.show(conversation, { id: randomId(), from: 'visitor', status: 'unreadable', at: new Date() });
      } else if (content?.type === 'text') {
        this.show(conversation, { id: randomId(), from: 'visitor', text: content.text, at: new Date() });
      } else if (content && content.type !== 'hello') {
        this.show(conversation, { id: randomId(), from: 'system', key: 'chat.unknownContent', at: new Date() });
      }
    });
  }

  ack(conversation) {
    this.socket.send({ type: 'ack', conversation: conversation.id, seq: conversation.lastSeq });
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
    });
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
