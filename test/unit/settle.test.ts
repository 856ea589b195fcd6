import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Candidate, Position } from "../../shared/round-file.ts";
import { computeResults } from "../../shared/scoring/compute.ts";
import { type MeritScores, rankPosition } from "../../shared/scoring/ranking.ts";
import { settleTargets } from "../../shared/scoring/settle.ts";
import { targetMark } from "../../shared/scoring/target-mark.ts";
import type { TieDecisionLike } from "../../shared/scoring/types.ts";
import { scoringInputArb } from "./round-arbitrary.ts";
import { candidate, position } from "./scoring-fixtures.ts";

/** Settled targets from composites alone (speech = composite, no evaluation), ρ = 1. */
function settle(
  positions: Position[],
  candidates: Candidate[],
  composites: Record<string, number>,
  decisions: TieDecisionLike[],
) {
  const scores = new Map<string, MeritScores>(
    Object.entries(composites).map(([id, c]) => [
      id,
      { id, composite: c, speech: c, evaluation: null },
    ]),
  );
  const rankings = new Map(positions.map((p) => [p.id, rankPosition(p, candidates, scores)]));
  return Object.fromEntries(settleTargets(positions, candidates, rankings, scores, 1, decisions));
}

const twoPosts = [position("P1"), position("P2")];

describe("settled targets (tie decisions in the count)", () => {
  it("leaves a tie inside the quota alone: nothing to decide", () => {
    const result = settle(
      [position("P1", 2)],
      [candidate("A", ["P1"]), candidate("B", ["P1"]), candidate("C", ["P1"])],
      { A: 90, B: 90, C: 80 },
      [{ positionId: "P1", chosen: ["A"], tied: ["A", "B"] }],
    );
    expect(result.P1).toEqual({ finalTargets: ["A", "B"], quotaTies: [] });
  });

  it("keeps a tie at the edge open until the chair decides", () => {
    const result = settle(
      [position("P1")],
      [candidate("X", ["P1"]), candidate("Z", ["P1"])],
      { X: 84, Z: 84 },
      [],
    );
    expect(result.P1).toEqual({
      finalTargets: ["X", "Z"],
      quotaTies: [{ tied: ["X", "Z"], seats: 1, decision: null }],
    });
  });

  it("applies a decision at the edge; the one left out proposes to their second choice", () => {
    const candidates = [
      candidate("X", ["P1", "P2"]),
      candidate("Z", ["P1"]),
      candidate("W", ["P2"]),
    ];
    const composites = { X: 84, Z: 84, W: 70 };
    const decided = settle(twoPosts, candidates, composites, [
      { positionId: "P1", chosen: ["Z"], tied: ["X", "Z"] },
    ]);
    expect(decided.P1).toEqual({
      finalTargets: ["Z"],
      quotaTies: [{ tied: ["X", "Z"], seats: 1, decision: 0 }],
    });
    // X beats W at P2, so W is displaced: the decision changes another post's target.
    expect(decided.P2).toEqual({ finalTargets: ["X"], quotaTies: [] });
    const other = settle(twoPosts, candidates, composites, [
      { positionId: "P1", chosen: ["X"], tied: ["X", "Z"] },
    ]);
    expect(other.P1?.finalTargets).toEqual(["X"]);
    expect(other.P2?.finalTargets).toEqual(["W"]);
  });

  it("ignores a voided decision: the tie is open again", () => {
    const result = settle(
      [position("P1")],
      [candidate("X", ["P1"]), candidate("Z", ["P1"])],
      { X: 84, Z: 84 },
      [
        {
          positionId: "P1",
          chosen: ["Z"],
          tied: ["X", "Z"],
          voided: { at: "2026-05-20T10:31:00.000Z", candidateId: "X" },
        },
      ],
    );
    expect(result.P1?.quotaTies).toEqual([{ tied: ["X", "Z"], seats: 1, decision: null }]);
    expect(result.P1?.finalTargets).toEqual(["X", "Z"]);
  });

  it("takes the latest decision that fits; one taken on another tie does not settle this one", () => {
    const candidates = ["X", "Y", "Z"].map((id) => candidate(id, ["P1"]));
    const result = settle([position("P1")], candidates, { X: 84, Y: 84, Z: 84 }, [
      { positionId: "P1", chosen: ["X"], tied: ["X", "Z"] },
      { positionId: "P1", chosen: ["Y"], tied: ["X", "Y", "Z"] },
      { positionId: "P1", chosen: ["Z"], tied: ["X", "Y", "Z"] },
      { positionId: "P1", chosen: ["X", "Y"], tied: ["X", "Y", "Z"] },
    ]);
    expect(result.P1).toEqual({
      finalTargets: ["Z"],
      quotaTies: [{ tied: ["X", "Y", "Z"], seats: 1, decision: 2 }],
    });
  });

  it("reads a decision of format /1 (no tied list) by the candidates it chose", () => {
    const result = settle(
      [position("P1")],
      [candidate("X", ["P1"]), candidate("Z", ["P1"])],
      { X: 84, Z: 84 },
      [{ positionId: "P1", chosen: ["Z"] }],
    );
    expect(result.P1?.finalTargets).toEqual(["Z"]);
  });

  it("meets a second tie that only the first decision brought about, and settles it too", () => {
    // Left out at P1, X goes to P2 and ties there with V at the edge.
    const candidates = [
      candidate("X", ["P1", "P2"]),
      candidate("Z", ["P1"]),
      candidate("V", ["P2"]),
    ];
    const composites = { X: 84, Z: 84, V: 84 };
    const first = { positionId: "P1", chosen: ["Z"], tied: ["X", "Z"] };
    const once = settle(twoPosts, candidates, composites, [first]);
    expect(once.P2?.quotaTies).toEqual([{ tied: ["V", "X"], seats: 1, decision: null }]);
    const twice = settle(twoPosts, candidates, composites, [
      first,
      { positionId: "P2", chosen: ["V"], tied: ["V", "X"] },
    ]);
    expect(twice.P1?.finalTargets).toEqual(["Z"]);
    expect(twice.P2).toEqual({
      finalTargets: ["V"],
      quotaTies: [{ tied: ["V", "X"], seats: 1, decision: 1 }],
    });
  });
});

