import { z } from "zod";
import type { ConditionCheck } from "./eligibility.ts";
import type { Relation, Relationship } from "./person.ts";

/**
 * Nominations, applications and the review decision as pure rules with closed result codes;
 * the server's handlers parse their input, apply these, and store the outcome atomically.
 *
 * A nomination's life (one per person and post):
 *   nominated (by staff or the party group) ─accept→ accepted ─pass/reject→ passed | rejected
 *             └─decline→ declined             └─withdraw→ withdrawn (until the review closes)
 * A self-nomination is its own acceptance: it starts as accepted. "Accepted" is an applicant.
 */

/** 每人限报两个岗位 (the source document), in preference order. */
export const MAX_APPLICATIONS = 2;
/** A reason is a sentence or two for the record, not a file. */
export const REASON_MAX = 500;

export const APPLICATION_STATUSES = [
  "nominated",
  "accepted",
  "declined",
  "withdrawn",
  "passed",
  "rejected",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** The statuses that hold one of a person's MAX_APPLICATIONS places. */
const APPLICANT: readonly ApplicationStatus[] = ["accepted", "passed", "rejected"];

export const NominationSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("self") }),
  /** 群众推荐: the number of staff who named this person for this post. */
  z.object({ kind: z.literal("staff"), count: z.number().int().min(1).max(100_000) }),
  z.object({ kind: z.literal("party-group") }),
]);
export type NominationSource = z.infer<typeof NominationSource>;

/**
 * registration: nominations and applications open; review: registration closed, the review
 * deciding; closed: the review closed, the names of the competitors fixed.
 */
export const REVIEW_PHASES = ["registration", "review", "closed"] as const;
export type ReviewPhase = (typeof REVIEW_PHASES)[number];

export const APPLICATION_ERRORS = [
  /** A third post: MAX_APPLICATIONS places are taken. */
  "too_many_applications",
  /** The person already applies for this post. */
  "duplicate_application",
  /** The action does not apply to the current status (e.g. accepting a withdrawn one). */
  "invalid_transition",
  "registration_closed",
  "review_closed",
  "reason_required_for_override",
  "reason_required_for_rejection",
  "reason_too_long",
  /** The reviewer is the applicant or a declared relative (isBarred). */
  "reviewer_barred",
] as const;
export type ApplicationError = (typeof APPLICATION_ERRORS)[number];

export type Result<T, E extends ApplicationError> = { ok: true; data: T } | { ok: false; error: E };
const ok = <T>(data: T) => ({ ok: true as const, data });
const fail = <E extends ApplicationError>(error: E) => ({ ok: false as const, error });

export interface ExistingApplication {
  postId: string;
  preference: number;
  status: ApplicationStatus;
}

/**
 * May the person become an applicant for `postId` (by a self-nomination or by accepting a
 * nomination)? Only applicant statuses count: nominations not yet accepted, declined and
 * withdrawn ones hold no place. Preferences of the held places are 1…k (see
 * compactPreferences), so the new one is k + 1.
 */
export function checkNewApplication(
  existing: readonly ExistingApplication[],
  postId: string,
): Result<{ preference: number }, "too_many_applications" | "duplicate_application"> {
  const held = existing.filter((a) => APPLICANT.includes(a.status));
  if (held.some((a) => a.postId === postId)) return fail("duplicate_application");
  if (held.length >= MAX_APPLICATIONS) return fail("too_many_applications");
  return ok({ preference: held.length + 1 });
}

/**
 * The preferences of the places still held, renumbered 1…k in their order: after the first
 * choice is withdrawn the second becomes the first, and a new one can only come after it.
 */
export function compactPreferences(
  existing: readonly ExistingApplication[],
): { postId: string; preference: number }[] {
  return existing
    .filter((a) => APPLICANT.includes(a.status))
    .sort((a, b) => a.preference - b.preference)
    .map((a, i) => ({ postId: a.postId, preference: i + 1 }));
}

/** The status a new nomination starts in; nominations are taken while registration is open. */
export function nominationStatus(
  source: NominationSource,
  phase: ReviewPhase,
): Result<ApplicationStatus, "registration_closed"> {
  if (phase !== "registration") return fail("registration_closed");
  return ok(source.kind === "self" ? "accepted" : "nominated");
}

