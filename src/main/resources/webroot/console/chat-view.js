/**
 * One conversation on screen: its metadata, the flag guidance, the transfer note, the messages and the composer
 * with canned replies. Several sit side by side in the chat grid.
 */
import { announce, el, setAttr, setText, show } from './dom.js';
import { formatDateTime, formatTime, languageName, t } from './i18n.js';

const FLAGS = ['possible-minor', 'danger'];
const GUIDANCE_STEPS = 5;

/** The panel of one conversation. */
export class ChatPanel {
  /**
   * @param {import('./conversation.js').Conversation} conversation
   * @param {object} actions send(text), flag(flag), transfer(), refer(), end(), openNote(), close(), focus(),
   *   takeOver()
   * @param {() => Array<{language: string, title: string, text: string}>} canned the canned replies
   */
  constructor(conversation, actions, canned) {
    this.conversation = conversation;
    this.actions = actions;
    this.canned = canned;
    const id = conversation.id;
    this.title = el('h3', { attrs: { id: `chat-title-${id}` } });
    this.meta = el('p', { className: 'chat-meta' });
    this.flags = el('p', { className: 'chat-flags' });
    this.state = el('p', { className: 'chat-state', attrs: { 'data-state': '' } });
    this.takeOverButton = el('button', { attrs: { type: 'button', hidden: true }, className: 'take-over-button',
      i18n: 'chat.takeOver', on: { click: () => this.actions.takeOver?.() } });
    this.codeButton = el('button', { attrs: { type: 'button', 'aria-expanded': 'false' }, className: 'safety-button',
      i18n: 'chat.safetyCode', on: { click: () => this.toggleCode() } });
    this.code = el('p', { className: 'safety-code', attrs: { hidden: true } });
    this.flagButtons = Object.fromEntries(FLAGS.map((flag) => [flag, el('button', {
      attrs: { type: 'button', 'data-flag': flag, 'aria-pressed': 'false' }, className: `flag-button flag-${flag}`,
      i18n: `flag.${flag}.action`, on: { click: () => this.actions.flag(flag) } })]));
    this.transferButton = el('button', { attrs: { type: 'button' }, className: 'transfer-button',
      i18n: 'chat.transfer', on: { click: () => this.actions.transfer() } });
    this.referButton = el('button', { attrs: { type: 'button' }, className: 'refer-button',
      i18n: 'chat.refer', on: { click: () => this.actions.refer?.() } });
    this.endButton = el('button', { attrs: { type: 'button' }, className: 'end-button', i18n: 'chat.end',
      on: { click: () => this.actions.end() } });
    this.closeButton = el('button', { attrs: { type: 'button', hidden: true }, className: 'close-button',
      i18n: 'chat.close', on: { click: () => this.actions.close() } });
    this.guidance = Object.fromEntries(FLAGS.map((flag) => [flag, guidance(flag)]));
    this.note = el('div', { className: 'transfer-note', attrs: { hidden: true } });
    // A list that announces what is added, and that the keyboard can scroll.
    this.messages = el('ol', { className: 'messages', attrs: { 'aria-live': 'polite', tabindex: 0 } });
    setAttr(this.messages, 'aria-label', 'chat.messagesLabel', { label: conversation.label });
    this.composer = this.buildComposer(id);
    this.root = el('section', {
      className: 'chat', attrs: { id: `chat-${id}`, 'aria-labelledby': `chat-title-${id}`, 'data-conversation': id },
      on: { focusin: () => this.actions.focus(), pointerdown: () => this.actions.focus() },
    },
    el('header', { className: 'chat-head' }, this.title, this.meta, this.flags, this.state, this.takeOverButton,
      el('div', { className: 'chat-actions' }, this.codeButton, this.flagButtons['possible-minor'],
        this.flagButtons.danger, this.transferButton, this.referButton, this.endButton, this.closeButton)),
    this.code, this.guidance.danger, this.guidance['possible-minor'], this.note, this.messages, this.composer);
    this.render();
  }

