import type { ErrorCode } from "../../../shared/errors.ts";
import type { OwnBallot } from "../../../shared/protocol/state.ts";

/**
 * The phone's ballot ledger for one card: ballots not yet acknowledged (the outbox), the
 * ones the server acknowledged, and the highest revision number used per candidate.
 *
 * A ballot is written here BEFORE it is sent, so that a reload, a crash of WeChat's browser
 * or a dropped hall Wi-Fi never loses it; it is re-sent unchanged (same nonce and seq), which
 * the server counts once. Plain TypeScript with an injected store so it is unit-tested
 * without a DOM.
 */

/** What the page's storage helpers offer: never throws, null when absent or refused. */
export interface KeyValueStore {
  read(key: string): string | null;
  write(key: string, value: string | null): void;
}

/** One `ballot:submit` payload, exactly as sent (and re-sent). */
export interface PendingBallot {
  candidateId: string;
  scores: Record<string, number>;
  nonce: string;
  seq: number;
}

interface Ledger {
  /** At most one unacknowledged ballot per candidate: a revision replaces the older one. */
  pending: Record<string, PendingBallot>;
  acked: Record<string, OwnBallot>;
  /** Highest seq this device used or learnt from the server, per candidate. */
  seq: Record<string, number>;
}

/** How a failed send ends: kept for a re-send, or dropped for good. */
export type SendOutcome = "retry" | "final";

/**
 * Failures that say nothing about the ballot itself (no network, no answer, a server
 * hiccup): the same ballot is re-sent after the next join. Every other code is the
 * server's final word on this ballot.
 */
const RETRYABLE: readonly ErrorCode[] = ["offline", "timeout", "internal", "rate_limited"];

export function outcomeOf(error: ErrorCode): SendOutcome {
  return RETRYABLE.includes(error) ? "retry" : "final";
}

/**
 * A short, stable name for a card's ledger. The token is already in storage (link-token.ts);
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

/** Storage may hold anything (an older version, a hand edit): keep only what is well-formed. */
function parseLedger(raw: string | null): Ledger {
  const empty: Ledger = { pending: {}, acked: {}, seq: {} };
  if (raw === null) return empty;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return empty;
  }
  if (!isRecord(data)) return empty;
  const pick = <T>(field: string, ok: (v: unknown) => v is T): Record<string, T> => {
    const out: Record<string, T> = {};
    const src = data[field];
    if (isRecord(src)) for (const [k, v] of Object.entries(src)) if (ok(v)) out[k] = v;
    return out;
  };
  return {
    pending: pick("pending", isPending),
    acked: pick("acked", isOwnBallot),
    seq: pick("seq", (v): v is number => Number.isInteger(v) && (v as number) >= 0),
  };
}

function isScores(x: unknown): x is Record<string, number> {
  return isRecord(x) && Object.values(x).every((v) => typeof v === "number");
}

function isPending(x: unknown): x is PendingBallot {
  return (
    isRecord(x) &&
    typeof x.candidateId === "string" &&
    typeof x.nonce === "string" &&
    Number.isInteger(x.seq) &&
    isScores(x.scores)
  );
}

function isOwnBallot(x: unknown): x is OwnBallot {
  return (
    isRecord(x) && typeof x.receipt === "string" && Number.isInteger(x.seq) && isScores(x.scores)
  );
}

export class Outbox {
  // The in-memory copy is the truth; storage is a write-through backup, so the page keeps
  // working for the session when the browser refuses storage.
  private ledger: Ledger;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {
    this.ledger = parseLedger(store.read(key));
  }

  pending(candidateId: string): PendingBallot | null {
    return this.ledger.pending[candidateId] ?? null;
  }

  allPending(): PendingBallot[] {
    return Object.values(this.ledger.pending);
  }

  acked(candidateId: string): OwnBallot | null {
    return this.ledger.acked[candidateId] ?? null;
  }

  /** Queues a new ballot (or revision) with the next seq, persisted before it is sent. */
  prepare(candidateId: string, scores: Record<string, number>, nonce: string): PendingBallot {
    const seq = this.highestSeq(candidateId) + 1;
    const entry: PendingBallot = { candidateId, scores: { ...scores }, nonce, seq };
    this.ledger.pending[candidateId] = entry;
    this.ledger.seq[candidateId] = seq;
    this.save();
    return entry;
  }

  /** The server stored it (or already had it): it leaves the outbox. */
  acknowledge(entry: PendingBallot, receipt: string): void {
    const c = entry.candidateId;
    const current = this.ledger.acked[c];
    if (!current || current.seq <= entry.seq) {
      this.ledger.acked[c] = { scores: { ...entry.scores }, receipt, seq: entry.seq };
    }
    this.removeIfSame(entry);
    this.save();
  }

  /** The server refused it for good: re-sending would only be refused again. */
  drop(entry: PendingBallot): void {
    this.removeIfSame(entry);
    this.save();
  }

  /**
   * After a join: the server's list of this card's ballots is the truth about what counts
   * (a ballot this phone remembers but the server lacks must not be shown as submitted).
   * Seqs only grow, so a revision never reuses a number the server has seen.
   */
  mergeServer(mine: Record<string, OwnBallot> | null): void {
    if (mine === null) return;
    const acked: Record<string, OwnBallot> = {};
    for (const [c, ballot] of Object.entries(mine)) {
      acked[c] = { scores: { ...ballot.scores }, receipt: ballot.receipt, seq: ballot.seq };
      this.ledger.seq[c] = Math.max(this.ledger.seq[c] ?? 0, ballot.seq);
    }
    this.ledger.acked = acked;
    this.save();
  }

  private highestSeq(candidateId: string): number {
    return Math.max(
      this.ledger.seq[candidateId] ?? 0,
      this.ledger.acked[candidateId]?.seq ?? 0,
      this.ledger.pending[candidateId]?.seq ?? 0,
    );
  }

  /** A newer revision queued meanwhile stays queued. */
  private removeIfSame(entry: PendingBallot): void {
    const queued = this.ledger.pending[entry.candidateId];
    if (queued && queued.nonce === entry.nonce) delete this.ledger.pending[entry.candidateId];
  }

  private save(): void {
    this.store.write(this.key, JSON.stringify(this.ledger));
  }
}
