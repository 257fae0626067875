/**
 * The console's words, from `i18n/<language>.json`: French first (workers work in French), English second. Text
 * set through {@link import('./dom.js').setText} carries its key, so a language switch redoes the whole page.
 */

/** The console's languages, in the order the switch offers them. */
export const LANGUAGES = ['fr', 'en'];
const STORAGE_KEY = 'passerelle.console.language';
let language = 'fr';
let strings = {};
const listeners = [];

/** The current language code. */
export function currentLanguage() {
  return language;
}

/**
 * The string for `key` with `{name}` placeholders filled from `params`; the key itself when it is missing (a test
 * checks that none is).
 * @param {string} key
 * @param {object} [params]
 * @returns {string}
 */
export function t(key, params = {}) {
  const text = strings[key];
  if (typeof text !== 'string') {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Whether a key exists in the current language. */
export function has(key) {
  return typeof strings[key] === 'string';
}

/**
 * Loads a language and redoes every translated text and attribute under `document`.
 * @param {string} code one of {@link LANGUAGES}
 */
export async function setLanguage(code) {
  const chosen = LANGUAGES.includes(code) ? code : 'fr';
  const response = await fetch(`i18n/${chosen}.json`, { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`cannot load the ${chosen} strings`);
  }
  strings = await response.json();
  language = chosen;
  document.documentElement.lang = chosen;
  try {
    localStorage.setItem(STORAGE_KEY, chosen);
  } catch {
    // Storage may be off; the choice then lasts until the page closes.
  }
  translate(document);
  listeners.forEach((listener) => listener(chosen));
}

/** The language chosen earlier on this device, else French. */
export function preferredLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? 'fr';
  } catch {
    return 'fr';
  }
}

/** Calls `listener(language)` after every switch, for text that is not kept as a key (titles, counters). */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/**
 * Redoes the translated text (`data-i18n`, `data-i18n-params`) and attributes (`data-i18n-attrs`) under `root`.
 * @param {ParentNode} root
 */
export function translate(root) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const params = node.dataset.i18nParams ? JSON.parse(node.dataset.i18nParams) : undefined;
    node.textContent = t(node.dataset.i18n, params);
  }
  for (const node of root.querySelectorAll('[data-i18n-attrs]')) {
    for (const [attribute, [key, params]] of Object.entries(JSON.parse(node.dataset.i18nAttrs))) {
      node.setAttribute(attribute, t(key, params));
    }
  }
}

/**
 * The name of a visitor's language in the console's language ("roumain"), or the code itself if unknown.
 * @param {string} code
 * @returns {string}
 */
export function languageName(code) {
  return has(`language.${code}`) ? t(`language.${code}`) : code;
}

const LOCALES = { fr: 'fr-FR', en: 'en-GB' };

/** A time of day ("20:15") in the console's language. */
export function formatTime(date) {
  return date.toLocaleTimeString(LOCALES[language], { hour: '2-digit', minute: '2-digit' });
}

/** A date ("28/11/2026") in the console's language. */
export function formatDate(date) {
  return date.toLocaleDateString(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A date and time in the console's language. */
export function formatDateTime(date) {
  return date.toLocaleString(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' });
}
