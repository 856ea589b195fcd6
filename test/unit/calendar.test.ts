import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  compareDates,
  daysInMonth,
  isBefore,
  parseIsoDate,
  wholeYearsBetween,
} from "../../shared/setup/calendar.ts";

describe("calendar dates", () => {
  it("parses and refuses what is not a calendar day", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2025-02-29", "1900-02-29", "2025-13-01", "2025-04-31", "2025-4-1", ""]) {
      expect(() => parseIsoDate(bad), bad).toThrow(RangeError);
    }
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("compares days", () => {
    expect(compareDates("2025-12-31", "2026-01-01")).toBe(-1);
    expect(compareDates("2026-01-01", "2026-01-01")).toBe(0);
    expect(compareDates("2026-03-01", "2026-02-28")).toBe(1);
    expect(isBefore("2026-02-28", "2026-03-01")).toBe(true);
    expect(isBefore("2026-03-01", "2026-03-01")).toBe(false);
  });

  it("adds months, ending on the month's last day when it has no such day", () => {
    expect(addMonths("2025-01-31", 6)).toBe("2025-07-31");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2025-03-31", 6)).toBe("2025-09-30");
    expect(addMonths("2025-03-01", 12)).toBe("2026-03-01");
    expect(addMonths("2025-11-15", 2)).toBe("2026-01-15");
    expect(addMonths("2026-01-15", -2)).toBe("2025-11-15");
    expect(addMonths("2025-12-31", 0)).toBe("2025-12-31");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(() => addMonths("2025-01-01", 1.5)).toThrow(RangeError);
  });

  it("counts whole years, the anniversary itself included", () => {
    expect(wholeYearsBetween("1980-06-01", "2026-06-01")).toBe(46);
    expect(wholeYearsBetween("1980-06-01", "2026-05-31")).toBe(45);
    expect(wholeYearsBetween("2020-01-01", "2025-12-31")).toBe(5);
    expect(wholeYearsBetween("2020-01-01", "2026-01-01")).toBe(6);
    expect(wholeYearsBetween("2026-01-01", "2026-01-01")).toBe(0);
    expect(wholeYearsBetween("2026-01-02", "2026-01-01")).toBe(0);
  });

  it("takes 02-28 as a 02-29 birthday's anniversary in a common year", () => {
    expect(wholeYearsBetween("2000-02-29", "2026-02-27")).toBe(25);
    expect(wholeYearsBetween("2000-02-29", "2026-02-28")).toBe(26);
    expect(wholeYearsBetween("2000-02-29", "2028-02-28")).toBe(27);
    expect(wholeYearsBetween("2000-02-29", "2028-02-29")).toBe(28);
  });

  it("does not depend on the process's time zone", () => {
    // The unit project runs with TZ=Asia/Shanghai; this guards against a Date creeping in.
    expect(process.env.TZ).toBe("Asia/Shanghai");
    expect(addMonths("2025-12-31", 1)).toBe("2026-01-31");
    expect(wholeYearsBetween("1990-01-01", "2026-01-01")).toBe(36);
  });
});
