/**
 * The "Messages" section of the worker's screen: how many mailboxes await a reply (read every 30 seconds and when
 * the worker looks), the list, one mailbox's thread opened with this browser's keys, a reply, and discarding a
 * mailbox after a confirmation. Alerts say that messages wait, never what they say.
 */
import { confirmDialog } from './confirm.js';
import { announce, clearText, el, setText, show } from './dom.js';
import { formatDateTime, languageName } from './i18n.js';
import { LetterDesk } from './letters.js';
import { MAX_TEXT_LENGTH } from '../lib/index.js';

/** How often the list is read again. */
export const POLL_MS = 30_000;

const $ = (id) => document.getElementById(id);

/** The section, its polling and the open mailbox. */
export class LettersView {
  /**
   * @param {import('./api.js').Api} api
   * @param {import('./credentials.js').Credentials} credentials
   * @param {import('./alerts.js').Alerts} alerts
   * @param {() => void} onAttention told when the number awaiting a reply changes (for the tab title)
   */
  constructor(api, credentials, alerts, onAttention) {
    this.desk = new LetterDesk(api, credentials);
    this.credentials = credentials;
    this.alerts = alerts;
    this.onAttention = onAttention;
    this.mailboxes = null;
    this.current = null;
    this.timer = null;
  }

  /** Mailboxes awaiting a reply, for the tab title's count. */
  get awaiting() {
    return (this.mailboxes ?? []).filter((m) => m.awaitingReply).length;
  }

  start() {
    show($('letters-panel'), true);
    $('letters-refresh').onclick = () => this.poll();
    this.poll();
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
    this.mailboxes = null;
    this.current = null;
    $('letters-list').replaceChildren();
    $('letters-thread').replaceChildren();
    show($('letters-thread'), false);
    clearText($('letters-summary'));
  }

  /** Reads the list; a tone and a fixed-words notification when more mailboxes await a reply than before. */
  async poll() {
    let mailboxes;
    try {
      mailboxes = await this.desk.list();
    } catch (e) {
      setText($('letters-summary'), 'letters.listFailed', { reason: e.code ?? 'network' });
      return;
    }
    const before = this.mailboxes === null ? null : this.awaiting;
    this.mailboxes = mailboxes;
    if (before !== null && this.awaiting > before) {
      this.alerts.ring('letter');
      announce('letters.announce', { count: this.awaiting });
    }
    this.renderList();
    this.onAttention();
  }

  renderList() {
    const mailboxes = this.mailboxes ?? [];
    setText($('letters-summary'), 'letters.summary', { count: this.awaiting, total: mailboxes.length });
    show($('letters-empty'), mailboxes.length === 0);
    $('letters-list').replaceChildren(...mailboxes.map((m) => el('li', {
      className: 'letters-row', attrs: { 'data-mailbox': m.id, 'data-awaiting': String(Boolean(m.awaitingReply)) },
    },
    el('span', { i18n: 'letters.row', params: {
      short: short(m.id), count: m.letters ?? 0, when: formatDateTime(new Date(epochMillis(m.updated))),
      languages: (m.languages ?? []).map(languageName).join(', ') || '—' } }),
    ' ',
    el('strong', { i18n: m.awaitingReply ? 'letters.awaiting' : 'letters.answered' }),
    ' ',
    el('button', { attrs: { type: 'button' }, className: 'letters-open', i18n: 'letters.open',
      on: { click: () => this.open(m.id) } }))));
  }

  /** Opens one mailbox: every letter this browser's keys open, the others said to be sealed elsewhere. */
  async open(id) {
    this.poll();
    const thread = $('letters-thread');
    show(thread, true);
    if (this.credentials.state !== 'ready') {
      thread.replaceChildren(el('p', { className: 'error', i18n: 'letters.notReady' }));
      return;
    }
    thread.replaceChildren(el('p', { attrs: { role: 'status' }, i18n: 'letters.opening' }));
    try {
      this.current = await this.desk.read(id);
    } catch (e) {
      thread.replaceChildren(el('p', { className: 'error', attrs: { role: 'alert' }, i18n: 'letters.failed',
        params: { reason: e.code ?? e.reason ?? 'network' } }));
      return;
    }
    this.renderThread();
    $('letters-thread-heading')?.focus();
  }

