import type { ErrorCode, Result } from "../../../shared/errors.ts";
import type { JoinSnapshot } from "../../../shared/protocol/commands.ts";
import type { SessionState } from "../../../shared/protocol/state.ts";
import type { RoundConfig } from "../../../shared/round-file.ts";
import { type Connection, connect } from "../lib/connection.svelte.ts";
import { randomId } from "../lib/random-id.ts";
import { readJson, readStored, writeJson, writeStored } from "../lib/storage.ts";
import {
  ABSTAIN,
  type Abstain,
  isBallotBody,
  isChoices,
  isScores,
  Outbox,
  outboxKey,
  outcomeOf,
  type Pending,
  ResendBackoff,
} from "./outbox.ts";

/** Where the card's token lives once takeLinkToken has moved it out of the address bar. */
export const CARD_TOKEN_KEY = "jingpin.card";

/**
 * The democratic evaluation is one submission per card: one slot of its own ledger. The `#`
 * cannot occur in a candidate id, so the per-slot maps below never mix the two up.
 */
export const EVALUATION_SLOT = "#evaluation";

/** Errors after which the page cannot go on: only a new card (or the staff) can help. */
const FATAL: readonly ErrorCode[] = [
  "unauthorized",
  "card_void",
  "card_reissued",
  "round_deleted",
  "round_not_found",
  "forbidden",
];

/** A join that failed for a passing reason is retried; a reconnect also re-joins at once. */
const JOIN_RETRY_MS = 2000;

export type Scores = Record<string, number>;
/** A candidate's slot: the scores submitted, or an abstention (回避) instead of them. */
export type BallotBody = Scores | Abstain;
export { ABSTAIN };
/** Candidate id → evaluation option id; a candidate left blank is absent. */
export type Choices = Record<string, string>;
type Drafts = { ballots: Record<string, Scores>; evaluation: Choices | null };

/** How a submission stands on this phone. */
export type SubmissionStatus<B> =
  | { kind: "none" }
  | { kind: "sending" | "unsent"; body: B }
  | { kind: "submitted"; body: B; receipt: string };

/** Drafts come back from storage that anything may have written: keep what is well-formed. */
function cleanDrafts(raw: unknown): Drafts {
  const out: Drafts = { ballots: {}, evaluation: null };
  if (typeof raw !== "object" || raw === null) return out;
  const { ballots, evaluation } = raw as Record<string, unknown>;
  if (typeof ballots === "object" && ballots !== null) {
    for (const [c, scores] of Object.entries(ballots))
      if (isScores(scores)) out.ballots[c] = scores;
  }
  if (isChoices(evaluation)) out.evaluation = evaluation;
  return out;
}

/**
 * Everything the voter's page knows: the round, the public session state and this card's
 * own ballots and evaluation. It re-joins after every reconnect (the server forgets a
 * socket's round) and then re-sends what is still in the outboxes.
 */
export class PhoneSession {
  readonly conn: Connection;
  round = $state.raw<RoundConfig | null>(null);
  group = $state.raw<string | null>(null);
  state = $state.raw<SessionState | null>(null);
  /** A refusal that ends the session (voided card, unknown link). */
  fatal = $state<ErrorCode | null>(null);
  /** The server's final refusal of the last attempt, per slot, until the next attempt. */
  refusals = $state<Record<string, ErrorCode>>({});
  /** Scores and choices not yet submitted; kept across a reload. */
  drafts = $state<Drafts>({ ballots: {}, evaluation: null });
  /** Slots whose form is open again to revise what was submitted. */
  revising = $state<Record<string, boolean>>({});
  /** Another device holding this card stored a ballot: shown until the voter dismisses it. */
  replaced = $state(false);

  private readonly ballots: Outbox<BallotBody>;
  private readonly evaluations: Outbox<Choices>;
  private readonly draftsKey: string;
  /** Nonce in flight per slot: "sending" is shown only for the latest attempt. */
  private inFlight = $state<Record<string, string>>({});
  /** Bumped after every outbox change: the outboxes are plain TS, this makes reads reactive. */
  private revision = $state(0);
  private flushing: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private resendTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly backoff = new ResendBackoff();
  /** Nonces whose last answer was not definite: the server may have stored them. */
  private readonly uncertain = new Set<string>();

