/**
 * The visitor's side of a conversation: session, queue, delivery states, transfers and the quick exit's erasure,
 * with the encryption in a {@link SecureChannel}, and the switch to leaving a message in a {@link Mailbox} instead.
 * Everything lives in this object's memory and nowhere else. Frames are handled one at a time in arrival order, and
 * so are the visitor's own sends.
 */
import { isMessageCode, MAX_TEXT_LENGTH, toBase64url } from '../lib/index.js';
import { Connection } from './connection.js';
import { Mailbox } from './mailbox.js';
import { consentContent, readReferralRequest } from './referral-card.js';
import { createSession, fetchService } from './relay.js';
import { formatResumeCode, parseResumeCode } from './resume-code.js';
import { SecureChannel } from './secure-channel.js';

/** From this estimated wait on, the widget suggests leaving a message. */
export const LONG_WAIT_SECONDS = 15 * 60;
/** How long the quick exit waits for the server to confirm the erasure before leaving anyway. */
export const ERASE_TIMEOUT_MS = 1500;

/** Phases in which the visitor is in the queue or in a conversation. */
const ACTIVE = new Set(['waiting', 'assigned', 'chatting', 'transferring']);
/** Phases of the mailbox: writing a letter, its code, the thread, and after deleting it. */
export const LETTER_PHASES = new Set(['letter', 'letter-code', 'mailbox', 'mailbox-deleted']);

export class Controller {
  /**
   * @param {ReturnType<import('./settings.js').readSettings>} settings
   * @param {(what: string) => void} onChange told after every change of `state`
   */
  constructor(settings, onChange) {
    this.settings = settings;
    this.onChange = onChange;
    /** What the view shows. */
    this.state = {
      phase: 'intro', service: null, queue: null, worker: null, messages: [], connection: 'online',
      refusal: null, error: null, resumeError: null, endedBy: null,
    };
    this.mailbox = new Mailbox(settings, (what) => this.onMailbox(what));
    this.chain = Promise.resolve();
    this.reset();
  }

  // Forgets the conversation's secrets and the session: what a new start or the quick exit begins with.
  reset() {
    this.connection?.stop();
    this.connection = null;
    this.credentials = null;
    this.languages = [];
    this.mode = 'new';
    this.everReady = false;
    this.channel = new SecureChannel(this.settings.orgId, this.settings.rootPublicKey);
    this.outbox = new Map();
    /** `consent` frames not yet recorded by the server, by request: sent again after a reconnect. */
    this.consents = new Map();
    this.pendingJoin = null;
    this.pendingKey = null;
    this.rekeyOnAssigned = false;
  }

  async loadService() {
    try {
      this.state.service = await fetchService(this.settings.relay);
    } catch {
      this.state.service = null;
    }
    this.emit('service');
  }

  /** Creates a session and joins the queue in these languages. */
  async start(languages) {
    this.reset();
    this.clearScreen();
    this.languages = languages;
    this.setPhase('starting');
    let credentials;
    try {
      credentials = await createSession(this.settings.relay, languages, this.settings.campaign);
    } catch (e) {
      this.state.error = e.code ?? 'network';
      this.setPhase('failed');
      return;
    }
    if (this.exited) {
      new Connection(this.settings.relay, credentials, { frame() {}, status() {} }).erase(ERASE_TIMEOUT_MS);
      return;
    }
    this.open(credentials, 'new');
  }

  /**
   * "I have a code": a message code opens its mailbox, anything else is taken as a resume code, which continues a
   * session; false if the text is neither.
   */
  resume(code, languages) {
    if (isMessageCode(code)) {
      this.openMailbox(code);
      return true;
    }
    const credentials = parseResumeCode(code);
    if (!credentials) {
      this.state.resumeError = 'invalid';
      this.emit('phase');
      return false;
    }
    this.reset();
    this.clearScreen();
    this.languages = languages;
    this.setPhase('starting');
    this.open(credentials, 'resume');
    return true;
  }

