import { register } from "../i18n/register.ts";
import {
  EDUCATION_LEVELS,
  type Education,
  PENALTY_KINDS,
  type Penalty,
  type PenaltyKind,
  RELATIONS,
  REVIEW_GRADES,
  type Relation,
  type ReviewGrade,
  type Sex,
  VOTER_GROUPS,
  type VoterGroup,
} from "./person.ts";

/**
 * One cell of the staff register as the file holds it → the value a Person keeps. Cells
 * come as text (the file readers turn Excel dates into YYYY-MM-DD and numbers into their
 * digits); each reader of a coded value accepts the dictionary's Chinese and English labels,
 * the ids, and the words Chinese personnel forms commonly use for the same thing.
 */

/** Half-width letters, digits and punctuation, no spaces, lower case: how codes compare. */
export function normalizeCode(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]/g, "");
}

/** Trimmed, inner runs of white space as one space, zero-width characters gone. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "张  三" → "张三": registers pad two-character names with spaces to align them. */
export function cleanName(text: string): string {
  return cleanText(text).replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, "");
}

function lookup<T extends string>(
  ids: readonly T[],
  prefix: string,
  synonyms: Record<T, string[]>,
): Map<string, T> {
  const byWord = new Map<string, T>();
  for (const id of ids) {
    const entry = register[`${prefix}${id}` as keyof typeof register];
    for (const word of [id, entry.zh, entry.en, ...synonyms[id]])
      byWord.set(normalizeCode(word), id);
  }
  return byWord;
}

const SEXES = lookup<Sex>(["male", "female"], "register.sex.", {
  male: ["男性", "m"],
  female: ["女性", "f"],
});
export const readSex = (cell: string): Sex | undefined => SEXES.get(normalizeCode(cell));

const EDUCATIONS = lookup<Education>(EDUCATION_LEVELS, "register.education.", {
  "high-school": ["高中", "初中", "初中及以下", "小学", "职高", "highschool"],
  technical: ["中技", "技校", "中等专科"],
  college: ["专科", "大学专科", "高职"],
  // 干部任免审批表 writes 大学 for 本科 and 研究生 for a master's degree.
  bachelor: ["大学", "大学本科", "学士"],
  master: ["硕士", "研究生", "硕士研究生"],
  doctor: ["博士", "phd"],
});
/** How the education was obtained says nothing about its level: 在职本科 is 本科. */
const EDUCATION_MODE = /^(全日制|在职|函授|自考|成人|党校|电大)/;

export function readEducation(cell: string): Education | undefined {
  const word = normalizeCode(cell)
    .replace(/\(.*\)$/, "")
    .replace(EDUCATION_MODE, "");
  return EDUCATIONS.get(word) ?? EDUCATIONS.get(word.replace(/学历$/, ""));
}

const GRADES = lookup<ReviewGrade>(REVIEW_GRADES, "register.grade.", {
  // Public-institution staff are graded 合格 where civil servants are 称职 (person.ts).
  excellent: [],
  competent: ["合格"],
  basic: ["基本合格"],
  incompetent: ["不合格"],
});
/** Written for a year without a grade (new staff, long leave): the same as an empty cell. */
const UNGRADED = new Set(
  ["不定等次", "未定等次", "不确定等次", "未评定", "未考核", "未参加", "无", "-", "—", "/"].map(
    normalizeCode,
  ),
);

/** null: no grade that year; undefined: not a grade. */
export function readReview(cell: string): ReviewGrade | null | undefined {
  const word = normalizeCode(cell);
  if (word === "" || UNGRADED.has(word)) return null;
  return GRADES.get(word);
}

const GROUPS = lookup<VoterGroup>(VOTER_GROUPS, "register.group.", {
  leaders: ["领导班子", "班子成员", "局领导", "领导"],
  middle: ["中层", "中层正职", "中层副职"],
  staff: ["一般干部", "干部职工", "一般职工", "职工", "一般工作人员", "工作人员"],
});
export const readGroup = (cell: string): VoterGroup | undefined => GROUPS.get(normalizeCode(cell));

const RELATION_WORDS = lookup<Relation>(RELATIONS, "register.relation.", {
  spouse: ["配偶", "夫妻关系", "夫", "妻"],
  lineal: ["直系", "直系亲属", "父子", "父女", "母子", "母女", "祖孙"],
  collateral: ["旁系血亲", "旁系", "兄弟", "姐妹", "兄妹", "姐弟", "兄弟姐妹"],
  "in-law": ["姻亲"],
});
export const readRelation = (cell: string): Relation | undefined =>
  RELATION_WORDS.get(normalizeCode(cell).replace(/关系$/, "")) ??
  RELATION_WORDS.get(normalizeCode(cell));

