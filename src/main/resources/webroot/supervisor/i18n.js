// The dashboard's strings: one JSON file per language under ./i18n/, every key in each (a test checks), through the
// shared createStrings of lib/staff-i18n.js.
import { createStrings } from "../lib/staff-i18n.js";

export const LANGUAGES = ["fr", "en"];

// A missing key shows as ⟦key⟧, never as a blank, so that a test (and a reader) sees it.
const strings = createStrings({
  languages: LANGUAGES, url: (code) => `/supervisor/i18n/${code}.json`, missing: (key) => `⟦${key}⟧`,
});

/** The language code; the string for a key with {name} replaced by params.name; loading a language. */
export const { currentLanguage, t, load } = strings;

/** Fills every element marked data-i18n (its text) under root. */
export const apply = strings.translate;

export const number = strings.formatNumber;

/** The first of the browser's languages that the dashboard speaks, else French. */
export const preferredLanguage = strings.browserLanguage;

/** A language code as a name in the dashboard's language ("ro" → "roumain"). */
export function languageName(code) {
  if (code === "und") {
    return t("language.unknown");
  }
  try {
    return new Intl.DisplayNames([currentLanguage()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function time(instant) {
  return strings.formatDate(instant, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
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
