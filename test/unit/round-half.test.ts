import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScore, percentOf, roundHalf } from "../../shared/scoring/round-half.ts";

describe("roundHalf", () => {
  it.each([
    [81.925, 2, 81.93],
    [-81.925, 2, -81.93],
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [1.2345, 3, 1.235],
    [82.33333333333333, 2, 82.33],
    [82.33333333333333, 4, 82.3333],
    [99.995, 2, 100],
    [0, 2, 0],
    [7, 0, 7],
  ])("round(%s, %s) = %s", (x, d, expected) => {
    expect(roundHalf(x, d)).toBe(expected);
  });

  it("rounds half away from zero where toFixed, working on the binary value, does not", () => {
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundHalf(1.005, 2)).toBe(1.01);
    expect(roundHalf(-1.005, 2)).toBe(-1.01);
  });

  it("never returns -0", () => {
    expect(Object.is(roundHalf(-0.004, 2), 0)).toBe(true);
    expect(Object.is(roundHalf(-0, 2), 0)).toBe(true);
    expect(Object.is(roundHalf(-0.4, 0), 0)).toBe(true);
  });

  it("is odd-symmetric: round(-x) = -round(x)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          expect(roundHalf(-x, d)).toBe(0 - roundHalf(x, d));
        },
      ),
    );
  });

  it("moves a value by at most half a unit of the last place (plus the nudge)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          expect(Math.abs(roundHalf(x, d) - x)).toBeLessThanOrEqual(0.5 / 10 ** d + 1e-9);
        },
      ),
    );
  });
});

describe("formatScore", () => {
  it.each([
    [81.92499999999998, 2, "81.93"],
    [81.75, 2, "81.75"],
    [82.33333333333333, 2, "82.33"],
    [3, 2, "3.00"],
    [0.05, 1, "0.1"],
    [0.5, 0, "1"],
    [-1.5, 0, "-2"],
    [-81.925, 2, "-81.93"],
    [1234.5678, 3, "1234.568"],
    [0.001, 2, "0.00"],
    [100, 0, "100"],
    [0.0001234, 6, "0.000123"],
  ])("format(%s, %s) = %s", (x, d, expected) => {
    expect(formatScore(x, d)).toBe(expected);
  });

  it("shows a missing value as a dash", () => {
    expect(formatScore(null, 2)).toBe("—");
  });

  it("never shows -0", () => {
    expect(formatScore(-0.004, 2)).toBe("0.00");
    expect(formatScore(-0, 0)).toBe("0");
    expect(formatScore(-0.4, 0)).toBe("0");
  });

  it("agrees digit for digit with the rounded value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const shown = formatScore(x, d);
          expect(Number(shown)).toBe(roundHalf(x, d));
          expect(shown.split(".")[1]?.length ?? 0).toBe(d);
        },
      ),
    );
  });
});

describe("percentOf", () => {
  it("shows a weight as a percentage to at most 2 decimals, without binary noise", () => {
    expect(0.07 * 100).not.toBe(7); // 7.000000000000001
    expect(percentOf(0.07)).toBe(7);
    expect(percentOf(0.3)).toBe(30);
    expect(percentOf(0.7)).toBe(70);
    expect(percentOf(1 / 3)).toBe(33.33);
    expect(percentOf(0.125)).toBe(12.5);
    expect(percentOf(0)).toBe(0);
    expect(String(percentOf(1))).toBe("100");
  });
});
