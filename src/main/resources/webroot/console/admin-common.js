/** What the admin views share: a refusal shown in words, and form fields with their labels. */
import { el, setText } from './dom.js';

let counter = 0;

/** Shows why the server refused: its stable code and its detail, which names the field. */
export function showProblem(node, error) {
  setText(node, 'admin.refused', { code: error.code ?? 'internal', detail: error.detail ?? '' });
}

/**
 * A labelled field: `<p><label for=…>…</label> control hint?</p>`; the control gets a fresh id.
 * @param {string} labelKey
 * @param {HTMLElement} control
 * @param {string} [hintKey]
 */
export function field(labelKey, control, hintKey) {
  counter += 1;
  control.id ||= `field-${counter}`;
  let hint = null;
  if (hintKey) {
    hint = el('span', { className: 'hint', attrs: { id: `${control.id}-hint` }, i18n: hintKey });
    control.setAttribute('aria-describedby', hint.id);
  }
  return el('p', { className: 'field' }, el('label', { attrs: { for: control.id }, i18n: labelKey }), control, hint);
}

/** Comma- or space-separated language codes as a list: " fr, RO " → ["fr", "ro"]. */
export function languageList(text) {
  return text.split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
}
