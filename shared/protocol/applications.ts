import { z } from "zod";
import { type Candidate, Id } from "../round-file.ts";
import type { ConditionCheck } from "../setup/eligibility.ts";
import { StaffNo } from "../setup/person.ts";

/**
 * Nominations, applications and the qualification review over the socket (docs/protocol.md,
 * "Applications"), and the published outcome over HTTP. The records hold the rules
 * (server/records/application-records.ts); these are the shapes the console sees.
 */

/** 个人自荐, 群众推荐 (with how many staff named the person), 组织推荐 (the party group). */
export const APPLICATION_SOURCES = ["self", "staff", "party"] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** nominated → applied (accepted) → passed | rejected; withdrawn until the review closes. */
export const APPLICATION_STATES = [
  "nominated",
  "applied",
  "withdrawn",
  "passed",
  "rejected",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** A reason as the records keep it (2000 characters); the rule allows 500 (REASON_MAX). */
const Reason = z.string().max(2000);

export const NominatePayload = z
  .object({
    roundId: Id,
    staffNo: StaffNo,
    /** The post's id in the round (its round file's position id). */
    postId: Id,
    source: z.enum(APPLICATION_SOURCES),
    /** 群众推荐 only: how many staff recommended the person for this post. */
    staffCount: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .refine((p) => (p.source === "staff") === (p.staffCount !== undefined), {
    path: ["staffCount"],
  });

export const ApplicationRef = z.object({ roundId: Id, applicationId: z.uuid() }).strict();

export const DecidePayload = z
  .object({
    roundId: Id,
    applicationId: z.uuid(),
    outcome: z.enum(["pass", "reject"]),
    /** Required to reject, and to pass an application that fails a check. */
    reason: Reason.optional(),
    /** The reviewer's staff number: they must not be the applicant or a declared relative. */
    reviewer: StaffNo,
  })
  .strict();

/** The decision on an application, with the checks as the reviewer saw them. */
export interface ApplicationDecision {
  reviewer: string;
  /** The reviewer's name in the register (null if they have left it). */
  reviewerName: string | null;
  at: string;
  reason: string | null;
  checks: ConditionCheck[];
}

/** A nomination or application as the organizer's console shows it. */
export interface ApplicationView {
  id: string;
  staffNo: string;
  name: string;
  department: string;
  currentPost: string;
  source: ApplicationSource;
  staffCount: number | null;
  /** 1 or 2 once accepted (第一、第二志愿); null for a nomination not (or never) accepted. */
  preference: 1 | 2 | null;
  status: ApplicationState;
  /** The post's conditions at the announcement's reference date, from the register as it stands. */
  checks: ConditionCheck[];
  decision: ApplicationDecision | null;
}

export interface PostApplicationsView {
  localId: string;
  title: string;
  department: string | null;
  seats: number;
  applications: ApplicationView[];
  counts: Record<ApplicationState, number>;
  sources: Record<ApplicationSource, number>;
  /** 群众推荐: the staff counts summed over the post's nominees. */
  staffRecommendations: number;
}

export interface ApplicationList {
  /** The latest announcement, whose reference date the checks use; null before the first. */
  announcement: { version: number; referenceDate: string; applyUntil: string } | null;
  reviewClosed: boolean;
  posts: PostApplicationsView[];
}

export interface ReviewClosed {
  outcome: "closed" | "already";
  /** The draft's candidates: every person with a passed application, C1, C2, … */
  candidates: Candidate[];
}

/**
 * GET /api/rounds/:roundId/review-outcome once the review is closed: who competes for what,
 * published inside the unit. Name, department and current post only: no birth dates, no
 * review grades, nothing of the checks.
 */
export interface ReviewOutcome {
  roundId: string;
  title: string;
  closedAt: string;
  posts: {
    localId: string;
    title: string;
    department: string | null;
    seats: number;
    applicants: { name: string; department: string; currentPost: string }[];
  }[];
}