describe("target marks", () => {
  it("says 另岗考察 for a first place inspected for another post, and who a decision left out", () => {
    const input = computeResults({
      rubric: [{ id: "k", label: "k", max: 100, step: 1 }],
      groups: [{ id: "g", label: "g", weight: 1 }],
      evaluationOptions: [],
      method: {
        trim: 0,
        trimMin: 1,
        speechWeight: 1,
        evaluationWeight: 0,
        inspectionRatio: 1,
        decimals: 2,
      },
      positions: twoPosts,
      candidates: [candidate("A", ["P1", "P2"]), candidate("B", ["P2"])],
      ballots: [
        { group: "g", candidate: "A", scores: { k: 90 } },
        { group: "g", candidate: "B", scores: { k: 80 } },
      ],
      evaluations: [],
    });
    const [p1, p2] = input.positions;
    if (!p1 || !p2) throw new Error("two posts");
    expect(targetMark(input.positions, p1, "A")).toBe("target");
    // A is first at P2 too but inspected for P1: P2 inspects B, and A's row there says so.
    expect(p2.ranking[0]).toBe("A");
    expect(p2.finalTargets).toEqual(["B"]);
    expect(targetMark(input.positions, p2, "A")).toBe("elsewhere");
    expect(targetMark(input.positions, p2, "B")).toBe("target");
  });
});

describe("settled targets: properties", () => {
  it("without decisions, the final targets are the deferred-acceptance targets", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        for (const p of computeResults(input).positions) {
          expect(p.finalTargets).toEqual(p.targets);
          expect(p.quotaTies.every((q) => q.decision === null)).toBe(true);
          expect(p.quotaTies.length).toBe(p.edgeTie ? 1 : 0);
        }
      }),
    );
  });

  it("deciding every open tie leaves each post at most its quota, each candidate at one post", () => {
    fc.assert(
      fc.property(scoringInputArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const decisions: TieDecisionLike[] = [];
        let results = computeResults(input);
        // Decide ties one by one, as a chair would, until none is open.
        for (let round = 0; round < 20; round++) {
          const open = results.positions.flatMap((p) =>
            p.quotaTies.filter((q) => q.decision === null).map((q) => ({ p, q })),
          )[0];
          if (!open) break;
          const start = (seed + round) % open.q.tied.length;
          const rotated = [...open.q.tied.slice(start), ...open.q.tied.slice(0, start)];
          decisions.push({
            positionId: open.p.id,
            chosen: rotated.slice(0, open.q.seats),
            tied: open.q.tied,
          });
          results = computeResults({ ...input, decisions });
        }
        const seen = new Set<string>();
        for (const p of results.positions) {
          expect(p.quotaTies.every((q) => q.decision !== null)).toBe(true);
          expect(p.finalTargets.length).toBeLessThanOrEqual(p.quota);
          expect(p.finalTargets.every((t) => p.ranking.includes(t))).toBe(true);
          for (const t of p.finalTargets) {
            expect(seen.has(t)).toBe(false);
            seen.add(t);
          }
          for (const q of p.quotaTies) {
            const d = decisions[q.decision ?? -1];
            const left = q.tied.filter((c) => !d?.chosen.includes(c));
            expect(left.some((c) => p.finalTargets.includes(c))).toBe(false);
          }
        }
      }),
    );
  });

  it("a decision for a post without a tie at its edge changes nothing", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        const plain = computeResults(input);
        const calm = plain.positions.find((p) => !p.edgeTie && p.ranking.length > 0);
        if (!calm) return;
        const decisions = [{ positionId: calm.id, chosen: calm.ranking.slice(0, 1) }];
        expect(computeResults({ ...input, decisions }).positions).toEqual(plain.positions);
      }),
    );
  });
});
