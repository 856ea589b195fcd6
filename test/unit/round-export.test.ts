import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, compareCodePoints } from "../../shared/canonical-json.ts";
import {
  buildRoundExport,
  ROUND_EXPORT_FORMAT,
  ROUND_EXPORT_FORMAT_V1,
  verifyRoundExport,
} from "../../shared/round-export.ts";
import { settledPositions } from "../../shared/scoring/index.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import {
  exampleSource,
  readV1Fixture,
  redigested,
  round,
  v2FromV1Fixture,
} from "./export-fixtures.ts";
import { scoringInputArb } from "./round-arbitrary.ts";
import { candidate, exampleMethod } from "./scoring-fixtures.ts";

/** A deep copy, as a file read back from disk would be. */
const reread = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("buildRoundExport", () => {
  const file = buildRoundExport(exampleSource());

  it("writes the format, the round and the method's inputs", () => {
    expect(file.format).toBe(ROUND_EXPORT_FORMAT);
    expect(file.round).toEqual(round);
    expect(file.method).toEqual(exampleMethod);
    expect(file.candidates[0]).toEqual({
      id: "A",
      name: "候选人A",
      unit: "办公室副主任",
      applications: ["P1"],
    });
    expect(file.candidates[1]).toEqual({ id: "B", name: "候选人B", applications: ["P2", "P1"] });
    expect(file.decisions).toEqual([]);
  });

  it("computes the results of scoring.md", () => {
    const a = file.results.candidates[0];
    expect(a?.speech).toBeCloseTo(81.75, 9);
    expect(a?.composite).toBeCloseTo(81.925, 9);
  });

  it("sorts ballots and evaluations by their canonical JSON text", () => {
    const texts = file.ballots.map((b) => canonicalJson(b));
    expect(texts).toEqual([...texts].sort(compareCodePoints));
    const evals = file.evaluations.map((e) => canonicalJson(e));
    expect(evals).toEqual([...evals].sort(compareCodePoints));
    expect(file.ballots).toHaveLength(12);
  });

  it("keeps nothing of a ballot but group, candidate and scores", () => {
    const source = exampleSource();
    const withCards = source.ballots.map((b, i) => ({ ...b, card: `card-${i}`, at: i }));
    const built = buildRoundExport({ ...source, ballots: withCards });
    expect(JSON.stringify(built)).not.toContain("card-");
    expect(built.digest).toBe(file.digest);
  });

  it("does not depend on the order the ballots come in", () => {
    const source = exampleSource();
    const reversed = {
      ...source,
      ballots: [...source.ballots].reverse(),
      evaluations: [...source.evaluations].reverse(),
    };
    expect(buildRoundExport(reversed)).toEqual(file);
  });

  it("digests the canonical JSON of the file without its digest (checked with node:crypto)", () => {
    const { digest, ...rest } = file;
    const expected = createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
    expect(digest).toBe(expected);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes a known canonical text to a known value", () => {
    const text = canonicalJson({ b: "竞聘", a: [1, 2.5] });
    expect(text).toBe('{"a":[1,2.5],"b":"竞聘"}');
    expect(sha256Hex(text)).toBe(
      createHash("sha256").update('{"a":[1,2.5],"b":"竞聘"}').digest("hex"),
    );
  });

  it("carries the chair's tie decisions and they are covered by the digest", () => {
    const decision = {
      positionId: "P1",
      chosen: ["A"],
      tied: ["A", "B"],
      reason: "党组会议决定",
      decidedAt: "2026-05-20T11:00:00.000Z",
    };
    const withDecision = buildRoundExport({ ...exampleSource(), decisions: [decision] });
    expect(withDecision.decisions).toEqual([decision]);
    expect(withDecision.digest).not.toBe(file.digest);
    expect(verifyRoundExport(reread(withDecision)).ok).toBe(true);
  });
});

