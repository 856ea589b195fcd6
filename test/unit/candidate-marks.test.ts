import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildRoundExport,
  type RoundExport,
  type RoundExportSource,
  verifyRoundExport,
} from "../../shared/round-export.ts";
import { computeResults } from "../../shared/scoring/compute.ts";
import { settledPositions } from "../../shared/scoring/settled-positions.ts";
import type { CandidateMark, ScoringInput } from "../../shared/scoring/types.ts";
import { exampleSource, readV1Fixture, redigested, V1_FIXTURE } from "./export-fixtures.ts";
import { ballots, candidate } from "./scoring-fixtures.ts";

const reread = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The example's A and B, with C (P1) who did not appear and D (P2, P1) who withdrew. */
function markedSource(marks: CandidateMark[]): RoundExportSource {
  const base = exampleSource();
  return {
    ...base,
    config: {
      ...base.config,
      candidates: [...base.config.candidates, candidate("C", ["P1"]), candidate("D", ["P2", "P1"])],
    },
    marks,
  };
}

const MARKS: CandidateMark[] = [
  { candidate: "D", mark: "withdrawn", at: "2026-05-20T01:30:00.000Z" },
  { candidate: "C", mark: "absent", at: "2026-05-20T02:05:00.000Z" },
];

const unmarked = buildRoundExport(markedSource([]));
const file = buildRoundExport(markedSource(MARKS));

/** A file as written before marks existed: neither the list nor the results' field. */
function withoutMarks(built: RoundExport): RoundExport {
  const old = reread(built) as unknown as Record<string, unknown> & {
    results: { candidates: Record<string, unknown>[] };
  };
  delete old.marks;
  for (const c of old.results.candidates) delete c.mark;
  return redigested(old as unknown as RoundExport);
}

describe("computeResults with candidates marked 弃权 or 缺席", () => {
  const input = (marks: CandidateMark[]): ScoringInput => {
    const { config, ballots: cast, evaluations } = exampleSource();
    // C scores exactly as A, so unmarked the two tie at P1; the mark alone must undo that.
    const asA = cast.filter((b) => b.candidate === "A").map((b) => ({ ...b, candidate: "C" }));
    const asAEvaluations = evaluations
      .filter((e) => e.candidate === "A")
      .map((e) => ({ ...e, candidate: "C" }));
    return {
      ...config,
      candidates: [...config.candidates, candidate("C", ["P1"])],
      ballots: [...cast, ...asA],
      evaluations: [...evaluations, ...asAEvaluations],
      marks,
    };
  };

  it("ranks a candidate who would tie, until they are marked", () => {
    const tied = computeResults(input([]));
    expect(tied.positions.find((p) => p.id === "P1")?.ties).toEqual([["A", "C"]]);
    expect(tied.candidates.map((c) => c.mark)).toEqual([null, null, null]);
  });

  it("leaves a marked candidate out of every ranking, tie and target, with null scores", () => {
    const results = computeResults(input([{ candidate: "C", mark: "absent", at: "x" }]));
    const c = results.candidates.find((r) => r.id === "C");
    expect(c).toMatchObject({
      mark: "absent",
      speech: null,
      evaluation: null,
      composite: null,
      favourableRate: null,
    });
    for (const p of results.positions) {
      for (const list of [p.ranking, p.ties.flat(), p.targets, p.finalTargets]) {
        expect(list).not.toContain("C");
      }
    }
    expect(results.positions.find((p) => p.id === "P1")?.ties).toEqual([]);
    // The others are untouched by it.
    const a = results.candidates.find((r) => r.id === "A");
    expect(a?.composite).toBeCloseTo(81.925, 9);
    expect(a?.mark).toBeNull();
  });
});

