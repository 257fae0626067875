/**
 * Small DOM helpers: elements built from properties (never from HTML strings, so no text is ever parsed as markup),
 * and translated text that follows a language switch.
 */
import { t } from './i18n.js';

/**
 * An element with properties and children. `text` sets plain text; `i18n` (with `params`) sets translated text that
 * follows a language switch; `attrs` sets attributes; `on` adds listeners; strings among children become text nodes.
 * @param {string} tag
 * @param {object} [props]
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { text, i18n, params, attrs = {}, on = {}, className } = props;
  if (className) {
    node.className = className;
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  for (const [event, handler] of Object.entries(on)) {
    node.addEventListener(event, handler);
  }
  if (i18n) {
    setText(node, i18n, params);
  } else if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child);
    }
  }
  return node;
}

/**
 * Translated text on `node`, kept as a key so that {@link import('./i18n.js').translate} can redo it in another
 * language.
 * @param {HTMLElement} node
 * @param {string} key
 * @param {object} [params]
 */
export function setText(node, key, params) {
  node.dataset.i18n = key;
  if (params) {
    node.dataset.i18nParams = JSON.stringify(params);
  } else {
    delete node.dataset.i18nParams;
  }
  node.textContent = t(key, params);
}

/** Empties a text that {@link setText} filled, so that a language switch leaves it empty. */
export function clearText(node) {
  delete node.dataset.i18n;
  delete node.dataset.i18nParams;
  node.textContent = '';
}

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
