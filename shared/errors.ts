import type { Message } from "./i18n/index.ts";

/**
 * Every error a client can be told, as a closed union. The client translates each code
 * (shared/i18n); the server logs the details and never sends a message or a stack trace.
 */
export const ERROR_CODES = [
  /** The payload did not match the event's schema. */
  "invalid_payload",
  /** No credential, or one the server does not know (expired organizer session included). */
  "unauthorized",
  /** The credential is valid but its role may not do this. */
  "forbidden",
  /** The organizer passphrase was wrong. */
  "wrong_passphrase",
  /** Too many attempts in a short time. */
  "rate_limited",
  "round_not_found",
  "candidate_not_found",
  "card_not_found",
  /** The round file failed validation; `issues` says where. */
  "invalid_round_file",
  /** A staff register file that cannot be saved; `reason` says why (register.file.*). */
  "invalid_register_file",
  /** A post named by an id the round does not have (another editor's save removed it). */
  "post_not_found",
  /** A post cannot be removed: applications name it (withdraw or decide them elsewhere first). */
  "post_has_applications",
  /** The round's rules are frozen (its session started): the draft can no longer be changed. */
  "round_frozen",
  /** The round is still a draft: start its session first. */
  "round_not_started",
  /** A formal round that has started is kept: only drafts and rehearsals are deleted. */
  "round_not_deletable",
  /** The records (PostgreSQL) do not answer right now; nothing was changed. */
  "records_unavailable",
  /** The round is locked: nothing that feeds the results can change. */
  "round_locked",
  /** Scoring is not open for this candidate (not yet opened, or closed). */
  "scoring_closed",
  /** The democratic evaluation is not open (not yet opened, or closed). */
  "evaluation_closed",
  /** An evaluation names an unknown candidate or option. */
  "invalid_choices",
  /** A tie decision that does not fit the current results (no such tie, wrong count). */
  "invalid_decision",
  /** Scoring must be closed before the result can be revealed. */
  "scoring_still_open",
  /**
   * The candidate is marked 弃权 or 缺席: they cannot be called, scored, evaluated or
   * revealed until the mark is taken back.
   */
  "candidate_marked",
  /**
   * The candidate has a ballot, an abstention or an evaluation, or their result was shown: a
   * candidate who spoke and was scored cannot be marked 弃权 or 缺席.
   */
  "candidate_scored",
  /** This ballot card was voided by the organizer. */
  "card_void",
  /** This card was given a new code (reissued or printed again); the old link is dead. */
  "card_reissued",
  /** The card's round was a rehearsal, and the organizer deleted it: its cards are dead. */
  "round_deleted",
  /** Scores missing, out of range, off the step, or for an unknown criterion. */
  "invalid_scores",
  /** An older revision arrived after a newer one was stored; the newer one stands. */
  "stale_revision",
  /** No such draw in the round. */
  "draw_not_found",
  /** Nothing to draw: the round has no candidates yet. */
  "draw_pool_empty",
  /** This pool was drawn already and its result stands; an order is then set by hand, with a reason. */
  "draw_done",
  /** A newer publication replaced this draw: draw from that one. */
  "draw_superseded",
  /** The round's candidates changed since the pool was published: publish it again. */
  "draw_stale",
  /** The numbers do not fit the draw: one list of numbers per named witness. */
  "draw_sources_mismatch",
  /** Fewer decimal digits of randomness than the draw needs (RFC 3797: log10 of the outcomes + 5). */
  "draw_few_digits",
  /** The post's question bank is not sealed yet: seal it before its draw. */
  "questions_not_sealed",
  /** The post's question bank is sealed: its questions no longer change. */
  "questions_sealed",
  /** The bank has fewer questions than its draw is to take. */
  "questions_too_few",
  /** No such question (or it was deleted, or it was not drawn). */
  "question_not_found",
  /** The same question is already in the round's banks. */
  "question_duplicate",
  /** A speaking order must list every candidate exactly once. */
  "invalid_order",
  /** The request is valid but does not fit the session's current state. */
  "bad_state",
  // Nominations and the qualification review (server/setup/application-handlers.ts).
  /** No such application (or nomination) in this round. */
  "application_not_found",
  /** No one with this staff number in the staff register. */
  "person_not_found",
  /** The post is not in the round's latest published announcement (or none is published). */
  "not_announced",
  /** The person is already nominated for (or applying to) this post in this round. */
  "already_nominated",
  /** 每人限报两个岗位: both of the person's places are taken. */
  "too_many_applications",
  /** The step does not follow from the application's status (e.g. accepting a withdrawn one). */
  "invalid_transition",
  /** The round's qualification review is closed: the names are fixed. */
  "review_closed",
  /** A rejection needs its reason. */
  "reason_required",
  /** Passing an application that fails a condition check needs a written reason. */
  "override_reason_required",
  /** A review decision's reason is longer than 500 characters. */
  "reason_too_long",
  /** The reviewer's staff number is not in the register. */
  "unknown_reviewer",
  /** The reviewer is the applicant or a declared relative (回避): someone else decides. */
  "reviewer_avoidance",
  /** An application still awaits its decision: the review cannot close yet. */
  "review_undecided",
  /** The review is not closed yet: its outcome is not published. */
  "review_not_closed",
  /** Something failed on the server; it is logged there. */
  "internal",
  /** Client-side only: no connection to the server right now. */
  "offline",
  /** Client-side only: the server did not answer in time. */
  "timeout",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One thing wrong in an invalid input. `path` is for programs (0-based, dotted, e.g.
 * "candidates.2.applications"); people read `at` (the thing, by its label and 1-based
 * position) and `problem`, both dictionary keys with params, joined by `file.issue`.
 */
export interface InputIssue {
  path: string;
  at: Message;
  problem: Message;
}

/** Every ack is one of these: expected failures are returned, not thrown. */
export type Result<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: ErrorCode;
      issues?: InputIssue[];
      /** With `rate_limited`: whole seconds until another attempt is counted afresh. */
      retryAfter?: number;
    };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: ErrorCode, issues?: InputIssue[]): Result<never> =>
  issues ? { ok: false, error, issues } : { ok: false, error };
