import type { Params } from "../i18n/index.ts";
import type { ReviewTextKey } from "../i18n/review.ts";
import { addMonths, compareDates, isBefore, parseIsoDate, wholeYearsBetween } from "./calendar.ts";
import {
  EDUCATION_LEVELS,
  PENALTY_MONTHS,
  type Penalty,
  type Person,
  REVIEW_GRADES,
  type ReviewGrade,
} from "./person.ts";
import type { PostConditions } from "./post-conditions.ts";

/**
 * The qualification review's condition checks: each condition a post sets, computed from the
 * staff register at the announcement's reference date, as a hint that shows the data used.
 * The decision stays a reviewer's (applications.ts: reviewDecision).
 */

export const CONDITIONS = [
  "workYears",
  "grassrootsYears",
  "gradeYears",
  "education",
  "age",
  "reviewGrades",
  "penalty",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/**
 * A hint: a dictionary key with its params. `parts` are params that are themselves texts
 * (an education level, a list of grades) and must be translated in the reader's language
 * before they fill the sentence: renderReviewMessage does that.
 */
export interface ReviewMessage {
  key: ReviewTextKey;
  params: Params;
  parts?: Record<string, ReviewMessage[]>;
}

export interface ConditionCheck {
  condition: Condition;
  pass: boolean;
  message: ReviewMessage;
}

const label = (key: ReviewTextKey): ReviewMessage[] => [{ key, params: {} }];

/** One entry per condition the post sets, in the order of CONDITIONS. */
export function checkConditions(
  person: Person,
  conditions: PostConditions,
  referenceDate: string,
): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  const c = conditions;
  if (c.minWorkYears !== undefined) {
    const years = wholeYearsBetween(person.workStart, referenceDate);
    checks.push({
      condition: "workYears",
      pass: years >= c.minWorkYears,
      message: { key: "review.check.workYears", params: { years, min: c.minWorkYears } },
    });
  }
  if (c.minGrassrootsYears !== undefined) {
    // The personnel file records these years as a number, not as dates: compared as given.
    const years = person.grassrootsYears;
    checks.push({
      condition: "grassrootsYears",
      pass: years >= c.minGrassrootsYears,
      message: {
        key: "review.check.grassrootsYears",
        params: { years, min: c.minGrassrootsYears },
      },
    });
  }
  if (c.minGradeYears !== undefined)
    checks.push(gradeYears(person, c.minGradeYears, referenceDate));
  if (c.minEducation !== undefined) {
    checks.push({
      condition: "education",
      pass: EDUCATION_LEVELS.indexOf(person.education) >= EDUCATION_LEVELS.indexOf(c.minEducation),
      message: {
        key: "review.check.education",
        params: {},
        parts: {
          education: label(`person.education.${person.education}`),
          min: label(`person.education.${c.minEducation}`),
        },
      },
    });
  }
  if (c.maxAge !== undefined) {
    const age = wholeYearsBetween(person.birthDate, referenceDate);
    checks.push({
      condition: "age",
      pass: age <= c.maxAge,
      message: { key: "review.check.age", params: { age, max: c.maxAge } },
    });
  }
  if (c.reviewGrades !== undefined) {
    checks.push(reviewGrades(person, c.reviewGrades.years, c.reviewGrades.atLeast, referenceDate));
  }
  if (c.noActivePenalty === true) checks.push(penalty(person.penalties, referenceDate));
  return checks;
}

function gradeYears(person: Person, min: number, referenceDate: string): ConditionCheck {
  // Without the date the years cannot be counted; a reviewer who knows them overrides.
  if (person.gradeSince === null) {
    return {
      condition: "gradeYears",
      pass: false,
      message: { key: "review.check.gradeYears.noDate", params: { min } },
    };
  }
  const years = wholeYearsBetween(person.gradeSince, referenceDate);
  return {
    condition: "gradeYears",
    pass: years >= min,
    message: {
      key: "review.check.gradeYears",
      params: { years, since: person.gradeSince, min },
    },
  };
}

/**
 * "The last N years" are the N calendar years before the reference date's year (reference
 * 2026-05-20, N = 3: 2023, 2024, 2025): annual reviews grade whole years, and the current
 * year's is not yet done. A year without a recorded grade fails: the review cannot confirm
 * it was good enough (the organizer completes the register, or a reviewer overrides with a
 * reason).
 */
