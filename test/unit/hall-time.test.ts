import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hallDate, hallTime } from "../../shared/hall-time.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
/** 10:42:05 UTC is 18:42:05 in the hall; 16:30 UTC is already the next day there. */
const EVENING = "2026-05-20T10:42:05.000Z";
const AFTER_MIDNIGHT = "2026-05-20T16:30:00.000Z";

describe("the hall's clock (China Standard Time)", () => {
  it("shows a time with the zone named in both languages", () => {
    expect(hallTime(EVENING, "zh-CN")).toBe("2026-05-20 18:42（北京时间）");
    expect(hallTime(EVENING, "en")).toBe("2026-05-20 18:42 (UTC+8)");
    expect(hallTime(EVENING, "zh-CN", { seconds: true })).toBe("2026-05-20 18:42:05（北京时间）");
    expect(hallTime(EVENING, "en", { date: false, seconds: true, zone: false })).toBe("18:42:05");
  });

  it("takes the date of the hall, not of UTC", () => {
    expect(hallDate(AFTER_MIDNIGHT)).toBe("2026-05-21");
    expect(hallTime(AFTER_MIDNIGHT, "zh-CN")).toBe("2026-05-21 00:30（北京时间）");
    expect(hallTime("2026-05-20T15:59:59.999Z", "en", { seconds: true })).toBe(
      "2026-05-20 23:59:59 (UTC+8)",
    );
  });

  it("shows a text that is not a time as it is", () => {
    expect(hallTime("soon", "zh-CN")).toBe("soon");
    expect(hallDate("soon")).toBe("");
  });

  it.each(["UTC", "America/New_York", "Pacific/Kiritimati"])(
    "gives the same texts in a process whose zone is %s",
    (tz) => {
      const script = `import { hallDate, hallTime } from "./shared/hall-time.ts";
        console.log(JSON.stringify([Intl.DateTimeFormat().resolvedOptions().timeZone,
          hallTime("${EVENING}", "zh-CN"), hallDate("${AFTER_MIDNIGHT}")]));`;
      const run = spawnSync("npx", ["tsx", "--input-type=module", "-e", script], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, TZ: tz },
        timeout: 60_000,
      });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual([tz, "2026-05-20 18:42（北京时间）", "2026-05-21"]);
    },
  );
});