  constructor(token: string) {
    const key = outboxKey(token);
    const store = { read: readStored, write: writeStored };
    this.ballots = new Outbox(store, key, isBallotBody);
    this.evaluations = new Outbox(store, `${key}.evaluation`, isChoices);
    this.draftsKey = `${key}.drafts`;
    this.drafts = cleanDrafts(readJson<unknown>(this.draftsKey));
    this.conn = connect(token);
    this.conn.socket.on("connect", () => void this.join());
    this.conn.socket.on("session:state", (s) => this.applyState(s));
    // Pushed before the server ends the socket: the page says why instead of reconnecting.
    this.conn.socket.on("card:revoked", ({ reason }) => this.stop(reason));
    this.conn.socket.on("ballot:replaced", () => {
      this.replaced = true;
      // The other device's ballot is the one that counts: show it (the join brings `mine`).
      void this.join();
    });
  }

  dismissReplaced(): void {
    this.replaced = false;
  }

  status(candidateId: string): SubmissionStatus<BallotBody> {
    return this.statusIn(this.ballots, candidateId);
  }

  /** Whether the card's slot for the candidate holds an abstention (sent or queued). */
  abstained(candidateId: string): boolean {
    const s = this.status(candidateId);
    return s.kind !== "none" && s.body === ABSTAIN;
  }

  evaluationStatus(): SubmissionStatus<Choices> {
    return this.statusIn(this.evaluations, EVALUATION_SLOT);
  }

  /** Sets a criterion's score, or clears it (null): a ballot missing one is not sent. */
  setScore(candidateId: string, criterionId: string, value: number | null): void {
    const next = { ...this.drafts.ballots[candidateId] };
    if (value === null) delete next[criterionId];
    else next[criterionId] = value;
    this.drafts.ballots[candidateId] = next;
    this.saveDrafts();
  }

  /** Picks an option for a candidate, or clears it (null): a blank casts nothing. */
  setChoice(candidateId: string, option: string | null): void {
    const next = { ...this.drafts.evaluation };
    if (option === null) delete next[candidateId];
    else next[candidateId] = option;
    this.drafts.evaluation = next;
    this.saveDrafts();
  }

  /**
   * Opens the form again, starting from what was last submitted. After an abstention it
   * opens empty: the abstention stands until a ballot replaces it (撤销回避).
   */
  revise(candidateId: string, from: BallotBody): void {
    this.drafts.ballots[candidateId] = from === ABSTAIN ? {} : { ...from };
    this.revising[candidateId] = true;
    this.saveDrafts();
  }

  reviseEvaluation(from: Choices): void {
    this.drafts.evaluation = { ...from };
    this.revising[EVALUATION_SLOT] = true;
    this.saveDrafts();
  }

  cancelRevision(candidateId: string): void {
    delete this.drafts.ballots[candidateId];
    delete this.revising[candidateId];
    this.saveDrafts();
  }

  cancelEvaluationRevision(): void {
    this.drafts.evaluation = null;
    delete this.revising[EVALUATION_SLOT];
    this.saveDrafts();
  }

  /** Queues the ballot in the outbox first, then sends it. */
  async submit(candidateId: string, scores: Scores): Promise<void> {
    const entry = this.ballots.prepare(candidateId, $state.snapshot(scores), randomId());
    delete this.drafts.ballots[candidateId];
    this.startAttempt(candidateId);
    await this.sendBallot(entry);
  }

  /** Abstains (回避) for the candidate: queued and sent like a ballot, in the same slot. */
  async abstain(candidateId: string): Promise<void> {
    const entry = this.ballots.prepare(candidateId, ABSTAIN, randomId());
    delete this.drafts.ballots[candidateId];
    this.startAttempt(candidateId);
    await this.sendBallot(entry);
  }

  async submitEvaluation(choices: Choices): Promise<void> {
    const entry = this.evaluations.prepare(EVALUATION_SLOT, $state.snapshot(choices), randomId());
    this.drafts.evaluation = null;
    this.startAttempt(EVALUATION_SLOT);
    await this.sendEvaluation(entry);
  }

  /** The voter's "retry now": the same submission, unchanged, so it still counts once. */
  retry(candidateId: string): void {
    const pending = this.ballots.pending(candidateId);
    if (pending) void this.sendBallot(pending);
  }

  retryEvaluation(): void {
    const pending = this.evaluations.pending(EVALUATION_SLOT);
    if (pending) void this.sendEvaluation(pending);
  }

  private statusIn<B>(box: Outbox<B>, slot: string): SubmissionStatus<B> {
    void this.revision;
    const pending = box.pending(slot);
    if (pending) {
      const sending = this.inFlight[slot] === pending.nonce;
      return { kind: sending ? "sending" : "unsent", body: pending.body };
    }
    const acked = box.acked(slot);
    return acked
      ? { kind: "submitted", body: acked.body, receipt: acked.receipt }
      : { kind: "none" };
  }