  renderThread(status = null) {
    const mailbox = this.current;
    const thread = $('letters-thread');
    if (!mailbox) {
      thread.replaceChildren();
      show(thread, false);
      return;
    }
    const input = el('textarea', { attrs: { id: 'letters-reply', rows: 4, maxlength: 2 * MAX_TEXT_LENGTH } });
    const error = el('p', { className: 'error', attrs: { role: 'alert' } });
    const canReply = mailbox.replyKeys.length === 1;
    thread.replaceChildren(
      el('h3', { attrs: { id: 'letters-thread-heading', tabindex: -1 }, i18n: 'letters.threadHeading',
        params: { short: short(mailbox.id) } }),
      mailbox.expiresAt ? el('p', { className: 'hint', i18n: 'letters.expires', params: {
        when: formatDateTime(new Date(mailbox.expiresAt)) } }) : null,
      el('ol', { className: 'letters-thread-list', attrs: { 'aria-labelledby': 'letters-thread-heading' } },
        ...mailbox.letters.map((l) => this.letterItem(l))),
      status ? el('p', { attrs: { role: 'status' }, i18n: status }) : null,
      canReply ? el('form', { className: 'composer letters-composer', on: { submit: (event) => {
        event.preventDefault();
        this.reply(input.value, error);
      } } },
      el('label', { attrs: { for: 'letters-reply' }, i18n: 'letters.replyLabel' }),
      input,
      el('p', { className: 'hint', i18n: 'letters.replyHint' }),
      error,
      el('button', { attrs: { type: 'submit' }, className: 'primary letters-send', i18n: 'letters.send' }))
        : el('p', { className: 'error', i18n: mailbox.replyKeys.length === 0 ? 'letters.noReplyKey'
          : 'letters.manyReplyKeys' }),
      el('p', { className: 'actions' },
        el('button', { attrs: { type: 'button' }, className: 'letters-discard', i18n: 'letters.discard',
          on: { click: () => this.discard() } }),
        el('button', { attrs: { type: 'button' }, className: 'letters-close', i18n: 'letters.close',
          on: { click: () => { this.current = null; this.renderThread(); } } })));
  }

  letterItem(letter) {
    const when = formatDateTime(new Date(letter.at));
    const head = letter.from === 'visitor'
      ? el('p', { className: 'letter-from', i18n: 'letters.from.visitor', params: { when } })
      : el('p', { className: 'letter-from', i18n: letter.by ? 'letters.from.worker' : 'letters.from.team',
        params: { pseudonym: letter.by ?? '', when } });
    const body = letter.state === 'opened'
      ? el('p', { className: 'letter-text', text: letter.text })
      : el('p', { className: 'letter-text unreadable', i18n: letter.state === 'sealed-elsewhere'
        ? 'letters.sealedElsewhere' : 'letters.unreadable' });
    return el('li', { className: `letter ${letter.from}`, attrs: { 'data-state': letter.state } }, head, body);
  }

  async reply(text, error) {
    clearText(error);
    if (!text.trim() || [...text].length > MAX_TEXT_LENGTH) {
      setText(error, 'letters.tooLong');
      return;
    }
    try {
      await this.desk.reply(this.current, text);
      this.current = await this.desk.read(this.current.id);
    } catch (e) {
      setText(error, 'letters.failed', { reason: e.code ?? e.reason ?? 'network' });
      return;
    }
    this.renderThread('letters.sent');
    this.poll();
  }

  async discard() {
    const id = this.current?.id;
    if (!id || !(await confirmDialog({ title: 'letters.discardTitle', text: 'letters.discardText',
      ok: 'letters.discard' }))) {
      return;
    }
    try {
      await this.desk.discard(id);
    } catch (e) {
      setText($('letters-summary'), 'letters.failed', { reason: e.code ?? 'network' });
      return;
    }
    this.current = null;
    this.renderThread();
    announce('letters.discarded');
    this.poll();
  }
}

// The first characters of a mailbox id: enough to tell mailboxes apart on screen, nothing about the visitor.
function short(id) {
  return String(id).slice(0, 6);
}

function epochMillis(value) {
  return typeof value === 'number' ? value * 1000 : Date.parse(value);
}
