import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJson, compareCodePoints } from "../../shared/canonical-json.ts";
import {
  buildRoundExport,
  type RoundExport,
  verifyRoundExport,
} from "../../shared/round-export.ts";
import { computeResults } from "../../shared/scoring/compute.ts";
import type { Abstention } from "../../shared/scoring/types.ts";
import { exampleSource, readV1Fixture, redigested, V1_FIXTURE } from "./export-fixtures.ts";

const reread = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Three abstentions (回避): two for A (one of them from the group with no ballot for B). */
const ABSTENTIONS: Abstention[] = [
  { group: "staff", candidate: "A" },
  { group: "leaders", candidate: "A" },
  { group: "middle", candidate: "B" },
];

const plain = buildRoundExport(exampleSource());
const file = buildRoundExport({ ...exampleSource(), abstentions: ABSTENTIONS });

/** A file as written before abstentions existed: neither the list nor the counts. */
function withoutAbstentions(built: RoundExport): RoundExport {
  const old = reread(built) as unknown as Record<string, unknown> & {
    results: { candidates: Record<string, unknown>[] };
  };
  delete old.abstentions;
  for (const c of old.results.candidates) delete c.abstentions;
  return redigested(old as unknown as RoundExport);
}

describe("abstentions in the export", () => {
  it("lists them card-less, sorted by canonical text, and counts them per candidate", () => {
    const texts = file.abstentions.map((a) => canonicalJson(a));
    expect(texts).toEqual(ABSTENTIONS.map((a) => canonicalJson(a)).sort(compareCodePoints));
    const [a, b] = file.results.candidates;
    expect(a?.abstentions).toBe(2);
    expect(b?.abstentions).toBe(1);
    expect(plain.results.candidates.map((c) => c.abstentions)).toEqual([0, 0]);
    expect(plain.abstentions).toEqual([]);
  });

  it("casts no score: the results are those without them but for the count", () => {
    const strip = (r: RoundExport["results"]) =>
      reread({ ...r, candidates: r.candidates.map(({ abstentions: _, ...c }) => c) });
    expect(strip(file.results)).toEqual(strip(plain.results));
    expect(file.results.candidates[0]?.ballots).toBe(10);
    expect(file.results.candidates[0]?.speech).toBeCloseTo(81.75, 9);
  });

  it("keeps nothing of an abstention but group and candidate, in any order given", () => {
    const withCards = ABSTENTIONS.map((x, i) => ({ ...x, card: `card-${i}`, at: i }));
    const built = buildRoundExport({ ...exampleSource(), abstentions: withCards.reverse() });
    expect(JSON.stringify(built)).not.toContain("card-");
    expect(built).toEqual(file);
  });

  it("is covered by the digest and verifies after a trip through JSON", () => {
    expect(file.digest).not.toBe(plain.digest);
    expect(verifyRoundExport(reread(file))).toMatchObject({ ok: true, mismatches: [] });
    const dropped = reread(file);
    dropped.abstentions.pop();
    expect(verifyRoundExport(dropped).digestOk).toBe(false);
  });

  it("fails the recount when the list and the counts disagree, even with a digest made to match", () => {
    const dropped = reread(file);
    dropped.abstentions = dropped.abstentions.filter((a) => a.candidate !== "B");
    const check = verifyRoundExport(redigested(dropped));
    expect(check.digestOk).toBe(true);
    expect(check.mismatches).toEqual(["results.candidates[B].abstentions: file 1, recount 0"]);

    const uncounted = reread(file);
    for (const c of uncounted.results.candidates)
      delete (c as { abstentions?: number }).abstentions;
    expect(verifyRoundExport(redigested(uncounted)).mismatches).toEqual([
      "results.candidates[A].abstentions: file 0, recount 2",
      "results.candidates[B].abstentions: file 0, recount 1",
    ]);
  });

  it("refuses an abstention for an unknown candidate or group", () => {
    for (const bad of [
      { group: "leaders", candidate: "Q" },
      { group: "nobody", candidate: "A" },
    ]) {
      const check = verifyRoundExport({ ...reread(file), abstentions: [bad] });
      expect(check.file).toBeUndefined();
      expect(check.formatError).toContain("abstentions");
    }
  });

  it("reads a file written before abstentions as having none", () => {
    const old = withoutAbstentions(plain);
    expect("abstentions" in old).toBe(false);
    const check = verifyRoundExport(old);
    expect(check).toMatchObject({ ok: true, digestOk: true, mismatches: [] });
    expect(check.file?.abstentions).toEqual([]);
    expect(check.recomputed.candidates.map((c) => c.abstentions)).toEqual([0, 0]);
    const v1 = verifyRoundExport(readV1Fixture());
    expect(v1.ok).toBe(true);
    expect(v1.recomputed.candidates.every((c) => c.abstentions === 0)).toBe(true);
  });

  it("computeResults counts abstentions of the candidates it knows and nothing else", () => {
    const { config, ballots, evaluations } = exampleSource();
    const results = computeResults({ ...config, ballots, evaluations, abstentions: ABSTENTIONS });
    expect(results.candidates.map((c) => [c.id, c.abstentions])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
  });
});

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jingpin-abstain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recount(content: unknown) {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  const run = spawnSync("npx", ["tsx", "scripts/recount.ts", path], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout };
}

describe("npm run recount with abstentions", { timeout: 60_000 }, () => {
  it("verifies a file with abstentions and shows them apart (回避)", () => {
    const { code, stdout } = recount(file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/好评率\s+回避/);
    expect(stdout).toMatch(/候选人A A\s+81\.75\s+82\.33\s+81\.93\s+10\s+10\s+80\.0%\s+2/);
    expect(stdout).toContain("复算 recount: 一致 OK");
  });

  it("still verifies a file written before abstentions and the /1 fixture", () => {
    expect(recount(withoutAbstentions(plain)).code).toBe(0);
    const old = spawnSync("npx", ["tsx", "scripts/recount.ts", V1_FIXTURE], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(old.status).toBe(0);
  });

  it("exits 1 when an abstention was removed and the digest redone", () => {
    const dropped = reread(file);
    dropped.abstentions.shift();
    const { code, stdout } = recount(redigested(dropped));
    expect(code).toBe(1);
    expect(stdout).toContain("results.candidates[A].abstentions: file 2, recount 1");
  });
});