const PENALTY_WORDS = lookup<PenaltyKind>(PENALTY_KINDS, "register.penalty.", {
  warning: [],
  demerit: [],
  "major-demerit": [],
  demotion: [],
  removal: [],
});

export type DateRead =
  | { ok: true; date: string }
  | { ok: false; error: "badDate" | "dateWithoutDay" };

/**
 * 2024-01-05, 2024/1/5, 2024.1.5, 2024年1月5日, 20240105, or an Excel serial day number.
 * A serial has five digits (10000 is 1927-05-18): a four-digit number in a date column is
 * a year someone typed alone, and is refused as a date without its day, as 1985.03 is —
 * an age or period limit cannot be checked to the day without the day.
 */
export function readDate(cell: string): DateRead {
  // A time of day after the date (CSV exports of date cells write "2024/1/5 0:00") is dropped.
  const text = normalizeCode(
    cell
      .normalize("NFKC")
      .trim()
      .replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/i, ""),
  );
  let ymd: [string, string, string] | undefined;
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (full) ymd = [full[1] ?? "", full[2] ?? "", full[3] ?? ""];
  else if (compact) ymd = [compact[1] ?? "", compact[2] ?? "", compact[3] ?? ""];
  else if (/^(19|20)\d{2}(年|[-/.年]\d{1,2}月?)?$/.test(text))
    return { ok: false, error: "dateWithoutDay" };
  else if (/^\d{5}(\.\d+)?$/.test(text)) return { ok: true, date: excelSerialDate(Number(text)) };
  if (!ymd) return { ok: false, error: "badDate" };
  const date = `${ymd[0]}-${ymd[1].padStart(2, "0")}-${ymd[2].padStart(2, "0")}`;
  return isCalendarDay(date) ? { ok: true, date } : { ok: false, error: "badDate" };
}

/** Excel's 1900 date system: day 1 is 1900-01-01 and the fictitious 1900-02-29 is day 60. */
function excelSerialDate(serial: number): string {
  const epoch = Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function isCalendarDay(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const d = new Date(`${date}T00:00:00Z`);
  return (
    year >= 1900 &&
    year <= 2100 &&
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === date
  );
}

/** Years as a number: "5", "3.5", "5年"; undefined when not one or outside 0–60. */
export function readYears(cell: string): number | undefined {
  const text = normalizeCode(cell).replace(/年$/, "");
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const years = Math.round(Number(text) * 100) / 100;
  return years <= 60 ? years : undefined;
}

/** Entries of a list cell: "记过 2025-03-01；警告 2024-01-10" (；; ， , 、 or a line break). */
export function splitEntries(cell: string): string[] {
  return cell
    .split(/[；;，,、\n]/)
    .map((entry) => cleanText(entry))
    .filter((entry) => entry !== "" && !UNGRADED.has(normalizeCode(entry)));
}

/** "记过 2025-03-01", "2025-03-01 记过", "记过（2025年3月1日）", "政务记过：2025.3.1". */
export function readPenalty(entry: string): Penalty | undefined {
  const text = entry.normalize("NFKC").replace(/\s+/g, "");
  const kindFirst = /^([^\d]+?)[:(]?(\d[^()]*?)\)?$/.exec(text);
  const dateFirst = /^(\d[^()]*?\d日?)[:(]?([^\d()]+?)\)?$/.exec(text);
  const [kindText, dateText] = kindFirst
    ? [kindFirst[1], kindFirst[2]]
    : dateFirst
      ? [dateFirst[2], dateFirst[1]]
      : [];
  if (kindText === undefined || dateText === undefined) return undefined;
  // 政务处分法 (2020) and the earlier 行政处分 use the same kinds and periods.
  const kind = PENALTY_WORDS.get(
    normalizeCode(kindText)
      .replace(/^(政务|行政)/, "")
      .replace(/处分$/, ""),
  );
  const date = readDate(dateText);
  return kind && date.ok ? { kind, from: date.date } : undefined;
}

/** "A002：夫妻", "A002:夫妻", "A002 夫妻", "A002（夫妻）" → the staff number and the relation word. */
export function splitRelationEntry(entry: string): { staffNo: string; word: string } | undefined {
  const m = /^([A-Za-z0-9_-]{1,40})\s*[:(\s]\s*([^()]+?)\s*\)?$/.exec(
    entry.normalize("NFKC").trim(),
  );
  return m?.[1] && m[2] ? { staffNo: m[1], word: m[2] } : undefined;
}
