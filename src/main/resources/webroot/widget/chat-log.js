/**
 * The conversation on screen: the message log, updated in place so that a screen reader announces each new message
 * once, and the composer, which keeps what the visitor is typing across every change of phase.
 */
import { MAX_TEXT_LENGTH } from '../lib/index.js';
import { h } from './dom.js';
import { referralCard } from './referral-card.js';

/** Delivery states a message of the visitor's can show; "read" is not one: the protocol does not say it. */
const STATES = Object.freeze({ held: 'message.held', sending: 'message.sending', stored: 'message.stored',
  failed: 'message.failed' });

export class ChatLog {
  /** @param {(id: string, given: boolean) => void} [answer] the visitor's answer to a referral request */
  constructor(answer = () => {}) {
    this.answer = answer;
    this.items = new Map();
    this.list = h('ol', { class: 'log-list' });
    this.element = null;
  }

  /** A new log element in the current language (after a change of language: everything is written again). */
  build(tr) {
    this.tr = tr;
    this.items.clear();
    this.list = h('ol', { class: 'log-list' });
    this.element = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': tr.t('chat.logLabel'),
      tabindex: '0' }, this.list);
    return this.element;
  }

  /** Adds the messages not shown yet and updates the delivery state of the others. */
  update(messages) {
    const shown = new Set(messages.map((m) => m.id));
    for (const [id, item] of this.items) {
      if (!shown.has(id)) {
        item.remove();
        this.items.delete(id);
      }
    }
    for (const message of messages) {
      const item = this.items.get(message.id);
      if (item && message.from === 'referral' && item.dataset.decision !== (message.decision ?? '')) {
        const card = this.item(message); // answered: the buttons give way to the decision
        const hadFocus = item.contains(item.getRootNode().activeElement);
        item.replaceWith(card);
        this.items.set(message.id, card);
        if (hadFocus) {
          card.querySelector('.referral-decision')?.focus();
        }
      } else if (item) {
        const state = item.querySelector('.state');
        if (state && message.state) {
          state.textContent = this.tr.t(STATES[message.state]);
          item.dataset.state = message.state;
        }
      } else {
        const created = this.item(message);
        this.items.set(message.id, created);
        this.list.append(created);
      }
    }
    this.element.scrollTop = this.element.scrollHeight;
  }

  item(message) {
    const t = (key, values) => this.tr.t(key, values);
    if (message.from === 'referral') {
      return referralCard(this.tr, message, (given) => this.answer(message.id, given));
    }
    if (message.from === 'system') {
      return h('li', { class: 'message system' }, h('p', {}, t(message.key, message.values)));
    }
    const mine = message.from === 'me';
    return h('li', { class: `message ${mine ? 'me' : 'worker'}`, 'data-state': message.state ?? null },
      h('p', { class: 'sender' }, mine ? t('chat.you') : message.by),
      h('p', { class: 'text' }, message.text),
      mine ? h('p', { class: 'state' }, t(STATES[message.state])) : null);
  }
}

export class Composer {
  /** @param {(text: string) => boolean} send */
  constructor(send) {
    this.send = send;
    this.input = h('textarea', { id: 'pw-message', rows: '3', maxlength: String(2 * MAX_TEXT_LENGTH),
      autocomplete: 'off', autocapitalize: 'sentences', spellcheck: 'true' });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.error = null;
  }

  /** The form in the current language; the text being typed stays. */
  build(tr, { enabled = true } = {}) {
    this.tr = tr;
    this.input.disabled = !enabled;
    this.error = h('p', { class: 'composer-error', role: 'alert' });
    return h('form', { class: 'composer', onsubmit: (event) => { event.preventDefault(); this.submit(); } },
      h('label', { for: 'pw-message' }, tr.t('chat.inputLabel')),
      this.input,
      this.error,
      h('button', { type: 'submit', class: 'primary', disabled: !enabled }, tr.t('chat.send')));
  }

  submit() {
    const text = this.input.value;
    if ([...text].length > MAX_TEXT_LENGTH) {
      this.error.textContent = this.tr.t('chat.tooLong');
      return;
    }
    if (this.send(text)) {
      this.input.value = '';
      this.error.textContent = '';
    }
  }

  clear() {
    this.input.value = '';
  }
}
