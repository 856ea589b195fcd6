import type { Redis } from "ioredis";
import type { ScreenContent } from "../../shared/protocol/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { computeResults } from "../../shared/scoring/index.ts";
import type {
  CandidateResult,
  EvaluationBallot,
  PositionResult,
  Results,
  SpeechBallot,
} from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";

const parse = <T>(raw: string[]) => raw.map((r) => JSON.parse(r) as T);

export function compute(
  config: RoundConfig,
  candidateIds: Set<string>,
  ballots: SpeechBallot[],
  evaluations: EvaluationBallot[],
): Results {
  return computeResults({
    rubric: config.rubric,
    groups: config.groups,
    evaluationOptions: config.evaluationOptions,
    method: config.method,
    positions: config.positions,
    candidates: config.candidates.filter((c) => candidateIds.has(c.id)),
    ballots: ballots.filter((b) => candidateIds.has(b.candidate)),
    evaluations: evaluations.filter((e) => candidateIds.has(e.candidate)),
  });
}

export function byId(results: CandidateResult[]): Record<string, CandidateResult> {
  return Object.fromEntries(results.map((c) => [c.id, c]));
}

/** Reads of revealed results and live ballots, shared with the reveal service. */
export function resultReads(redis: Redis, keys: RedisKeys) {
  return {
    /** A hash of result JSON; empty values (a hidden reveal) are left out. */
    async readHash<T>(key: string): Promise<Record<string, T>> {
      const raw = await redis.hgetall(key);
      const out: Record<string, T> = {};
      for (const [id, json] of Object.entries(raw)) if (json) out[id] = JSON.parse(json) as T;
      return out;
    },

    /** The live ballots of these candidates (speech) and, when asked, their evaluations. */
    async liveBallots(roundId: string, ids: string[], withEvaluations: boolean) {
      const pipe = redis.pipeline();
      for (const id of ids) pipe.hvals(keys.ballots(roundId, id));
      if (withEvaluations) for (const id of ids) pipe.hvals(keys.evaluations(roundId, id));
      const replies = ((await pipe.exec()) ?? []).map(([, v]) => v as string[]);
      return {
        ballots: parse<SpeechBallot>(replies.slice(0, ids.length).flat()),
        evaluations: parse<EvaluationBallot>(replies.slice(ids.length).flat()),
      };
    },
  };
}

/**
 * Results the hall may see: the candidates' results the chair revealed (reveal-service.ts),
 * the ranking over them, and after the lock the final results of the export.
 */
export function createResultService(
  redis: Redis,
  keys: RedisKeys,
  readExport: (roundId: string) => Promise<RoundExport | null>,
) {
  const { readHash, liveBallots } = resultReads(redis, keys);

  return {
    /** The ranking per position over the revealed candidates (all of them after the lock). */
    async ranking(roundId: string, config: RoundConfig): Promise<PositionResult[]> {
      const exported = await readExport(roundId);
      if (exported) return exported.results.positions;
      const revealed = Object.keys(await readHash(keys.revealed(roundId)));
      const withEvaluations = (await redis.hget(keys.state(roundId), "evaluationRevealed")) === "1";
      const { ballots, evaluations } = await liveBallots(roundId, revealed, withEvaluations);
      const positions = compute(config, new Set(revealed), ballots, evaluations).positions;
      await redis.set(keys.ranking(roundId), JSON.stringify(positions));
      return positions;
    },

    /**
     * The results as they stand before the lock, over every candidate whose scoring is
     * closed (and the evaluation once it is closed): what a tie decision is checked against.
     */
    async current(roundId: string, config: RoundConfig): Promise<Results> {
      const exported = await readExport(roundId);
      if (exported) return exported.results;
      const [windows, evaluation] = await Promise.all([
        redis.hgetall(keys.windows(roundId)),
        redis.hget(keys.state(roundId), "evaluation"),
      ]);
      const closed = Object.keys(windows).filter((id) => windows[id] === "closed");
      const { ballots, evaluations } = await liveBallots(roundId, closed, evaluation === "closed");
      return compute(config, new Set(closed), ballots, evaluations);
    },

    async screen(roundId: string): Promise<ScreenContent> {
      // While a lock's export is still being built (and may fail again), the screens show
      // what was revealed before the lock rather than an error.
      const exported = await readExport(roundId).catch(() => null);
      if (exported) {
        const results = byId(exported.results.candidates);
        return { roundId, results, ranking: exported.results.positions, evaluation: results };
      }
      const [results, ranking, evaluation] = await Promise.all([
        readHash<CandidateResult>(keys.revealed(roundId)),
        redis.get(keys.ranking(roundId)),
        readHash<CandidateResult>(keys.evaluationRevealed(roundId)),
      ]);
      return {
        roundId,
        results,
        ranking: ranking ? (JSON.parse(ranking) as PositionResult[]) : null,
        evaluation: Object.keys(evaluation).length > 0 ? evaluation : null,
      };
    },
  };
}

export type ResultService = ReturnType<typeof createResultService>;
