/**
 * What the widget shows for letters (docs/protocol.md 12.12): the letter form, the message code shown once, the
 * thread of a mailbox, and the screen after deleting it. The composer is the chat's, so what is being typed stays.
 */
import { h } from './dom.js';

/** @typedef {import('./phases.js').Context} Context */

/** The first letter: why, the form, and the way back. @param {Context} c */
export function letter(c) {
  const { tr } = c;
  return h('section', { class: 'panel letter', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('letter.title')),
    h('p', {}, tr.t('letter.intro', { org: c.orgName })),
    h('p', {}, tr.t('letter.code')),
    thread(c, false),
    problem(c),
    c.composer(),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => c.controller.backFromLetter() },
        tr.t('letter.back'))));
}

/**
 * The message code, shown once in large type, with what it is for and what it cannot do: it is the only way back to
 * the answer, it is kept for a limited time, and nobody can recover it.
 * @param {Context} c
 */
export function letterCode(c) {
  const { tr, ui } = c;
  const mailbox = c.controller.mailbox;
  const code = mailbox.newCode ?? '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      c.set({ codeCopied: true, clipboardUsed: true });
    } catch {
      selectCode(c); // the visitor copies it by hand
    }
  };
  return h('section', { class: 'panel letter-code', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('code.title')),
    h('p', { role: 'status' }, tr.t('code.sent')),
    h('p', { id: 'pw-message-code', class: 'message-code', lang: 'en', translate: 'no' }, code),
    h('p', { class: 'important' }, tr.t('code.writeDown')),
    h('ul', {},
      h('li', {}, tr.t('code.only')),
      h('li', {}, tr.t('code.kept', { days: mailbox.state.keptDays })),
      h('li', {}, tr.t('code.lost'))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary copy-code', onclick: copy }, tr.t('code.copy')),
      h('button', { type: 'button', class: 'primary code-noted', onclick: () => c.controller.codeNoted() },
        tr.t('code.done'))),
    h('p', { role: 'status', class: 'small' }, ui.codeCopied ? tr.t('code.copied') : ''));
}

function selectCode(c) {
  const element = c.shadow.getElementById('pw-message-code');
  if (element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = c.shadow.getSelection?.() ?? document.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

/** The thread: the visitor's letters, the team's answers with their verified pseudonym, and what to do. @param {Context} c */
export function mailbox(c) {
  const { tr, ui } = c;
  const { state } = c.controller.mailbox;
  const answered = state.letters.some((l) => l.from === 'worker');
  return h('section', { class: 'panel mailbox', 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, tr.t('mailbox.title')),
    state.expiresAt
      ? h('p', { class: 'small' }, tr.t('mailbox.expires', { when: dateAndTime(state.expiresAt, tr.locale) }))
      : null,
    thread(c, true),
    answered ? null : h('p', { class: 'hint' }, tr.t('mailbox.noAnswer')),
    problem(c),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary refresh', onclick: () => c.controller.mailbox.refresh() },
        tr.t('mailbox.refresh'))),
    c.composer(),
    h('div', { class: 'actions' },
      ui.confirmDelete ? null : h('button', { type: 'button', class: 'secondary delete-mailbox',
        onclick: () => c.set({ confirmDelete: true }) }, tr.t('mailbox.delete')),
      h('button', { type: 'button', class: 'secondary close-mailbox', onclick: () => c.controller.closeMailbox() },
        tr.t('mailbox.close'))),
    ui.confirmDelete ? h('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'pw-confirm' },
      h('p', { id: 'pw-confirm' }, tr.t('mailbox.deleteConfirm')),
      h('button', { type: 'button', class: 'primary delete-yes', onclick: () => c.controller.deleteMailbox() },
        tr.t('mailbox.deleteYes')),
      h('button', { type: 'button', class: 'secondary', onclick: () => c.set({ confirmDelete: false }) },
        tr.t('mailbox.cancel'))) : null);
}

/** After "delete my messages". @param {Context} c */
export function deleted(c) {
  const { tr } = c;
  return h('section', { class: 'panel' },
    h('p', { role: 'status' }, tr.t('mailbox.deleted')),
    h('button', { type: 'button', class: 'primary', onclick: () => c.controller.closeMailbox() },
      tr.t('mailbox.close')));
}

function thread(c, all) {
  const { tr } = c;
  const letters = c.controller.mailbox.state.letters.filter((l) => all || l.state !== 'stored');
  if (letters.length === 0) {
    return null;
  }
  return h('ol', { class: 'letters', 'aria-label': tr.t('mailbox.title') }, letters.map((l) => {
    const when = l.at ? dateAndTime(l.at, tr.locale) : '';
    if (l.from === 'worker') {
      return h('li', { class: 'letter worker' },
        h('p', { class: 'sender' }, l.text === null ? tr.t('mailbox.team', { when })
          : tr.t('mailbox.from', { pseudonym: l.by, when })),
        l.text === null ? null : h('p', { class: 'verified small' }, tr.t('chat.verified', { org: c.orgName })),
        h('p', { class: 'text' }, l.text ?? tr.t('message.unreadable')));
    }
    return h('li', { class: 'letter me', 'data-state': l.state },
      h('p', { class: 'sender' }, l.state === 'stored' ? tr.t('mailbox.mine', { when }) : tr.t('chat.you')),
      h('p', { class: 'text' }, l.text ?? tr.t('mailbox.mineSealed')),
      l.state === 'stored' ? null : h('p', { class: 'state' }, tr.t(l.state === 'failed' ? 'message.failed'
        : 'message.sending')));
  }));
}

function problem(c) {
  const error = c.controller.mailbox.state.error;
  return error ? h('p', { class: 'error', role: 'alert' }, c.tr.t(`letter.error.${error}`)) : null;
}

// A day and time in the visitor's zone: letters and expiries are days apart, so the weekday alone would not do.
function dateAndTime(instant, locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(instant);
}
