import type { RoundExport, TieDecision } from "../../../shared/round-export.ts";
import type { CandidateMarkKind } from "../../../shared/scoring/candidate-mark.ts";
import {
  formatRate,
  percentOf,
  settledPositions,
  type TargetMark,
} from "../../../shared/scoring/index.ts";
import { decisionOf } from "../../../shared/scoring/settle.ts";
import type { CandidateMark, CandidateResult } from "../../../shared/scoring/types.ts";
import { rankingRows } from "../lib/ranking-rows.ts";

/** What the 考察对象 column says for one candidate (shared/scoring/target-mark.ts). */
export type { TargetMark };

export interface SheetRow {
  id: string;
  /** Tied candidates share a place (1, 2, 2, 4), as on a paper results sheet. */
  place: number;
  name: string;
  unit: string | null;
  tied: boolean;
  mark: TargetMark;
  result: CandidateResult;
  /** m_g per voter group, in the order of the file's groups; null where a group cast none. */
  groupMeans: (number | null)[];
  /** Ballots dropped by trimming, summed over the groups. */
  trimmed: number;
}

export interface EdgeTieView {
  tied: string[];
  /** How many of the tied candidates fit the quota. */
  seats: number;
  /** The chair's decision that settled this tie (shared/scoring/settle.ts), or null while open. */
  decision: TieDecision | null;
}

export interface PostSection {
  id: string;
  title: string;
  seats: number;
  quota: number;
  rows: SheetRow[];
  /** The ties met at the quota edge while the targets were settled, decided or open. */
  edges: EdgeTieView[];
  /** Applicants of the post marked 弃权 or 缺席: named under the table, never ranked. */
  unranked: { name: string; mark: CandidateMarkKind }[];
}

/** A candidate marked 弃权 or 缺席, as the sheet lists them apart from the rankings. */
export interface MarkedRow {
  id: string;
  name: string;
  unit: string | null;
  /** Titles of the posts applied for, in preference order. */
  posts: string[];
  mark: CandidateMarkKind;
  at: string;
}

/** The file's marks; a file written before marks existed has none (scoring.md). */
export function marksOf(file: RoundExport): CandidateMark[] {
  return (file as { marks?: CandidateMark[] }).marks ?? [];
}

/** The marked candidates in the round file's candidate order. */
export function markedRows(file: RoundExport): MarkedRow[] {
  const marks = new Map(marksOf(file).map((m) => [m.candidate, m]));
  const titles = new Map(file.positions.map((p) => [p.id, p.title]));
  return file.candidates.flatMap((c): MarkedRow[] => {
    const m = marks.get(c.id);
    if (!m) return [];
    const posts = c.applications.map((p) => titles.get(p) ?? p);
    return [{ id: c.id, name: c.name, unit: c.unit ?? null, posts, mark: m.mark, at: m.at }];
  });
}

/**
 * One section per post in the round file's order. Order, places, ties, targets and scores
 * all come from the export's results (shared/scoring); this only arranges them.
 */
export function postSections(file: RoundExport): PostSection[] {
  const results = new Map(file.results.candidates.map((c) => [c.id, c]));
  const people = new Map(file.candidates.map((c) => [c.id, c]));
  const all = settledPositions(file);
  const marked = markedRows(file);
  return file.positions.map((post) => {
    const position = all.find((p) => p.id === post.id);
    const edges = (position?.quotaTies ?? []).map((tie) => ({
      tied: tie.tied,
      seats: tie.seats,
      decision: decisionOf(file.decisions, tie),
    }));
    const rows = (position ? rankingRows(position, all) : []).flatMap((row): SheetRow[] => {
      const result = results.get(row.id);
      if (!result) return [];
      const person = people.get(row.id);
      const speech = result.byGroup.speech;
      return [
        {
          id: row.id,
          place: row.place,
          name: person?.name ?? row.id,
          unit: person?.unit ?? null,
          tied: row.tied,
          mark: row.mark,
          result,
          groupMeans: file.groups.map((g) => speech.find((s) => s.group === g.id)?.mean ?? null),
          trimmed: speech.reduce((n, s) => n + s.ballots - s.kept, 0),
        },
      ];
    });
    return {
      id: post.id,
      title: post.title,
      seats: post.seats,
      quota: position?.quota ?? post.seats,
      rows,
      edges,
      unranked: marked
        .filter((m) => people.get(m.id)?.applications.includes(post.id))
        .map((m) => ({ name: m.name, mark: m.mark })),
    };
  });
}

/** A rate as a percentage with one decimal, as the Excel export writes it. */
export const percent = formatRate;

/**
 * A weight as the organizer set it: as a percentage when the weights make up a whole
 * (0.7 → 70%), otherwise as the number itself (weights need not sum to 1).
 */
export function weightText(weight: number, all: number[]): string {
  const sum = all.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) return String(weight);
  return `${percentOf(weight)}%`;
}

/** The digest in groups of eight, so two printed copies can be compared by eye. */
export function digestGroups(digest: string): string[] {
  return digest.match(/.{1,8}/g) ?? [];
}

const DIGITS = "零一二三四五六七八九";

/** Section numbers as official documents write them: 一、二、… 十一、… in Chinese, 1. 2. in English. */
export function sectionNumber(n: number, locale: string): string {
  if (!locale.startsWith("zh") || n < 1 || n > 99) return `${n}. `;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? "" : `${tens === 1 ? "" : DIGITS[tens]}十`;
  return `${head}${ones === 0 ? "" : DIGITS[ones]}、`;
}
