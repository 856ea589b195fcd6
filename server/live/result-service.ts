import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import type { ScreenData } from "../../shared/protocol/index.ts";
import type { RoundExport, TieDecision } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { computeResults, settledPositions } from "../../shared/scoring/index.ts";
import type {
  CandidateResult,
  EvaluationBallot,
  PositionResult,
  Results,
  SpeechBallot,
} from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { defineScript } from "../platform/lua.ts";
import type { DecisionStore } from "./decision-store.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);
const parse = <T>(raw: string[]) => raw.map((r) => JSON.parse(r) as T);

function compute(
  config: RoundConfig,
  candidateIds: Set<string>,
  ballots: SpeechBallot[],
  evaluations: EvaluationBallot[],
  decisions: TieDecision[] = [],
): Results {
  return computeResults({
    decisions,
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

/**
 * A ranking stored before the targets were settled (a node of an older version) has no
 * final targets; it is not shown until the chair shows the ranking again, which settles it.
 */
function settledRanking(positions: PositionResult[]): PositionResult[] | null {
  return positions.every((p) => Array.isArray(p.finalTargets)) ? positions : null;
}

function byId(results: CandidateResult[]): Record<string, CandidateResult> {
  return Object.fromEntries(results.map((c) => [c.id, c]));
}

/**
 * Results the hall may see: a candidate's result once the chair reveals it (scoring closed),
 * the evaluation once revealed (evaluation closed), the ranking over what was revealed,
 * and after the lock the final results of the export.
 */
export function createResultService(
  redis: Redis,
  keys: RedisKeys,
  readExport: (roundId: string) => Promise<RoundExport | null>,
  decisions: DecisionStore,
) {
  const begin = defineScript(redis, "reveal_begin", lua("reveal-begin"), 4);
  const store = defineScript(redis, "reveal_store", lua("reveal-store"), 2);
  const beginEvaluation = defineScript(redis, "evaluation_reveal", lua("evaluation-reveal"));

  async function readHash<T>(key: string): Promise<Record<string, T>> {
    const raw = await redis.hgetall(key);
    const out: Record<string, T> = {};
    for (const [id, json] of Object.entries(raw)) if (json) out[id] = JSON.parse(json) as T;
    return out;
  }

  /** The live ballots of these candidates (speech) and, when asked, their evaluations. */
  async function liveBallots(roundId: string, ids: string[], withEvaluations: boolean) {
    const pipe = redis.pipeline();
    for (const id of ids) pipe.hvals(keys.ballots(roundId, id));
    if (withEvaluations) for (const id of ids) pipe.hvals(keys.evaluations(roundId, id));
    const replies = ((await pipe.exec()) ?? []).map(([, v]) => v as string[]);
    return {
      ballots: parse<SpeechBallot>(replies.slice(0, ids.length).flat()),
      evaluations: parse<EvaluationBallot>(replies.slice(ids.length).flat()),
    };
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
      // Once the evaluation is out, a result revealed later carries its composite too.
      const withEvaluations = (await redis.hget(keys.state(roundId), "evaluationRevealed")) === "1";
      const { evaluations } = await liveBallots(roundId, [candidateId], withEvaluations);
      const result = compute(config, new Set([candidateId]), parse(raw), evaluations).candidates[0];
      if (!result) return fail("candidate_not_found");
      await store(
        [keys.state(roundId), keys.revealed(roundId)],
        [candidateId, JSON.stringify(result)],
      );
      return ok(result);
    },

    /** Reveals the democratic evaluation of every candidate (evaluation closed). */
    async revealEvaluation(
      roundId: string,
      config: RoundConfig,
    ): Promise<Result<Record<string, CandidateResult>>> {
      const ids = config.candidates.map((c) => c.id);
      const exported = await readExport(roundId);
      if (exported) return ok(byId(exported.results.candidates));
      const [code, ...raw] = (await beginEvaluation(
        [keys.state(roundId), ...ids.map((id) => keys.evaluations(roundId, id))],
        [],
      )) as string[];
      if (code !== "ok") return fail(code as "round_locked" | "scoring_still_open" | "bad_state");
      const evaluations = parse<EvaluationBallot>(raw);
      const results = byId(compute(config, new Set(ids), [], evaluations).candidates);
      // The candidates already revealed now get their composite (speech and evaluation).
      const revealed = Object.keys(await readHash(keys.revealed(roundId)));
      const { ballots } = await liveBallots(roundId, revealed, false);
      const combined = compute(config, new Set(revealed), ballots, evaluations).candidates;
      const pipe = redis.pipeline();
      for (const [id, r] of Object.entries(results))
        pipe.hset(keys.evaluationRevealed(roundId), id, JSON.stringify(r));
      for (const r of combined) pipe.hset(keys.revealed(roundId), r.id, JSON.stringify(r));
      await pipe.exec();
      return ok(results);
    },

    /**
     * The ranking per position over the revealed candidates, with the targets settled by the
     * tie decisions (all candidates after the lock). It is stored for the projector.
     */
    async ranking(roundId: string, config: RoundConfig): Promise<PositionResult[]> {
      const exported = await readExport(roundId);
      if (exported) return settledPositions(exported);
      const revealed = Object.keys(await readHash(keys.revealed(roundId)));
      const withEvaluations = (await redis.hget(keys.state(roundId), "evaluationRevealed")) === "1";
      const { ballots, evaluations } = await liveBallots(roundId, revealed, withEvaluations);
      const decided = await decisions.list(roundId);
      const positions = compute(config, new Set(revealed), ballots, evaluations, decided).positions;
      await redis.set(keys.ranking(roundId), JSON.stringify(positions));
      return positions;
    },

    /** Settles the stored ranking again after the decisions changed, if one was shown. */
    async refreshRanking(roundId: string, config: RoundConfig): Promise<void> {
      if ((await redis.exists(keys.ranking(roundId))) === 1) await this.ranking(roundId, config);
    },

    /**
     * The results as they stand before the lock, over every candidate whose scoring is
     * closed (and the evaluation once it is closed): what a tie decision is checked against.
     */
    async current(roundId: string, config: RoundConfig): Promise<Results> {
      const exported = await readExport(roundId);
      if (exported) return { ...exported.results, positions: settledPositions(exported) };
      const [windows, evaluation] = await Promise.all([
        redis.hgetall(keys.windows(roundId)),
        redis.hget(keys.state(roundId), "evaluation"),
      ]);
      const closed = Object.keys(windows).filter((id) => windows[id] === "closed");
      const { ballots, evaluations } = await liveBallots(roundId, closed, evaluation === "closed");
      const decided = await decisions.list(roundId);
      return compute(config, new Set(closed), ballots, evaluations, decided);
    },

    async screen(roundId: string): Promise<ScreenData> {
      const exported = await readExport(roundId);
      if (exported) {
        const results = byId(exported.results.candidates);
        const ranking = settledPositions(exported);
        return { roundId, results, ranking, evaluation: results, decisions: exported.decisions };
      }
      const [results, ranking, evaluation, decided] = await Promise.all([
        readHash<CandidateResult>(keys.revealed(roundId)),
        redis.get(keys.ranking(roundId)),
        readHash<CandidateResult>(keys.evaluationRevealed(roundId)),
        decisions.list(roundId),
      ]);
      return {
        roundId,
        results,
        ranking: ranking ? settledRanking(JSON.parse(ranking) as PositionResult[]) : null,
        evaluation: Object.keys(evaluation).length > 0 ? evaluation : null,
        decisions: decided,
      };
    },
  };
}

export type ResultService = ReturnType<typeof createResultService>;
