/** A modal yes/no question in the page's own dialog (no `window.confirm`, which cannot be styled or translated). */
import { setText } from './dom.js';

/**
 * @param {{title: string, text: string, ok: string, params?: object}} keys i18n keys
 * @returns {Promise<boolean>} whether the worker chose the OK button
 */
export function confirmDialog({ title, text, ok, params }) {
  const dialog = document.getElementById('confirm-dialog');
  setText(document.getElementById('confirm-heading'), title, params);
  setText(document.getElementById('confirm-text'), text, params);
  setText(document.getElementById('confirm-ok'), ok, params);
  return new Promise((resolve) => {
    dialog.returnValue = 'cancel';
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}
