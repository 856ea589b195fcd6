import { describe, expect, it } from "vitest";
import { translate } from "../../shared/i18n/index.ts";
import { conditionWords, renderConditionWords } from "../../shared/setup/condition-words.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";

const words = (c: PostConditions, locale: "zh-CN" | "en" = "zh-CN") =>
  conditionWords(c).map((w) =>
    renderConditionWords(w, (key, params) => translate(locale, key, params)),
  );

describe("a post's structured conditions in words", () => {
  const every: PostConditions = {
    minWorkYears: 5,
    minGrassrootsYears: 2.5,
    minGradeYears: 3,
    minEducation: "college",
    maxAge: 45,
    reviewGrades: { years: 3, atLeast: "competent" },
    noActivePenalty: true,
  };

  it("writes each condition the post sets, in the review's order, in Chinese", () => {
    expect(words(every)).toEqual([
      "参加工作 5 年以上",
      "具有 2.5 年以上基层工作经历",
      "任现职级 3 年以上",
      "大专及以上学历",
      "年龄不超过 45 周岁",
      "近 3 年年度考核均为称职及以上等次",
      "不在处分影响期内",
    ]);
  });

  it("translates the labels inside a sentence in the reader's language", () => {
    expect(
      words({ minEducation: "bachelor", reviewGrades: { years: 1, atLeast: "excellent" } }, "en"),
    ).toEqual([
      "Education: bachelor's degree or higher",
      "Annual review of each of the last 1 year: excellent or better",
    ]);
    expect(words({ minWorkYears: 1 }, "en")).toEqual(["At least 1 year of work"]);
  });

  it("says nothing of a condition left out, or of noActivePenalty: false", () => {
    expect(words({})).toEqual([]);
    expect(words({ noActivePenalty: false, maxAge: 35 })).toEqual(["年龄不超过 35 周岁"]);
  });
});