  open(credentials, mode) {
    this.credentials = credentials;
    this.mode = mode;
    const connection = new Connection(this.settings.relay, credentials, {
      // Frames of a socket this controller has let go (after leaving the queue for a letter) change nothing.
      frame: (frame) => (this.connection === connection ? this.enqueue(() => this.handle(frame)) : undefined),
      status: (status) => {
        this.state.connection = status;
        this.emit('connection');
      },
    });
    this.connection = connection;
    this.connection.start();
  }

  /** The code that lets the visitor continue elsewhere, while a session is open. */
  resumeCode() {
    return this.credentials ? formatResumeCode(this.credentials) : null;
  }

  /** The safety code of the current conversation, once the worker is verified. */
  safetyCode() {
    return this.channel.safetyCode();
  }

  /**
   * Sends a text: encrypted at once in a conversation, otherwise held in memory until a worker's identity is
   * verified. False, and nothing sent, for an empty or too long text.
   */
  sendText(text, visitor = { languages: this.languages, language: this.languages[0] }) {
    if (LETTER_PHASES.has(this.state.phase)) {
      return this.sendLetter(text, visitor);
    }
    if (!text.trim() || [...text].length > MAX_TEXT_LENGTH) {
      return false;
    }
    const message = { id: newId(), from: 'me', text, state: 'held' };
    this.state.messages.push(message);
    this.emit('messages');
    this.enqueue(async () => {
      if (this.channel.verified && this.state.phase === 'chatting') {
        await this.encryptAndSend(message);
      }
    });
    return true;
  }

  /** Leaves the queue, or ends the conversation. */
  leave() {
    this.send({ type: 'leave' });
  }

  /** Starts over after an end: a new key, the same session while it lives. */
  again() {
    if (this.connection && this.connection.ready) {
      this.clearScreen();
      this.state.refusal = null;
      this.setPhase('starting');
      this.enqueue(() => this.join());
    } else {
      this.start(this.languages);
    }
  }

  // --- letters ---

  /** "Leave a message instead": the letter form, from the start, the queue or a closed service. */
  writeLetter() {
    this.letterFrom = this.state.phase;
    this.state.resumeError = null;
    this.setPhase(this.mailbox.open ? 'mailbox' : 'letter');
  }

  /** Back from the letter form to where the visitor was: the queue if still in it, else the start. */
  backFromLetter() {
    this.setPhase(this.letterFrom === 'waiting' && this.connection ? 'waiting' : 'intro');
  }

  /**
   * Leaves a letter, and once it is stored leaves the queue if the visitor is in it; false for an empty or too long
   * text.
   * @param {string} text
   * @param {{languages: string[], language: string}} visitor
   */
  sendLetter(text, visitor) {
    const languages = visitor.languages.length > 0 ? visitor.languages : ['fr'];
    return this.mailbox.write(text, { languages, language: visitor.language }, () => this.leaveQueue());
  }

  // The visitor leaves the queue for a letter: the chat session is erased on the server, as by the quick exit, so
  // that nothing of it outlives the switch.
  leaveQueue() {
    const connection = this.connection;
    if (!connection) {
      return;
    }
    this.connection = null;
    this.credentials = null;
    connection.erase(ERASE_TIMEOUT_MS);
  }

  // Still in the queue while writing a letter, the visitor stays on the letter form.
  waitingUnlessWritingALetter() {
    return this.state.phase === 'letter' ? undefined : this.setPhase('waiting');
  }

  /** Opens the mailbox of a message code; a wrong code stays on the start with "no messages for this code". */
  async openMailbox(code) {
    this.state.resumeError = null;
    const outcome = await this.mailbox.openCode(code);
    if (outcome === 'opened') {
      this.reset();
      this.clearScreen();
      this.setPhase('mailbox');
      return;
    }
    this.state.resumeError = outcome === 'not_found' ? 'noMessages' : outcome === 'invalid' ? 'invalid' : 'network';
    this.setPhase('intro');
  }

