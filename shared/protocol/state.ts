import type { TieDecision } from "../round-export.ts";
import type { CandidateMarkKind } from "../scoring/candidate-mark.ts";
import type { CandidateResult, PositionResult } from "../scoring/types.ts";

export type TimerKind = "speech" | "defense";

/** A countdown kept in Redis as absolute server times, so every node and screen agrees. */
export interface TimerState {
  kind: TimerKind;
  durationMs: number;
  /** Server epoch ms when it last started running; null while stopped. */
  startedAt: number | null;
  /** Time left when it was last stopped (equals durationMs before the first start). */
  remainingMs: number;
}

export type WindowState = "open" | "closed";
export type ScreenView =
  | "welcome"
  | "candidate"
  | "result"
  | "evaluation"
  | "ranking"
  | "locked"
  /** A drawn defense question the chair put up (question:show). */
  | "question";
/** The democratic evaluation (民主测评) is one window for all candidates at once. */
export type EvaluationWindow = "pending" | "open" | "closed";

/** A candidate's 弃权 or 缺席 in the session state (candidate:mark), with when it was set. */
export interface SessionMark {
  mark: CandidateMarkKind;
  /** When the organizer or the chair set it (ISO 8601 UTC; pages show China Standard Time). */
  at: string;
}

/** The public session state: sent to every connection of the round, phones included. */
export interface SessionState {
  roundId: string;
  status: "open" | "locked";
  currentCandidateId: string | null;
  timer: TimerState | null;
  /** Scoring window per candidate; a candidate not listed has not been opened yet. */
  windows: Record<string, WindowState>;
  /** Candidates whose results the chair has revealed. */
  revealed: string[];
  /**
   * Candidates whose reveal the chair took back (result:hide): off the projector and the
   * ranking, but their scoring stays closed, since the hall has seen the result.
   */
  hidden: string[];
  /**
   * Candidates marked 弃权 (withdrawn) or 缺席 (absent), by id: skipped by the chair, never
   * scorable on a phone, not in the evaluation, not ranked. Unmarked candidates are absent.
   */
  marks: Record<string, SessionMark>;
  evaluation: EvaluationWindow;
  /** Whether the chair has revealed the evaluation results. */
  evaluationRevealed: boolean;
  screen: ScreenView;
  /** The candidate whose result the screen shows, when screen is "result". */
  shownCandidateId: string | null;
  /** Export digest once locked and the export is stored. */
  digest: string | null;
  /** When the round was locked (ISO 8601 UTC; pages show it in China Standard Time). */
  lockedAt: string | null;
  /**
   * Locked, and the export file is still being built (a node died between the two steps
   * of the lock): any node finishes it. Always false while open.
   */
  exporting: boolean;
  /**
   * Locked, and not yet landed in the records (PostgreSQL): the ballots, decisions and export
   * are still only in Redis. Any node lands them once the records answer. False while open.
   */
  archiving: boolean;
  /**
   * After the lock, whether a rewrite of Redis's append-only file that started after the
   * lock has completed, so no card-keyed ballot write is left on disk. null while open.
   */
  diskPurge: "pending" | "done" | null;
  /** Bumped on every change so a client can drop a state older than the one it has. */
  version: number;
  /** Server clock when this state was sent, for countdown sync. */
  serverNow: number;
}

/** Live progress: how many cards have scored, never what they scored. */
export interface Progress {
  roundId: string;
  /**
   * The round's feed version (shared with ScreenData, increasing): a client drops an
   * update older than the one it has.
   */
  version: number;
  /** Active (not voided) cards per group. */
  cards: Record<string, number>;
  /** Speech ballots per candidate per group. */
  scored: Record<string, Record<string, number>>;
  /**
   * Abstentions (回避) per candidate per group: active cards that chose not to score the
   * candidate. Never in `scored`; a card is in one of the two at most.
   */
  abstained: Record<string, Record<string, number>>;
  /** Cards per group that have submitted a democratic evaluation. */
  evaluated: Record<string, number>;
}

/** What the projector may show beyond the public state: revealed results only. */
export interface ScreenContent {
  roundId: string;
  /** Results of revealed candidates, by candidate id. */
  results: Record<string, CandidateResult>;
  /**
   * Per-position ranking over the revealed candidates, when the chair shows it, with the
   * targets settled by the tie decisions (finalTargets, quotaTies).
   */
  ranking: PositionResult[] | null;
  /** The tie decisions recorded so far, oldest first, voided ones included (quotaTies index them). */
  decisions: TieDecision[];
  /**
   * Evaluation results once revealed: per candidate the evaluation score, counts per option
   * (evaluationCounts, byGroup.evaluation) and favourable rate.
   */
  evaluation: Record<string, CandidateResult> | null;
}

/** A drawn defense question as the projector shows it. */
export interface ShownQuestion {
  postId: string;
  /** Q1, Q2, … of the round's banks. */
  id: string;
  /** Its place among the post's drawn questions, from 1: "第 2 题". */
  number: number;
  text: string;
}

/** ScreenContent as sent, with the round's feed version (see Progress.version). */
export interface ScreenData extends ScreenContent {
  version: number;
  /** The question the chair put on the projector, while the projector's view is "question". */
  question: ShownQuestion | null;
}

export interface CardInfo {
  id: string;
  group: string;
  /** Short human-readable code printed on the card (no secret). */
  code: string;
  status: "active" | "void";
}

/**
 * A card with its secret, in the one reply that made the secret (issue, reissue, print).
 * The server keeps only the secret's SHA-256, so it can never be shown again: printing
 * again makes a new one.
 */
export interface IssuedCard extends CardInfo {
  token: string;
}

/** A voter's own ballots while the round is open (nothing of anyone else's). */
export interface OwnBallot {
  /** Empty for an abstention. */
  scores: Record<string, number>;
  /** Present (true) when the card abstained (回避) for the candidate instead of scoring. */
  abstain?: true;
  receipt: string;
  seq: number;
}

/** A card's own democratic evaluation while the round is open. */
export interface OwnEvaluation {
  /** Candidate id → option id; a candidate left blank is absent. */
  choices: Record<string, string>;
  receipt: string;
  seq: number;
}

/** One line of the audit trail: who did what, never how anyone voted. */
export interface AuditEntry {
  at: string;
  role: "organizer" | "chair";
  action: string;
  /** Candidate, position or card the action concerned, when any. */
  subject: string | null;
  /** Free text the actor gave (a tie decision's reason). */
  note: string | null;
}

export interface RoundSummary {
  id: string;
  title: string;
  /** A rehearsal (演练) round may be deleted at any stage; a formal one only as a draft. */
  kind: "formal" | "rehearsal";
  /** The life cycle in the records: a draft, then the session (rules frozen), then locked. */
  status: "draft" | "session" | "locked";
  /** Locked in the live session, not yet landed in the records (SessionState.archiving). */
  archiving: boolean;
  /** A locked round hidden from the list (round:archive); never deleted. */
  archived: boolean;
  /** SHA-256 of the frozen rules, once the session started. */
  configSha256: string | null;
  createdAt: string;
  startedAt: string | null;
  lockedAt: string | null;
  active: boolean;
  /**
   * On the projector and under way (not locked; a speaker was called, a scoring window or
   * the evaluation was opened): taking the projector from it needs the organizer's yes.
   */
  live: boolean;
  digest: string | null;
}