  private startAttempt(slot: string): void {
    delete this.refusals[slot];
    delete this.revising[slot];
    this.saveDrafts();
    this.revision++;
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
    this.applySnapshot(res.data);
    this.backoff.reset();
    await this.flush();
  }

  private applySnapshot(snap: JoinSnapshot): void {
    this.round = snap.round;
    this.group = snap.group;
    // A fresh snapshot is the truth even if its version is lower (the server was reset).
    this.state = snap.state;
    const mine = snap.mine;
    this.ballots.mergeServer(
      mine === null
        ? null
        : Object.fromEntries(
            Object.entries(mine).map(([c, b]) => [
              c,
              { body: b.abstain ? ABSTAIN : b.scores, receipt: b.receipt, seq: b.seq },
            ]),
          ),
    );
    // The server lists the card's own submissions only while the round is open.
    const open = snap.state.status === "open";
    const own = snap.myEvaluation;
    this.evaluations.mergeServer(
      !open
        ? null
        : own
          ? { [EVALUATION_SLOT]: { body: own.choices, receipt: own.receipt, seq: own.seq } }
          : {},
    );
    this.revision++;
  }

  private applyState(next: SessionState): void {
    const current = this.state;
    if (!current || next.roundId !== current.roundId) return;
    if (next.version < current.version) return;
    this.state = next;
  }

  /** Sends everything queued, one at a time; a join during a flush waits for it. */
  private async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = (async () => {
      for (const entry of this.ballots.allPending()) await this.sendBallot(entry);
      for (const entry of this.evaluations.allPending()) await this.sendEvaluation(entry);
    })();
    try {
      await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  private sendBallot(entry: Pending<BallotBody>): Promise<void> {
    const { slot: candidateId, body, nonce, seq } = entry;
    return this.deliver(this.ballots, entry, () =>
      this.conn.call(
        "ballot:submit",
        body === ABSTAIN
          ? { candidateId, abstain: true, nonce, seq }
          : { candidateId, scores: body, nonce, seq },
      ),
    );
  }

  private sendEvaluation(entry: Pending<Choices>): Promise<void> {
    const { body: choices, nonce, seq } = entry;
    return this.deliver(this.evaluations, entry, () =>
      this.conn.call("evaluation:submit", { choices, nonce, seq }),
    );
  }

  private async deliver<B>(
    box: Outbox<B>,
    entry: Pending<B>,
    send: () => Promise<Result<{ receipt: string }>>,
  ): Promise<void> {
    const slot = entry.slot;
    this.inFlight[slot] = entry.nonce;
    const res = await send();
    if (this.inFlight[slot] === entry.nonce) delete this.inFlight[slot];
    const definite = res.ok || outcomeOf(res.error) === "final";
    const wasUncertain = this.uncertain.delete(entry.nonce);
    if (definite) this.backoff.reset();
    if (res.ok) {
      box.acknowledge(entry, res.data.receipt);
    } else if (!definite) {
      // Not a definite answer (see outcomeOf): it may be stored already. Offline: the next
      // join re-sends. Connected: re-send with a growing wait rather than wait for a
      // reconnect that may never come.
      this.uncertain.add(entry.nonce);
      if (this.conn.socket.connected) this.scheduleResend();
    } else {
      box.drop(entry);
      // Only the latest attempt speaks for the slot; an older one was superseded. The
      // refused entry goes back to the form so that nothing the voter entered is lost.
      if (!box.pending(slot)) {
        this.refusals[slot] = res.error;
        if (slot === EVALUATION_SLOT) this.drafts.evaluation = { ...(entry.body as Choices) };
        else if (entry.body !== ABSTAIN) this.drafts.ballots[slot] = { ...(entry.body as Scores) };
        this.saveDrafts();
      }
      // A newer submission from another phone with this card stands, or an earlier attempt
      // whose answer was lost may have been stored before this refusal (scoring closed
      // meanwhile): fetch the card's submissions, so that this page shows what counts.
      if (FATAL.includes(res.error)) this.stop(res.error);
      else if (res.error === "stale_revision" || wasUncertain) void this.join();
    }
    this.revision++;
  }

  private scheduleResend(): void {
    if (this.resendTimer) return;
    this.resendTimer = setTimeout(() => {
      this.resendTimer = null;
      if (this.conn.socket.connected) void this.flush();
    }, this.backoff.next());
  }

  private stop(error: ErrorCode): void {
    this.fatal = error;
    this.conn.socket.disconnect();
  }

  private saveDrafts(): void {
    writeJson(this.draftsKey, $state.snapshot(this.drafts));
  }
}
