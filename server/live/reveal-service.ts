import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type {
  CandidateResult,
  EvaluationBallot,
  SpeechBallot,
} from "../../shared/scoring/types.ts";
import { outboxRecord } from "../platform/audit-store.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript } from "../platform/lua.ts";
import type { RoundRecords } from "../records/round-records.ts";
import { byId, compute, resultReads } from "./result-service.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);
const parse = <T>(raw: string[]) => raw.map((r) => JSON.parse(r) as T);

/** A script answers 'stale' when what the result was computed from changed meanwhile. */
const ATTEMPTS = 5;
type RevealCode =
  | "round_locked"
  | "scoring_still_open"
  | "bad_state"
  | "candidate_not_found"
  | "candidate_marked";

/**
 * What the hall is shown of the results, and taking it back. Node computes a result from a
 * read (the scoring rules live in shared/); one script then checks, in the same step as it
 * stores, that nothing it was computed from changed, and writes the audit entry.
 */
export function createRevealService(
  redis: Redis,
  keys: RedisKeys,
  readExport: (roundId: string) => Promise<RoundExport | null>,
  records: RoundRecords,
) {
  const scripts = {
    reveal: defineAuditedScript(redis, "result_reveal", lua("result-reveal")),
    hide: defineAuditedScript(redis, "result_hide", lua("result-hide")),
    evaluation: defineAuditedScript(redis, "evaluation_reveal", lua("evaluation-reveal")),
  };
  const { readHash, liveAbstentions, liveMarks } = resultReads(redis, keys);
  const marks = keys.marks;

  /** The candidate's result as it would be revealed now, and the counts it rests on. */
  async function read(roundId: string, config: RoundConfig, candidateId: string) {
    const exported = await readExport(roundId);
    if (exported) {
      const final = exported.results.candidates.find((c) => c.id === candidateId);
      if (!final) return fail("candidate_not_found");
      // 弃权 or 缺席: the final results hold no score of theirs to show.
      if (final.mark) return fail("candidate_marked");
      return ok({ result: final, final: true, ballots: 0, evaluations: 0, phase: "1" });
    }
    // One transaction, so the counts and the ballots are of the same moment.
    const [[, status], [, window], [, phase], [, ballots], [, evaluations], [, marked]] =
      ((await redis
        .multi()
        .hget(keys.state(roundId), "status")
        .hget(keys.windows(roundId), candidateId)
        .hget(keys.state(roundId), "evaluationRevealed")
        .hvals(keys.ballots(roundId, candidateId))
        .hvals(keys.evaluations(roundId, candidateId))
        .hexists(marks(roundId), candidateId)
        .exec()) ?? []) as [unknown, unknown][] as [
        [unknown, string | null],
        [unknown, string | null],
        [unknown, string | null],
        [unknown, string[]],
        [unknown, string[]],
        [unknown, number],
      ];
    if (status === "locked") return fail("round_locked");
    if (marked === 1) return fail("candidate_marked");
    if (window === "open") return fail("scoring_still_open");
    if (window !== "closed") return fail("bad_state");
    // Once the evaluation is out, a result revealed later carries its composite too.
    const withEvaluations = phase === "1";
    const ids = new Set([candidateId]);
    const used = withEvaluations ? parse<EvaluationBallot>(evaluations) : [];
    // Outside the transaction: with scoring closed, only a card void changes them, and the
    // count (informative; it changes no score) is as of this read. The export's is final.
    const abstentions = await liveAbstentions(roundId, [candidateId]);
    const result = compute(config, ids, parse(ballots), used, [], abstentions).candidates[0];
    if (!result) return fail("candidate_not_found");
    return ok({
      result,
      final: false,
      ballots: ballots.length,
      evaluations: evaluations.length,
      phase: withEvaluations ? "1" : "0",
    });
  }

  return {
    /** What revealing would show, without showing it (the chair's confirmation). */
    async preview(
      roundId: string,
      config: RoundConfig,
      candidateId: string,
    ): Promise<Result<CandidateResult>> {
      const res = await read(roundId, config, candidateId);
      return res.ok ? ok(res.data.result) : res;
    },

    async reveal(
      roundId: string,
      config: RoundConfig,
      candidateId: string,
      audit: AuditWrite,
    ): Promise<Result<CandidateResult>> {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const res = await read(roundId, config, candidateId);
        if (!res.ok) return res;
        const r = res.data;
        const code = (await scripts.reveal(
          [
            keys.state(roundId),
            keys.windows(roundId),
            keys.ballots(roundId, candidateId),
            keys.evaluations(roundId, candidateId),
            keys.revealed(roundId),
            marks(roundId),
          ],
          [
            candidateId,
            JSON.stringify(r.result),
            r.final ? "1" : "0",
            r.ballots,
            r.evaluations,
            r.phase,
          ],
          audit,
        )) as "ok" | "stale" | "landed" | RevealCode;
        if (code === "ok") return ok(r.result);
        if (code === "landed") {
          // The lock has landed: the records show the final result, with the entry in the
          // same transaction.
          const shown = await records.changeDisplay(
            roundId,
            { reveal: candidateId },
            outboxRecord(audit),
          );
          return shown ? ok(r.result) : fail("round_not_found");
        }
        if (code !== "stale") return fail(code);
      }
      return fail("bad_state");
    },

    /** Resolves whether the ranking had been computed (it must be computed again). */
    async hide(
      roundId: string,
      candidateId: string,
      audit: AuditWrite,
    ): Promise<Result<{ rankingCached: boolean }>> {
      const [code, cached] = (await scripts.hide(
        [keys.state(roundId), keys.revealed(roundId), keys.ranking(roundId)],
        [candidateId],
        audit,
      )) as [string, string?];
      if (code !== "ok") return fail(code as "round_locked" | "bad_state");
      return ok({ rankingCached: cached === "1" });
    },

    /** Reveals the democratic evaluation of every candidate (evaluation closed). */
    async revealEvaluation(
      roundId: string,
      config: RoundConfig,
      audit: AuditWrite,
    ): Promise<Result<Record<string, CandidateResult>>> {
      const exported = await readExport(roundId);
      // 弃权 and 缺席 are not in the evaluation (phones do not offer them).
      if (exported) return ok(byId(exported.results.candidates.filter((c) => !c.mark)));
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const marked = (await liveMarks(roundId)).map((m) => m.candidate);
        const ids = config.candidates.map((c) => c.id).filter((id) => !marked.includes(id));
        const revealed = Object.keys(await readHash(keys.revealed(roundId))).sort();
        // One transaction, so the counts the script checks are those of the ballots used.
        const pipe = redis.multi();
        for (const id of ids) pipe.hvals(keys.evaluations(roundId, id));
        for (const id of revealed) pipe.hvals(keys.ballots(roundId, id));
        const replies = ((await pipe.exec()) ?? []).map(([, v]) => v as string[]);
        const perCandidate = replies.slice(0, ids.length);
        const perRevealed = replies.slice(ids.length);
        const evaluations = parse<EvaluationBallot>(perCandidate.flat());
        const results = byId(compute(config, new Set(ids), [], evaluations).candidates);
        // The candidates already revealed now get their composite (speech and evaluation).
        const ballots = parse<SpeechBallot>(perRevealed.flat());
        const abstentions = await liveAbstentions(roundId, revealed);
        const combined = compute(
          config,
          new Set(revealed),
          ballots,
          evaluations,
          [],
          abstentions,
        ).candidates;
        const payload = {
          evalCounts: perCandidate.map((list) => list.length),
          revealedIds: revealed,
          ballotCounts: perRevealed.map((list) => list.length),
          markedIds: marked,
          evaluation: Object.entries(results).map(([id, r]) => [id, JSON.stringify(r)]),
          combined: combined.map((r) => [r.id, JSON.stringify(r)]),
        };
        const code = (await scripts.evaluation(
          [
            keys.state(roundId),
            keys.evaluationRevealed(roundId),
            keys.revealed(roundId),
            marks(roundId),
            ...ids.map((id) => keys.evaluations(roundId, id)),
            ...revealed.map((id) => keys.ballots(roundId, id)),
          ],
          [JSON.stringify(payload)],
          audit,
        )) as "ok" | "stale" | RevealCode;
        if (code === "ok") return ok(results);
        if (code !== "stale") return fail(code);
      }
      return fail("bad_state");
    },
  };
}

export type RevealService = ReturnType<typeof createRevealService>;
