import { hallTime } from "../shared/hall-time.ts";
import { translate } from "../shared/i18n/index.ts";
import {
  type ParsedRoundExport,
  ROUND_EXPORT_FORMAT_V1,
  type RoundExportVerification,
} from "../shared/round-export.ts";
import { candidateMarkKey } from "../shared/scoring/candidate-mark.ts";
import { formatRate, formatScore } from "../shared/scoring/round-half.ts";
import { decisionOf } from "../shared/scoring/settle.ts";
import { markKey, type TargetMark, targetMark } from "../shared/scoring/target-mark.ts";
import type { PositionResult, Results } from "../shared/scoring/types.ts";

/** The marks in the dictionary's words, as on the results sheet: Chinese, then English. */
function markText(mark: TargetMark): string {
  if (mark === "none") return "";
  const key = markKey(mark);
  return `${translate("zh-CN", key)} ${translate("en", key)}`;
}

/** Terminal columns of a character: CJK and full-width forms take two. */
function charWidth(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f300;
  return wide ? 2 : 1;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

export interface Column {
  title: string;
  /** Numbers are right-aligned so their decimal points line up. */
  numeric?: boolean;
}

export function renderTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c.title), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, columns[i]?.numeric === true))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join("\n");
}

/** Competition ranks: tied candidates share the rank of the first of them (1, 2, 2, 4). */
function ranks(position: PositionResult): string[] {
  return position.ranking.map((id, i) => {
    const tie = position.ties.find((t) => t.includes(id));
    const first = tie ? position.ranking.indexOf(tie[0] ?? id) : i;
    return tie ? `${first + 1}=` : String(i + 1);
  });
}

function candidateTable(file: ParsedRoundExport, results: Results): string {
  const d = file.method.decimals;
  const names = new Map(file.candidates.map((c) => [c.id, c.name]));
  const rows = results.candidates.map((c) => [
    `${names.get(c.id) ?? ""} ${c.id}`,
    formatScore(c.speech, d),
    formatScore(c.evaluation, d),
    formatScore(c.composite, d),
    String(c.ballots),
    String(c.evaluationsCast),
    formatRate(c.favourableRate),
    // Abstentions (回避) are counted apart from the ballots and enter no score.
    String(c.abstentions),
  ]);
  const numbers = ["演讲得分", "测评得分", "综合得分", "有效票", "测评票", "好评率", "回避"];
  const columns = [{ title: "候选人" }, ...numbers.map((title) => ({ title, numeric: true }))];
  return renderTable(columns, rows);
}

/**
 * The candidates marked 弃权 or 缺席, apart from the rankings they are not in, with the time
 * of the mark; nothing when none was marked (so a file without marks prints as before).
 */
function markTable(file: ParsedRoundExport): string[] {
  if (file.marks.length === 0) return [];
  const names = new Map(file.candidates.map((c) => [c.id, c.name]));
  const rows = file.marks.map((m) => [
    `${names.get(m.candidate) ?? ""} ${m.candidate}`,
    `${translate("zh-CN", candidateMarkKey(m.mark))} ${translate("en", candidateMarkKey(m.mark))}`,
    hallTime(m.at, "zh-CN"),
  ]);
  const columns = [{ title: "候选人" }, { title: "情况" }, { title: "标记时间" }];
  return ["", "弃权、缺席，不参加排名 withdrawn or absent, not ranked", renderTable(columns, rows)];
}

function positionTable(
  file: ParsedRoundExport,
  results: Results,
  position: PositionResult,
): string {
  const d = file.method.decimals;
  const names = new Map(file.candidates.map((c) => [c.id, c.name]));
  const byId = new Map(results.candidates.map((c) => [c.id, c]));
  const title = file.positions.find((p) => p.id === position.id)?.title ?? position.id;
  const seats = file.positions.find((p) => p.id === position.id)?.seats ?? 0;
  const rank = ranks(position);
  const rows = position.ranking.map((id, i) => {
    const marks = [
      markText(targetMark(results.positions, position, id)),
      position.ties.some((t) => t.includes(id)) ? "并列 tie" : "",
    ];
    return [
      rank[i] ?? "",
      `${names.get(id) ?? ""} ${id}`,
      formatScore(byId.get(id)?.composite ?? null, d),
      marks.filter(Boolean).join(" "),
    ];
  });
  const heading = `岗位 ${title} (${position.id}) · 职数 seats ${seats} · 考察名额 quota ${position.quota}`;
  const edge = position.quotaTies
    .map((q) => {
      const tied = q.tied.map((id) => names.get(id) ?? id).join("、");
      const d = decisionOf(file.decisions, q);
      if (!d)
        return `\n⚠ 名额边界并列 ${tied}，请主持人决定 tie at the quota edge: the chair decides`;
      const chosen = d.chosen.map((id) => names.get(id) ?? id).join("、");
      return `\n✓ 名额边界并列 ${tied}：主持人决定 ${chosen} decided by the chair (${d.reason})`;
    })
    .join("");
  const body =
    rows.length > 0
      ? renderTable(
          [
            { title: "名次" },
            { title: "候选人" },
            { title: "综合得分", numeric: true },
            { title: "考察对象" },
          ],
          rows,
        )
      : "(无排名 nobody ranked)";
  return `${heading}\n${body}${edge}`;
}

/** The printed recount: candidates, then each position's ranking, then the verdict. */
export function renderReport(
  file: ParsedRoundExport,
  verification: RoundExportVerification,
): string {
  const results = verification.recomputed;
  const verdict = (ok: boolean) => (ok ? "一致 OK" : "不一致 MISMATCH");
  const valuesOk = verification.mismatches.length === 0;
  return [
    `竞聘结果复算 Recount — ${file.round.title} (${file.round.id}), 锁定 locked ${hallTime(file.round.lockedAt, "zh-CN")} = ${file.round.lockedAt}`,
    `保留 ${file.method.decimals} 位小数 · 演讲 ${file.method.speechWeight} / 测评 ${file.method.evaluationWeight}`,
    "",
    candidateTable(file, results),
    ...markTable(file),
    ...results.positions.flatMap((p) => ["", positionTable(file, results, p)]),
    "",
    ...(file.format === ROUND_EXPORT_FORMAT_V1
      ? [
          "格式 /1：文件未写明最终考察对象，以上按并列决定推定 format /1 states no final targets; derived from the decisions",
          "",
        ]
      : []),
    `摘要 digest ${file.digest}: ${verdict(verification.digestOk)}`,
    `复算 recount: ${verdict(valuesOk)}${valuesOk ? "" : ` (${verification.mismatches.length})`}`,
    ...verification.mismatches.map((m) => `  - ${m}`),
  ].join("\n");
}
