import { describe, expect, it } from "vitest";
import { durationMessage } from "../../client/src/lib/duration.ts";
import { type Locale, translate } from "../../shared/i18n/index.ts";

const say = (locale: Locale, seconds: number) => {
  const d = durationMessage(seconds);
  return translate(locale, d.key, d.params);
};

describe("a timer's length in words", () => {
  it("says seconds under a minute, never 0 min", () => {
    expect(say("en", 45)).toBe("45 s");
    expect(say("en", 10)).toBe("10 s");
    expect(say("zh-CN", 45)).toBe("45 秒");
  });

  it("says whole minutes, and minutes with seconds rather than a fraction", () => {
    expect(say("en", 300)).toBe("5 min");
    expect(say("en", 90)).toBe("1 min 30 s");
    expect(say("zh-CN", 180)).toBe("3 分钟");
    expect(say("zh-CN", 90)).toBe("1 分 30 秒");
  });

  it("labels the chair's timer buttons with it", () => {
    const d = durationMessage(45);
    expect(
      translate("en", "chair.timer.startSpeech", { duration: translate("en", d.key, d.params) }),
    ).toBe("Start speech (45 s)");
  });
});