export type ApplicationAction = "accept" | "decline" | "withdraw" | "pass" | "reject";

/** From which statuses each action goes, where to, and in which phases. */
const TRANSITIONS: Record<
  ApplicationAction,
  { from: readonly ApplicationStatus[]; to: ApplicationStatus; phases: readonly ReviewPhase[] }
> = {
  accept: { from: ["nominated"], to: "accepted", phases: ["registration"] },
  decline: { from: ["nominated"], to: "declined", phases: ["registration"] },
  // An applicant may withdraw until the review closes, a passed one included.
  withdraw: { from: ["accepted", "passed"], to: "withdrawn", phases: ["registration", "review"] },
  // A decision may be changed (with its reason) while the review is open.
  pass: { from: ["accepted", "rejected"], to: "passed", phases: ["registration", "review"] },
  reject: { from: ["accepted", "passed"], to: "rejected", phases: ["registration", "review"] },
};

/**
 * The status after `action`, or why not. A closed phase is named before a wrong status: once
 * the review is closed nothing changes, whatever the status. Accepting also needs
 * checkNewApplication (the two-post rule), which depends on the person's other applications.
 */
export function transition(
  status: ApplicationStatus,
  action: ApplicationAction,
  phase: ReviewPhase,
): Result<ApplicationStatus, "invalid_transition" | "registration_closed" | "review_closed"> {
  const rule = TRANSITIONS[action];
  if (!rule.phases.includes(phase)) {
    return fail(phase === "closed" ? "review_closed" : "registration_closed");
  }
  if (!rule.from.includes(status)) return fail("invalid_transition");
  return ok(rule.to);
}

export const ReviewDecisionInput = z.object({
  decision: z.enum(["pass", "reject"]),
  /** Required to reject, and to pass an application that fails a check (an override). */
  reason: z.string().max(10_000),
});
export type ReviewDecisionInput = z.infer<typeof ReviewDecisionInput>;

export interface ReviewDecision {
  decision: "pass" | "reject";
  reason: string;
  /** Passed although a check failed: the record shows it as an override with its reason. */
  override: boolean;
}

/**
 * The reviewer's decision on one application, checked against its condition checks: a
 * reject always needs a reason (it is told to the applicant and recorded), and so does a
 * pass over a failed check — the check is a hint, but overriding it must be explained.
 */
export function reviewDecision(
  input: ReviewDecisionInput,
  checks: readonly ConditionCheck[],
): Result<
  ReviewDecision,
  "reason_required_for_override" | "reason_required_for_rejection" | "reason_too_long"
> {
  const reason = input.reason.trim();
  if (reason.length > REASON_MAX) return fail("reason_too_long");
  const failing = checks.some((c) => !c.pass);
  if (input.decision === "reject") {
    return reason === ""
      ? fail("reason_required_for_rejection")
      : ok({ decision: "reject", reason, override: false });
  }
  if (failing && reason === "") return fail("reason_required_for_override");
  return ok({ decision: "pass", reason, override: failing });
}

/**
 * Why `reviewer` must stand aside for `applicant`: "self", the declared relation (either
 * direction: a relation binds both), or null. 公务员法 Art. 76 bars handling a relative's
 * personnel matters; the register lists each relationship once, from either side.
 */
export function avoidance(
  reviewerStaffNo: string,
  applicantStaffNo: string,
  relationships: readonly Relationship[],
): Relation | "self" | null {
  if (reviewerStaffNo === applicantStaffNo) return "self";
  const found = relationships.find(
    (r) =>
      (r.from === reviewerStaffNo && r.to === applicantStaffNo) ||
      (r.from === applicantStaffNo && r.to === reviewerStaffNo),
  );
  return found?.relation ?? null;
}

export function isBarred(
  reviewerStaffNo: string,
  applicantStaffNo: string,
  relationships: readonly Relationship[],
): boolean {
  return avoidance(reviewerStaffNo, applicantStaffNo, relationships) !== null;
}
