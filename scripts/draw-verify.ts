/**
 * Checks a public draw (docs/draw.md): `npm run draw:verify -- FILE [--json]`. Derives the
 * key, every RFC 3797 step and the result again from the pool and the witnesses' numbers,
 * and prints them beside the file's. `--json` prints the re-derived record instead. Exit 0
 * when everything matches, 1 on any difference, 2 when the file cannot be read or is not a
 * draw record.
 */
import { readFileSync } from "node:fs";
import {
  type DrawDifference,
  type DrawPurpose,
  type DrawRecord,
  type DrawVerification,
  parseDrawRecord,
  verifyDrawRecord,
} from "../shared/draw/draw-record.ts";
import { digitsNeeded, sourceDigits } from "../shared/draw/rfc3797.ts";

const USAGE = "用法 usage: npm run draw:verify -- FILE [--json]";

const PURPOSE: Record<DrawPurpose, string> = {
  "speaking-order": "发言顺序 speaking order",
  questions: "答辩题目 defense questions",
};

const OK = "✓";
const BAD = "✗";

/**
 * A file may say anything: control characters and bidirectional overrides (which could make
 * one item look like another) are shown escaped, never sent to the terminal.
 */
function shown(text: string): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const hidden =
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069);
    out += hidden ? `\\u${cp.toString(16).padStart(4, "0")}` : ch;
  }
  return out;
}

/** Terminal columns: CJK and full-width characters take two. */
function width(text: string): number {
  let columns = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000;
    columns += wide ? 2 : 1;
  }
  return columns;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? "")))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, c) => cell + " ".repeat((widths[c] ?? 0) - width(cell)))
      .join("  ")
      .trimEnd(),
  );
}

const mark = (good: boolean) => (good ? OK : BAD);

function report(file: DrawRecord, { rederived, differences }: DrawVerification): string[] {
  const wrong = (field: string) => differences.filter((d) => d.field === field);
  const wrongStep = (j: number) => differences.filter((d) => d.field.startsWith(`steps[${j}].`));
  const lines: string[] = [];
  const context = [
    file.roundId && `轮次 round ${file.roundId}`,
    file.postId && `岗位 post ${file.postId}`,
  ].filter(Boolean);
  lines.push(
    `用途 purpose: ${PURPOSE[file.purpose]}${context.length ? `（${context.join("，")}）` : ""}`,
  );
  lines.push(`候选池 pool（${file.pool.length}）: ${file.pool.map(shown).join(" ")}`);
  const digestOk = wrong("poolDigest").length === 0;
  lines.push(`候选池哈希 pool digest (SHA-256): ${file.poolDigest} ${mark(digestOk)}`);
  if (!digestOk) {
    lines.push(
      `  ${BAD} 与候选池不符 does not match the pool, whose digest is ${rederived.poolDigest}`,
    );
  }
  lines.push("随机源 sources:");
  file.sources.forEach((numbers, i) => {
    const witness = file.witnesses?.[i];
    const by = witness ? `  见证人 witness: ${shown(witness)}` : "";
    const part = [...numbers].sort((a, b) => a - b).map((n) => `${n}.`);
    lines.push(`  ${i + 1}. ${numbers.join(" ")} → ${part.join("")}/${by}`);
  });
  const keyOk = wrong("key").length === 0;
  lines.push(`密钥 key: ${rederived.key} ${mark(keyOk)}`);
  if (!keyOk) lines.push(`  ${BAD} 文件中为 the file says ${shown(file.key)}`);
  const given = sourceDigits(file.sources);
  const needed = digitsNeeded(file.pool.length, file.picks);
  lines.push(
    given >= needed
      ? `随机数字 digits of randomness: ${given}, 至少需要 at least ${needed} needed ${OK}`
      : `随机数字 digits of randomness: ${given} ⚠ 少于所需的 ${needed} 位 fewer than the ${needed} RFC 3797 asks for (a warning, not a difference)`,
  );
  lines.push("");
  const rows = [["j", "MD5", "剩余 M", "序号 H mod M", "核对", "抽中 item"]];
  const notes = new Map<number, string>();
  rederived.steps.forEach((step, j) => {
    const off = wrongStep(j);
    rows.push([
      String(j),
      step.md5,
      String(step.remaining),
      String(step.index),
      mark(!off.length),
      shown(step.item),
    ]);
    if (off.length) notes.set(rows.length - 1, off.map(said).join("，"));
  });
  table(rows).forEach((line, r) => {
    lines.push(`  ${line}`);
    const note = notes.get(r);
    if (note) lines.push(`     ${BAD} 文件中 in the file: ${note}`);
  });
  lines.push("");
  const resultOk = !differences.some((d) => d.field.startsWith("result["));
  lines.push(`结果 result: ${rederived.result.map(shown).join(" ")} ${mark(resultOk)}`);
  if (!resultOk) lines.push(`  ${BAD} 文件中为 the file says ${file.result.map(shown).join(" ")}`);
  return lines;
}

/** One difference as the file states it, with the value re-derived. */
function said(d: DrawDifference): string {
  const name = d.field.replace(/^steps\[\d+\]\./, "");
  return `${name} ${shown(String(d.found))}（应为 expected ${shown(String(d.expected))}）`;
}

function verdict({ differences }: DrawVerification): string[] {
  if (differences.length === 0) {
    return ["核对结果 verdict: 一致 OK — the key, every step and the result re-derive as stated."];
  }
  return [
    `核对结果 verdict: 不一致 MISMATCH — ${differences.length} difference(s):`,
    ...differences.map(
      (d) =>
        `  ${d.field}: 文件 file ${shown(String(d.found))}, 应为 expected ${shown(String(d.expected))}`,
    ),
  ];
}

function main(args: string[]): number {
  const asJson = args.includes("--json");
  const paths = args.filter((a) => a !== "--json");
  const path = paths[0];
  if (path === undefined || paths.length > 1 || path.startsWith("--")) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`无法读取文件 cannot read ${path}: ${reason}`);
    return 2;
  }
  const parsed = parseDrawRecord(text);
  if (!parsed.ok) {
    const what =
      parsed.error === "not_json"
        ? "不是 JSON 文件 not a JSON file"
        : "不是有效的抽签记录 not a valid draw record (jingpin-draw/1)";
    console.error(`${what}: ${path}`);
    console.error(parsed.detail);
    return 2;
  }
  const verification = verifyDrawRecord(parsed.data);
  if (asJson) {
    console.log(JSON.stringify(verification.rederived, null, 2));
    // stdout stays pure JSON; the verdict goes to stderr.
    if (!verification.ok) console.error(verdict(verification).join("\n"));
  } else {
    console.log(`抽签记录 draw record: ${path}`);
    console.log([...report(parsed.data, verification), "", ...verdict(verification)].join("\n"));
  }
  return verification.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
