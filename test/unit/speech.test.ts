import { describe, expect, it } from "vitest";
import { scoreSpeech } from "../../shared/scoring/speech.ts";
import {
  ballot,
  ballots,
  exampleGroups,
  exampleMethod,
  exampleRubric,
} from "./scoring-fixtures.ts";

const score = (
  list: Parameters<typeof scoreSpeech>[0],
  method = exampleMethod,
  groups = exampleGroups,
) => scoreSpeech(list, exampleRubric, groups, method);

describe("speech score", () => {
  it("keeps every ballot at n0 − 1 ballots", () => {
    const result = score(ballots("leaders", "A", [10, 50, 60, 100]));
    expect(result.byGroup[0]).toMatchObject({ ballots: 4, kept: 4, mean: 55 });
    expect(result.speech).toBe(55);
  });

  it("drops the lowest and the highest at n0 ballots", () => {
    const result = score(ballots("leaders", "A", [10, 50, 60, 70, 100]));
    expect(result.byGroup[0]).toMatchObject({ ballots: 5, kept: 3, mean: 60 });
    expect(result.speech).toBe(60);
    expect(result.ballots).toBe(5);
  });

  it("drops k from each end with k = 2 and keeps a single ballot at n0 = 5", () => {
    const method = { ...exampleMethod, trim: 2, trimMin: 5 };
    const result = score(ballots("leaders", "A", [100, 0, 40, 90, 10]), method);
    expect(result.byGroup[0]).toMatchObject({ kept: 1, mean: 40 });
  });

  it("never trims with k = 0", () => {
    const method = { ...exampleMethod, trim: 0, trimMin: 1 };
    const result = score(ballots("leaders", "A", [0, 100, 50, 50, 50, 50]), method);
    expect(result.byGroup[0]).toMatchObject({ kept: 6, mean: 50 });
  });

  it("rescales to 100 points when the rubric totals something else", () => {
    const rubric = [{ id: "only", label: "综合", max: 20, step: 1 }];
    const result = scoreSpeech(
      [{ group: "staff", candidate: "A", scores: { only: 15 } }],
      rubric,
      exampleGroups,
      exampleMethod,
    );
    expect(result.speech).toBe(75);
  });

  it("weighs only the groups that cast ballots, and weights need not sum to 1", () => {
    const groups = [
      { id: "leaders", label: "领导", weight: 2 },
      { id: "middle", label: "中层", weight: 1 },
      { id: "staff", label: "职工", weight: 5 },
    ];
    const list = [...ballots("leaders", "A", [90]), ...ballots("middle", "A", [60])];
    expect(score(list, exampleMethod, groups).speech).toBeCloseTo((2 * 90 + 1 * 60) / 3, 12);
  });

  it("is null, with null criteria, for a candidate without ballots", () => {
    const result = score([]);
    expect(result).toEqual({
      speech: null,
      ballots: 0,
      byGroup: [],
      criteria: { knowledge: null, skills: null, quality: null },
    });
  });

  it("takes per-criterion means over the kept ballots only", () => {
    const list = [
      { group: "leaders", candidate: "A", scores: { knowledge: 0, skills: 0, quality: 0 } },
      { group: "leaders", candidate: "A", scores: { knowledge: 10, skills: 20, quality: 30 } },
      { group: "leaders", candidate: "A", scores: { knowledge: 20, skills: 20, quality: 20 } },
      { group: "leaders", candidate: "A", scores: { knowledge: 30, skills: 10, quality: 20 } },
      { group: "leaders", candidate: "A", scores: { knowledge: 30, skills: 30, quality: 40 } },
    ];
    const result = score(list);
    expect(result.byGroup[0]?.criteria).toEqual({ knowledge: 20, skills: 50 / 3, quality: 70 / 3 });
    expect(result.criteria.knowledge).toBe(20);
  });

  it("drops the same one of two equal totals whatever the ballot order", () => {
    const low = [
      { group: "leaders", candidate: "A", scores: { knowledge: 30, skills: 0, quality: 0 } },
      { group: "leaders", candidate: "A", scores: { knowledge: 0, skills: 30, quality: 0 } },
    ];
    const rest = ballots("leaders", "A", [50, 60, 70]);
    const forward = score([...low, ...rest]);
    const backward = score([...rest, ...low].reverse());
    expect(forward.byGroup[0]?.mean).toBeCloseTo(140 / 3, 12);
    // The dropped one of the two 30s is the same both times: the kept one scored knowledge.
    expect(forward.byGroup[0]?.criteria.knowledge).toBe(30);
    expect(backward.byGroup).toEqual(forward.byGroup);
  });

  it("ignores ballots of a group the round does not have", () => {
    const result = score([ballot("leaders", "A", 80), ballot("nobody", "A", 0)]);
    expect(result.speech).toBe(80);
    expect(result.ballots).toBe(1);
  });
});
