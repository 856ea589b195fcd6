import type { ErrorCode } from "../../../shared/errors.ts";

/**
 * The phone's ledger of one kind of submission for one card: what is not yet acknowledged
 * (the outbox), what the server acknowledged, and the highest revision number used per slot.
 * A slot is what the server keeps one submission of: a candidate's speech ballot, or the
 * card's democratic evaluation.
 *
 * A submission is written here BEFORE it is sent, so that a reload, a crash of WeChat's
 * browser or a dropped hall Wi-Fi never loses it; it is re-sent unchanged (same nonce and
 * seq), which the server counts once. Plain TypeScript with an injected store so it is
 * unit-tested without a DOM.
 */

/** What the page's storage helpers offer: never throws, null when absent or refused. */
export interface KeyValueStore {
  read(key: string): string | null;
  write(key: string, value: string | null): void;
}

/** One submission exactly as sent (and re-sent). */
export interface Pending<B> {
  slot: string;
  body: B;
  nonce: string;
  seq: number;
}

/** One submission the server stored, as it tells the card (OwnBallot, OwnEvaluation). */
export interface Acked<B> {
  body: B;
  receipt: string;
  seq: number;
}

interface Ledger<B> {
  /** At most one unacknowledged submission per slot: a revision replaces the older one. */
  pending: Record<string, Pending<B>>;
  acked: Record<string, Acked<B>>;
  /** Highest seq this device used or learnt from the server, per slot. */
  seq: Record<string, number>;
}

/** How a failed send ends: kept for a re-send, or dropped for good. */
export type SendOutcome = "retry" | "final";

/**
 * Answers that are not definite: the submission may or may not be stored. `internal` can
 * mean "stored" (Redis dropped the connection after running the script), `timeout` that the
 * answer was lost, `offline` that it was never sent. The same submission (same nonce and
 * seq) is re-sent until a definite answer comes: ok (stored now, or a duplicate of one
 * stored before), or any other code, which is the server's final word on it.
 */
const NOT_DEFINITE: readonly ErrorCode[] = ["offline", "timeout", "internal", "rate_limited"];

export function outcomeOf(error: ErrorCode): SendOutcome {
  return NOT_DEFINITE.includes(error) ? "retry" : "final";
}

/** First wait before re-sending after an answer that was not definite, and the cap. */
export const RESEND_FIRST_MS = 1000;
export const RESEND_MAX_MS = 30_000;

/**
 * Doubling waits between re-sends, capped at RESEND_MAX_MS, each drawn in its upper half so
 * that 300 phones refused by one Redis hiccup do not all come back in the same instant.
 */
export class ResendBackoff {
  private failures = 0;

  constructor(private readonly random: () => number = Math.random) {}

