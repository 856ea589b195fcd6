import type { ErrorCode, InputIssue } from "../errors.ts";
import { applications } from "./applications.ts";
import { chair } from "./chair.ts";
import { common, errors } from "./common.ts";
import { draft } from "./draft.ts";
import { draw } from "./draw.ts";
import { organizer } from "./organizer.ts";
import { phone } from "./phone.ts";
import { posts } from "./posts.ts";
import { register } from "./register.ts";
import { registerUi } from "./register-ui.ts";
import { results } from "./results.ts";
import { review } from "./review.ts";
import { roundFile } from "./round-file.ts";
import { screen } from "./screen.ts";
import { time } from "./time.ts";
import { xlsx } from "./xlsx.ts";

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
  ...draft,
  ...register,
  ...registerUi,
  ...posts,
  ...applications,
  ...results,
  ...review,
  ...roundFile,
  ...time,
  ...xlsx,
  ...draw,
};

export type MessageKey = keyof typeof dictionary;
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export type Params = Record<string, string | number>;

/**
 * `{name}` placeholders are replaced from params; a missing param stays visible.
 * `{name|one|other}` picks a word by the number in `name`: `one` when it is 1, else `other`
 * ("{n} {n|seat|seats}" → "1 seat", "2 seats"). English needs it; Chinese nouns do not.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const entry = dictionary[key];
  const text = locale === "en" ? entry.en : entry.zh;
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, name: string, one, other) => {
    if (!(name in params)) return m;
    if (one === undefined) return String(params[name]);
    return Number(params[name]) === 1 ? one : other;
  });
}

/** A text to be translated where it is shown: a dictionary key with its params. */
export interface Message {
  key: MessageKey;
  params: Params;
}

/** One issue of an invalid input as a sentence: the thing, then what is wrong with it. */
export function translateIssue(locale: Locale, issue: InputIssue): string {
  return translate(locale, "file.issue", {
    at: translate(locale, issue.at.key, issue.at.params),
    problem: translate(locale, issue.problem.key, issue.problem.params),
  });
}

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}

export function allKeys(): MessageKey[] {
  return Object.keys(dictionary) as MessageKey[];
}
