import ExcelJS from "exceljs";
import { hallTime } from "../../shared/hall-time.ts";
import { translate } from "../../shared/i18n/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import {
  markKey,
  roundHalf,
  settledPositions,
  type TargetMark,
  targetMark,
} from "../../shared/scoring/index.ts";
import type { CandidateResult } from "../../shared/scoring/types.ts";

type Cell = string | number | null;

/** The 考察对象 column in the results sheet's words (另岗考察: inspected for another post). */
const markText = (mark: TargetMark) => (mark === "none" ? "" : translate("zh-CN", markKey(mark)));

/**
 * The results as an Excel workbook (the spreadsheet offices already keep): a summary sheet
 * per post, the per-candidate detail, the democratic evaluation, and the anonymous ballots.
 * Scores are written rounded by the export's own rule, so every digit shown equals the
 * results sheet and the recount; the unrounded values stay in the JSON export.
 */
export async function buildWorkbook(file: RoundExport): Promise<Buffer> {
  const d = file.method.decimals;
  const numFmt = d > 0 ? `0.${"0".repeat(d)}` : "0";
  const score = (x: number | null) => (x === null ? null : roundHalf(x, d));
  const percent = (x: number | null) => (x === null ? null : roundHalf(x * 100, 1));
  const name = new Map(file.candidates.map((c) => [c.id, c.name]));
  const group = new Map(file.groups.map((g) => [g.id, g]));
  const result = new Map(file.results.candidates.map((c) => [c.id, c]));
  const lockedAt = hallTime(file.round.lockedAt, "zh-CN", { seconds: true });
  const wb = new ExcelJS.Workbook();
  wb.creator = "Jingpin 竞聘";
  wb.created = new Date(file.round.lockedAt);

  const sheet = (
    title: string,
    caption: string,
    header: string[],
    rows: Cell[][],
    scoreCols: number[],
  ) => {
    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    const ws = wb.addWorksheet(title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31));
    ws.addRow([caption]).font = { bold: true, size: 14 };
    ws.addRow([`${file.round.title} · 锁定时间 ${lockedAt} · 摘要 ${file.digest}`]);
    const head = ws.addRow(header);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1E3E4" } };
    });
    for (const r of rows) ws.addRow(r);
    for (const col of scoreCols) ws.getColumn(col).numFmt = numFmt;
    ws.columns.forEach((column, i) => {
      const widths = [header[i] ?? "", ...rows.map((r) => String(r[i] ?? ""))].map(displayWidth);
      column.width = Math.min(60, Math.max(8, ...widths) + 2);
    });
    ws.views = [{ state: "frozen", ySplit: 3 }];
    // Printed as filed: A4 landscape, all columns on one page width, the header on every page.
    ws.pageSetup = {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    };
    return ws;
  };

  const positions = settledPositions(file);
  for (const position of positions) {
    const post = file.positions.find((p) => p.id === position.id);
    const title = post?.title ?? position.id;
    const tied = new Set(position.ties.flat());
    const rows = position.ranking.map((id, i): Cell[] => {
      const r = result.get(id);
      return [
        i + 1,
        name.get(id) ?? id,
        score(r?.speech ?? null),
        score(r?.evaluation ?? null),
        score(r?.composite ?? null),
        r?.ballots ?? 0,
        r?.evaluationsCast ?? 0,
        percent(r?.favourableRate ?? null),
        markText(targetMark(positions, position, id)),
        tied.has(id) ? "并列" : "",
      ];
    });
    sheet(
      `汇总-${title}`,
      `${title} 评分汇总(职数 ${post?.seats ?? ""},考察名额 ${position.quota})`,
      [
        "名次",
        "竞聘人",
        "演讲答辩得分",
        "民主测评得分",
        "综合得分",
        "演讲评分票",
        "测评票",
        "好评率(%)",
        "考察对象",
        "并列",
      ],
      rows,
      [3, 4, 5],
    );
  }

  const criteria = file.rubric;
  const detailRows: Cell[][] = [];
  for (const c of file.results.candidates) {
    for (const g of c.byGroup.speech) {
      detailRows.push([
        name.get(c.id) ?? c.id,
        group.get(g.group)?.label ?? g.group,
        group.get(g.group)?.weight ?? null,
        g.ballots,
        g.kept,
        g.ballots - g.kept,
        score(g.mean),
        ...criteria.map((k) => score(g.criteria[k.id] ?? null)),
      ]);
    }
    detailRows.push([
      name.get(c.id) ?? c.id,
      "加权合计",
      null,
      c.ballots,
      null,
      null,
      score(speechRaw(c, file)),
      ...criteria.map((k) => score(c.criteria[k.id] ?? null)),
    ]);
  }
  sheet(
    "演讲答辩明细",
    "演讲答辩评分明细(去掉最高分和最低分后)",
    [
      "竞聘人",
      "评委组",
      "权重",
      "票数",
      "计入票",
      "去掉",
      "组均分",
      ...criteria.map((k) => `${k.label}(${k.max})`),
    ],
    detailRows,
    [7, ...criteria.map((_, i) => 8 + i)],
  );

  const options = file.evaluationOptions;
  const evalRows: Cell[][] = [];
  for (const c of file.results.candidates) {
    for (const g of c.byGroup.evaluation) {
      evalRows.push([
        name.get(c.id) ?? c.id,
        group.get(g.group)?.label ?? g.group,
        ...options.map((o) => g.counts[o.id] ?? 0),
        g.cast,
        score(g.mean),
        null,
      ]);
    }
    evalRows.push([
      name.get(c.id) ?? c.id,
      "合计",
      ...options.map((o) => c.evaluationCounts[o.id] ?? 0),
      c.evaluationsCast,
      score(c.evaluation),
      percent(c.favourableRate),
    ]);
  }
  const evalScoreCol = 3 + options.length + 1;
  sheet(
    "民主测评",
    "民主测评统计",
    ["竞聘人", "评委组", ...options.map((o) => o.label), "票数", "测评得分", "好评率(%)"],
    evalRows,
    [evalScoreCol],
  );

  const ballotRows = file.ballots.map((b): Cell[] => [
    name.get(b.candidate) ?? b.candidate,
    group.get(b.group)?.label ?? b.group,
    ...criteria.map((k) => b.scores[k.id] ?? null),
    criteria.reduce((t, k) => t + (b.scores[k.id] ?? 0), 0),
  ]);
  sheet(
    "评分票",
    "演讲答辩评分票(无记名,不含评分卡与提交顺序)",
    ["竞聘人", "评委组", ...criteria.map((k) => k.label), "合计"],
    ballotRows,
    [],
  );
  const optionLabel = new Map(options.map((o) => [o.id, o.label]));
  const evalBallotRows = file.evaluations.map((e): Cell[] => [
    name.get(e.candidate) ?? e.candidate,
    group.get(e.group)?.label ?? e.group,
    optionLabel.get(e.option) ?? e.option,
  ]);
  sheet("测评票", "民主测评票(无记名)", ["竞聘人", "评委组", "测评意见"], evalBallotRows, []);

  const postTitle = new Map(file.positions.map((p) => [p.id, p.title]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id).join("、");
  const decisionRows = file.decisions.map((d): Cell[] => [
    postTitle.get(d.positionId) ?? d.positionId,
    names(d.tied ?? []),
    names(d.chosen),
    d.reason,
    hallTime(d.decidedAt, "zh-CN"),
    d.voided ? `作废：${name.get(d.voided.candidateId) ?? d.voided.candidateId} 重新评分` : "",
  ]);
  sheet(
    "并列决定",
    "名额边界并列的主持人决定",
    ["岗位", "并列人员", "确定为考察对象", "理由", "决定时间", "状态"],
    decisionRows,
    [],
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The weighted mean total on the rubric's raw scale (speech × T / 100). */
function speechRaw(c: CandidateResult, file: RoundExport): number | null {
  if (c.speech === null) return null;
  const total = file.rubric.reduce((t, k) => t + k.max, 0);
  return (c.speech * total) / 100;
}

/** CJK characters take two columns in Excel's default font. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