export function reviewYears(years: number, referenceDate: string): string[] {
  const current = parseIsoDate(referenceDate).year;
  return Array.from({ length: years }, (_, i) => String(current - years + i));
}

function reviewGrades(
  person: Person,
  years: number,
  atLeast: ReviewGrade,
  referenceDate: string,
): ConditionCheck {
  const needed = REVIEW_GRADES.indexOf(atLeast); // best first: a lower index is better
  const list = reviewYears(years, referenceDate).map((year) => ({
    year,
    grade: person.reviewGrades[year] as ReviewGrade | undefined,
  }));
  const missing = list.filter((g) => g.grade === undefined);
  const pass = list.every((g) => g.grade !== undefined && REVIEW_GRADES.indexOf(g.grade) <= needed);
  const grades = list.map(({ year, grade }) =>
    grade === undefined
      ? { key: "review.grades.notRecorded" as const, params: { year } }
      : {
          key: "review.grades.item" as const,
          params: { year },
          parts: { grade: label(`person.reviewGrade.${grade}`) },
        },
  );
  const parts: Record<string, ReviewMessage[]> = {
    grades,
    atLeast: label(`person.reviewGrade.${atLeast}`),
  };
  if (missing.length > 0) {
    parts.missing = missing.map(({ year }) => ({ key: "review.grades.year", params: { year } }));
  }
  return {
    condition: "reviewGrades",
    pass,
    message: {
      key: missing.length > 0 ? "review.check.reviewGrades.missing" : "review.check.reviewGrades",
      params: { years },
      parts,
    },
  };
}

/** The first day a penalty no longer has effect: its date plus PENALTY_MONTHS (addMonths). */
export function penaltyEnds(p: Penalty): string {
  return addMonths(p.from, PENALTY_MONTHS[p.kind]);
}

/**
 * A penalty has effect from its date for PENALTY_MONTHS months: on the reference date iff
 * reference < from + months, so one whose last day is the day before the reference date no
 * longer counts. One decided after the reference date fails too: 公务员法 Art. 64 bars the
 * promotion while it runs, and the appointment comes after the reference date.
 */
function penalty(penalties: readonly Penalty[], referenceDate: string): ConditionCheck {
  const inEffect = penalties.filter((p) => isBefore(referenceDate, penaltyEnds(p)));
  const later = (p: Penalty) => isBefore(referenceDate, p.from);
  const latestEnd = (ps: Penalty[]) =>
    ps.reduce<Penalty | undefined>(
      (a, p) => (a === undefined || compareDates(penaltyEnds(p), penaltyEnds(a)) > 0 ? p : a),
      undefined,
    );
  // The penalty shown: one in effect on the date, else one decided later, else the last ended.
  const shown =
    latestEnd(inEffect.filter((p) => !later(p))) ??
    latestEnd(inEffect) ??
    latestEnd(penalties.slice());
  if (shown === undefined) {
    return {
      condition: "penalty",
      pass: true,
      message: { key: "review.check.penalty.none", params: {} },
    };
  }
  const key = !inEffect.includes(shown)
    ? "review.check.penalty.ended"
    : later(shown)
      ? "review.check.penalty.later"
      : "review.check.penalty.active";
  return {
    condition: "penalty",
    pass: inEffect.length === 0,
    message: {
      key,
      params: { from: shown.from, months: PENALTY_MONTHS[shown.kind], until: penaltyEnds(shown) },
      parts: { kind: label(`person.penalty.${shown.kind}`) },
    },
  };
}

export type CheckSummary = { pass: true } | { pass: false; failing: ConditionCheck[] };

export function summarize(checks: readonly ConditionCheck[]): CheckSummary {
  const failing = checks.filter((c) => !c.pass);
  return failing.length === 0 ? { pass: true } : { pass: false, failing };
}

/** The translator the reader's page has: shared/i18n's translate with the locale bound. */
export type Translate = (key: ReviewTextKey | "common.listSeparator", params: Params) => string;

/** A hint as a sentence: its parts translated first and joined with the list separator. */
export function renderReviewMessage(message: ReviewMessage, t: Translate): string {
  const params: Params = { ...message.params };
  for (const [name, items] of Object.entries(message.parts ?? {})) {
    params[name] = items.map((m) => renderReviewMessage(m, t)).join(t("common.listSeparator", {}));
  }
  return t(message.key, params);
}