  buildComposer(id) {
    this.cannedSelect = el('select', { attrs: { id: `canned-${id}` } });
    this.textarea = el('textarea', { attrs: { id: `text-${id}`, rows: 3, maxlength: 4000 },
      on: { keydown: (e) => this.onKey(e) } });
    setAttr(this.textarea, 'placeholder', 'chat.placeholder');
    this.sendButton = el('button', { attrs: { type: 'submit' }, className: 'primary send-button', i18n: 'chat.send' });
    this.insertButton = el('button', { attrs: { type: 'button' }, className: 'insert-button', i18n: 'canned.insert',
      on: { click: () => this.insertCanned() } });
    return el('form', { className: 'composer', on: { submit: (e) => { e.preventDefault(); this.submit(); } } },
      el('p', { className: 'canned' }, el('label', { attrs: { for: `canned-${id}` }, i18n: 'canned.label' }),
        this.cannedSelect, this.insertButton),
      el('p', {}, el('label', { attrs: { for: `text-${id}` }, i18n: 'chat.messageLabel' }), this.textarea),
      el('p', { className: 'send-row' }, el('span', { className: 'hint', i18n: 'chat.enterHint' }), this.sendButton));
  }

  onKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  submit() {
    const text = this.textarea.value.trim();
    if (!text || this.conversation.state !== 'open') {
      return;
    }
    this.textarea.value = '';
    this.actions.send(text);
  }

  /** The chosen canned reply, inserted where the cursor is, for the worker to adapt before sending. */
  insertCanned() {
    const reply = this.canned().find((r) => r.id === this.cannedSelect.value);
    if (!reply) {
      return;
    }
    const { selectionStart: start, selectionEnd: end, value } = this.textarea;
    this.textarea.value = value.slice(0, start) + reply.text + value.slice(end);
    const caret = start + reply.text.length;
    this.textarea.focus();
    this.textarea.setSelectionRange(caret, caret);
  }

  /** Fills the canned reply list: the visitor's languages first, then the rest, each group by title. */
  renderCanned() {
    const chosen = this.cannedSelect.value;
    this.cannedSelect.replaceChildren(el('option', { attrs: { value: '' }, i18n: 'canned.choose' }));
    const replies = this.canned();
    const languages = [...new Set(replies.map((r) => r.language))];
    const mine = this.conversation.languages;
    languages.sort((a, b) => rank(mine, a) - rank(mine, b) || a.localeCompare(b));
    for (const language of languages) {
      const group = el('optgroup', { attrs: { label: languageName(language) } });
      for (const reply of replies.filter((r) => r.language === language)) {
        group.append(el('option', { attrs: { value: reply.id }, text: reply.title }));
      }
      this.cannedSelect.append(group);
    }
    this.cannedSelect.value = replies.some((r) => r.id === chosen) ? chosen : '';
  }

  toggleCode() {
    const open = this.code.hidden;
    this.code.hidden = !open;
    this.codeButton.setAttribute('aria-expanded', String(open));
  }

  /** Redraws everything but the messages and the text being written. */
  render() {
    const c = this.conversation;
    setText(this.title, 'chat.title', { label: c.label });
    setText(this.meta, 'chat.meta', {
      languages: c.languages.map(languageName).join(', '),
      since: formatTime(c.startedAt),
    });
    this.flags.replaceChildren(...c.flags.map((flag) => el('span', { className: `badge flag-${flag}`,
      i18n: `flag.${flag}` })));
    this.flags.hidden = c.flags.length === 0;
    this.state.dataset.state = c.state;
    setText(this.state, `chat.state.${c.state}`);
    this.takeOverButton.hidden = c.state !== 'other-tab';
    if (c.safetyCode) {
      setText(this.code, 'chat.safetyCodeValue', { code: c.safetyCode });
    }
    this.codeButton.disabled = !c.safetyCode || !c.active;
    for (const flag of FLAGS) {
      const on = c.flags.includes(flag);
      this.flagButtons[flag].setAttribute('aria-pressed', String(on));
      this.flagButtons[flag].disabled = on || !c.active;
      show(this.guidance[flag], on);
    }
    this.transferButton.disabled = !c.active;
    this.referButton.disabled = c.state !== 'open';
    this.endButton.disabled = !c.active;
    this.closeButton.hidden = c.active;
    const writable = c.state === 'open';
    this.textarea.disabled = !writable;
    this.sendButton.disabled = !writable;
    this.insertButton.disabled = !writable;
    this.cannedSelect.disabled = !writable;
    this.renderNote();
    this.renderCanned();
  }

