import type { AuditRecord } from "./audit-records.ts";
import type { StoreResult } from "./store-result.ts";

// The shapes and codes of application-records.ts.

export type ApplicationSource = "self" | "staff" | "party";
export type ApplicationStatus = "nominated" | "applied" | "withdrawn" | "passed" | "rejected";
export const STATUSES: ApplicationStatus[] = [
  "nominated",
  "applied",
  "withdrawn",
  "passed",
  "rejected",
];
export const SOURCES: ApplicationSource[] = ["self", "staff", "party"];

/** A nomination (自荐, 群众推荐 with how many staff recommended, 组织推荐) of a person for a post. */
export type Nomination = { staffNo: string; postLocalId: string } & (
  | { source: "self" | "party" }
  | { source: "staff"; staffCount: number }
);

/** The qualification review's decision; a rejection needs its reason. */
export type Decision = {
  /** The reviewer's staff number. */
  reviewer: string;
  /** The condition checks as the reviewer saw them (a snapshot, stored as given). */
  checks: unknown;
} & ({ outcome: "pass"; reason?: string | null } | { outcome: "reject"; reason: string });

export interface ApplicationRecord {
  id: string;
  roundId: string;
  postLocalId: string;
  staffNo: string;
  name: string;
  source: ApplicationSource;
  staffCount: number | null;
  /** 1 or 2 from acceptance on; null for a nomination not (or never) accepted. */
  preference: 1 | 2 | null;
  status: ApplicationStatus;
  reason: string | null;
  checks: unknown;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  acceptedAt: string | null;
  withdrawnAt: string | null;
}

/** A post's nominations and applications, with counts by status and by source. */
export interface PostApplications {
  localId: string;
  applications: ApplicationRecord[];
  counts: Record<ApplicationStatus, number>;
  sources: Record<ApplicationSource, number>;
  /** Staff recommendations (群众推荐) for this post, summed over its nominees. */
  staffRecommendations: number;
}

/** Codes every change of an application may meet: the round's state or the step itself. */
export type StepError = "round_frozen" | "review_closed" | "bad_transition";

export type NominateError =
  | "round_not_found"
  | "post_not_found"
  | "person_not_found"
  | "not_announced"
  | "already_nominated"
  | "invalid_nomination"
  | Exclude<StepError, "bad_transition">;
export type AcceptError = "application_not_found" | "too_many_applications" | StepError;
/** A self-nomination (自荐): a nomination and its acceptance in one step, or neither. */
export type ApplyError = NominateError | "too_many_applications";
export type WithdrawError = "application_not_found" | StepError;
export type DecideError =
  | "application_not_found"
  | "reason_required"
  | "unknown_reviewer"
  | "reviewer_avoidance"
  | "checks_required"
  | StepError;
export type CloseReviewError = "round_not_found" | "round_frozen" | "review_undecided";

/**
 * Nominations, applications and their review (migrations/0002_before_session.ts). The rules
 * are the schema's: one application per person and post, two places per person and round,
 * the steps nominated → applied → passed/rejected (withdrawn before the review closes), a
 * decision's reviewer and time, a rejection's reason, nothing after the review closes.
 */
export interface ApplicationRecords {
  /** A nomination of a registered person for a post of the round's latest announcement. */
  nominate(
    roundId: string,
    nomination: Nomination,
    audit: AuditRecord,
  ): Promise<StoreResult<{ id: string }, NominateError>>;
  /**
   * A self-nomination: nominated and accepted in one transaction, so a third post is refused
   * with nothing kept (no nomination left behind).
   */
  apply(
    roundId: string,
    nomination: Nomination,
    audit: AuditRecord,
  ): Promise<StoreResult<{ id: string; preference: 1 | 2 }, ApplyError>>;
  /** The nominee accepts: the application takes the person's next free place (1 or 2). */
  accept(
    roundId: string,
    applicationId: string,
    audit: AuditRecord,
  ): Promise<StoreResult<{ preference: 1 | 2 }, AcceptError>>;
  /** A nomination declined or an application withdrawn; its place is free again. */
  withdraw(
    roundId: string,
    applicationId: string,
    audit: AuditRecord,
  ): Promise<StoreResult<null, WithdrawError>>;
  decide(
    roundId: string,
    applicationId: string,
    decision: Decision,
    audit: AuditRecord,
  ): Promise<StoreResult<null, DecideError>>;
  /** Closes the review once every application is decided; "already" when it was closed. */
  closeReview(
    roundId: string,
    audit: AuditRecord,
  ): Promise<StoreResult<"closed" | "already", CloseReviewError>>;
  reviewClosed(roundId: string): Promise<boolean>;
  /** Per post of the round, in the announcement's order; null when there is no such round. */
  list(roundId: string): Promise<PostApplications[] | null>;
  /** A person's applications over every round (their history), oldest first. */
  ofPerson(staffNo: string): Promise<ApplicationRecord[]>;
}
