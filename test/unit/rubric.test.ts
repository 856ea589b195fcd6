import { describe, expect, it } from "vitest";
import { hasAtMostDecimals, isMultipleOf, scoresProblem } from "../../shared/rubric.ts";

describe("the step grid", () => {
  it("accepts every score on the grid, however its double was reached", () => {
    expect(isMultipleOf(0.3, 0.1)).toBe(true);
    expect(isMultipleOf(29.5, 0.5)).toBe(true);
    expect(isMultipleOf(7.75, 0.25)).toBe(true);
    expect(isMultipleOf(30, 0.01)).toBe(true);
    expect(isMultipleOf(0, 0.5)).toBe(true);
  });

  it("refuses a score 1e-8 off the grid, which a float quotient would forgive", () => {
    expect(isMultipleOf(29.5 + 1e-8, 0.5)).toBe(false);
    expect(isMultipleOf(0.3 - 1e-8, 0.1)).toBe(false);
    expect(isMultipleOf(0.1 + 0.2, 0.1)).toBe(false); // 0.30000000000000004 is not 0.3
    expect(isMultipleOf(7.5, 0.25 + 1e-12)).toBe(false);
  });

  it("refuses a score between two grid points", () => {
    expect(isMultipleOf(0.25, 0.5)).toBe(false);
    expect(isMultipleOf(0.15, 0.1)).toBe(false);
    expect(isMultipleOf(1, 0.3)).toBe(false);
  });

  it("counts decimals exactly", () => {
    expect(hasAtMostDecimals(0.25, 2)).toBe(true);
    expect(hasAtMostDecimals(0.125, 2)).toBe(false);
    expect(hasAtMostDecimals(Number.NaN, 2)).toBe(false);
    expect(hasAtMostDecimals(Number.POSITIVE_INFINITY, 2)).toBe(false);
  });

  it("names the off-grid criterion of a ballot", () => {
    const rubric = [{ id: "k", max: 30, step: 0.5 }];
    expect(scoresProblem(rubric, { k: 29.5 })).toBeNull();
    expect(scoresProblem(rubric, { k: 29.5 + 1e-8 })).toBe("off step k");
  });
});