  renderNote() {
    const c = this.conversation;
    show(this.note, Boolean(c.note));
    if (!c.note) {
      return;
    }
    if (c.openedNote) {
      const { text, from, writtenAt } = c.openedNote;
      this.note.replaceChildren(
        el('p', { className: 'note-head', i18n: 'note.from',
          params: { from, at: formatDateTime(new Date(writtenAt)) } }),
        el('p', { className: 'note-text', text }));
    } else if (!this.note.querySelector('button')) {
      this.noteError = el('p', { className: 'error', attrs: { role: 'alert' } });
      this.note.replaceChildren(el('p', { i18n: 'note.received' }),
        el('button', { attrs: { type: 'button' }, className: 'open-note', i18n: 'note.open',
          on: { click: () => this.actions.openNote() } }), this.noteError);
    }
  }

  /** Says why the note could not be opened. */
  noteFailed(reason) {
    if (this.noteError) {
      setText(this.noteError, 'note.failed', { reason });
    }
  }

  /** Adds a message at the end of the list. */
  append(message) {
    const item = el('li', { className: `message from-${message.from}`, attrs: { 'data-message': message.id } });
    this.fill(item, message);
    this.messages.append(item);
    item.scrollIntoView?.({ block: 'nearest' });
  }

  /** Redraws a message whose status changed. */
  update(message) {
    const item = this.messages.querySelector(`[data-message="${message.id}"]`);
    if (item) {
      this.fill(item, message);
    }
  }

  fill(item, message) {
    const time = formatTime(message.at);
    const who = { visitor: 'chat.from.visitor', worker: 'chat.from.me', system: 'chat.from.system' }[message.from];
    const body = message.status === 'unreadable'
      ? el('p', { className: 'text unreadable', i18n: 'chat.unreadable' })
      : message.key ? el('p', { className: 'text', i18n: message.key, params: message.params })
        : el('p', { className: 'text', text: message.text });
    const meta = el('p', { className: 'meta' }, el('span', { i18n: who, params: { label: this.conversation.label } }),
      ` · ${time}`, message.status && message.status !== 'unreadable'
        ? el('span', { className: `status status-${message.status}`, i18n: `chat.status.${message.status}` }) : null);
    item.replaceChildren(meta, body);
  }

  /** Whether the worker is in this panel now. */
  hasFocus() {
    return this.root.contains(document.activeElement);
  }

  focusComposer() {
    this.root.scrollIntoView?.({ block: 'nearest' });
    (this.textarea.disabled ? this.title : this.textarea).focus();
  }

  announceFlag(flag) {
    announce('flag.announced', { flag: t(`flag.${flag}`) });
  }
}

function rank(languages, language) {
  const i = languages.indexOf(language);
  return i < 0 ? languages.length : i;
}

/** The guidance shown once a flag is set: what to do, with the numbers that matter. */
function guidance(flag) {
  const steps = el('ol');
  for (let i = 1; i <= GUIDANCE_STEPS; i += 1) {
    steps.append(el('li', { i18n: `guidance.${flag}.${i}` }));
  }
  // Open when shown; the worker may fold it away once read, to make room for the conversation.
  return el('details', { className: `guidance guidance-${flag}`, attrs: { hidden: true, open: true,
    'data-guidance': flag } }, el('summary', { i18n: `guidance.${flag}.title` }), steps);
}
