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

/**
 * Rounds where ties are common: few posts, up to seven candidates with one or two
 * applications, and composites from three values only (the scoring arbitrary almost never
 * ties at a quota edge).
 */
const tieRichArb = fc
  .record({
    seats: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 }),
    ratio: fc.constantFrom(1, 1.5),
  })
  .chain(({ seats, ratio }) => {
    const positions = seats.map((n, i) => position(`P${i}`, n));
    const ids = positions.map((p) => p.id);
    const person = fc.record({
      applications: fc.shuffledSubarray(ids, { minLength: 1, maxLength: Math.min(2, ids.length) }),
      composite: fc.constantFrom(70, 80, 90),
    });
    return fc.record({
      positions: fc.constant(positions),
      ratio: fc.constant(ratio),
      people: fc.array(person, { minLength: 2, maxLength: 7 }),
      seed: fc.nat(1000),
    });
  });

function tieRichSettle({ positions, ratio, people }: TieRich, decisions: TieDecisionLike[]) {
  const candidates = people.map((p, i) => candidate(`C${i}`, p.applications));
  const scores = new Map<string, MeritScores>(
    people.map((p, i) => [
      `C${i}`,
      { id: `C${i}`, composite: p.composite, speech: p.composite, evaluation: null },
    ]),
  );
  const rankings = new Map(positions.map((p) => [p.id, rankPosition(p, candidates, scores)]));
  return settleTargets(positions, candidates, rankings, scores, ratio, decisions);
}
type TieRich = {
  positions: Position[];
  ratio: number;
  people: { applications: string[]; composite: number }[];
};

/** Decides open ties one by one, as a chair would, until none is left. */
function decideAll(round: TieRich, seed: number) {
  const decisions: TieDecisionLike[] = [];
  let settled = tieRichSettle(round, decisions);
  for (let step = 0; step < 20; step++) {
    const open = [...settled].flatMap(([id, s]) =>
      s.quotaTies.filter((q) => q.decision === null).map((q) => ({ id, q })),
    )[0];
    if (!open) break;
    const start = (seed + step) % open.q.tied.length;
    const rotated = [...open.q.tied.slice(start), ...open.q.tied.slice(0, start)];
    decisions.push({
      positionId: open.id,
      chosen: rotated.slice(0, open.q.seats),
      tied: open.q.tied,
    });
    settled = tieRichSettle(round, decisions);
  }
  return { decisions, settled };
}

describe("settled targets: properties", () => {
  it("meets ties at the edge often in the tie-rich rounds (so the properties below say something)", () => {
    let tied = 0;
    fc.assert(
      fc.property(tieRichArb, (round) => {
        const settled = tieRichSettle(round, []);
        if ([...settled.values()].some((s) => s.quotaTies.length > 0)) tied++;
      }),
      { numRuns: 200 },
    );
    expect(tied).toBeGreaterThan(40);
  });

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
      fc.property(tieRichArb, (round) => {
        const { decisions, settled } = decideAll(round, round.seed);
        const seen = new Set<string>();
        for (const p of round.positions) {
          const s = settled.get(p.id);
          if (!s) throw new Error("every post is settled");
          const quota = Math.ceil(p.seats * round.ratio - 1e-9);
          expect(s.quotaTies.every((q) => q.decision !== null)).toBe(true);
          expect(s.finalTargets.length).toBeLessThanOrEqual(quota);
          for (const t of s.finalTargets) {
            expect(seen.has(t)).toBe(false);
            seen.add(t);
          }
          // Nobody a decision left out is a target of that post.
          for (const q of s.quotaTies) {
            const d = decisions[q.decision ?? -1];
            const left = q.tied.filter((c) => !d?.chosen.includes(c));
            expect(left.some((c) => s.finalTargets.includes(c))).toBe(false);
          }
        }
      }),
    );
  });

  it("a post that does not fill its quota holds everyone who applied there and is a target nowhere else", () => {
    fc.assert(
      fc.property(tieRichArb, (round) => {
        const { settled } = decideAll(round, round.seed);
        const targetOf = new Map<string, string>();
        for (const [id, s] of settled) for (const t of s.finalTargets) targetOf.set(t, id);
        for (const p of round.positions) {
          const quota = Math.ceil(p.seats * round.ratio - 1e-9);
          if ((settled.get(p.id)?.finalTargets.length ?? 0) >= quota) continue;
          round.people.forEach((person, i) => {
            if (!person.applications.includes(p.id)) return;
            // Such a candidate was never rejected here: they are held here or by a post they prefer.
            const at = targetOf.get(`C${i}`);
            expect(at).toBeDefined();
            const rank = (post: string) => person.applications.indexOf(post);
            expect(rank(at ?? "")).toBeLessThanOrEqual(rank(p.id));
          });
        }
      }),
    );
  });

  it("a decision for a post without a tie at its edge changes nothing", () => {
    fc.assert(
      fc.property(tieRichArb, (round) => {
        const plain = tieRichSettle(round, []);
        const calm = [...plain].find(([, s]) => s.quotaTies.length === 0 && s.finalTargets.length);
        if (!calm) return;
        const [positionId, s] = calm;
        const stray = { positionId, chosen: s.finalTargets.slice(0, 1), tied: s.finalTargets };
        expect(tieRichSettle(round, [stray])).toEqual(plain);
      }),
    );
  });

  it("a voided decision is as if it were never taken", () => {
    fc.assert(
      fc.property(tieRichArb, (round) => {
        const { decisions } = decideAll(round, round.seed);
        const voided = decisions.map((d) => ({
          ...d,
          voided: { at: "2026-05-20T10:00:00.000Z", candidateId: d.tied?.[0] ?? "" },
        }));
        expect(tieRichSettle(round, voided)).toEqual(tieRichSettle(round, []));
      }),
    );
  });
});
