// The dashboard's strings: one JSON file per language under ./i18n/, every key in each (a test checks).
export const LANGUAGES = ["fr", "en"];
const FALLBACK = "fr";

let language = FALLBACK;
let strings = {};

/** The first of the browser's languages that the dashboard speaks, else French. */
export function preferredLanguage(wanted = navigator.languages ?? []) {
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split("-")[0];
    if (LANGUAGES.includes(base)) {
      return base;
    }
  }
  return FALLBACK;
}

export async function load(lang) {
  const chosen = LANGUAGES.includes(lang) ? lang : FALLBACK;
  const response = await fetch(`/supervisor/i18n/${chosen}.json`, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`strings for ${chosen}: HTTP ${response.status}`);
  }
  strings = await response.json();
  language = chosen;
  document.documentElement.lang = chosen;
  return chosen;
}

export function currentLanguage() {
  return language;
}

/**
 * The string for key, with {name} replaced by params.name. A missing key shows as ⟦key⟧, never as a blank,
 * so that a test (and a reader) sees it.
 */
export function t(key, params = {}) {
  const template = strings[key];
  if (typeof template !== "string") {
    return `⟦${key}⟧`;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills every element marked data-i18n (its text) under root. */
export function apply(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}

export function number(value, options = {}) {
  return new Intl.NumberFormat(language, options).format(value);
}

/** A language code as a name in the dashboard's language ("ro" → "roumain"). */
export function languageName(code) {
  if (code === "und") {
    return t("language.unknown");
  }
  try {
    return new Intl.DisplayNames([language], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function time(instant) {
  return new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(instant);
}

/** Whole seconds as "12 min 05 s", "45 s" or "1 h 02 min". */
export function duration(seconds) {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) {
    return t("duration.hoursMinutes", { hours, minutes: String(minutes).padStart(2, "0") });
  }
  if (minutes > 0 && rest === 0) {
    return t("duration.minutes", { minutes });
  }
  if (minutes > 0) {
    return t("duration.minutesSeconds", { minutes, seconds: String(rest).padStart(2, "0") });
  }
  return t("duration.seconds", { seconds: rest });
}
