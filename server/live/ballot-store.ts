import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { canonicalJson } from "../../shared/canonical-json.ts";
import type { OwnBallot, OwnEvaluation, Progress } from "../../shared/protocol/index.ts";
import type { Abstention, EvaluationBallot, SpeechBallot } from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { defineScript } from "../platform/lua.ts";
import { abstentionReads } from "./abstention-reads.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);
const RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A receipt tells the voter "your ballot is in"; it is random, so it reveals nothing. */
function newReceipt(): string {
  let r = "";
  for (let i = 0; i < 8; i++) r += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${r.slice(0, 4)}-${r.slice(4)}`;
}

export interface SubmitArgs {
  roundId: string;
  cardId: string;
  group: string;
  candidateId: string;
  /** The card's slot for the candidate: a speech ballot, or an abstention (回避) instead. */
  choice: { scores: Record<string, number> } | { abstain: true };
  nonce: string;
  seq: number;
  /** The sending socket: a later ballot from another one is another device's. */
  socketId: string;
}

export interface EvaluationArgs {
  roundId: string;
  cardId: string;
  group: string;
  /** Every candidate of the round, in a fixed order; blanks are absent from choices. */
  candidateIds: string[];
  choices: Record<string, string>;
  nonce: string;
  seq: number;
  socketId: string;
}

type Refusal =
  | "round_locked"
  | "scoring_closed"
  | "evaluation_closed"
  | "card_void"
  | "stale_revision"
  /** A choice for a candidate marked 弃权 or 缺席 (evaluation-submit.lua). */
  | "invalid_choices";
export type SubmitOutcome =
  | { code: "ok" | "duplicate"; receipt: string; flush: boolean; replaced: boolean }
  | { code: Refusal };

type Reply = [string, string?, number?, number?];

function outcome(res: Reply): SubmitOutcome {
  const [code, receipt, flush, replaced] = res;
  if ((code === "ok" || code === "duplicate") && receipt)
    return { code, receipt, flush: flush === 1, replaced: replaced === 1 };
  return { code: code as Refusal };
}

/** "seq|nonce|receipt|socket" (see keys.ts); the socket stays on the server. */
function parseMeta(meta: string): { seq: number; receipt: string } {
  const [seq, , receipt] = meta.split("|");
  return { seq: Number(seq), receipt: receipt ?? "" };
}

/** `tallyDueMs`: the deadline of a tally mark (tally-feed.ts owns it). */
export function createBallotStore(redis: Redis, keys: RedisKeys, tallyDueMs: number) {
  const submitScript = defineScript(redis, "ballot_submit", lua("ballot-submit"), 9);
  const evaluateScript = defineScript(redis, "evaluation_submit", lua("evaluation-submit"));
  const feedScript = defineScript(redis, "feed_version", lua("feed-version"), 2);
  const abstentions = abstentionReads(redis, keys);
  const marks = keys.marks;

  return {
    async submit(a: SubmitArgs): Promise<SubmitOutcome> {
      const { candidateId: candidate, group, choice } = a;
      const abstain = "abstain" in choice;
      // Card-less, like the ballot: the lock moves these values as they are.
      const slot: SpeechBallot | Abstention = abstain
        ? { candidate, group }
        : { candidate, group, scores: choice.scores };
      const res = (await submitScript(
        [
          keys.state(a.roundId),
          keys.windows(a.roundId),
          keys.cardStatus(a.roundId),
          keys.ballots(a.roundId, a.candidateId),
          keys.ballotMeta(a.roundId, a.candidateId),
          keys.scored(a.roundId, a.candidateId),
          keys.tallyDue,
          keys.abstentions(a.roundId, a.candidateId),
          keys.abstentionMeta(a.roundId, a.candidateId),
        ],
        [
          a.cardId,
          a.candidateId,
          canonicalJson(slot),
          a.nonce,
          a.seq,
          newReceipt(),
          a.group,
          tallyDueMs,
          a.roundId,
          a.socketId,
          abstain ? "abstain" : "ballot",
        ],
      )) as Reply;
      return outcome(res);
    },

    async evaluate(a: EvaluationArgs): Promise<SubmitOutcome> {
      const ballots = a.candidateIds.map((c) => {
        const option = a.choices[c];
        const ballot: EvaluationBallot = { candidate: c, group: a.group, option: option ?? "" };
        return option ? canonicalJson(ballot) : "";
      });
      const res = (await evaluateScript(
        [
          keys.state(a.roundId),
          keys.cardStatus(a.roundId),
          keys.evaluationMeta(a.roundId),
          keys.evaluated(a.roundId),
          keys.tallyDue,
          marks(a.roundId),
          ...a.candidateIds.map((c) => keys.evaluations(a.roundId, c)),
        ],
        [
          a.cardId,
          a.nonce,
          a.seq,
          newReceipt(),
          a.group,
          tallyDueMs,
          a.roundId,
          a.socketId,
          ...ballots,
        ],
      )) as Reply;
      return outcome(res);
    },

    /** The card's own current evaluation, so a reloaded phone shows what it chose. */
    async myEvaluation(
      roundId: string,
      cardId: string,
      candidateIds: string[],
    ): Promise<OwnEvaluation | null> {
      const meta = await redis.hget(keys.evaluationMeta(roundId), cardId);
      if (!meta) return null;
      const pipe = redis.pipeline();
      for (const c of candidateIds) pipe.hget(keys.evaluations(roundId, c), cardId);
      const replies = (await pipe.exec()) ?? [];
      const choices: Record<string, string> = {};
      for (const [, raw] of replies) {
        if (typeof raw !== "string") continue;
        const ballot = JSON.parse(raw) as EvaluationBallot;
        choices[ballot.candidate] = ballot.option;
      }
      return { choices, ...parseMeta(meta) };
    },

    /**
     * The card's own current ballots and abstentions, so a reloaded phone shows what it
     * submitted.
     */
    async mine(
      roundId: string,
      cardId: string,
      candidateIds: string[],
    ): Promise<Record<string, OwnBallot>> {
      const pipe = redis.pipeline();
      for (const c of candidateIds) {
        pipe.hget(keys.ballots(roundId, c), cardId);
        pipe.hget(keys.ballotMeta(roundId, c), cardId);
        pipe.hget(keys.abstentionMeta(roundId, c), cardId);
      }
      const replies = (await pipe.exec()) ?? [];
      const out: Record<string, OwnBallot> = {};
      candidateIds.forEach((c, i) => {
        const ballot = replies[3 * i]?.[1] as string | null;
        const meta = replies[3 * i + 1]?.[1] as string | null;
        const abstained = replies[3 * i + 2]?.[1] as string | null;
        if (ballot && meta) {
          out[c] = { scores: (JSON.parse(ballot) as SpeechBallot).scores, ...parseMeta(meta) };
        } else if (abstained) {
          out[c] = { scores: {}, abstain: true, ...parseMeta(abstained) };
        }
      });
      return out;
    },

    /**
     * Progress stamped with the round's feed version, taken before the counts are read
     * (one pipeline, in order). A broadcast takes the next version (`bump`), a join reads
     * the current one: the update with the highest version was read after the last
     * change, so a client can drop any older one.
     */
    async progress(roundId: string, candidateIds: string[], bump = false): Promise<Progress> {
      // One pipeline, in order: the version (never recreated for a round whose lock has
      // landed), then the counts.
      const pipe = redis.pipeline();
      feedScript.queue(pipe, [keys.state(roundId), keys.feedVersion(roundId)], [bump ? "1" : "0"]);
      pipe.hgetall(keys.activeCards(roundId));
      pipe.hgetall(keys.evaluated(roundId));
      abstentions.queue(pipe, roundId, candidateIds);
      // After the lock they are in the final list instead (a round holds one or the other):
      // the final state of a locked round is read from here too.
      pipe.lrange(keys.finalAbstentions(roundId), 0, -1);
      for (const c of candidateIds) pipe.hgetall(keys.scored(roundId, c));
      const replies = (await pipe.exec()) ?? [];
      const counts = (i: number) => {
        const h = (replies[i]?.[1] ?? {}) as Record<string, string>;
        return Object.fromEntries(Object.entries(h).map(([g, n]) => [g, Number(n)]));
      };
      const scored: Progress["scored"] = {};
      candidateIds.forEach((c, i) => {
        scored[c] = counts(i + 5);
      });
      const live = (replies[3]?.[1] ?? []) as string[][];
      const final = (replies[4]?.[1] ?? []) as string[];
      const abstained: Progress["abstained"] = Object.fromEntries(candidateIds.map((c) => [c, {}]));
      for (const raw of [...live.flat(), ...final]) {
        const { group, candidate } = JSON.parse(raw) as Abstention;
        const byGroup = abstained[candidate];
        if (byGroup) byGroup[group] = (byGroup[group] ?? 0) + 1;
      }
      const version = Number(replies[0]?.[1] ?? 0);
      return { roundId, version, cards: counts(1), scored, abstained, evaluated: counts(2) };
    },

    /** All evaluation ballots of a locked round: card-less and sorted. */
    async finalEvaluations(roundId: string): Promise<EvaluationBallot[]> {
      const raw = await redis.lrange(keys.finalEvaluations(roundId), 0, -1);
      return raw.map((r) => JSON.parse(r) as EvaluationBallot);
    },

    /** All abstentions of a locked round: card-less and sorted. */
    async finalAbstentions(roundId: string): Promise<Abstention[]> {
      const raw = await redis.lrange(keys.finalAbstentions(roundId), 0, -1);
      return raw.map((r) => JSON.parse(r) as Abstention);
    },

    /** All ballots of a locked round: card-less and sorted. */
    async finalBallots(roundId: string): Promise<SpeechBallot[]> {
      const raw = await redis.lrange(keys.finalBallots(roundId), 0, -1);
      return raw.map((r) => JSON.parse(r) as SpeechBallot);
    },
  };
}

export type BallotStore = ReturnType<typeof createBallotStore>;
