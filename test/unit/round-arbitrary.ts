import fc from "fast-check";
import { DEFAULT_EVALUATION_OPTIONS, type Method } from "../../shared/round-file.ts";
import type { ScoringInput } from "../../shared/scoring/types.ts";

/** Random but valid rounds for property tests: small, so that ties and trims are common. */

const rubricArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc
          .record({ max: fc.constantFrom(10, 20, 30, 40), step: fc.constantFrom(0.5, 1, 2.5) })
          .map(({ max, step }) => ({ id: `k${i}`, label: `标准${i}`, max, step })),
      ),
    ),
  );

const groupsArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc
          .constantFrom(0.1, 0.2, 0.25, 0.3, 0.4, 1, 2, 3.5)
          .map((weight) => ({ id: `g${i}`, label: `组${i}`, weight })),
      ),
    ),
  );

const methodArb: fc.Arbitrary<Method> = fc
  .record({
    trim: fc.integer({ min: 0, max: 2 }),
    extra: fc.integer({ min: 0, max: 3 }),
    speechWeight: fc.constantFrom(1, 0.7, 0.5, 0.3, 0),
    inspectionRatio: fc.constantFrom(1, 1.5, 2),
    decimals: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ trim, extra, speechWeight, inspectionRatio, decimals }) => ({
    trim,
    trimMin: 2 * trim + 1 + extra,
    speechWeight,
    evaluationWeight: speechWeight === 0.7 ? 0.3 : 1 - speechWeight,
    inspectionRatio,
    decimals,
  }));

const positionsArb = fc
  .array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 3 })
  .map((seats) => seats.map((s, i) => ({ id: `P${i}`, title: `岗位${i}`, seats: s })));

export const scoringInputArb: fc.Arbitrary<ScoringInput> = fc
  .record({ rubric: rubricArb, groups: groupsArb, method: methodArb, positions: positionsArb })
  .chain((base) => {
    const positionIds = base.positions.map((p) => p.id);
    const candidatesArb = fc
      .array(
        fc.shuffledSubarray(positionIds, {
          minLength: 1,
          maxLength: Math.min(2, positionIds.length),
        }),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((apps) =>
        apps.map((applications, i) => ({ id: `C${i}`, name: `候选人${i}`, applications })),
      );
    return candidatesArb.chain((candidates) => {
      const candidateId = fc.constantFrom(...candidates.map((c) => c.id));
      const groupId = fc.constantFrom(...base.groups.map((g) => g.id));
      const scores = fc
        .tuple(
          ...base.rubric.map((c) =>
            fc
              .integer({ min: 0, max: Math.round(c.max / c.step) })
              .map((k) => [c.id, k * c.step] as const),
          ),
        )
        .map((entries) => Object.fromEntries(entries));
      return fc
        .record({
          ballots: fc.array(fc.record({ group: groupId, candidate: candidateId, scores }), {
            maxLength: 40,
          }),
          evaluations: fc.array(
            fc.record({
              group: groupId,
              candidate: candidateId,
              option: fc.constantFrom(...DEFAULT_EVALUATION_OPTIONS.map((o) => o.id)),
            }),
            { maxLength: 40 },
          ),
        })
        .map((cast) => ({
          ...base,
          evaluationOptions: DEFAULT_EVALUATION_OPTIONS,
          candidates,
          ...cast,
        }));
    });
  });
