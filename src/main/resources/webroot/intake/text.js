/**
 * Translated text that follows a language switch: the key (and its parameters) stay on the element, as in the other
 * staff pages, for {@link import('./i18n.js').translate} to redo.
 */
import { t } from './i18n.js';

/** Sets `node`'s text to the string for `key`, and remembers the key. */
export function setText(node, key, params) {
  node.dataset.i18n = key;
  if (params) {
    node.dataset.i18nParams = JSON.stringify(params);
  } else {
    delete node.dataset.i18nParams;
  }
  node.textContent = t(key, params);
}

/** Empties a text set by {@link setText}. */
export function clearText(node) {
  delete node.dataset.i18n;
  delete node.dataset.i18nParams;
  node.textContent = '';
}

/**
 * An element with a class, attributes and children (strings become text, never markup).
 * @param {string} tag
 * @param {{className?: string, i18n?: string, params?: object, text?: string, attrs?: object}} [props]
 * @param {...(Node | string | null)} children
 */
export function el(tag, { className, i18n, params, text, attrs = {} } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (i18n) {
    setText(node, i18n, params);
  } else if (text !== undefined) {
    node.textContent = text;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
