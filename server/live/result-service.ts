import type { Redis } from "ioredis";
import type { ScreenContent } from "../../shared/protocol/index.ts";
import type { RoundExport, TieDecision } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { computeResults, settledPositions } from "../../shared/scoring/index.ts";
import type {
  Abstention,
  CandidateMark,
  CandidateResult,
  EvaluationBallot,
  PositionResult,
  Results,
  SpeechBallot,
} from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { abstentionReads } from "./abstention-reads.ts";
import type { DecisionStore } from "./decision-store.ts";

const parse = <T>(raw: string[]) => raw.map((r) => JSON.parse(r) as T);

export function compute(
  config: RoundConfig,
  candidateIds: Set<string>,
  ballots: SpeechBallot[],
  evaluations: EvaluationBallot[],
  decisions: TieDecision[] = [],
  abstentions: Abstention[] = [],
  marks: CandidateMark[] = [],
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
    abstentions: abstentions.filter((a) => candidateIds.has(a.candidate)),
    marks: marks.filter((m) => candidateIds.has(m.candidate)),
  });
}

/**
 * A ranking stored before the targets were settled (a node of an older version) has no
 * final targets; it is not shown until the chair shows the ranking again, which settles it.
 */
function settledRanking(positions: PositionResult[]): PositionResult[] | null {
  return positions.every((p) => Array.isArray(p.finalTargets)) ? positions : null;
}

export function byId(results: CandidateResult[]): Record<string, CandidateResult> {
  return Object.fromEntries(results.map((c) => [c.id, c]));
}

/** Reads of revealed results and live ballots, shared with the reveal service. */
export function resultReads(redis: Redis, keys: RedisKeys) {
  const abstentions = abstentionReads(redis, keys);
  const marks = keys.marks;
  return {
    /** The abstentions (回避) that count now for these candidates (those of active cards). */
    liveAbstentions: abstentions.live,

    /** The candidates marked 弃权 or 缺席 now, in code point order of their ids. */
    async liveMarks(roundId: string): Promise<CandidateMark[]> {
      const raw = await redis.hgetall(marks(roundId));
      return Object.keys(raw)
        .sort()
        .map((candidate) => {
          const { mark, at } = JSON.parse(raw[candidate] ?? "{}") as Omit<
            CandidateMark,
            "candidate"
          >;
          return { candidate, mark, at };
        });
    },

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
  decisions: DecisionStore,
) {
  const { readHash, liveBallots, liveMarks } = resultReads(redis, keys);

  return {
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
      const marked = await liveMarks(roundId);
      const ids = new Set(revealed);
      const positions = compute(config, ids, ballots, evaluations, decided, [], marked).positions;
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
      const marked = await liveMarks(roundId);
      return compute(config, new Set(closed), ballots, evaluations, decided, [], marked);
    },

    async screen(roundId: string): Promise<ScreenContent> {
      // While a lock's export is still being built (and may fail again), the screens show
      // what was revealed before the lock rather than an error.
      const exported = await readExport(roundId).catch(() => null);
      if (exported) {
        const results = byId(exported.results.candidates);
        const ranking = settledPositions(exported);
        // 弃权 and 缺席 were not in the evaluation, as its reveal before the lock left them out.
        const evaluation = byId(exported.results.candidates.filter((c) => !c.mark));
        return { roundId, results, ranking, evaluation, decisions: exported.decisions };
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
