import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_OPTIONS } from "../../shared/round-file.ts";
import { favourableOptions, scoreEvaluation } from "../../shared/scoring/evaluation.ts";
import { evaluations, exampleGroups } from "./scoring-fixtures.ts";

const score = (list: Parameters<typeof scoreEvaluation>[0], options = DEFAULT_EVALUATION_OPTIONS) =>
  scoreEvaluation(list, exampleGroups, options);

describe("evaluation score", () => {
  it("leaves out a group that only answered 不了解, but counts its ballots as cast", () => {
    const result = score([
      ...evaluations("leaders", "A", ["excellent", "competent"]),
      ...evaluations("staff", "A", ["unknown", "unknown", "unknown"]),
    ]);
    expect(result.evaluation).toBe(90);
    expect(result.cast).toBe(5);
    expect(result.favourableRate).toBe(2 / 5);
    expect(result.byGroup.map((g) => [g.group, g.cast, g.mean])).toEqual([
      ["leaders", 2, 90],
      ["staff", 3, null],
    ]);
  });

  it("is null when every ballot is 不了解, with a favourable rate of 0", () => {
    const result = score(evaluations("middle", "A", ["unknown", "unknown"]));
    expect(result.evaluation).toBeNull();
    expect(result.favourableRate).toBe(0);
    expect(result.counts.unknown).toBe(2);
  });

  it("is null with a null favourable rate when nothing was cast", () => {
    expect(score([])).toMatchObject({
      evaluation: null,
      cast: 0,
      favourableRate: null,
      byGroup: [],
    });
  });

  it("weighs group means by group weight over the groups with points", () => {
    const result = score([
      ...evaluations("leaders", "A", ["incompetent"]),
      ...evaluations("middle", "A", ["excellent", "basic"]),
    ]);
    expect(result.evaluation).toBeCloseTo((0.4 * 0 + 0.3 * 80) / 0.7, 12);
  });

  it("counts each option per group and in all", () => {
    const result = score([
      ...evaluations("leaders", "A", ["excellent", "basic"]),
      ...evaluations("staff", "A", ["excellent"]),
    ]);
    expect(result.counts).toEqual({
      excellent: 2,
      competent: 0,
      basic: 1,
      incompetent: 0,
      unknown: 0,
    });
    expect(result.byGroup[1]?.counts.excellent).toBe(1);
  });
});

describe("favourable options", () => {
  it("are 优秀 and 称职 by default: the two with the highest points", () => {
    expect([...favourableOptions(DEFAULT_EVALUATION_OPTIONS)].sort()).toEqual([
      "competent",
      "excellent",
    ]);
  });

  it("are the marked ones when any option is marked", () => {
    const options = DEFAULT_EVALUATION_OPTIONS.map((o) => ({
      ...o,
      favourable: o.id === "excellent",
    }));
    expect([...favourableOptions(options)]).toEqual(["excellent"]);
    const result = score(evaluations("leaders", "A", ["excellent", "competent"]), options);
    expect(result.favourableRate).toBe(0.5);
  });

  it("are the two highest by points whatever the list order, 不了解 never among them", () => {
    const options = [
      { id: "unknown", label: "不了解", points: null },
      { id: "low", label: "差", points: 10 },
      { id: "top", label: "好", points: 90 },
      { id: "mid", label: "中", points: 50 },
    ];
    expect([...favourableOptions(options)].sort()).toEqual(["mid", "top"]);
  });
});
