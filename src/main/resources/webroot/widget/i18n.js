/**
 * The widget's languages: every string lives in `i18n/<language>.json`, loaded as JSON modules (so that the embed
 * snippet's import map pins them like the code). The language comes from the browser and can be changed.
 */

/** The languages the widget speaks, in the order its menu shows them. */
export const LANGUAGES = Object.freeze(['fr', 'en', 'ro', 'bg', 'zh', 'es', 'pt-BR', 'ru', 'sq']);

/** What `Intl` needs for dates and times in each language. */
const LOCALES = Object.freeze({ zh: 'zh-Hans-CN', 'pt-BR': 'pt-BR' });

/**
 * The first of the browser's languages the widget speaks (any Portuguese is Brazilian, any Chinese simplified),
 * otherwise French.
 * @param {readonly string[]} preferred such as `navigator.languages`
 * @returns {string}
 */
export function chooseLanguage(preferred) {
  for (const tag of preferred ?? []) {
    const base = String(tag).toLowerCase().split('-')[0];
    const found = LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === base);
    if (found) {
      return found;
    }
  }
  return 'fr';
}

/**
 * The language tag sent to the server for routing: the bare language, as workers' languages are written (`pt`, `zh`).
 * @param {string} tag
 * @returns {string | null} null for a tag the server would refuse
 */
export function routingTag(tag) {
  const base = String(tag).toLowerCase().split('-')[0];
  return /^[a-z]{2,3}$/.test(base) ? base : null;
}

/** Every catalogue, loaded at once: the language menu names each language in itself. */
export async function loadCatalogues() {
  const loaded = await Promise.all(LANGUAGES.map(async (language) => {
    const module = await import(`./i18n/${language}.json`, { with: { type: 'json' } });
    return [language, module.default];
  }));
  return new Map(loaded);
}

/** Strings of one language, with `{name}` placeholders filled in. */
export class Translator {
  /**
   * @param {string} language one of {@link LANGUAGES}
   * @param {Record<string, string>} catalogue
   */
  constructor(language, catalogue) {
    this.language = language;
    this.catalogue = catalogue;
    this.locale = LOCALES[language] ?? language;
  }

  /**
   * The string for `key`; a missing one shows as the key itself, which the tests look for.
   * @param {string} key
   * @param {Record<string, string | number>} [values]
   * @returns {string}
   */
  t(key, values = {}) {
    const text = this.catalogue[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
  }
}
