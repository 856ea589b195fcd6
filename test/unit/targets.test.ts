import { describe, expect, it } from "vitest";
import type { Candidate, Position } from "../../shared/round-file.ts";
import { type MeritScores, rankPosition } from "../../shared/scoring/ranking.ts";
import { quotaFor, selectTargets } from "../../shared/scoring/targets.ts";
import { candidate, position } from "./scoring-fixtures.ts";

/** Targets from composites alone (speech = composite, no evaluation). */
function targetsOf(
  positions: Position[],
  candidates: Candidate[],
  composites: Record<string, number | null>,
  ratio = 1,
) {
  const scores = new Map<string, MeritScores>(
    Object.entries(composites).map(([id, c]) => [
      id,
      { id, composite: c, speech: c, evaluation: null },
    ]),
  );
  const rankings = new Map(
    positions.map((p) => [p.id, rankPosition(p, candidates, scores).ranking]),
  );
  return Object.fromEntries(selectTargets(positions, candidates, rankings, scores, ratio));
}

describe("quota", () => {
  it.each([
    [1, 2, 2],
    [1, 1, 1],
    [3, 1.5, 5],
    [10, 0.7, 7],
    [3, 0.7, 3],
    [1, 0.5, 1],
    [2, 1.2, 3],
  ])("ceil(%s × %s) = %s", (seats, ratio, quota) => {
    expect(quotaFor(seats, ratio)).toBe(quota);
  });
});

describe("inspection targets (deferred acceptance)", () => {
  it("solves the example of scoring.md: P1 A, P2 C", () => {
    const result = targetsOf(
      [position("P1"), position("P2")],
      [
        candidate("A", ["P1"]),
        candidate("C", ["P2", "P1"]),
        candidate("F", ["P1", "P2"]),
        candidate("D", ["P2"]),
      ],
      { A: 81.925, C: 85, F: 75, D: 70 },
    );
    expect(result.P1).toEqual({ targets: ["A"], quota: 1, edgeTie: false });
    expect(result.P2).toEqual({ targets: ["C"], quota: 1, edgeTie: false });
  });

  it("lands a candidate rejected by the first choice on the second", () => {
    const result = targetsOf(
      [position("P1"), position("P2")],
      [candidate("A", ["P1"]), candidate("B", ["P1", "P2"]), candidate("C", ["P2"])],
      { A: 90, B: 80, C: 70 },
    );
    expect(result.P1?.targets).toEqual(["A"]);
    expect(result.P2?.targets).toEqual(["B"]);
  });

  it("displaces a held candidate when a better one is rejected elsewhere later", () => {
    // W beats X at P1; X moves on to P2 and displaces Y, who then loses to Z at P3.
    const result = targetsOf(
      [position("P1"), position("P2"), position("P3")],
      [
        candidate("X", ["P1", "P2"]),
        candidate("Y", ["P2", "P3"]),
        candidate("Z", ["P3"]),
        candidate("W", ["P1"]),
      ],
      { W: 95, X: 90, Y: 80, Z: 85 },
    );
    expect(result.P1?.targets).toEqual(["W"]);
    expect(result.P2?.targets).toEqual(["X"]);
    expect(result.P3?.targets).toEqual(["Z"]);
  });

  it("holds a tie inside the quota without a flag", () => {
    const result = targetsOf(
      [position("P1", 3)],
      ["A", "B", "C", "D"].map((id) => candidate(id, ["P1"])),
      { A: 90, B: 80, C: 80, D: 70 },
    );
    expect(result.P1).toEqual({ targets: ["A", "B", "C"], quota: 3, edgeTie: false });
  });

  it("holds every candidate tied at the edge of the quota and flags it", () => {
    const result = targetsOf(
      [position("P1", 1)],
      ["A", "B", "C", "D"].map((id) => candidate(id, ["P1"])),
      { A: 90, B: 80, C: 80, D: 70 },
      2,
    );
    expect(result.P1).toEqual({ targets: ["A", "B", "C"], quota: 2, edgeTie: true });
  });

  it("holds all tied candidates when they are the best, beyond the quota", () => {
    const result = targetsOf(
      [position("P1", 1)],
      ["A", "B", "C"].map((id) => candidate(id, ["P1"])),
      { A: 80, B: 80, C: 70 },
    );
    expect(result.P1).toEqual({ targets: ["A", "B"], quota: 1, edgeTie: true });
  });

  it("leaves out candidates without a composite and positions nobody applied to", () => {
    const result = targetsOf(
      [position("P1"), position("P2")],
      [candidate("A", ["P1"]), candidate("B", ["P1"])],
      { A: null, B: 60 },
    );
    expect(result.P1?.targets).toEqual(["B"]);
    expect(result.P2).toEqual({ targets: [], quota: 1, edgeTie: false });
  });

  it("makes a candidate a target for at most one position", () => {
    const result = targetsOf(
      [position("P1", 2), position("P2", 2)],
      [candidate("A", ["P1", "P2"]), candidate("B", ["P2", "P1"]), candidate("C", ["P1", "P2"])],
      { A: 90, B: 80, C: 70 },
      2,
    );
    const all = [...(result.P1?.targets ?? []), ...(result.P2?.targets ?? [])];
    expect(all.sort()).toEqual(["A", "B", "C"]);
    expect(result.P1?.targets).toEqual(["A", "C"]);
    expect(result.P2?.targets).toEqual(["B"]);
  });
});
