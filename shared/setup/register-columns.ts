import { register } from "../i18n/register.ts";

/**
 * The columns of the staff register file and how a header cell is recognised. Offices keep
 * their registers in their own spreadsheets, so a header matches in either language, with
 * or without spaces, full-width brackets, a trailing note such as "（必填）" or a "*", and
 * under the common synonyms of Chinese personnel forms (e.g. 出生年月 for 出生日期, 最高学历
 * for 学历). Columns may come in any order.
 */

/** The fields of the staff sheet, in the template's order (the review years go after education). */
export const STAFF_FIELDS = [
  "staffNo",
  "name",
  "sex",
  "birthDate",
  "department",
  "currentPost",
  "grade",
  "gradeSince",
  "workStart",
  "grassrootsYears",
  "education",
  "penalties",
  "voterGroup",
  "relations",
] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];

/** Without these a row cannot make a person; the others may be absent or empty. */
export const REQUIRED_STAFF_FIELDS: readonly StaffField[] = [
  "staffNo",
  "name",
  "sex",
  "birthDate",
  "department",
  "workStart",
  "education",
  "voterGroup",
];

/** The fields of the relatives sheet; the two names are only checked against the register. */
export const RELATION_FIELDS = [
  "staffNo",
  "name",
  "relativeNo",
  "relativeName",
  "relation",
] as const;
export type RelationField = (typeof RELATION_FIELDS)[number];
export const REQUIRED_RELATION_FIELDS: readonly RelationField[] = [
  "staffNo",
  "relativeNo",
  "relation",
];

/** Synonyms beyond the dictionary's own Chinese and English labels, written normalised. */
const STAFF_SYNONYMS: Record<StaffField, string[]> = {
  staffNo: [
    "职工号",
    "职工编号",
    "员工编号",
    "人员编号",
    "编号",
    "staffno",
    "staffnumber",
    "staffid",
    "employeeid",
    "employeeno",
  ],
  name: ["名字", "fullname"],
  sex: ["gender"],
  birthDate: ["出生年月日", "出生年月", "出生时间", "生日", "birthdate", "dob", "birthday"],
  department: ["所在部门", "科室", "所在科室", "处室", "股室", "工作部门", "dept"],
  currentPost: [
    "职务",
    "现职务",
    "现任职位",
    "职位",
    "现岗位",
    "岗位",
    "currentpost",
    "post",
    "position",
  ],
  grade: ["现职级", "现任职级", "级别", "rank"],
  gradeSince: [
    "现职级时间",
    "任职级时间",
    "任现职级日期",
    "职级时间",
    "任现级别时间",
    "gradesince",
  ],
  workStart: ["参加工作日期", "工作时间", "参工时间", "workstart", "workstartdate"],
  grassrootsYears: [
    "基层工作经历",
    "基层工作经历年限",
    "基层年限",
    "基层工作年数",
    "grassrootsyears",
    "grassroots",
  ],
  education: ["最高学历", "文化程度"],
  penalties: ["处分情况", "受处分情况", "纪律处分", "penalty", "disciplinarypenalties"],
  voterGroup: ["评委组", "评委分组", "测评分组", "投票组", "分组", "votergroup", "group"],
  relations: ["亲属", "relationships"],
};
const RELATION_SYNONYMS: Record<RelationField, string[]> = {
  staffNo: ["职工号", "人员编号", "staffno"],
  name: ["fullname"],
  relativeNo: ["亲属编号", "关系人工号", "relativeno", "relativestaffno"],
  relativeName: ["关系人姓名", "relativename"],
  relation: ["亲属关系", "关系类型", "relationship"],
};

/**
 * A header as compared: NFKC (full-width letters, digits and brackets become half-width),
 * lower case, no spaces or punctuation. The trailing note in brackets is cut separately.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.:*'’\u200b-\u200d\ufeff]/g, "");
}

/** "出生日期（年月日）" → "出生日期": a note in brackets at the end, as forms often add. */
function withoutNote(normalized: string): string {
  return normalized.replace(/[([【].*[)\]】]$/, "");
}

const label = (key: keyof typeof register) => [register[key].zh, register[key].en];

function table<F extends string>(
  fields: readonly F[],
  synonyms: Record<F, string[]>,
  prefix: string,
) {
  const byName = new Map<string, F>();
  for (const field of fields) {
    const labels = label(`${prefix}${field}` as keyof typeof register);
    for (const name of [...labels, ...synonyms[field]]) byName.set(normalizeHeader(name), field);
  }
  return byName;
}
const STAFF_HEADERS = table(STAFF_FIELDS, STAFF_SYNONYMS, "register.col.");
const RELATION_HEADERS = table(RELATION_FIELDS, RELATION_SYNONYMS, "register.col.") as Map<
  string,
  RelationField
>;

/** "2023年度考核", "2023年考核", "年度考核2023", "2023 review" → 2023. */
const REVIEW_PATTERNS = [
  /^((?:19|20)\d{2})(?:年度|年)?考核(?:结果|等次|情况)?$/,
  /^(?:年度考核|考核)((?:19|20)\d{2})(?:年度|年)?$/,
  /^((?:19|20)\d{2})(?:annualreview|reviewgrade|review)$/,
  /^(?:annualreview|reviewgrade|review)((?:19|20)\d{2})$/,
];

export type StaffColumn = { field: StaffField } | { review: string };

export function matchStaffHeader(text: string): StaffColumn | undefined {
  const full = normalizeHeader(text);
  for (const name of [full, withoutNote(full)]) {
    const field = STAFF_HEADERS.get(name);
    if (field) return { field };
    for (const pattern of REVIEW_PATTERNS) {
      const year = pattern.exec(name)?.[1];
      if (year) return { review: year };
    }
  }
  return undefined;
}

export function matchRelationHeader(text: string): RelationField | undefined {
  const full = normalizeHeader(text);
  return RELATION_HEADERS.get(full) ?? RELATION_HEADERS.get(withoutNote(full));
}

/** The Chinese header the template writes for a field (the review column needs its year). */
export function columnLabel(field: StaffField | RelationField | "review", year?: string): string {
  const text = register[`register.col.${field}`].zh;
  return year === undefined ? text : text.replace("{year}", year);
}

/** The names the relatives sheet goes by, normalised. */
export const RELATIONS_SHEET_NAMES = new Set(
  [...label("register.sheet.relations"), "relationships", "亲属关系表"].map(normalizeHeader),
);
/** Sheets that are never the register itself (the template's notes). */
export const NOTES_SHEET_NAMES = new Set(
  [...label("register.sheet.notes"), "说明", "notes"].map(normalizeHeader),
);

/**
 * The row that holds the header: offices put a title such as "××局人员名册" above it, so
 * the first of the first rows that names at least two known columns (e.g. 工号 and 姓名).
 */
export function findHeaderRow(rows: readonly string[][], kind: "staff" | "relations"): number {
  const match = kind === "staff" ? matchStaffHeader : matchRelationHeader;
  const scan = Math.min(rows.length, 10);
  for (let i = 0; i < scan; i++) {
    const known = (rows[i] ?? []).filter((cell) => cell.trim() !== "" && match(cell)).length;
    if (known >= 2) return i;
  }
  return 0;
}
