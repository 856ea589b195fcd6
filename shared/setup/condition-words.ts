import type { MessageKey, Params } from "../i18n/index.ts";
import type { PostsTextKey } from "../i18n/posts.ts";
import type { PostConditions } from "./post-conditions.ts";

/**
 * A post's structured conditions written out in words, for the announcement and the
 * editor's summary: "参加工作 5 年以上", "大专及以上学历". `labels` are params that are
 * themselves texts (an education level, a review grade), translated in the reader's
 * language before they fill the sentence (renderConditionWords).
 */
export interface ConditionWords {
  key: PostsTextKey;
  params: Params;
  labels?: Record<string, MessageKey>;
}

/** One line per condition the post sets, in the order the review checks them. */
export function conditionWords(c: PostConditions): ConditionWords[] {
  const words: ConditionWords[] = [];
  if (c.minWorkYears !== undefined) {
    words.push({ key: "posts.words.minWorkYears", params: { n: c.minWorkYears } });
  }
  if (c.minGrassrootsYears !== undefined) {
    words.push({ key: "posts.words.minGrassrootsYears", params: { n: c.minGrassrootsYears } });
  }
  if (c.minGradeYears !== undefined) {
    words.push({ key: "posts.words.minGradeYears", params: { n: c.minGradeYears } });
  }
  if (c.minEducation !== undefined) {
    words.push({
      key: "posts.words.minEducation",
      params: {},
      labels: { education: `person.education.${c.minEducation}` },
    });
  }
  if (c.maxAge !== undefined) words.push({ key: "posts.words.maxAge", params: { n: c.maxAge } });
  if (c.reviewGrades !== undefined) {
    words.push({
      key: "posts.words.reviewGrades",
      params: { n: c.reviewGrades.years },
      labels: { grade: `person.reviewGrade.${c.reviewGrades.atLeast}` },
    });
  }
  // false says no more than leaving it out: no condition to announce.
  if (c.noActivePenalty) words.push({ key: "posts.words.noActivePenalty", params: {} });
  return words;
}

/** The translator of the reader's page: shared/i18n's translate with the locale bound. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function renderConditionWords(words: ConditionWords, t: Translate): string {
  const params: Params = { ...words.params };
  for (const [name, key] of Object.entries(words.labels ?? {})) params[name] = t(key);
  return t(words.key, params);
}
