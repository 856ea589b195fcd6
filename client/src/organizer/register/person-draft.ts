import type { Message } from "../../../../shared/i18n/index.ts";
import {
  type Education,
  type PenaltyKind,
  Person,
  type ReviewGrade,
  type Sex,
  type VoterGroup,
} from "../../../../shared/setup/person.ts";

/**
 * A person as the form holds them: every input's text as typed (a select's "" is "not
 * chosen yet"), so that a half-filled form can be shown and checked. `readDraft` turns it
 * into a Person through the shared zod schema, the same check the server makes.
 */
export interface PersonDraft {
  staffNo: string;
  name: string;
  sex: Sex | "";
  birthDate: string;
  department: string;
  currentPost: string;
  grade: string;
  gradeSince: string;
  workStart: string;
  grassrootsYears: string;
  education: Education | "";
  /** `added`: a row the organizer added, whose year is typed rather than fixed. */
  reviews: { year: string; grade: ReviewGrade | ""; added?: boolean }[];
  penalties: { kind: PenaltyKind | ""; from: string }[];
  voterGroup: VoterGroup | "";
}

export type DraftField = Exclude<keyof PersonDraft, "reviews" | "penalties">;
/** Where a problem is shown: a field, a review year's row or a penalty's row. */
export type ProblemAt = DraftField | `reviews.${number}` | `penalties.${number}` | "penalties";

/** The three years before this one: the common "last three annual reviews" condition. */
export function recentYears(thisYear: number): string[] {
  return [3, 2, 1].map((back) => String(thisYear - back));
}

export function emptyDraft(thisYear: number): PersonDraft {
  return {
    staffNo: "",
    name: "",
    sex: "",
    birthDate: "",
    department: "",
    currentPost: "",
    grade: "",
    gradeSince: "",
    workStart: "",
    grassrootsYears: "0",
    education: "",
    reviews: recentYears(thisYear).map((year) => ({ year, grade: "" })),
    penalties: [],
    voterGroup: "",
  };
}

/** A stored person in the form: the recent years shown even when ungraded, oldest first. */
export function draftOf(p: Person, thisYear: number): PersonDraft {
  const years = [...new Set([...Object.keys(p.reviewGrades), ...recentYears(thisYear)])].sort();
  return {
    ...p,
    gradeSince: p.gradeSince ?? "",
    grassrootsYears: String(p.grassrootsYears),
    reviews: years.map((year) => ({ year, grade: p.reviewGrades[year] ?? "" })),
    penalties: p.penalties.map((x) => ({ ...x })),
  };
}

/** The year a new review row starts with: the one before the earliest shown. */
export function yearToAdd(reviews: PersonDraft["reviews"], thisYear: number): string {
  const years = reviews.map((r) => Number(r.year)).filter((y) => Number.isInteger(y));
  return String(years.length > 0 ? Math.min(...years) - 1 : thisYear - 1);
}

const LIMITS: Partial<Record<DraftField, number>> = {
  name: 120,
  department: 120,
  currentPost: 120,
  grade: 60,
};

const msg = (key: Message["key"], params: Message["params"] = {}): Message => ({ key, params });

function problemFor(field: DraftField, code: string, draft: PersonDraft): Message {
  const text = String(draft[field]).trim();
  if (field === "staffNo")
    return text === "" ? msg("register.ui.invalid.required") : msg("register.ui.invalid.staffNo");
  if (field === "birthDate" || field === "workStart" || field === "gradeSince") {
    return text === "" ? msg("register.ui.invalid.required") : msg("register.ui.invalid.date");
  }
  if (field === "grassrootsYears") return msg("register.ui.invalid.years");
  if (code === "too_big" && LIMITS[field]) {
    return msg("register.ui.invalid.tooLong", { max: LIMITS[field] ?? 0 });
  }
  return msg("register.ui.invalid.required");
}

export type DraftRead =
  | { ok: true; person: Person }
  | { ok: false; problems: Partial<Record<ProblemAt, Message>> };

/** The form as a Person, or what is wrong, by the field that shows it. */
export function readDraft(draft: PersonDraft): DraftRead {
  const problems: Partial<Record<ProblemAt, Message>> = {};
  const reviewGrades: Record<string, ReviewGrade> = {};
  const seen = new Set<string>();
  draft.reviews.forEach((r, i) => {
    const year = r.year.trim();
    if (!/^\d{4}$/.test(year)) problems[`reviews.${i}`] = msg("register.ui.invalid.year");
    else if (seen.has(year)) problems[`reviews.${i}`] = msg("register.ui.invalid.yearTwice");
    seen.add(year);
    // A year left ungraded is not in the record: nobody was graded that year.
    if (r.grade) reviewGrades[year] = r.grade;
  });
  draft.penalties.forEach((p, i) => {
    if (!p.kind || !p.from) problems[`penalties.${i}`] = msg("register.ui.invalid.penalty");
  });
  const years = draft.grassrootsYears.trim();
  const candidate = {
    staffNo: draft.staffNo.trim(),
    name: draft.name,
    sex: draft.sex || undefined,
    birthDate: draft.birthDate,
    department: draft.department,
    currentPost: draft.currentPost,
    grade: draft.grade,
    gradeSince: draft.gradeSince === "" ? null : draft.gradeSince,
    workStart: draft.workStart,
    grassrootsYears: years === "" ? 0 : Number(years),
    education: draft.education || undefined,
    reviewGrades,
    penalties: draft.penalties,
    voterGroup: draft.voterGroup || undefined,
  };
  const parsed = Person.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      if (field === "penalties" && typeof index === "number") {
        problems[`penalties.${index}`] ??= msg("register.ui.invalid.penalty");
      } else if (field === "penalties") {
        problems.penalties ??= msg("register.ui.invalid.tooMany", { max: 20 });
      } else if (field !== "reviewGrades" && typeof field === "string" && field in draft) {
        const at = field as DraftField;
        problems[at] ??= problemFor(at, issue.code, draft);
      }
    }
  }
  if (Object.keys(problems).length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, person: parsed.data };
}
