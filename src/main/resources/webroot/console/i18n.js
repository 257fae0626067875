/**
 * The console's words, from `i18n/<language>.json` through the shared {@link createStrings}: French first (workers
 * work in French), English second. Text set through {@link import('./dom.js').setText} carries its key, so a language
 * switch redoes the whole page.
 */
import { createStrings } from '../lib/staff-i18n.js';

/** The console's languages, in the order the switch offers them. */
export const LANGUAGES = ['fr', 'en'];
const STORAGE_KEY = 'passerelle.console.language';
const strings = createStrings({
  languages: LANGUAGES, url: (code) => `i18n/${code}.json`, locales: { fr: 'fr-FR', en: 'en-GB' },
});
const listeners = [];

/** The current language code; the string for a key (the key itself when missing: a test checks that none is). */
export const { currentLanguage, t, has, translate } = strings;

/** Elements and translated text that follow a language switch (lib/staff-i18n.js). */
export const { el, setText, clearText } = strings;

/**
 * Loads a language and redoes every translated text and attribute under `document`.
 * @param {string} code one of {@link LANGUAGES}
 */
export async function setLanguage(code) {
  const chosen = await strings.load(code);
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
 * The name of a visitor's language in the console's language ("roumain"), or the code itself if unknown.
 * @param {string} code
 * @returns {string}
 */
export function languageName(code) {
  return has(`language.${code}`) ? t(`language.${code}`) : code;
}

/** A time of day ("20:15") in the console's language. */
export function formatTime(date) {
  return strings.formatDate(date, { hour: '2-digit', minute: '2-digit' });
}

/** A date ("28 novembre 2026") in the console's language. */
export function formatDate(date) {
  return strings.formatDate(date, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A date and time in the console's language. */
export function formatDateTime(date) {
  return strings.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date and time to the second, for a log where several things happen in a minute. */
export function formatInstant(date) {
  return strings.formatDate(date, { dateStyle: 'medium', timeStyle: 'medium' });
}
