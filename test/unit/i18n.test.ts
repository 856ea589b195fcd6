import { describe, expect, it } from "vitest";
import demoRound from "../../shared/demo-round.json" with { type: "json" };
import { ERROR_CODES } from "../../shared/errors.ts";
import { applications } from "../../shared/i18n/applications.ts";
import { chair } from "../../shared/i18n/chair.ts";
import { common, errors } from "../../shared/i18n/common.ts";
import { draft } from "../../shared/i18n/draft.ts";
import { draw } from "../../shared/i18n/draw.ts";
import { allKeys, errorKey, translate } from "../../shared/i18n/index.ts";
import { organizer } from "../../shared/i18n/organizer.ts";
import { phone } from "../../shared/i18n/phone.ts";
import { posts } from "../../shared/i18n/posts.ts";
import { register } from "../../shared/i18n/register.ts";
import { registerUi } from "../../shared/i18n/register-ui.ts";
import { results } from "../../shared/i18n/results.ts";
import { review } from "../../shared/i18n/review.ts";
import { roundFile } from "../../shared/i18n/round-file.ts";
import { screen } from "../../shared/i18n/screen.ts";
import { time } from "../../shared/i18n/time.ts";
import { xlsx } from "../../shared/i18n/xlsx.ts";

const areas = {
  common,
  errors,
  phone,
  screen,
  chair,
  organizer,
  draft,
  register,
  registerUi,
  posts,
  applications,
  results,
  review,
  roundFile,
  time,
  xlsx,
  draw,
};

describe("the dictionary", () => {
  it("defines no key in two areas (a later area would silently win)", () => {
    const seen = new Map<string, string>();
    for (const [area, texts] of Object.entries(areas)) {
      for (const key of Object.keys(texts)) {
        expect(seen.get(key), `${key} in ${area} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(seen.size).toBe(allKeys().length);
  });

  it("has a Chinese and an English text for every key, with the same placeholders", () => {
    for (const texts of Object.values(areas)) {
      for (const [key, { zh, en }] of Object.entries(texts)) {
        expect(zh.trim(), key).not.toBe("");
        expect(en.trim(), key).not.toBe("");
        // A plural `{n|one|other}` needs the number `n` as much as `{n}` does.
        const names = (s: string) =>
          [...new Set([...s.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();
        expect(names(en), key).toEqual(names(zh));
      }
    }
  });

  it("writes Chinese punctuation full-width (GB/T 15834) in every zh string", () => {
    // Half-width , ; : ? ! ( ) stay only between two ASCII letters or digits (10:30, A/B).
    const halfWidth = /(?<![A-Za-z0-9])[,;:?!()]|[,;:?!()](?![A-Za-z0-9])/;
    const offenders: string[] = [];
    for (const texts of Object.values(areas)) {
      for (const [key, { zh }] of Object.entries(texts)) {
        if (halfWidth.test(zh)) offenders.push(`${key}: ${zh}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("writes the demo round's Chinese text with full-width punctuation too", () => {
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(demoRound);
    const cjkNextToHalfWidth = /[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]/;
    expect(texts.filter((t) => cjkNextToHalfWidth.test(t))).toEqual([]);
  });

  it("translates every error code in both languages", () => {
    for (const code of ERROR_CODES) {
      expect(translate("zh-CN", errorKey(code))).toMatch(/[\u4e00-\u9fff]/);
      expect(translate("en", errorKey(code))).toMatch(/[A-Za-z]/);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const key = allKeys().find((k) => /\{\w+\}/.test(translate("en", k)));
    if (!key) throw new Error("no text with a placeholder");
    const filled = translate("en", key, new Proxy({}, { get: () => "X", has: () => true }));
    expect(filled).not.toMatch(/\{\w+\}/);
    expect(translate("en", key)).toMatch(/\{\w+\}/);
  });
});

describe("English plurals", () => {
  it("picks the singular for exactly 1 and the plural otherwise", () => {
    expect(translate("en", "results.post.seats", { n: 1 })).toBe("1 seat");
    expect(translate("en", "results.post.seats", { n: 2 })).toBe("2 seats");
    expect(translate("en", "results.post.seats", { n: 0 })).toBe("0 seats");
    expect(translate("en", "chair.tie.explain", { n: 1 })).toBe(
      "Choose 1 inspection target among these tied candidates",
    );
    expect(translate("zh-CN", "results.post.seats", { n: 1 })).toBe("职数 1 名");
  });

  it("leaves a plural visible when its number is missing", () => {
    expect(translate("en", "results.post.seats")).toBe("{n} {n|seat|seats}");
  });

  it("has no (s) left in any English text", () => {
    const leftovers = allKeys().filter((k) => /\w\((s|es)\)/.test(translate("en", k)));
    expect(leftovers).toEqual([]);
  });
});