  /** The code was shown and the visitor goes on to the thread: it is not shown again. */
  codeNoted() {
    this.mailbox.codeSeen();
    this.setPhase('mailbox');
  }

  /** "Delete my messages": the mailbox is deleted on the server and forgotten here. */
  async deleteMailbox() {
    if (await this.mailbox.delete()) {
      this.setPhase('mailbox-deleted');
    }
  }

  /** Leaves the thread: the mailbox stays on the server for its code, and is forgotten in this page. */
  closeMailbox() {
    this.mailbox.forget();
    this.setPhase('intro');
  }

  onMailbox(what) {
    if (what === 'created' && this.state.phase === 'letter') {
      this.setPhase('letter-code');
    } else if (LETTER_PHASES.has(this.state.phase)) {
      this.emit('letters');
    }
  }

  /**
   * The quick exit's part here: forgets everything at once, then erases the session and deletes the open mailbox
   * on the server. Settles when the server confirms or after {@link ERASE_TIMEOUT_MS}.
   */
  erase() {
    this.exited = true;
    const connection = this.connection;
    this.connection = null;
    this.clearScreen();
    this.state.service = null;
    this.reset();
    const timeout = new Promise((resolve) => { setTimeout(resolve, ERASE_TIMEOUT_MS); });
    return Promise.all([
      connection ? connection.erase(ERASE_TIMEOUT_MS) : Promise.resolve(),
      Promise.race([this.mailbox.erase(), timeout]),
    ]);
  }

  // --- frames ---

  enqueue(task) {
    this.chain = this.chain.then(task).catch((e) => console.error('passerelle widget:', e?.name ?? 'error'));
    return this.chain;
  }

  async handle(frame) {
    if (this.exited) {
      return;
    }
    switch (frame.type) {
      case 'ready': return this.onReady(frame);
      case 'queued':
        this.pendingJoin = null;
        return this.waitingUnlessWritingALetter();
      case 'queue':
        this.state.queue = { position: frame.position, etaSeconds: frame.etaSeconds ?? null };
        return this.emit('queue');
      case 'consent-recorded':
        this.consents.delete(frame.request);
        return undefined;
      case 'key-updated':
        this.pendingKey = null;
        return undefined;
      case 'assigned': return this.onAssigned(frame);
      case 'envelope': return this.onEnvelope(frame);
      case 'stored': return this.onStored(frame);
      case 'transferred': return this.onTransferred(frame);
      case 'ended': return this.onEnded('worker');
      case 'left': return this.onEnded('self');
      case 'superseded':
        this.forgetConversation();
        this.credentials = null; // the conversation is someone else's now, even if that is the visitor elsewhere
        return this.setPhase('superseded');
      case 'error': return this.onError(frame);
      default: return undefined;
    }
  }

  async onReady(frame) {
    const first = !this.everReady;
    this.everReady = true;
    if (this.pendingJoin || this.pendingKey) {
      this.send(this.pendingJoin ?? this.pendingKey); // lost with the previous socket
    }
    if (first && this.mode === 'resume') {
      return this.onResumed(frame);
    }
    if (frame.state === 'chatting') {
      if (frame.conversation !== this.channel.conversation) {
        // Assigned, or transferred, while the socket was down; a transfer needs a new key (12.7).
        const rekey = this.channel.conversation !== null || this.rekeyOnAssigned;
        return this.onAssigned({ conversation: frame.conversation }, rekey);
      }
      this.outbox.forEach((f) => this.send(f));
      this.consents.forEach((f) => this.send(f));
      return undefined;
    }
    if (frame.state === 'waiting') {
      if (this.channel.conversation) {
        this.forgetConversation(); // sent back to the queue while the socket was down
        await this.rekey();
      }
      return this.waitingUnlessWritingALetter();
    }
    if (ACTIVE.has(this.state.phase)) {
      return this.onEnded('worker');
    }
    if (this.state.phase === 'starting' && !this.pendingJoin) {
      return this.join();
    }
    return undefined;
  }

