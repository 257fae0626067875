/**
 * The staff pages' words (the worker console, the supervisor dashboard, the intake page): one JSON file of strings per
 * language, `{name}` placeholders, elements whose text and attributes carry their keys (and the element builder that
 * makes them), and dates and numbers in the page's language.
 * Each page makes its own with {@link createStrings} and keeps what is its own (where the choice is remembered,
 * language names). The widget has its own, self-contained.
 */

/**
 * A page's strings.
 * @param {object} options
 * @param {string[]} options.languages the page's languages; the first is the fallback
 * @param {(code: string) => string} options.url where a language's JSON file is
 * @param {(key: string) => string} [options.missing] what a missing key shows as (the key itself by default)
 * @param {Object<string, string>} [options.locales] the locale for dates and numbers, when not the language code
 */
export function createStrings({ languages, url, missing = (key) => key, locales = {} }) {
  let language = languages[0];
  let strings = {};
  const locale = () => locales[language] ?? language;

  /** The string for `key` with `{name}` placeholders filled from `params`. */
  function t(key, params = {}) {
    const text = strings[key];
    if (typeof text !== 'string') {
      return missing(key);
    }
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  }

  /** Sets `node`'s text to the string for `key`, and keeps the key on it so that {@link translate} can redo it. */
  function setText(node, key, params) {
    node.dataset.i18n = key;
    if (params) {
      node.dataset.i18nParams = JSON.stringify(params);
    } else {
      delete node.dataset.i18nParams;
    }
    node.textContent = t(key, params);
  }

  /**
   * An element with properties and children, never built from HTML strings (no text is parsed as markup). `text`
   * sets plain text; `i18n` (with `params`) sets translated text that follows a language switch; `attrs` sets
   * attributes (`true` as an empty one; `false`, null and undefined leave it out); `on` adds listeners; strings among
   * the children become text nodes, and null, undefined and false are skipped.
   * @param {string} tag
   * @param {{text?: string, i18n?: string, params?: object, attrs?: object, on?: object, className?: string}} [props]
   * @param {...(Node|string|null|undefined|false)} children
   * @returns {HTMLElement}
   */
  function el(tag, props = {}, ...children) {
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
    node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
    return node;
  }

  return {
    t,
    setText,
    el,
    /** Empties a text that {@link setText} filled, so that a language switch leaves it empty. */
    clearText(node) {
      delete node.dataset.i18n;
      delete node.dataset.i18nParams;
      node.textContent = '';
    },
    /** The first of the browser's languages (`wanted`) that the page speaks, else its first language. */
    browserLanguage(wanted = navigator.languages ?? []) {
      for (const tag of wanted) {
        const base = String(tag).toLowerCase().split('-')[0];
        if (languages.includes(base)) {
          return base;
        }
      }
      return languages[0];
    },
    /** The current language code. */
    currentLanguage: () => language,
    /** Whether a key exists in the current language. */
    has: (key) => typeof strings[key] === 'string',

    /**
     * Loads a language (the fallback when not one of the page's) and marks the document with it.
     * @returns {Promise<string>} the language loaded
     */
    async load(code) {
      const chosen = languages.includes(code) ? code : languages[0];
      const response = await fetch(url(chosen), { cache: 'no-store' });
      if (!response.ok) {
        throw new Error(`strings for ${chosen}: HTTP ${response.status}`);
      }
      strings = await response.json();
      language = chosen;
      document.documentElement.lang = chosen;
      return chosen;
    },

    /**
     * Redoes the translated text (`data-i18n`, `data-i18n-params`) and attributes (`data-i18n-attrs`) under `root`.
     * @param {ParentNode} root
     */
    translate(root = document) {
      for (const node of root.querySelectorAll('[data-i18n]')) {
        const params = node.dataset.i18nParams ? JSON.parse(node.dataset.i18nParams) : undefined;
        node.textContent = t(node.dataset.i18n, params);
      }
      for (const node of root.querySelectorAll('[data-i18n-attrs]')) {
        for (const [attribute, [key, params]] of Object.entries(JSON.parse(node.dataset.i18nAttrs))) {
          node.setAttribute(attribute, t(key, params));
        }
      }
    },

    /** A date, a time or both, as `Intl.DateTimeFormat` options say, in the page's language. */
    formatDate: (date, options) => new Intl.DateTimeFormat(locale(), options).format(date),
    /** A number, as `Intl.NumberFormat` options say, in the page's language. */
    formatNumber: (value, options = {}) => new Intl.NumberFormat(locale(), options).format(value),
  };
}
