import { describe, expect, it } from "vitest";
import { computeResults } from "../../shared/scoring/compute.ts";
import {
  ballots,
  candidate,
  evaluations,
  exampleBallots,
  exampleEvaluations,
  exampleMethod,
  position,
  scoringInput,
} from "./scoring-fixtures.ts";

describe("computeResults", () => {
  it("with β = 0 takes the speech score as the composite, evaluation or not", () => {
    const method = { ...exampleMethod, speechWeight: 1, evaluationWeight: 0 };
    const input = scoringInput({
      method,
      candidates: [candidate("A", ["P1"]), candidate("B", ["P1"])],
      ballots: [...exampleBallots, ...ballots("staff", "B", [90])],
      evaluations: exampleEvaluations,
    });
    const [a, b] = computeResults(input).candidates;
    expect(a?.composite).toBe(a?.speech);
    expect(a?.evaluation).toBeCloseTo(82 + 1 / 3, 9);
    expect(b).toMatchObject({ speech: 90, evaluation: null, composite: 90 });
  });

  it("with β = 1 ranks by evaluation alone", () => {
    const method = { ...exampleMethod, speechWeight: 0, evaluationWeight: 1 };
    const input = scoringInput({
      method,
      candidates: [candidate("A", ["P1"]), candidate("B", ["P1"])],
      ballots: ballots("leaders", "A", [100]),
      evaluations: [
        ...evaluations("leaders", "A", ["basic"]),
        ...evaluations("leaders", "B", ["excellent"]),
      ],
    });
    const { candidates, positions } = computeResults(input);
    expect(candidates.map((c) => c.composite)).toEqual([60, 100]);
    expect(positions[0]?.ranking).toEqual(["B", "A"]);
  });

  it("leaves a candidate without ballots unranked, with null scores", () => {
    const input = scoringInput({
      candidates: [candidate("A", ["P1"]), candidate("N", ["P1"])],
      ballots: exampleBallots,
      evaluations: [...exampleEvaluations, ...evaluations("staff", "N", ["excellent"])],
    });
    const { candidates, positions } = computeResults(input);
    expect(candidates[1]).toMatchObject({
      id: "N",
      speech: null,
      evaluation: 100,
      composite: null,
      ballots: 0,
      evaluationsCast: 1,
      favourableRate: 1,
      criteria: { knowledge: null, skills: null, quality: null },
    });
    expect(positions[0]?.ranking).toEqual(["A"]);
    expect(positions[0]?.targets).toEqual(["A"]);
  });

  it("needs an evaluation when β > 0", () => {
    const input = scoringInput({ ballots: exampleBallots });
    expect(computeResults(input).candidates[0]).toMatchObject({ speech: 81.75, composite: null });
  });

  it("keeps candidates and positions in input order", () => {
    const input = scoringInput({
      positions: [position("Z"), position("A")],
      candidates: [candidate("c2", ["Z"]), candidate("c1", ["A"]), candidate("c3", ["A", "Z"])],
    });
    const results = computeResults(input);
    expect(results.candidates.map((c) => c.id)).toEqual(["c2", "c1", "c3"]);
    expect(results.positions.map((p) => p.id)).toEqual(["Z", "A"]);
  });

  it("gives the same results when every weight is scaled, and weights need not sum to 1", () => {
    const base = scoringInput({ ballots: exampleBallots, evaluations: exampleEvaluations });
    const scaled = { ...base, groups: base.groups.map((g) => ({ ...g, weight: g.weight * 37 })) };
    const a = computeResults(base).candidates[0];
    const b = computeResults(scaled).candidates[0];
    expect(b?.speech).toBeCloseTo(a?.speech ?? 0, 9);
    expect(b?.evaluation).toBeCloseTo(a?.evaluation ?? 0, 9);
    expect(b?.composite).toBeCloseTo(a?.composite ?? 0, 9);
  });

  it("flags a tie at the quota edge on the position result", () => {
    const method = { ...exampleMethod, speechWeight: 1, evaluationWeight: 0, inspectionRatio: 1 };
    const input = scoringInput({
      method,
      candidates: ["B", "A", "C"].map((id) => candidate(id, ["P1"])),
      ballots: [
        ...ballots("leaders", "A", [80]),
        ...ballots("middle", "B", [80]),
        ...ballots("staff", "C", [70]),
      ],
    });
    expect(computeResults(input).positions[0]).toEqual({
      id: "P1",
      ranking: ["A", "B", "C"],
      ties: [["A", "B"]],
      targets: ["A", "B"],
      quota: 1,
      edgeTie: true,
      // No decision yet: the tie stays open and the position holds both.
      finalTargets: ["A", "B"],
      quotaTies: [{ tied: ["A", "B"], seats: 1, decision: null }],
    });
  });
});
