/**
 * Small DOM helpers: elements built from properties (never from HTML strings, so no text is ever parsed as markup),
 * and translated text that follows a language switch.
 */
import { t } from './i18n.js';

export { clearText, el, setText } from './i18n.js';

/**
 * A translated attribute (such as `aria-label` or `placeholder`) that follows a language switch.
 * @param {HTMLElement} node
 * @param {string} attribute
 * @param {string} key
 * @param {object} [params]
 */
export function setAttr(node, attribute, key, params) {
  const keys = JSON.parse(node.dataset.i18nAttrs ?? '{}');
  keys[attribute] = params ? [key, params] : [key];
  node.dataset.i18nAttrs = JSON.stringify(keys);
  node.setAttribute(attribute, t(key, params));
}

/** Removes every child of `node`. */
export function clear(node) {
  while (node.firstChild) {
    node.firstChild.remove();
  }
}

/** Shows or hides `node` (the `hidden` attribute, which assistive technologies honour too). */
export function show(node, visible) {
  node.hidden = !visible;
}

/**
 * Says `key` to screen-reader users through the page's polite live region, without moving the focus.
 * @param {string} key
 * @param {object} [params]
 */
export function announce(key, params) {
  const region = document.getElementById('announcer');
  if (region) {
    region.textContent = '';
    // A fresh text node after clearing makes screen readers repeat an identical announcement.
    requestAnimationFrame(() => { region.textContent = t(key, params); });
  }
}

/**
 * A duration in seconds as "42 s", "4 min 02 s" or "1 h 05 min", the same in French and English.
 * @param {number} seconds
 * @returns {string}
 */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  }
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