describe("verifyRoundExport", () => {
  const file = buildRoundExport(exampleSource());

  it("accepts a file read back from JSON", () => {
    const result = verifyRoundExport(reread(file));
    expect(result).toMatchObject({ ok: true, digestOk: true, mismatches: [] });
    expect(result.recomputed).toEqual(file.results);
    expect(result.formatError).toBeUndefined();
  });

  it("fails the digest when a ballot is changed, and names the changed results", () => {
    const tampered = reread(file);
    const target = tampered.ballots.find((b) => b.candidate === "B" && b.group === "leaders");
    if (!target) throw new Error("fixture lost B's leaders ballot");
    target.scores.quality = 0;
    const result = verifyRoundExport(tampered);
    expect(result.ok).toBe(false);
    expect(result.digestOk).toBe(false);
    expect(result.mismatches).toContain(
      `results.candidates[B].speech: file ${file.results.candidates[1]?.speech}, recount ${result.recomputed.candidates[1]?.speech}`,
    );
  });

  it("lists results that differ from a recount even when the digest was redone", () => {
    const forged = reread(file);
    const a = forged.results.candidates[0];
    if (!a) throw new Error("no candidate A");
    a.speech = 81.7;
    const p1 = forged.results.positions[0];
    if (!p1) throw new Error("no position P1");
    p1.targets = ["B"];
    const { digest: _old, ...rest } = forged;
    const result = verifyRoundExport({ ...rest, digest: sha256Hex(canonicalJson(rest)) });
    expect(result.digestOk).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([
      "results.candidates[A].speech: file 81.7, recount 81.75",
      'results.positions[P1].targets: file ["B"], recount ["A"]',
    ]);
  });

  it("tolerates differences up to 1e-9 and ignores byGroup", () => {
    const forged = reread(file);
    const a = forged.results.candidates[0];
    if (!a) throw new Error("no candidate A");
    a.speech = (a.speech ?? 0) + 5e-10;
    a.byGroup = { speech: [], evaluation: [] };
    const { digest: _old, ...rest } = forged;
    const result = verifyRoundExport({ ...rest, digest: sha256Hex(canonicalJson(rest)) });
    expect(result.ok).toBe(true);
  });

  it("requires nulls to match", () => {
    const forged = reread(file);
    const b = forged.results.candidates[1];
    if (!b) throw new Error("no candidate B");
    b.favourableRate = null;
    expect(verifyRoundExport(forged).mismatches).toEqual([
      "results.candidates[B].favourableRate: file null, recount 1",
    ]);
  });

  it("reports a missing or an unknown candidate in the results", () => {
    const forged = reread(file);
    forged.results.candidates = forged.results.candidates.map((c) =>
      c.id === "B" ? { ...c, id: "X" } : c,
    );
    expect(verifyRoundExport(forged).mismatches).toEqual([
      "results.candidates[B]: missing from the file",
      "results.candidates[X]: in the file but not in the recount",
    ]);
  });

  it.each([
    ["not an object", "hello"],
    ["another format", { ...file, format: "jingpin-round/1" }],
    ["no digest", { ...file, digest: undefined }],
    [
      "a ballot missing a criterion",
      { ...file, ballots: [{ group: "leaders", candidate: "A", scores: { knowledge: 1 } }] },
    ],
    [
      "a ballot off the step",
      {
        ...file,
        ballots: [
          { group: "leaders", candidate: "A", scores: { knowledge: 1.25, skills: 0, quality: 0 } },
        ],
      },
    ],
    [
      "an unknown group",
      {
        ...file,
        ballots: [
          { group: "nobody", candidate: "A", scores: { knowledge: 1, skills: 0, quality: 0 } },
        ],
      },
    ],
    [
      "an unknown option",
      { ...file, evaluations: [{ group: "leaders", candidate: "A", option: "great" }] },
    ],
    ["an unknown position", { ...file, candidates: [candidate("A", ["P9"])] }],
  ])("refuses a file with %s as a format error", (_, value) => {
    const result = verifyRoundExport(reread(value));
    expect(result.ok).toBe(false);
    expect(result.formatError).toEqual(expect.any(String));
    expect(result.file).toBeUndefined();
  });

  it("round-trips: any built file verifies, also after a trip through JSON", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        const { ballots, evaluations, ...config } = input;
        const built = buildRoundExport({ round, config, ballots, evaluations });
        expect(verifyRoundExport(built).ok).toBe(true);
        expect(verifyRoundExport(reread(built))).toMatchObject({ ok: true, mismatches: [] });
      }),
      { numRuns: 150 },
    );
  });

  it("fails when any single ballot score is changed", () => {
    const cases = scoringInputArb
      .filter((input) => input.ballots.length > 0)
      .chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.nat({ max: input.ballots.length - 1 }),
          fc.nat({ max: input.rubric.length - 1 }),
          fc.integer({ min: 1, max: 400 }),
        ),
      );
    fc.assert(
      fc.property(cases, ([input, which, criterion, shift]) => {
        const { ballots, evaluations, ...config } = input;
        const file = reread(buildRoundExport({ round, config, ballots, evaluations }));
        const c = input.rubric[criterion];
        const b = file.ballots[which];
        if (!c || !b) throw new Error("index out of range");
        const steps = Math.round(c.max / c.step) + 1;
        const old = Math.round((b.scores[c.id] ?? 0) / c.step);
        // A shift of 1..steps-1 places lands on another valid score, never the old one.
        b.scores[c.id] = ((old + 1 + (shift % (steps - 1))) % steps) * c.step;
        expect(b.scores[c.id]).not.toBe(old * c.step);
        expect(verifyRoundExport(file).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe("tie decisions in the export (format /2)", () => {
  const v1 = readV1Fixture();
  const decided = v2FromV1Fixture();

  it("still recounts a file of format /1 written before /2, and derives its final targets", () => {
    expect(v1.format).toBe(ROUND_EXPORT_FORMAT_V1);
    const check = verifyRoundExport(v1);
    expect(check.mismatches).toEqual([]);
    expect(check.ok).toBe(true);
    const [p1, p2] = check.recomputed.positions;
    expect(p1?.targets).toEqual(["X", "Z"]);
    expect(p1?.finalTargets).toEqual(["Z"]);
    expect(p2?.finalTargets).toEqual(["X"]);
  });

  it("gives the final targets of a /1 file for the pages (derived) and of a /2 file as stated", () => {
    expect(settledPositions(v1).map((p) => p.finalTargets)).toEqual([["Z"], ["X"]]);
    expect(settledPositions(decided)).toBe(decided.results.positions);
  });

  it("writes /2 with the tie of each decision and the final targets under the digest", () => {
    expect(decided.format).toBe(ROUND_EXPORT_FORMAT);
    expect(decided.decisions[0]?.tied).toEqual(["X", "Z"]);
    const [p1, p2] = decided.results.positions;
    expect(p1?.finalTargets).toEqual(["Z"]);
    expect(p1?.quotaTies).toEqual([{ tied: ["X", "Z"], seats: 1, decision: 0 }]);
    expect(p2?.finalTargets).toEqual(["X"]);
    expect(verifyRoundExport(reread(decided)).ok).toBe(true);
  });

  it("breaks the digest when a decision is changed", () => {
    const tampered = reread(decided);
    const d = tampered.decisions[0];
    if (!d) throw new Error("the fixture has a decision");
    d.chosen = ["X"];
    const check = verifyRoundExport(tampered);
    expect(check.digestOk).toBe(false);
    // The recount follows the changed decision, so the stated final targets differ as well.
    expect(check.mismatches).toContain(
      'results.positions[P1].finalTargets: file ["Z"], recount ["X"]',
    );
  });

  it("fails when the final targets differ, even with a digest made to match", () => {
    const edited = reread(decided);
    const p1 = edited.results.positions[0];
    if (!p1) throw new Error("two posts");
    p1.finalTargets = ["X"];
    const check = verifyRoundExport(redigested(edited));
    expect(check.digestOk).toBe(true);
    expect(check.ok).toBe(false);
    expect(check.mismatches).toEqual([
      'results.positions[P1].finalTargets: file ["X"], recount ["Z"]',
    ]);
  });

  it("refuses a /2 file without final targets or with a decision that names no tie", () => {
    const bare = reread(decided) as unknown as {
      results: { positions: Record<string, unknown>[] };
      decisions: Record<string, unknown>[];
    };
    delete bare.results.positions[0]?.finalTargets;
    delete bare.decisions[0]?.tied;
    const check = verifyRoundExport(bare);
    expect(check.file).toBeUndefined();
    expect(check.formatError).toContain("finalTargets");
    expect(check.formatError).toContain("tied");
  });
});
