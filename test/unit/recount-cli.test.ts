import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildRoundExport, type RoundExport } from "../../shared/round-export.ts";
import { exampleSource, redigested, V1_FIXTURE, v2FromV1Fixture } from "./export-fixtures.ts";
import { ballot, candidate } from "./scoring-fixtures.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jingpin-recount-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

function recount(...args: string[]) {
  const run = spawnSync("npx", ["tsx", "scripts/recount.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const file = buildRoundExport(exampleSource());

describe("npm run recount", { timeout: 60_000 }, () => {
  it("prints the table rounded per the method and exits 0 when everything matches", () => {
    const { code, stdout } = recount(write("ok.json", file));
    expect(code).toBe(0);
    expect(stdout).toContain("演讲得分");
    expect(stdout).toMatch(/候选人A A\s+81\.75\s+82\.33\s+81\.93\s+10\s+10\s+80\.0%/);
    expect(stdout).toMatch(/1\s+候选人A A\s+81\.93\s+是 Yes/);
    expect(stdout).toMatch(/digest [0-9a-f]{64}: 一致 OK/);
    expect(stdout).toContain("复算 recount: 一致 OK");
  });

  it("exits 1 and lists the mismatches after a ballot was tampered with", () => {
    const tampered = JSON.parse(JSON.stringify(file)) as RoundExport;
    const first = tampered.ballots.find((b) => b.candidate === "A" && b.group === "staff");
    if (!first) throw new Error("fixture lost A's staff ballots");
    first.scores.quality = (first.scores.quality ?? 0) + 0.5;
    const { code, stdout } = recount(write("tampered.json", tampered));
    expect(code).toBe(1);
    expect(stdout).toContain("不一致 MISMATCH");
    expect(stdout).toContain("results.candidates[A].speech: file 81.75, recount");
  });

  it("prints the recomputed results as JSON with --json", () => {
    const { code, stdout } = recount(write("json.json", file), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(file.results)));
  });

  it("marks ties and exits 2 on a file that is not a round export", () => {
    const source = exampleSource();
    const tied = buildRoundExport({
      ...source,
      config: {
        ...source.config,
        method: {
          ...source.config.method,
          speechWeight: 1,
          evaluationWeight: 0,
          inspectionRatio: 1,
        },
        candidates: [candidate("A", ["P1"]), candidate("B", ["P1"])],
      },
      ballots: [ballot("leaders", "A", 80), ballot("staff", "B", 80)],
      evaluations: [],
    });
    const { code, stdout } = recount(write("tied.json", tied));
    expect(code).toBe(0);
    expect(stdout).toMatch(/1=\s+候选人A A\s+80\.00\s+待主持人决定 Chair to decide 并列 tie/);
    expect(stdout).toMatch(/1=\s+候选人B B\s+80\.00\s+待主持人决定 Chair to decide 并列 tie/);
    expect(stdout).toContain("名额边界并列");

    const broken = recount(write("broken.json", "{ not json"));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("无法读取文件");
    const foreign = recount(write("foreign.json", { format: "something-else" }));
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("not a valid round export");
  });

  it("recounts the /1 fixture (exit 0) and fails a /2 file whose final targets were changed", () => {
    const old = recount(V1_FIXTURE);
    expect(old.code).toBe(0);
    expect(old.stdout).toMatch(/1=\s+李娜 Z\s+84\.23\s+是（并列决定） Yes \(tie decision\)/);
    expect(old.stdout).toMatch(/1=\s+张伟 X\s+84\.23\s+另岗考察/);
    expect(old.stdout).toContain("格式 /1");

    const current = v2FromV1Fixture();
    expect(recount(write("v2.json", current)).code).toBe(0);
    const p1 = current.results.positions[0];
    if (!p1) throw new Error("two posts");
    p1.finalTargets = ["X"];
    const changed = recount(write("v2-changed.json", redigested(current)));
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(
      'results.positions[P1].finalTargets: file ["X"], recount ["Z"]',
    );
  });
});