  /** The wait before the next re-send; each call counts one more failure. */
  next(): number {
    const ceiling = Math.min(RESEND_MAX_MS, RESEND_FIRST_MS * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** A definite answer or a fresh connection: the next failure waits the shortest again. */
  reset(): void {
    this.failures = 0;
  }
}

/**
 * A short, stable name for a card's ledgers. The token is already in storage (link-token.ts);
 * hashing it only keeps the key short and keeps a second copy of the secret out of it.
 */
export function outboxKey(token: string): string {
  // FNV-1a, 32 bit: not for security, only to tell cards apart on one phone.
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `jingpin.outbox.${(h >>> 0).toString(36)}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Criterion id → score: the body of a speech ballot. */
export function isScores(x: unknown): x is Record<string, number> {
  return isRecord(x) && Object.values(x).every((v) => typeof v === "number" && Number.isFinite(v));
}

/**
 * The body of an abstention (回避): the card's slot for a candidate holds it instead of
 * scores (ballot:submit with `abstain: true`). A string, so it is never taken for scores.
 */
export const ABSTAIN = "abstain";
export type Abstain = typeof ABSTAIN;

/** What a candidate's slot holds: the scores of a speech ballot, or an abstention. */
export function isBallotBody(x: unknown): x is Record<string, number> | Abstain {
  return x === ABSTAIN || isScores(x);
}

/** Candidate id → option id: the body of a democratic evaluation. */
export function isChoices(x: unknown): x is Record<string, string> {
  return isRecord(x) && Object.values(x).every((v) => typeof v === "string");
}

export class Outbox<B> {
  // The in-memory copy is the truth; storage is a write-through backup, so the page keeps
  // working for the session when the browser refuses storage.
  private ledger: Ledger<B>;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
    private readonly isBody: (x: unknown) => x is B,
  ) {
    this.ledger = this.parse(store.read(key));
  }

  pending(slot: string): Pending<B> | null {
    return this.ledger.pending[slot] ?? null;
  }

  allPending(): Pending<B>[] {
    return Object.values(this.ledger.pending);
  }

  acked(slot: string): Acked<B> | null {
    return this.ledger.acked[slot] ?? null;
  }

  /** Queues a new submission (or revision) with the next seq, persisted before it is sent. */
  prepare(slot: string, body: B, nonce: string): Pending<B> {
    const seq = this.highestSeq(slot) + 1;
    const entry: Pending<B> = { slot, body: copyOf(body), nonce, seq };
    this.ledger.pending[slot] = entry;
    this.ledger.seq[slot] = seq;
    this.save();
    return entry;
  }

  /** The server stored it (or already had it): it leaves the outbox. */
  acknowledge(entry: Pending<B>, receipt: string): void {
    const current = this.ledger.acked[entry.slot];
    if (!current || current.seq <= entry.seq) {
      this.ledger.acked[entry.slot] = { body: copyOf(entry.body), receipt, seq: entry.seq };
    }
    this.removeIfSame(entry);
    this.save();
  }

  /** The server refused it for good: re-sending would only be refused again. */
  drop(entry: Pending<B>): void {
    this.removeIfSame(entry);
    this.save();
  }

  /**
   * After a join: the server's list of this card's submissions is the truth about what
   * counts (one this phone remembers but the server lacks must not be shown as submitted);
   * null when the server did not say (a locked round). Seqs only grow, so a revision never
   * reuses a number the server has seen.
   */
  mergeServer(server: Record<string, Acked<B>> | null): void {
    if (server === null) return;
    const acked: Record<string, Acked<B>> = {};
    for (const [slot, a] of Object.entries(server)) {
      acked[slot] = { body: copyOf(a.body), receipt: a.receipt, seq: a.seq };
      this.ledger.seq[slot] = Math.max(this.ledger.seq[slot] ?? 0, a.seq);
    }
    this.ledger.acked = acked;
    this.save();
  }

  private highestSeq(slot: string): number {
    return Math.max(
      this.ledger.seq[slot] ?? 0,
      this.ledger.acked[slot]?.seq ?? 0,
      this.ledger.pending[slot]?.seq ?? 0,
    );
  }

  /** A newer revision queued meanwhile stays queued. */
  private removeIfSame(entry: Pending<B>): void {
    const queued = this.ledger.pending[entry.slot];
    if (queued && queued.nonce === entry.nonce) delete this.ledger.pending[entry.slot];
  }

  private save(): void {
    this.store.write(this.key, JSON.stringify(this.ledger));
  }

  /** Storage may hold anything (an older version, a hand edit): keep what is well-formed. */
  private parse(raw: string | null): Ledger<B> {
    const ledger: Ledger<B> = { pending: {}, acked: {}, seq: {} };
    let data: unknown = null;
    try {
      data = raw === null ? null : JSON.parse(raw);
    } catch {
      // Unreadable: start empty.
    }
    if (!isRecord(data)) return ledger;
    const seqOk = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
    for (const [slot, v] of entries(data.pending)) {
      if (isRecord(v) && v.slot === slot && typeof v.nonce === "string" && seqOk(v.seq)) {
        if (this.isBody(v.body))
          ledger.pending[slot] = { slot, body: v.body, nonce: v.nonce, seq: v.seq };
      }
    }
    for (const [slot, v] of entries(data.acked)) {
      if (isRecord(v) && typeof v.receipt === "string" && seqOk(v.seq) && this.isBody(v.body)) {
        ledger.acked[slot] = { body: v.body, receipt: v.receipt, seq: v.seq };
      }
    }
    for (const [slot, v] of entries(data.seq)) if (seqOk(v)) ledger.seq[slot] = v;
    return ledger;
  }
}

function entries(x: unknown): [string, unknown][] {
  return isRecord(x) ? Object.entries(x) : [];
}

/** Bodies are flat JSON records; a copy keeps later edits of a draft out of the ledger. */
function copyOf<B>(body: B): B {
  return JSON.parse(JSON.stringify(body)) as B;
}
