import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import type { ScreenData } from "../../shared/protocol/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { computeResults } from "../../shared/scoring/index.ts";
import type { CandidateResult, PositionResult, SpeechBallot } from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { defineScript } from "../platform/lua.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

function compute(config: RoundConfig, candidateIds: Set<string>, ballots: SpeechBallot[]) {
  return computeResults({
    rubric: config.rubric,
    groups: config.groups,
    evaluationOptions: config.evaluationOptions,
    method: config.method,
    positions: config.positions,
    candidates: config.candidates.filter((c) => candidateIds.has(c.id)),
    ballots: ballots.filter((b) => candidateIds.has(b.candidate)),
    evaluations: [],
  });
}

/**
 * Results the hall may see: a candidate's result once the chair reveals it (scoring closed),
 * the ranking over revealed candidates, and after the lock the final results of the export.
 */
export function createResultService(
  redis: Redis,
  keys: RedisKeys,
  readExport: (roundId: string) => Promise<RoundExport | null>,
) {
  const begin = defineScript(redis, "reveal_begin", lua("reveal-begin"), 4);
  const store = defineScript(redis, "reveal_store", lua("reveal-store"), 2);

  async function revealedResults(roundId: string): Promise<Record<string, CandidateResult>> {
    const raw = await redis.hgetall(keys.revealed(roundId));
    const out: Record<string, CandidateResult> = {};
    for (const [id, json] of Object.entries(raw))
      if (json) out[id] = JSON.parse(json) as CandidateResult;
    return out;
  }

  return {
    async reveal(
      roundId: string,
      config: RoundConfig,
      candidateId: string,
    ): Promise<Result<CandidateResult>> {
      const exported = await readExport(roundId);
      if (exported) {
        const final = exported.results.candidates.find((c) => c.id === candidateId);
        if (!final) return fail("candidate_not_found");
        await store(
          [keys.state(roundId), keys.revealed(roundId)],
          [candidateId, JSON.stringify(final)],
        );
        return ok(final);
      }
      const [code, ...raw] = (await begin(
        [
          keys.state(roundId),
          keys.windows(roundId),
          keys.ballots(roundId, candidateId),
          keys.revealed(roundId),
        ],
        [candidateId],
      )) as string[];
      if (code !== "ok") return fail(code as "round_locked" | "scoring_still_open" | "bad_state");
      const ballots = raw.map((r) => JSON.parse(r) as SpeechBallot);
      const result = compute(config, new Set([candidateId]), ballots).candidates[0];
      if (!result) return fail("candidate_not_found");
      await store(
        [keys.state(roundId), keys.revealed(roundId)],
        [candidateId, JSON.stringify(result)],
      );
      return ok(result);
    },

    /** The ranking per position over the revealed candidates (all of them after the lock). */
    async ranking(roundId: string, config: RoundConfig): Promise<PositionResult[]> {
      const exported = await readExport(roundId);
      if (exported) return exported.results.positions;
      const revealed = new Set(Object.keys(await revealedResults(roundId)));
      const pipe = redis.pipeline();
      for (const id of revealed) pipe.hvals(keys.ballots(roundId, id));
      const replies = (await pipe.exec()) ?? [];
      const ballots = replies.flatMap(([, v]) =>
        (v as string[]).map((r) => JSON.parse(r) as SpeechBallot),
      );
      const positions = compute(config, revealed, ballots).positions;
      await redis.set(keys.ranking(roundId), JSON.stringify(positions));
      return positions;
    },

    async screen(roundId: string): Promise<ScreenData> {
      const exported = await readExport(roundId);
      if (exported) {
        const results = Object.fromEntries(exported.results.candidates.map((c) => [c.id, c]));
        return { roundId, results, ranking: exported.results.positions };
      }
      const [results, ranking] = await Promise.all([
        revealedResults(roundId),
        redis.get(keys.ranking(roundId)),
      ]);
      return {
        roundId,
        results,
        ranking: ranking ? (JSON.parse(ranking) as PositionResult[]) : null,
      };
    },
  };
}

export type ResultService = ReturnType<typeof createResultService>;
