import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { DrawRecord } from "../../shared/draw/draw-record.ts";
import { makeDrawRecord } from "../../shared/draw/rfc3797.ts";

// `npm run draw:verify` as anyone who downloaded a draw record runs it: a child process on a
// file, with tsx loaded into this same Node.

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jingpin-draw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}

function verify(...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/draw-verify.ts", ...args],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const record = makeDrawRecord({
  purpose: "speaking-order",
  roundId: "r2026",
  pool: ["甲", "乙", "丙", "丁", "戊", "己", "庚"],
  sources: [[6, 2, 5, 3, 1, 4], [271828]],
  witnesses: ["纪检组 张三", "职工代表 李四"],
});

/** The table's row of step j, as printed. */
const row = (stdout: string, j: number) =>
  stdout.split("\n").find((line) => new RegExp(`^ {2}${j} {2}[0-9A-F]{32} `).test(line));

describe("npm run draw:verify", { timeout: 60_000 }, () => {
  it("prints the digest check, the key, a table of every step and the result; exit 0", async () => {
    const run = await verify(write("good.json", record));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${record.poolDigest} ✓`);
    expect(run.stdout).toContain("key: 1.2.3.4.5.6./271828./ ✓");
    expect(run.stdout).toContain("witness: 纪检组 张三");
    expect(row(run.stdout, 0)).toMatch(/^ {2}0 {2}F23BB54B41481C4967EB5515B49D9B3F +7 +0 +✓ +甲$/);
    expect(row(run.stdout, 6)).toMatch(/^ {2}6 {2}[0-9A-F]{32} +1 +0 +✓ +丙$/);
    expect(run.stdout).toContain("result: 甲 丁 乙 庚 己 戊 丙 ✓");
    expect(run.stdout).toContain("一致 OK");
  });

  it("names the wrong step of a tampered file and exits 1", async () => {
    const bad: DrawRecord = structuredClone(record);
    Object.assign(bad.steps[3] ?? {}, { index: 1, item: "乙" });
    bad.result[3] = "乙";
    const run = await verify(write("tampered.json", bad));
    expect(run.code).toBe(1);
    expect(row(run.stdout, 3)).toMatch(/✗ +庚$/);
    expect(row(run.stdout, 2)).toMatch(/✓ +乙$/);
    expect(run.stdout).toContain("steps[3].index: 文件 file 1, 应为 expected 3");
    expect(run.stdout).toContain("steps[3].item: 文件 file 乙, 应为 expected 庚");
    expect(run.stdout).toContain("result[3]");
    expect(run.stdout).toContain("不一致 MISMATCH — 3 difference(s)");
  });

  it("accepts lower-case hex", async () => {
    const lower: DrawRecord = structuredClone(record);
    for (const step of lower.steps) step.md5 = step.md5.toLowerCase();
    const run = await verify(write("lower.json", lower));
    expect(run.code).toBe(0);
  });

  it("exits 2 with a clear message on a file that is not a draw record", async () => {
    const invalid = { ...record, picks: 8 };
    const run = await verify(write("invalid.json", invalid));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not a valid draw record");
    expect(run.stderr).toContain("picks");
    expect(run.stdout).toBe("");

    const broken = await verify(write("broken.json", "{ not json"));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("not a JSON file");

    const missing = await verify(join(dir, "missing.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");

    const usage = await verify();
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage");
  });

  it("--json prints the re-derived record, equal to what makeDrawRecord made", async () => {
    const run = await verify(write("json.json", record), "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(record);

    // A tampered file: stdout still holds the re-derived record, the verdict goes to stderr.
    const bad: DrawRecord = structuredClone(record);
    bad.key = "1.2.3./";
    const tampered = await verify(write("json-bad.json", bad), "--json");
    expect(tampered.code).toBe(1);
    expect(JSON.parse(tampered.stdout)).toEqual(record);
    expect(tampered.stderr).toContain("key: 文件 file 1.2.3./");
  });
});