describe("marks in the export", () => {
  it("lists each mark with its candidate and time, sorted by candidate id", () => {
    expect(file.marks).toEqual([
      { candidate: "C", mark: "absent", at: "2026-05-20T02:05:00.000Z" },
      { candidate: "D", mark: "withdrawn", at: "2026-05-20T01:30:00.000Z" },
    ]);
    expect(unmarked.marks).toEqual([]);
  });

  it("shows them in the results as marked and unranked, the others as before", () => {
    const byId = new Map(file.results.candidates.map((c) => [c.id, c]));
    expect(byId.get("C")).toMatchObject({ mark: "absent", composite: null, ballots: 0 });
    expect(byId.get("D")).toMatchObject({ mark: "withdrawn", composite: null, ballots: 0 });
    expect(byId.get("A")?.mark).toBeNull();
    for (const p of file.results.positions) {
      expect([...p.ranking, ...p.targets, ...p.finalTargets]).not.toContain("C");
      expect([...p.ranking, ...p.targets, ...p.finalTargets]).not.toContain("D");
    }
    const strip = (r: RoundExport["results"]) =>
      reread({ ...r, candidates: r.candidates.map(({ mark: _, ...c }) => c) });
    expect(strip(file.results)).toEqual(strip(unmarked.results));
  });

  it("keeps nothing of a mark but candidate, mark and time", () => {
    const extra = MARKS.map((m) => ({ ...m, by: "chair-secret", card: "card-1" }));
    const built = buildRoundExport(markedSource(extra));
    expect(JSON.stringify(built)).not.toContain("chair-secret");
    expect(built).toEqual(file);
  });

  it("is covered by the digest and verifies after a trip through JSON", () => {
    expect(file.digest).not.toBe(unmarked.digest);
    expect(verifyRoundExport(reread(file))).toMatchObject({ ok: true, mismatches: [] });
    const moved = reread(file);
    const first = moved.marks[0];
    if (first) first.at = "2026-05-20T03:00:00.000Z";
    expect(verifyRoundExport(moved).digestOk).toBe(false);
  });

  it("fails the recount when a mark was dropped, even with a digest made to match", () => {
    const dropped = reread(file);
    dropped.marks = dropped.marks.filter((m) => m.candidate !== "C");
    const check = verifyRoundExport(redigested(dropped));
    expect(check.digestOk).toBe(true);
    expect(check.mismatches).toEqual(["results.candidates[C].mark: file absent, recount null"]);
  });

  it("refuses a mark for an unknown candidate, twice for one, or for one with ballots", () => {
    const withBallots = {
      ...reread(file),
      ballots: [...file.ballots, ...ballots("leaders", "C", [80])],
    };
    for (const bad of [
      { ...reread(file), marks: [{ candidate: "Q", mark: "absent", at: "x" }] },
      { ...reread(file), marks: [...file.marks, { candidate: "C", mark: "withdrawn", at: "y" }] },
      withBallots,
      { ...reread(file), marks: [{ candidate: "C", mark: "late", at: "x" }] },
    ]) {
      const check = verifyRoundExport(bad);
      expect(check.file, JSON.stringify(bad.marks)).toBeUndefined();
      expect(check.formatError).toContain("marks");
    }
  });

  it("reads a file written before marks as having none, and the /1 fixture still verifies", () => {
    const old = withoutMarks(unmarked);
    expect("marks" in old).toBe(false);
    const check = verifyRoundExport(old);
    expect(check).toMatchObject({ ok: true, digestOk: true, mismatches: [] });
    expect(check.file?.marks).toEqual([]);
    expect(check.recomputed.candidates.every((c) => c.mark === null)).toBe(true);
    const v1 = verifyRoundExport(readV1Fixture());
    expect(v1.ok).toBe(true);
    expect(settledPositions({ ...readV1Fixture(), marks: [] }).length).toBe(2);
  });
});

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jingpin-marks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recount(content: unknown) {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(content));
  const run = spawnSync("npx", ["tsx", "scripts/recount.ts", path], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout };
}

describe("npm run recount with marks", { timeout: 60_000 }, () => {
  it("verifies a file with marks and lists them apart, unranked, with the time", () => {
    const { code, stdout } = recount(file);
    expect(code).toBe(0);
    expect(stdout).toContain("弃权、缺席，不参加排名");
    expect(stdout).toMatch(/候选人C C\s+缺席 Absent\s+2026-05-20 10:05（北京时间）/);
    expect(stdout).toMatch(/候选人D D\s+弃权 Withdrawn\s+2026-05-20 09:30（北京时间）/);
    expect(stdout).toContain("复算 recount: 一致 OK");
  });

  it("still verifies a file written before marks and the /1 fixture", () => {
    const old = recount(withoutMarks(unmarked));
    expect(old.code).toBe(0);
    expect(old.stdout).not.toContain("不参加排名");
    const v1 = spawnSync("npx", ["tsx", "scripts/recount.ts", V1_FIXTURE], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(v1.status).toBe(0);
  });

  it("exits 1 when a mark was removed and the digest redone", () => {
    const dropped = reread(file);
    dropped.marks.pop();
    const { code, stdout } = recount(redigested(dropped));
    expect(code).toBe(1);
    expect(stdout).toContain("results.candidates[D].mark: file withdrawn, recount null");
  });
});
