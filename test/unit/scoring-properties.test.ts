import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareResults } from "../../shared/scoring/compare.ts";
import { computeResults } from "../../shared/scoring/compute.ts";
import { compareMerit } from "../../shared/scoring/ranking.ts";
import { scoringInputArb } from "./round-arbitrary.ts";

/** A permutation of `items`, drawn by fast-check. */
const permutationOf = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });

describe("scoring properties", () => {
  it("gives bit-for-bit the same results whatever the order of the ballots", () => {
    fc.assert(
      fc.property(
        scoringInputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            permutationOf(input.ballots),
            permutationOf(input.evaluations),
          ),
        ),
        ([input, ballots, evaluations]) => {
          expect(computeResults({ ...input, ballots, evaluations })).toEqual(computeResults(input));
        },
      ),
    );
  });

  it("gives the same results when every group weight is scaled by one factor", () => {
    fc.assert(
      fc.property(scoringInputArb, fc.constantFrom(0.001, 0.37, 3, 1000), (input, factor) => {
        const groups = input.groups.map((g) => ({ ...g, weight: g.weight * factor }));
        const scaled = computeResults({ ...input, groups });
        expect(compareResults(computeResults(input), scaled)).toEqual([]);
      }),
    );
  });

  it("picks stable targets: nobody prefers a position that would take them", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        const results = computeResults(input);
        const merit = new Map(results.candidates.map((c) => [c.id, c]));
        const assigned = new Map<string, string>();
        for (const p of results.positions) {
          expect(p.targets.every((t) => p.ranking.includes(t))).toBe(true);
          expect(p.edgeTie).toBe(p.targets.length > p.quota);
          for (const t of p.targets) {
            expect(assigned.has(t)).toBe(false);
            assigned.set(t, p.id);
          }
        }
        for (const c of input.candidates) {
          const own = merit.get(c.id);
          if (!own || own.composite === null) continue;
          const stop = assigned.has(c.id)
            ? c.applications.indexOf(assigned.get(c.id) ?? "")
            : c.applications.length;
          for (const preferred of c.applications.slice(0, stop)) {
            const p = results.positions.find((x) => x.id === preferred);
            const better = (p?.targets ?? []).filter((t) => {
              const other = merit.get(t);
              return other !== undefined && compareMerit(other, own) < 0;
            });
            expect(better.length).toBeGreaterThanOrEqual(p?.quota ?? 0);
          }
        }
      }),
    );
  });
});
