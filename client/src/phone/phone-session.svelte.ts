import type { ErrorCode } from "../../../shared/errors.ts";
import type { OwnBallot, SessionState } from "../../../shared/protocol/state.ts";
import type { RoundConfig } from "../../../shared/round-file.ts";
import { type Connection, connect } from "../lib/connection.svelte.ts";
import { randomId } from "../lib/random-id.ts";
import { readJson, readStored, writeJson, writeStored } from "../lib/storage.ts";
import { Outbox, outboxKey, outcomeOf, type PendingBallot } from "./outbox.ts";

/** Where the card's token lives once takeLinkToken has moved it out of the address bar. */
export const CARD_TOKEN_KEY = "jingpin.card";

/** Errors after which the page cannot go on: only a new card (or the staff) can help. */
const FATAL: readonly ErrorCode[] = ["unauthorized", "card_void", "round_not_found", "forbidden"];

/** A join that failed for a passing reason is retried; a reconnect also re-joins at once. */
const JOIN_RETRY_MS = 2000;

type Drafts = Record<string, Record<string, number>>;

/** How a candidate's latest ballot stands on this phone. */
export type BallotStatus =
  | { kind: "none" }
  | { kind: "sending"; ballot: PendingBallot }
  | { kind: "unsent"; ballot: PendingBallot }
  | { kind: "submitted"; ballot: OwnBallot };

/** Drafts come back from storage that anything may have written: keep numbers only. */
function cleanDrafts(raw: unknown): Drafts {
  const out: Drafts = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const [c, scores] of Object.entries(raw)) {
    if (typeof scores !== "object" || scores === null) continue;
    const kept: Record<string, number> = {};
    for (const [r, v] of Object.entries(scores)) if (Number.isFinite(v)) kept[r] = v as number;
    out[c] = kept;
  }
  return out;
}

/**
 * Everything the voter's page knows: the round, the public session state and this card's
 * own ballots. It re-joins after every reconnect (the server forgets a socket's round) and
 * then re-sends the outbox.
 */
export class PhoneSession {
  readonly conn: Connection;
  round = $state.raw<RoundConfig | null>(null);
  group = $state.raw<string | null>(null);
  state = $state.raw<SessionState | null>(null);
  /** A refusal that ends the session (voided card, unknown link). */
  fatal = $state<ErrorCode | null>(null);
  /** The server's last final refusal of a ballot, per candidate, until the next attempt. */
  refusals = $state<Record<string, ErrorCode>>({});
  /** Criteria scored but not yet submitted, per candidate; kept across a reload. */
  drafts = $state<Drafts>({});
  /** Candidates whose form is open again to revise a submitted ballot. */
  revising = $state<Record<string, boolean>>({});

  private readonly outbox: Outbox;
  private readonly draftsKey: string;
  /** Nonce in flight per candidate: "sending" is shown only for the latest attempt. */
  private inFlight = $state<Record<string, string>>({});
  /** Bumped after every outbox change: the outbox is plain TS, this makes reads reactive. */
  private revision = $state(0);
  private flushing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(token: string) {
    const key = outboxKey(token);
    this.outbox = new Outbox({ read: readStored, write: writeStored }, key);
    this.draftsKey = `${key}.drafts`;
    this.drafts = cleanDrafts(readJson<unknown>(this.draftsKey));
    this.conn = connect(token);
    this.conn.socket.on("connect", () => void this.join());
    this.conn.socket.on("session:state", (s) => this.applyState(s));
  }

  status(candidateId: string): BallotStatus {
    void this.revision;
    const pending = this.outbox.pending(candidateId);
    if (pending) {
      const sending = this.inFlight[candidateId] === pending.nonce;
      return { kind: sending ? "sending" : "unsent", ballot: pending };
    }
    const acked = this.outbox.acked(candidateId);
    return acked ? { kind: "submitted", ballot: acked } : { kind: "none" };
  }

  setScore(candidateId: string, criterionId: string, value: number): void {
    this.drafts[candidateId] = { ...this.drafts[candidateId], [criterionId]: value };
    this.saveDrafts();
  }

  /** Opens the form again, starting from the scores last submitted. */
  revise(candidateId: string, from: Record<string, number>): void {
    this.drafts[candidateId] = { ...from };
    this.revising[candidateId] = true;
    this.saveDrafts();
  }

  cancelRevision(candidateId: string): void {
    delete this.drafts[candidateId];
    delete this.revising[candidateId];
    this.saveDrafts();
  }

  /** Queues the ballot in the outbox first, then sends it. */
  async submit(candidateId: string, scores: Record<string, number>): Promise<void> {
    const entry = this.outbox.prepare(candidateId, $state.snapshot(scores), randomId());
    delete this.refusals[candidateId];
    delete this.revising[candidateId];
    delete this.drafts[candidateId];
    this.saveDrafts();
    this.revision++;
    await this.send(entry);
  }

  /** The voter's "retry now": the same ballot, unchanged, so it still counts once. */
  retry(candidateId: string): void {
    const pending = this.outbox.pending(candidateId);
    if (pending) void this.send(pending);
  }

  private async join(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const res = await this.conn.call("session:join", {});
    if (!res.ok) {
      if (FATAL.includes(res.error)) this.stop(res.error);
      else if (this.conn.socket.connected) {
        this.retryTimer = setTimeout(() => void this.join(), JOIN_RETRY_MS);
      }
      return;
    }
    const snap = res.data;
    this.round = snap.round;
    this.group = snap.group;
    // A fresh snapshot is the truth even if its version is lower (the server was reset).
    this.state = snap.state;
    this.outbox.mergeServer(snap.mine);
    this.revision++;
    await this.flush();
  }

  private applyState(next: SessionState): void {
    const current = this.state;
    if (!current || next.roundId !== current.roundId) return;
    if (next.version < current.version) return;
    this.state = next;
  }

  /** Sends every queued ballot, one at a time; a join during a flush waits for it. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = (async () => {
      for (const entry of this.outbox.allPending()) await this.send(entry);
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private async send(entry: PendingBallot): Promise<void> {
    const c = entry.candidateId;
    this.inFlight[c] = entry.nonce;
    const { candidateId, scores, nonce, seq } = entry;
    const res = await this.conn.call("ballot:submit", { candidateId, scores, nonce, seq });
    if (this.inFlight[c] === entry.nonce) delete this.inFlight[c];
    if (res.ok) {
      this.outbox.acknowledge(entry, res.data.receipt);
    } else if (outcomeOf(res.error) === "final") {
      this.outbox.drop(entry);
      // Only the latest attempt speaks for the candidate; an older one was superseded.
      if (!this.outbox.pending(c)) {
        this.refusals[c] = res.error;
        this.drafts[c] = { ...entry.scores };
        this.saveDrafts();
      }
      if (res.error === "card_void") this.stop(res.error);
    }
    this.revision++;
  }

  private stop(error: ErrorCode): void {
    this.fatal = error;
    this.conn.socket.disconnect();
  }

  private saveDrafts(): void {
    writeJson(this.draftsKey, $state.snapshot(this.drafts));
  }
}
