/**
 * The intake page's strings: one JSON file per language under `./i18n/`, French first, through the shared
 * {@link createStrings} of lib/staff-i18n.js. A missing key shows as ⟦key⟧, for a test (and a reader) to see it.
 */
import { createStrings } from '../lib/staff-i18n.js';

export const LANGUAGES = ['fr', 'en'];

const strings = createStrings({
  languages: LANGUAGES, url: (code) => `/intake/i18n/${code}.json`, missing: (key) => `⟦${key}⟧`,
  locales: { fr: 'fr-FR', en: 'en-GB' },
});

/** The language code; the string for a key with `{name}` filled in; loading a language; translating the page. */
export const { currentLanguage, t, load, translate, formatDate } = strings;

/** Elements and translated text that follow a language switch (lib/staff-i18n.js). */
export const { el, setText, clearText } = strings;

/** The first of the browser's languages the page speaks, else French. */
export const preferredLanguage = strings.browserLanguage;

/** A date and time, short, in the page's language. */
export function formatDateTime(value) {
  return formatDate(new Date(value), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A language code as a name in the page's language ("ro" → "roumain"). */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
