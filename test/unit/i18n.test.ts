import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors.ts";
import { chair } from "../../shared/i18n/chair.ts";
import { common, errors } from "../../shared/i18n/common.ts";
import { allKeys, errorKey, translate } from "../../shared/i18n/index.ts";
import { organizer } from "../../shared/i18n/organizer.ts";
import { phone } from "../../shared/i18n/phone.ts";
import { results } from "../../shared/i18n/results.ts";
import { screen } from "../../shared/i18n/screen.ts";

const areas = { common, errors, phone, screen, chair, organizer, results };

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
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
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
