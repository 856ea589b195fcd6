import type { ErrorCode } from "../errors.ts";
import { chair } from "./chair.ts";
import { common, errors } from "./common.ts";
import { organizer } from "./organizer.ts";
import { phone } from "./phone.ts";
import { results } from "./results.ts";
import { screen } from "./screen.ts";

/**
 * The one dictionary of every UI string, assembled from one file per area so that each
 * page's texts sit together; test/unit/i18n.test.ts checks that no key is defined twice.
 */
const dictionary = {
  ...common,
  ...errors,
  ...phone,
  ...screen,
  ...chair,
  ...organizer,
  ...results,
};

export type MessageKey = keyof typeof dictionary;
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** `{name}` placeholders are replaced from params; a missing param stays visible. */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const entry = dictionary[key];
  const text = locale === "en" ? entry.en : entry.zh;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

export function allKeys(): MessageKey[] {
  return Object.keys(dictionary) as MessageKey[];
}
