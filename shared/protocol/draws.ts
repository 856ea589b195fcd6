import type { DrawPurpose, DrawRecord } from "../draw/draw-record.ts";

/**
 * The public draws and the question bank as the staff pages see them (docs/draw.md). A
 * draw's pool, digest and witnesses are public from its publication on, its record once
 * drawn; a bank's questions are the organizer's alone until drawn, and then only the drawn
 * ones go to the chair, the observer and (one at a time, when shown) the projector.
 */

/** A draw from its publication on: its published inputs, then its record. */
export interface PublishedDraw {
  roundId: string;
  /** 1, 2, … per round. */
  id: number;
  purpose: DrawPurpose;
  /** The post whose questions are drawn; null for the speaking order. */
  postId: string | null;
  /** The items in the published order (candidate ids, or question ids Q1, Q2, …). */
  pool: string[];
  /** SHA-256 of the pool's canonical JSON, as published. */
  poolDigest: string;
  picks: number;
  /** Decimal digits of randomness the witnesses must give in all (RFC 3797: log10 + 5). */
  digitsNeeded: number;
  /** Who gives each source of numbers, in the announced order. */
  witnesses: string[];
  publishedAt: string;
  /** The jingpin-draw/1 record, once the witnesses' numbers are in. */
  record: DrawRecord | null;
  drawnAt: string | null;
  /**
   * When a newer publication replaced it: before it was drawn (a witness named anew, say),
   * or, for a speaking order, after the round's candidates changed.
   */
  supersededAt: string | null;
}

/** A speaking order set by hand instead of drawn, with the reason given. */
export interface ManualOrder {
  order: string[];
  reason: string;
  setAt: string;
}

export interface DrawList {
  /** Every draw of the round, oldest first, superseded ones included. */
  draws: PublishedDraw[];
  /** Every order set by hand, oldest first. */
  manualOrders: ManualOrder[];
  /** The speaking order in force (the round file's), or null when none is set. */
  speakingOrder: string[] | null;
}

/** What the projector's draw page shows: the draw, with the names its items stand for. */
export interface PublicDraw extends PublishedDraw {
  roundTitle: string;
  /** The post's title, for a questions draw. */
  postTitle: string | null;
  /** Candidate id → name for a speaking order; empty for questions (their words stay sealed). */
  labels: Record<string, string>;
}

/** One state of a question: as written, each edit, and its deletion. */
export interface QuestionEdit {
  version: number;
  action: "created" | "edited" | "deleted";
  text: string;
  /** Who, as entered. */
  by: string;
  at: string;
}

export interface BankQuestion {
  /** Q1, Q2, … per round. */
  id: string;
  postId: string;
  text: string;
  /** Who wrote it, as entered. */
  author: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  /** Every state, oldest first. */
  history: QuestionEdit[];
}

export interface BankSeal {
  postId: string;
  /** How many questions its draw takes (3–5). */
  count: number;
  /** SHA-256 of the bank's canonical JSON (shared/draw/draw-pool.ts bankBody): published. */
  sha256: string;
  /** The sealed questions' ids in question order: the pool of the post's draw. */
  questionIds: string[];
  sealedAt: string;
}

/** A post's bank for the organizer: its questions (deleted ones left out), seal and draw. */
export interface QuestionBank {
  postId: string;
  questions: BankQuestion[];
  seal: BankSeal | null;
  /** The ids drawn, in the order drawn; null until drawn. */
  drawn: string[] | null;
}

/** A drawn question as the chair reads it out. */
export interface DrawnQuestion {
  id: string;
  text: string;
}
