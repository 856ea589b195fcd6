import type { MessageKey } from "../../../../../shared/i18n/index.ts";
import {
  type AnnouncedPost,
  DEFAULT_TERM_YEARS,
  PostInput,
} from "../../../../../shared/protocol/posts.ts";
import type { Education, ReviewGrade } from "../../../../../shared/setup/person.ts";
import type { PostConditions } from "../../../../../shared/setup/post-conditions.ts";

/**
 * A post as the editor holds it while the organizer types: every field as its input gives
 * it (a number input gives null when empty), and each structured condition with a switch
 * and its values, kept while switched off so ticking it again brings them back.
 */
export interface PostDraft {
  /** Stable while the post is edited: its localId, or a made-up key for a new post. */
  key: string;
  localId?: string;
  title: string;
  department: string;
  code: string;
  seats: number | null;
  termYears: number | null;
  duties: string;
  conditionsText: string;
  cond: {
    minWorkYears: { on: boolean; n: number | null };
    minGrassrootsYears: { on: boolean; n: number | null };
    minGradeYears: { on: boolean; n: number | null };
    minEducation: { on: boolean; level: Education };
    maxAge: { on: boolean; n: number | null };
    reviewGrades: { on: boolean; years: number | null; atLeast: ReviewGrade };
    noActivePenalty: boolean;
  };
}

let made = 0;

/** The values a condition starts from when ticked: common practice (procedure.md). */
function conditionDraft(c: PostConditions): PostDraft["cond"] {
  return {
    minWorkYears: { on: c.minWorkYears !== undefined, n: c.minWorkYears ?? 5 },
    minGrassrootsYears: { on: c.minGrassrootsYears !== undefined, n: c.minGrassrootsYears ?? 2 },
    minGradeYears: { on: c.minGradeYears !== undefined, n: c.minGradeYears ?? 2 },
    minEducation: { on: c.minEducation !== undefined, level: c.minEducation ?? "college" },
    maxAge: { on: c.maxAge !== undefined, n: c.maxAge ?? 45 },
    reviewGrades: {
      on: c.reviewGrades !== undefined,
      years: c.reviewGrades?.years ?? 3,
      atLeast: c.reviewGrades?.atLeast ?? "competent",
    },
    noActivePenalty: c.noActivePenalty === true,
  };
}

export function toDraft(post: AnnouncedPost): PostDraft {
  return {
    key: post.localId,
    localId: post.localId,
    title: post.title,
    department: post.department ?? "",
    code: post.code ?? "",
    seats: post.seats,
    termYears: post.termYears,
    duties: post.duties,
    conditionsText: post.conditionsText,
    cond: conditionDraft(post.conditions),
  };
}

export function newDraft(): PostDraft {
  made++;
  return {
    key: `new-${made}`,
    title: "",
    department: "",
    code: "",
    seats: 1,
    termYears: DEFAULT_TERM_YEARS,
    duties: "",
    conditionsText: "",
    cond: conditionDraft({}),
  };
}

/** The draft as the payload would carry it, unchecked: PostInput says what is wrong. */
export function toRaw(d: PostDraft): Record<string, unknown> {
  const c = d.cond;
  const conditions: Record<string, unknown> = {};
  if (c.minWorkYears.on) conditions.minWorkYears = c.minWorkYears.n;
  if (c.minGrassrootsYears.on) conditions.minGrassrootsYears = c.minGrassrootsYears.n;
  if (c.minGradeYears.on) conditions.minGradeYears = c.minGradeYears.n;
  if (c.minEducation.on) conditions.minEducation = c.minEducation.level;
  if (c.maxAge.on) conditions.maxAge = c.maxAge.n;
  if (c.reviewGrades.on) {
    conditions.reviewGrades = { years: c.reviewGrades.years, atLeast: c.reviewGrades.atLeast };
  }
  if (c.noActivePenalty) conditions.noActivePenalty = true;
  return {
    ...(d.localId ? { localId: d.localId } : {}),
    title: d.title,
    department: d.department.trim() || null,
    code: d.code.trim() || null,
    seats: d.seats,
    termYears: d.termYears,
    duties: d.duties,
    conditionsText: d.conditionsText,
    conditions,
  };
}

/** Which text says what is wrong with a field, by the field's path in PostInput. */
const FIELD_ERRORS: Record<string, MessageKey> = {
  title: "posts.error.title",
  department: "posts.error.department",
  code: "posts.error.code",
  seats: "posts.error.seats",
  termYears: "posts.error.termYears",
  duties: "posts.error.text",
  conditionsText: "posts.error.text",
  "conditions.minWorkYears": "posts.error.wholeYears",
  "conditions.minGrassrootsYears": "posts.error.years",
  "conditions.minGradeYears": "posts.error.wholeYears",
  "conditions.minEducation": "posts.error.choose",
  "conditions.maxAge": "posts.error.age",
  "conditions.reviewGrades.years": "posts.error.reviewYears",
  "conditions.reviewGrades.atLeast": "posts.error.choose",
};

export type FieldErrors = Record<string, MessageKey>;

/** The post checked as the server checks it: the payload or, per field, what is wrong. */
export function checkDraft(
  d: PostDraft,
): { ok: true; input: PostInput } | { ok: false; errors: FieldErrors } {
  const parsed = PostInput.safeParse(toRaw(d));
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join(".");
    errors[path] ??= FIELD_ERRORS[path] ?? "posts.error.choose";
  }
  return { ok: false, errors };
}
