import ExcelJS from "exceljs";
import { hallTime } from "../../shared/hall-time.ts";
import { type MessageKey, type Params, translate } from "../../shared/i18n/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import {
  candidateMarkKey,
  markKey,
  roundHalf,
  settledPositions,
  type TargetMark,
  targetMark,
} from "../../shared/scoring/index.ts";
import type { CandidateMark, CandidateResult } from "../../shared/scoring/types.ts";

type Cell = string | number | null;

/** The 考察对象 column in the results sheet's words (另岗考察: inspected for another post). */
const markText = (mark: TargetMark) => (mark === "none" ? "" : translate("zh-CN", markKey(mark)));
/** The workbook is an official record in Chinese; its texts come from the dictionary. */
const x = (key: MessageKey, params?: Params) => translate("zh-CN", key, params);

/**
 * The results as an Excel workbook (the spreadsheet offices already keep): a summary sheet
 * per post, the per-candidate detail, the democratic evaluation, the anonymous ballots, the
 * tie decisions, and the candidates marked 弃权 or 缺席 (listed apart: they are not ranked).
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
  // A file written before marks existed has none (scoring.md).
  const marks: CandidateMark[] = (file as { marks?: CandidateMark[] }).marks ?? [];
  const marked = new Set(marks.map((m) => m.candidate));
  const took = file.results.candidates.filter((c) => !marked.has(c.id));
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
    ws.addRow([x("xlsx.stamp", { title: file.round.title, lockedAt, digest: file.digest })]);
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
        tied.has(id) ? x("xlsx.tied") : "",
        r?.abstentions ?? 0,
      ];
    });
    sheet(
      x("xlsx.post.sheet", { post: title }),
      x("xlsx.post.caption", { post: title, seats: post?.seats ?? "", quota: position.quota }),
      [
        x("xlsx.col.place"),
        x("xlsx.col.candidate"),
        x("xlsx.col.speech"),
        x("xlsx.col.evaluation"),
        x("xlsx.col.composite"),
        x("xlsx.col.speechBallots"),
        x("xlsx.col.evaluationBallots"),
        x("xlsx.col.favourable"),
        x("xlsx.col.target"),
        x("xlsx.col.tied"),
        x("xlsx.col.abstentions"),
      ],
      rows,
      [3, 4, 5],
    );
  }

  const criteria = file.rubric;
  const detailRows: Cell[][] = [];
  for (const c of took) {
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
      x("xlsx.weighted"),
      null,
      c.ballots,
      null,
      null,
      score(speechRaw(c, file)),
      ...criteria.map((k) => score(c.criteria[k.id] ?? null)),
    ]);
  }
  sheet(
    x("xlsx.detail.sheet"),
    x("xlsx.detail.caption"),
    [
      x("xlsx.col.candidate"),
      x("xlsx.col.group"),
      x("xlsx.col.weight"),
      x("xlsx.col.ballots"),
      x("xlsx.col.kept"),
      x("xlsx.col.trimmed"),
      x("xlsx.col.groupMean"),
      ...criteria.map((k) => x("xlsx.col.criterion", { label: k.label, max: k.max })),
    ],
    detailRows,
    [7, ...criteria.map((_, i) => 8 + i)],
  );

  const options = file.evaluationOptions;
  const evalRows: Cell[][] = [];
  for (const c of took) {
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
      x("xlsx.col.total"),
      ...options.map((o) => c.evaluationCounts[o.id] ?? 0),
      c.evaluationsCast,
      score(c.evaluation),
      percent(c.favourableRate),
    ]);
  }
  const evalScoreCol = 3 + options.length + 1;
  sheet(
    x("xlsx.evaluation.sheet"),
    x("xlsx.evaluation.caption"),
    [
      x("xlsx.col.candidate"),
      x("xlsx.col.group"),
      ...options.map((o) => o.label),
      x("xlsx.col.ballots"),
      x("xlsx.col.evaluationScore"),
      x("xlsx.col.favourable"),
    ],
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
    x("xlsx.ballots.sheet"),
    x("xlsx.ballots.caption"),
    [
      x("xlsx.col.candidate"),
      x("xlsx.col.group"),
      ...criteria.map((k) => k.label),
      x("xlsx.col.total"),
    ],
    ballotRows,
    [],
  );
  const optionLabel = new Map(options.map((o) => [o.id, o.label]));
  const evalBallotRows = file.evaluations.map((e): Cell[] => [
    name.get(e.candidate) ?? e.candidate,
    group.get(e.group)?.label ?? e.group,
    optionLabel.get(e.option) ?? e.option,
  ]);
  sheet(
    x("xlsx.evaluations.sheet"),
    x("xlsx.evaluations.caption"),
    [x("xlsx.col.candidate"), x("xlsx.col.group"), x("xlsx.col.choice")],
    evalBallotRows,
    [],
  );

  const postTitle = new Map(file.positions.map((p) => [p.id, p.title]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id).join("、");
  const decisionRows = file.decisions.map((d): Cell[] => [
    postTitle.get(d.positionId) ?? d.positionId,
    names(d.tied ?? []),
    names(d.chosen),
    d.reason,
    hallTime(d.decidedAt, "zh-CN"),
    d.voided
      ? x("xlsx.decision.voided", { name: name.get(d.voided.candidateId) ?? d.voided.candidateId })
      : "",
  ]);
  sheet(
    x("xlsx.decisions.sheet"),
    x("xlsx.decisions.caption"),
    [
      x("xlsx.col.post"),
      x("xlsx.col.tiedCandidates"),
      x("xlsx.col.chosen"),
      x("xlsx.col.reason"),
      x("xlsx.col.decidedAt"),
      x("xlsx.col.status"),
    ],
    decisionRows,
    [],
  );

  const postTitles = (id: string) =>
    (file.candidates.find((c) => c.id === id)?.applications ?? [])
      .map((p) => postTitle.get(p) ?? p)
      .join("、");
  const markRows = file.candidates.flatMap((c): Cell[][] => {
    const m = marks.find((k) => k.candidate === c.id);
    if (!m) return [];
    return [[c.name, postTitles(c.id), x(candidateMarkKey(m.mark)), hallTime(m.at, "zh-CN")]];
  });
  // Always there, like the decisions, so the workbook's sheets are the same in every round.
  sheet(
    x("xlsx.marks.sheet"),
    x("xlsx.marks.caption"),
    [x("xlsx.col.candidate"), x("xlsx.col.posts"), x("xlsx.col.mark"), x("xlsx.col.markedAt")],
    markRows,
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
