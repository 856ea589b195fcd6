import type {
  Candidate,
  Criterion,
  EvaluationOption,
  Group,
  Method,
  Position,
} from "../round-file.ts";
import type { CandidateMarkKind } from "./candidate-mark.ts";

/** One speech ballot as it is tallied and exported: no card, no voter, no time. */
export interface SpeechBallot {
  group: string;
  candidate: string;
  scores: Record<string, number>;
}

/**
 * A card's abstention (回避) for one candidate: the voter chose not to score them (a
 * relative, say). Counted apart; it is not a speech ballot and enters no score.
 */
export interface Abstention {
  group: string;
  candidate: string;
}

/**
 * A candidate marked 弃权 (withdrawn) or 缺席 (absent) by the organizer or the chair, with
 * the time of that staff action (not a voter's). They hold no ballot, abstention or
 * evaluation, and are not ranked.
 */
export interface CandidateMark {
  candidate: string;
  mark: CandidateMarkKind;
  /** ISO 8601 UTC. */
  at: string;
}

/** One democratic-evaluation ballot for one candidate. */
export interface EvaluationBallot {
  group: string;
  candidate: string;
  option: string;
}

export interface ScoringInput {
  rubric: Criterion[];
  groups: Group[];
  evaluationOptions: EvaluationOption[];
  method: Method;
  positions: Position[];
  candidates: Candidate[];
  ballots: SpeechBallot[];
  evaluations: EvaluationBallot[];
  /** Abstentions (回避): counted per candidate, never scored; none when absent. */
  abstentions?: Abstention[];
  /** Candidates marked 弃权 or 缺席: left out of every ranking; none when absent. */
  marks?: CandidateMark[];
  /** The chair's tie decisions, oldest first (settle.ts); none: every tie stays open. */
  decisions?: readonly TieDecisionLike[];
}

/** What the count reads of a tie decision (the full record is round-export.ts's TieDecision). */
export interface TieDecisionLike {
  positionId: string;
  /** The tied candidates chosen as targets. */
  chosen: string[];
  /** The tie the decision was taken on; absent in files of format /1. */
  tied?: string[];
  /** Set when reopening scoring for a tied candidate voided the decision. */
  voided?: { at: string; candidateId: string };
}

/** A tie at a position's quota edge met while settling the targets (settle.ts). */
export interface QuotaTie {
  /** The tied candidates the position held beyond its quota, in ranking order. */
  tied: string[];
  /** How many of them fit the quota: the number a decision must choose. */
  seats: number;
  /** Index in the decisions of the one that settled the tie; null while it is open. */
  decision: number | null;
}

export interface GroupSpeech {
  group: string;
  /** Ballots cast by the group, before trimming. */
  ballots: number;
  /** Ballots kept after trimming. */
  kept: number;
  /** m_g: mean of the kept totals, on the rubric's raw scale (0..T). */
  mean: number;
  /** Per-criterion means over the same kept ballots. */
  criteria: Record<string, number>;
}

export interface GroupEvaluation {
  group: string;
  /** Ballots per option id (不了解 included). */
  counts: Record<string, number>;
  /** All evaluation ballots of the group, 不了解 included. */
  cast: number;
  /** e_g: mean points over ballots whose option has points; null when there is none. */
  mean: number | null;
}

export interface CandidateResult {
  id: string;
  /** 100-point scale; null without any ballot. */
  speech: number | null;
  evaluation: number | null;
  composite: number | null;
  /** Speech ballots before trimming. */
  ballots: number;
  /** Evaluation ballots, 不了解 included. */
  evaluationsCast: number;
  /** Abstentions (回避) of cards that chose not to score the candidate; not in `ballots`. */
  abstentions: number;
  /**
   * 弃权 (withdrawn) or 缺席 (absent): the candidate took no part, so every score is null
   * and they are in no ranking; null for a candidate who took part.
   */
  mark: CandidateMarkKind | null;
  favourableRate: number | null;
  byGroup: { speech: GroupSpeech[]; evaluation: GroupEvaluation[] };
  /** Weighted per-criterion means on each criterion's own scale (null without ballots). */
  criteria: Record<string, number | null>;
  /** Evaluation ballots per option over all groups. */
  evaluationCounts: Record<string, number>;
}

export interface PositionResult {
  id: string;
  /** Ranked candidate ids; tied candidates in code point order of their ids. */
  ranking: string[];
  /** Each set of two or more mutually tied candidates, in ranking order. */
  ties: string[][];
  /** Inspection targets (考察对象) in ranking order. */
  targets: string[];
  /** q_p = ceil(seats × inspectionRatio). */
  quota: number;
  /** True when a tie at the quota edge made the position hold more than its quota. */
  edgeTie: boolean;
  /**
   * The targets once the chair's tie decisions are applied (settle.ts), in ranking order:
   * the ones the hall, the results sheet and the recount name.
   */
  finalTargets: string[];
  /** The ties met at the quota edge while settling: decided ones, then an open one. */
  quotaTies: QuotaTie[];
}

export interface Results {
  candidates: CandidateResult[];
  positions: PositionResult[];
}
