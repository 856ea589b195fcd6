import { describe, expect, it } from "vitest";
import { parseNumbers } from "../../client/src/organizer/draft/draws/witness-numbers.ts";
import { drawKey, sourceDigits } from "../../shared/draw/rfc3797.ts";

describe("a witness's numbers as typed", () => {
  it("reads dice and long numbers separated by spaces, commas or 、", () => {
    expect(parseNumbers("6 2 5, 3，1、4")).toEqual({
      ok: true,
      numbers: [6, 2, 5, 3, 1, 4],
      digits: 6,
    });
    expect(parseNumbers("  271828\n")).toEqual({ ok: true, numbers: [271828], digits: 6 });
    expect(parseNumbers("")).toEqual({ ok: true, numbers: [], digits: 0 });
  });

  it("counts the digits the key will hold: leading zeros are not written", () => {
    const parsed = parseNumbers("007 0 10");
    expect(parsed).toEqual({ ok: true, numbers: [7, 0, 10], digits: 4 });
    if (!parsed.ok) throw new Error("parsed");
    expect(parsed.digits).toBe(sourceDigits([parsed.numbers]));
    expect(drawKey([parsed.numbers])).toBe("0.7.10./");
  });

  it("takes full-width digits from a Chinese input method", () => {
    expect(parseNumbers("６ ２ 5")).toEqual({ ok: true, numbers: [6, 2, 5], digits: 3 });
  });

  it("names the entry that is not a whole number, or has more than 15 digits", () => {
    expect(parseNumbers("6 2 x")).toEqual({ ok: false, problem: "notNumber", token: "x" });
    expect(parseNumbers("3.5")).toEqual({ ok: false, problem: "notNumber", token: "3.5" });
    expect(parseNumbers("-4")).toEqual({ ok: false, problem: "notNumber", token: "-4" });
    expect(parseNumbers("1234567890123456")).toEqual({
      ok: false,
      problem: "tooLong",
      token: "1234567890123456",
    });
    expect(parseNumbers("123456789012345")).toMatchObject({ ok: true, digits: 15 });
  });
});
