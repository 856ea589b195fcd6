import type { ErrorCode, InputIssue } from "../../../shared/errors.ts";
import {
  errorKey,
  type Locale,
  type MessageKey,
  translate,
  translateIssue,
} from "../../../shared/i18n/index.ts";
import { durationMessage } from "./duration.ts";
import { readStored, writeStored } from "./storage.ts";

const STORAGE_KEY = "jingpin.locale";

/**
 * `?lang=en` (or `?lang=zh`) in a link chooses the language and the device remembers it,
 * so a projector PC or a kiosk can be set up from its link alone.
 */
function initialLocale(): Locale {
  const asked = new URLSearchParams(location.search).get("lang")?.toLowerCase() ?? "";
  const fromLink: Locale | null = asked === "en" ? "en" : asked.startsWith("zh") ? "zh-CN" : null;
  if (fromLink) {
    writeStored(STORAGE_KEY, fromLink);
    return fromLink;
  }
  return readStored(STORAGE_KEY) === "en" ? "en" : "zh-CN";
}

/** The page's language: zh-CN first, English on request, remembered on the device. */
export const i18n = $state<{ locale: Locale }>({ locale: initialLocale() });
// The page's lang drives fonts and CJK-only styling (wide letter-spacing) from the start.
document.documentElement.lang = i18n.locale;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(i18n.locale, key, params);
}

/** A timer's length in the page's language: "45 s", "5 min", "1 min 30 s". */
export function tDuration(seconds: number): string {
  const d = durationMessage(seconds);
  return t(d.key, d.params);
}

export function tError(code: ErrorCode): string {
  return t(errorKey(code));
}

export function tIssue(issue: InputIssue): string {
  return translateIssue(i18n.locale, issue);
}

export function toggleLocale(): void {
  i18n.locale = i18n.locale === "en" ? "zh-CN" : "en";
  writeStored(STORAGE_KEY, i18n.locale);
  document.documentElement.lang = i18n.locale;
}