  // From a resume code: none of this session's keys is on this device, so the worker gets a new one.
  async onResumed(frame) {
    if (frame.state === 'idle') {
      return this.join();
    }
    if (frame.state === 'chatting') {
      this.channel.follow(frame.conversation, { resumed: true });
      this.system('resume.earlier');
      this.setPhase('assigned');
    } else {
      this.setPhase('waiting');
    }
    return this.rekey();
  }

  async join() {
    this.pendingJoin = { type: 'join', languages: this.languages, publicKey: await this.channel.newKey() };
    this.send(this.pendingJoin);
  }

  // A new ephemeral key for the next handshake (12.7); the old private key is dropped.
  async rekey() {
    this.pendingKey = { type: 'key', publicKey: await this.channel.newKey() };
    this.send(this.pendingKey);
  }

  async onAssigned(frame, rekey = this.rekeyOnAssigned) {
    this.forgetConversation();
    this.channel.follow(frame.conversation);
    this.rekeyOnAssigned = false;
    this.setPhase('assigned');
    if (rekey) {
      await this.rekey();
    }
  }

  async onEnvelope(frame) {
    const conversation = this.channel.conversation;
    const opened = await this.channel.open(frame);
    if (!opened) {
      return;
    }
    if (opened.outcome === 'verified') {
      this.state.worker = { pseudonym: opened.pseudonym };
      this.system('chat.joined', { pseudonym: opened.pseudonym });
      this.setPhase('chatting');
    }
    if (opened.outcome === 'verified' || opened.outcome === 'opened') {
      this.show(opened.content);
    } else if (opened.outcome === 'unreadable') {
      this.system('message.unreadable');
    }
    this.ack(conversation, opened.seq); // after processing, even when it could not be read: it never will be
    if (opened.outcome === 'refused') {
      this.stop(opened.reason);
    } else if (opened.outcome === 'verified') {
      for (const message of this.state.messages.filter((m) => m.state === 'held')) {
        await this.encryptAndSend(message);
      }
    }
  }

  // Nothing of this worker is shown and nothing is sent to them; the conversation ends.
  stop(reason) {
    this.state.refusal = reason;
    this.forgetConversation();
    this.state.messages.filter((m) => m.state === 'held').forEach((m) => { m.state = 'failed'; });
    this.setPhase('refused');
    this.send({ type: 'leave' });
  }

  show(content) {
    const request = content.type === 'referral-request' ? readReferralRequest(content) : null;
    if (content.type === 'text') {
      const by = this.state.worker?.pseudonym;
      this.state.messages.push({ id: newId(), from: 'worker', by, text: content.text });
      this.emit('messages');
    } else if (request) {
      this.state.messages.push({ id: newId(), from: 'referral', by: this.state.worker?.pseudonym, ...request,
        decision: null });
      this.emit('messages');
    } else if (content.type !== 'hello') {
      this.system('message.unsupported');
    }
  }

  /**
   * The visitor's answer to a referral request shown in the log: sent encrypted to the worker (`referral-consent`)
   * and told to the server as a `consent` frame, which records only that it was given or refused, and when. False if
   * the request is not shown, already answered, or the conversation is not open.
   * @param {string} id the id of the request's message in the log
   * @param {boolean} given
   */
  answerReferral(id, given) {
    const message = this.state.messages.find((m) => m.id === id && m.from === 'referral');
    if (!message || message.decision || this.state.phase !== 'chatting' || !this.channel.verified) {
      return false;
    }
    message.decision = given ? 'accepted' : 'declined';
    this.emit('messages');
    const conversation = this.channel.conversation;
    this.enqueue(async () => {
      if (this.channel.conversation !== conversation || !this.channel.verified) {
        return;
      }
      const { header, body } = await this.channel.encryptContent(consentContent(message.request, given));
      const frame = { type: 'send', id: newId(), conversation, header, body };
      this.outbox.set(frame.id, frame);
      this.send(frame);
      const consent = { type: 'consent', conversation, request: message.request, given };
      this.consents.set(message.request, consent);
      this.send(consent);
    });
    return true;
  }

