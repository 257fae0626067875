/**
 * The transfer dialog: to an available colleague who can take the visitor (with a note only they can read), or
 * back to the queue. The transfer itself runs from here, so a refusal shows in the dialog and nothing is lost.
 */
import { clear, clearText, el, setText } from './dom.js';
import { languageName } from './i18n.js';

const dialog = () => document.getElementById('transfer-dialog');

/**
 * Opens the dialog for `conversation`; `perform(to, note)` does the transfer (`to` null for the queue) and throws
 * an error with a `code` to show.
 * @param {import('./conversation.js').Conversation} conversation
 * @param {Array<object>} colleagues from the last `queue` listing
 * @param {(to: string | null, note: string) => Promise<void>} perform
 */
export function openTransferDialog(conversation, colleagues, perform) {
  const box = dialog();
  const targets = document.getElementById('transfer-targets');
  const note = document.getElementById('transfer-note');
  const error = document.getElementById('transfer-error');
  const submit = document.getElementById('transfer-submit');
  clear(targets);
  clearText(error);
  note.value = '';
  const options = colleagues.map((c) => {
    const why = reason(c, conversation);
    return option(`colleague-${c.id}`, c.id, why === null,
      el('span', { text: c.pseudonym }), ' — ',
      el('span', { i18n: 'transfer.colleague', params: {
        languages: c.languages.map(languageName).join(', '), free: c.free } }),
      why ? el('span', { className: 'why', i18n: `transfer.why.${why}` }) : null);
  });
  options.push(option('transfer-queue', '', true, el('span', { i18n: 'transfer.queue' })));
  targets.append(...options);
  const first = targets.querySelector('input:not(:disabled)');
  if (first) {
    first.checked = true;
  }
  const sync = () => {
    const chosen = targets.querySelector('input:checked');
    note.disabled = !chosen || chosen.value === '';
  };
  targets.onchange = sync;
  sync();

  const form = document.getElementById('transfer-form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    const chosen = targets.querySelector('input:checked');
    if (!chosen) {
      return;
    }
    submit.disabled = true;
    try {
      await perform(chosen.value || null, chosen.value ? note.value : '');
      note.value = '';
      box.close();
    } catch (e) {
      // A colleague without a certificate cannot receive a note: say so, the transfer itself can go without one.
      setText(error, e.code === 'not_found' ? 'transfer.noCertificate' : 'transfer.failed',
        { reason: e.code ?? e.reason ?? 'internal' });
    } finally {
      submit.disabled = false;
    }
  };
  document.getElementById('transfer-cancel').onclick = () => {
    note.value = '';
    box.close();
  };
  box.showModal();
}

function option(id, value, enabled, ...label) {
  return el('p', { className: 'target' },
    el('input', { attrs: { type: 'radio', name: 'transfer-target', id, value, disabled: !enabled } }),
    el('label', { attrs: { for: id } }, ...label));
}

/** Why a colleague cannot take this visitor now, or null if they can. */
function reason(colleague, conversation) {
  if (!colleague.available) {
    return 'away';
  }
  if (colleague.free < 1) {
    return 'full';
  }
  if (!conversation.flags.every((flag) => colleague.skills.includes(flag))) {
    return 'skills';
  }
  return null;
}
