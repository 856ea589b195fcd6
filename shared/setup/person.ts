import { z } from "zod";

/**
 * A person of the staff register (人员名册): what the qualification review checks and what
 * the voter groups are counted from. The staff number is the person's stable identity
 * across imports and rounds. Dates are ISO calendar dates (YYYY-MM-DD), with no time zone:
 * a birthday is a day, wherever the server runs.
 */

/** Education levels, lowest first: a post's minimum compares by this order. */
export const EDUCATION_LEVELS = [
  "high-school", // 高中及以下
  "technical", // 中专
  "college", // 大专
  "bachelor", // 本科
  "master", // 硕士研究生
  "doctor", // 博士研究生
] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

/**
 * Annual review grades (年度考核等次), best first. Civil servants are graded 优秀 / 称职 /
 * 基本称职 / 不称职, public-institution staff 优秀 / 合格 / 基本合格 / 不合格: the same four
 * steps, so one scale holds both.
 */
export const REVIEW_GRADES = ["excellent", "competent", "basic", "incompetent"] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/**
 * Disciplinary penalties (处分) and their effect period in months (公务员法 Art. 64): no
 * promotion while one is in effect. Dismissal (开除) ends employment and is not listed.
 */
export const PENALTY_MONTHS = {
  warning: 6, // 警告
  demerit: 12, // 记过
  "major-demerit": 18, // 记大过
  demotion: 24, // 降级
  removal: 24, // 撤职
} as const;
export type PenaltyKind = keyof typeof PENALTY_MONTHS;
export const PENALTY_KINDS = Object.keys(PENALTY_MONTHS) as PenaltyKind[];

/** The standard voter groups of the democratic evaluation, as round files name them. */
export const VOTER_GROUPS = ["leaders", "middle", "staff"] as const;
export type VoterGroup = (typeof VOTER_GROUPS)[number];

export const Sex = z.enum(["male", "female"]);
export type Sex = z.infer<typeof Sex>;

/** YYYY-MM-DD, a real calendar day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");
export type IsoDate = z.infer<typeof IsoDate>;

export const StaffNo = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const Penalty = z.object({
  kind: z.enum(PENALTY_KINDS as [PenaltyKind, ...PenaltyKind[]]),
  /** The day the penalty decision took effect; its period counts from here. */
  from: IsoDate,
});
export type Penalty = z.infer<typeof Penalty>;

export const Person = z.object({
  staffNo: StaffNo,
  name: z.string().trim().min(1).max(120),
  sex: Sex,
  birthDate: IsoDate,
  department: z.string().trim().min(1).max(120),
  /** The current post as written (e.g. 办公室副主任); '' when none. */
  currentPost: z.string().trim().max(120),
  /** The current grade (职级, e.g. 四级主任科员) and the day the person reached it. */
  grade: z.string().trim().max(60),
  gradeSince: IsoDate.nullable(),
  /** Start of work (参加工作时间). */
  workStart: IsoDate,
  /** Years at grassroots level (基层工作经历), as the personnel file records them. */
  grassrootsYears: z.number().min(0).max(60),
  education: z.enum(EDUCATION_LEVELS),
  /** Annual review grades by year, e.g. { "2024": "excellent" }; a missing year was not graded. */
  reviewGrades: z.record(z.string().regex(/^\d{4}$/), z.enum(REVIEW_GRADES)),
  penalties: z.array(Penalty).max(20),
  voterGroup: z.enum(VOTER_GROUPS),
});
export type Person = z.infer<typeof Person>;

/** Declared relationships between staff (亲属关系), for avoidance (回避, 公务员法 Arts. 74–77). */
export const RELATIONS = [
  "spouse", // 夫妻
  "lineal", // 直系血亲
  "collateral", // 三代以内旁系血亲
  "in-law", // 近姻亲
] as const;
export type Relation = (typeof RELATIONS)[number];

export const Relationship = z.object({
  /** Staff numbers of the two people; the relation is symmetric for avoidance. */
  from: StaffNo,
  to: StaffNo,
  relation: z.enum(RELATIONS),
});
export type Relationship = z.infer<typeof Relationship>;
