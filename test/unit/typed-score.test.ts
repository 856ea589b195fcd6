import { describe, expect, it } from "vitest";
import { readTyped } from "../../client/src/phone/step.ts";

describe("a score typed on the phone", () => {
  it("counts a score on the step's grid within 0..max", () => {
    expect(readTyped("25", 0.5, 30)).toEqual({ kind: "score", value: 25 });
    expect(readTyped(" 25.5 ", 0.5, 30)).toEqual({ kind: "score", value: 25.5 });
    expect(readTyped("0", 0.5, 30)).toEqual({ kind: "score", value: 0 });
    expect(readTyped("30", 0.5, 30)).toEqual({ kind: "score", value: 30 });
    expect(readTyped("0.3", 0.1, 1)).toEqual({ kind: "score", value: 0.3 });
  });

  it("takes a decimal comma or a full-width stop as the point", () => {
    expect(readTyped("25,5", 0.5, 30)).toEqual({ kind: "score", value: 25.5 });
    expect(readTyped("25。5", 0.5, 30)).toEqual({ kind: "score", value: 25.5 });
    expect(readTyped(".5", 0.5, 30)).toEqual({ kind: "score", value: 0.5 });
  });

  it("refuses a score off the grid and names the nearest that counts", () => {
    expect(readTyped("25.3", 0.5, 30)).toEqual({ kind: "bad", problem: "step", near: 25.5 });
    expect(readTyped("7", 2, 30)).toEqual({ kind: "bad", problem: "step", near: 8 });
  });

  it("refuses a score out of range, and what is not a number", () => {
    expect(readTyped("31", 0.5, 30)).toEqual({ kind: "bad", problem: "range" });
    expect(readTyped("-1", 0.5, 30)).toEqual({ kind: "bad", problem: "range" });
    expect(readTyped("−1", 0.5, 30)).toEqual({ kind: "bad", problem: "range" });
    expect(readTyped("2e1", 0.5, 30)).toEqual({ kind: "bad", problem: "number" });
    expect(readTyped("abc", 0.5, 30)).toEqual({ kind: "bad", problem: "number" });
    expect(readTyped("1.2.3", 0.5, 30)).toEqual({ kind: "bad", problem: "number" });
  });

  it("treats an emptied box as no score", () => {
    expect(readTyped("", 0.5, 30)).toEqual({ kind: "empty" });
    expect(readTyped("  ", 0.5, 30)).toEqual({ kind: "empty" });
  });
});
