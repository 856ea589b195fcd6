/**
 * Offline recount of a round export (scoring.md): `npm run recount -- FILE [--json]`.
 * Exit 0 when the digest and every recomputed value match the file, 1 on any mismatch,
 * 2 when the file cannot be read or is not a round export.
 */
import { readFileSync } from "node:fs";
import { verifyRoundExport } from "../shared/round-export.ts";
import { renderReport } from "./recount-table.ts";

const USAGE = "用法 usage: npm run recount -- FILE [--json]";

function readJson(path: string): unknown {
  // A BOM is what Windows editors prepend; it is not part of the JSON text.
  return JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
}

function main(args: string[]): number {
  const asJson = args.includes("--json");
  const paths = args.filter((a) => a !== "--json");
  const path = paths[0];
  if (path === undefined || paths.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let data: unknown;
  try {
    data = readJson(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`无法读取文件 cannot read ${path}: ${reason}`);
    return 2;
  }
  const verification = verifyRoundExport(data);
  if (verification.file === undefined) {
    console.error(`不是有效的竞聘结果导出文件 not a valid round export: ${path}`);
    console.error(verification.formatError ?? "");
    return 2;
  }
  if (asJson) {
    console.log(JSON.stringify(verification.recomputed, null, 2));
    // stdout stays pure JSON; the verdict goes to stderr.
    if (!verification.digestOk) console.error("摘要不一致 digest mismatch");
    for (const m of verification.mismatches) console.error(`不一致 mismatch: ${m}`);
  } else {
    console.log(renderReport(verification.file, verification));
  }
  return verification.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
