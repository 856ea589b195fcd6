import { describe, expect, it } from "vitest";
import { computeResults } from "../../shared/scoring/compute.ts";
import { formatScore, roundHalf } from "../../shared/scoring/round-half.ts";
import {
  ballot,
  candidate,
  exampleBallots,
  exampleEvaluations,
  exampleMethod,
  position,
  scoringInput,
} from "./scoring-fixtures.ts";

describe("the worked example of scoring.md", () => {
  const results = computeResults(
    scoringInput({ ballots: exampleBallots, evaluations: exampleEvaluations }),
  );
  const a = results.candidates[0];

  it("trims the middle group (n = 5) and not the others", () => {
    expect(a?.byGroup.speech.map((g) => [g.group, g.ballots, g.kept, g.mean])).toEqual([
      ["leaders", 3, 3, 90],
      ["middle", 5, 3, 85],
      ["staff", 2, 2, 67.5],
    ]);
  });

  it("gives speech 81.75 and evaluation 82.333…", () => {
    expect(a?.speech).toBeCloseTo(81.75, 9);
    expect(a?.evaluation).toBeCloseTo(82 + 1 / 3, 9);
    expect(a?.byGroup.evaluation.map((g) => g.mean)).toEqual([
      expect.closeTo(93 + 1 / 3, 9),
      80,
      70,
    ]);
  });

  it("counts 10 evaluation ballots, 8 of them favourable (不了解 in the denominator)", () => {
    expect(a?.evaluationsCast).toBe(10);
    expect(a?.favourableRate).toBe(0.8);
    expect(a?.evaluationCounts).toEqual({
      excellent: 2,
      competent: 6,
      basic: 1,
      incompetent: 0,
      unknown: 1,
    });
    expect(a?.ballots).toBe(10);
  });

  it("gives composite 81.925, shown as 81.93 where toFixed shows 81.92", () => {
    const composite = a?.composite ?? Number.NaN;
    expect(composite).toBeCloseTo(81.925, 9);
    expect(composite.toFixed(2)).toBe("81.92");
    expect(roundHalf(composite, 2)).toBe(81.93);
    expect(formatScore(composite, 2)).toBe("81.93");
  });

  it("reports per-criterion means over the kept ballots, weighted by group", () => {
    // Each fixture ballot fills knowledge (≤ 30), then skills (≤ 30), then quality.
    expect(a?.criteria.knowledge).toBeCloseTo(30, 9);
    expect(a?.criteria.skills).toBeCloseTo(30, 9);
    expect(a?.criteria.quality).toBeCloseTo(81.75 - 60, 9);
    expect(a?.byGroup.speech[1]?.criteria).toEqual({ knowledge: 30, skills: 30, quality: 25 });
  });

  it("picks the targets P1: A and P2: C (F rejected by P1 lands on P2 and loses to C)", () => {
    // β = 0 so the composite is the speech score; ρ = 1 so each quota is 1.
    const method = { ...exampleMethod, speechWeight: 1, evaluationWeight: 0, inspectionRatio: 1 };
    const input = scoringInput({
      method,
      positions: [position("P1"), position("P2")],
      candidates: [
        candidate("A", ["P1"]),
        candidate("C", ["P2", "P1"]),
        candidate("F", ["P1", "P2"]),
        candidate("D", ["P2"]),
      ],
      ballots: [
        ballot("leaders", "A", 82),
        ballot("leaders", "C", 85),
        ballot("leaders", "F", 75),
        ballot("leaders", "D", 70),
      ],
    });
    const { positions } = computeResults(input);
    expect(positions).toEqual(
      [
        { id: "P1", ranking: ["C", "A", "F"], ties: [], targets: ["A"], quota: 1, edgeTie: false },
        { id: "P2", ranking: ["C", "F", "D"], ties: [], targets: ["C"], quota: 1, edgeTie: false },
      ].map((p) => ({ ...p, finalTargets: p.targets, quotaTies: [] })),
    );
    expect(positions.map((p) => p.finalTargets)).toEqual([["A"], ["C"]]);
  });
});