  async encryptAndSend(message) {
    const { header, body } = await this.channel.encrypt(message.text);
    const frame = { type: 'send', id: message.id, conversation: this.channel.conversation, header, body };
    this.outbox.set(message.id, frame);
    message.state = 'sending';
    this.emit('messages');
    this.send(frame);
  }

  onStored(frame) {
    this.outbox.delete(frame.id);
    const message = this.state.messages.find((m) => m.id === frame.id);
    if (message) {
      message.state = 'stored';
      this.emit('messages');
    }
  }

  async onTransferred(frame) {
    this.forgetConversation();
    if (frame.to === 'queue') {
      this.system('transfer.queue');
      this.setPhase('waiting');
      await this.rekey();
    } else {
      this.system('transfer.worker');
      this.rekeyOnAssigned = true;
      this.setPhase('transferring');
    }
  }

  onEnded(by) {
    this.forgetConversation();
    this.state.messages.filter((m) => m.state === 'held').forEach((m) => { m.state = 'failed'; });
    this.state.queue = null;
    if (this.state.phase !== 'refused') {
      this.state.endedBy = by;
      this.setPhase('ended');
    }
  }

  onError(frame) {
    const message = frame.ref && this.state.messages.find((m) => m.id === frame.ref);
    switch (frame.code) {
      case 'auth_failed':
      case 'not_authenticated':
        this.forgetConversation();
        this.credentials = null;
        if (this.mode === 'resume' && !this.everReady) {
          this.state.resumeError = 'expired';
          this.setPhase('intro');
        } else {
          this.setPhase('expired');
        }
        return;
      case 'queue_full':
        this.pendingJoin = null;
        this.state.error = 'queue_full';
        this.setPhase('failed');
        return;
      case 'already_queued':
        this.pendingJoin = null;
        return;
      case 'not_waiting':
        this.pendingKey = null;
        return;
      case 'rate_limited':
        if (message && this.outbox.has(message.id)) {
          const frameToResend = this.outbox.get(message.id);
          setTimeout(() => this.send(frameToResend), 1000 * (Number(frame.retryAfterSeconds) || 1));
        }
        return;
      default:
        if (message) {
          this.outbox.delete(message.id);
          message.state = 'failed';
          this.emit('messages');
        }
    }
  }

  // --- helpers ---

  // The ratchet state and the worker of the conversation are dropped (after a transfer, an end, a refusal).
  forgetConversation() {
    this.channel.forget();
    this.state.worker = null;
    for (const id of this.outbox.keys()) {
      const message = this.state.messages.find((m) => m.id === id);
      if (message) {
        message.state = 'failed';
      }
    }
    this.outbox.clear();
    this.consents.clear();
    // A request left unanswered cannot be answered any more: no consent, so nothing goes to the association.
    const unanswered = this.state.messages.filter((m) => m.from === 'referral' && !m.decision);
    unanswered.forEach((m) => { m.decision = 'closed'; });
    if (unanswered.length > 0) {
      this.emit('messages');
    }
  }

  clearScreen() {
    this.state.messages = [];
    this.state.queue = null;
    this.state.worker = null;
    this.state.error = null;
    this.state.resumeError = null;
    this.state.refusal = null;
    this.state.endedBy = null;
    this.state.connection = 'online';
  }

  system(key, values = {}) {
    this.state.messages.push({ id: newId(), from: 'system', key, values });
    this.emit('messages');
  }

  ack(conversation, seq) {
    this.send({ type: 'ack', seq, conversation });
  }

  send(frame) {
    return this.connection?.send(frame) ?? false;
  }

  setPhase(phase) {
    if (phase === 'mailbox') {
      this.mailbox.watch();
    } else {
      this.mailbox.unwatch();
    }
    this.state.phase = phase;
    this.emit('phase');
  }

  emit(what) {
    this.onChange(what);
  }
}

/** A random 128-bit id in base64url: envelope and message ids. */
function newId() {
  return toBase64url(crypto.getRandomValues(new Uint8Array(16)));
}
