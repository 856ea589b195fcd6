import type { Method } from "../round-file.ts";
import type { CandidateMarkKind } from "./candidate-mark.ts";
import { scoreEvaluation } from "./evaluation.ts";
import { type MeritScores, rankPosition } from "./ranking.ts";
import { settleTargets } from "./settle.ts";
import { scoreSpeech } from "./speech.ts";
import { selectTargets } from "./targets.ts";
import type {
  CandidateResult,
  EvaluationBallot,
  PositionResult,
  Results,
  ScoringInput,
  SpeechBallot,
} from "./types.ts";

/**
 * composite = α·speech + β·evaluation (scoring.md, step 3). A part is needed when its weight
 * is above zero; with β = 0 the composite is the speech score itself, evaluation or not.
 */
export function compositeScore(
  speech: number | null,
  evaluation: number | null,
  method: Method,
): number | null {
  if (method.evaluationWeight === 0) return speech;
  if (evaluation === null) return null;
  if (method.speechWeight === 0) return method.evaluationWeight * evaluation;
  if (speech === null) return null;
  return method.speechWeight * speech + method.evaluationWeight * evaluation;
}

function byCandidate<T extends { candidate: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.candidate);
    if (list) list.push(item);
    else map.set(item.candidate, [item]);
  }
  return map;
}

function candidateResult(
  id: string,
  ballots: SpeechBallot[],
  evaluations: EvaluationBallot[],
  abstentions: number,
  mark: CandidateMarkKind | null,
  input: ScoringInput,
): CandidateResult {
  const speech = scoreSpeech(ballots, input.rubric, input.groups, input.method);
  const evaluation = scoreEvaluation(evaluations, input.groups, input.evaluationOptions);
  // A marked candidate took no part: no score of theirs exists, so none can rank them (the
  // export refuses a marked candidate with ballots; this holds even without that check).
  const scored = mark === null;
  return {
    id,
    speech: scored ? speech.speech : null,
    evaluation: scored ? evaluation.evaluation : null,
    composite: scored ? compositeScore(speech.speech, evaluation.evaluation, input.method) : null,
    ballots: speech.ballots,
    evaluationsCast: evaluation.cast,
    abstentions,
    mark,
    favourableRate: scored ? evaluation.favourableRate : null,
    byGroup: { speech: speech.byGroup, evaluation: evaluation.byGroup },
    criteria: speech.criteria,
    evaluationCounts: evaluation.counts,
  };
}

/**
 * All results of a round from its inputs (scoring.md): candidates in input order, positions
 * in input order. Unrounded; round only for display (round-half.ts).
 */
export function computeResults(input: ScoringInput): Results {
  const ballots = byCandidate(input.ballots);
  const evaluations = byCandidate(input.evaluations);
  // An abstention is counted, never scored: it reaches neither the speech score nor `ballots`.
  const abstentions = byCandidate(input.abstentions ?? []);
  const marks = new Map((input.marks ?? []).map((m) => [m.candidate, m.mark]));
  const candidates = input.candidates.map((c) =>
    candidateResult(
      c.id,
      ballots.get(c.id) ?? [],
      evaluations.get(c.id) ?? [],
      abstentions.get(c.id)?.length ?? 0,
      marks.get(c.id) ?? null,
      input,
    ),
  );
  const scores = new Map<string, MeritScores>(candidates.map((c) => [c.id, c]));
  const rankings = new Map(
    input.positions.map((p) => [p.id, rankPosition(p, input.candidates, scores)]),
  );
  const targets = selectTargets(
    input.positions,
    input.candidates,
    new Map([...rankings].map(([id, r]) => [id, r.ranking])),
    scores,
    input.method.inspectionRatio,
  );
  const final = settleTargets(
    input.positions,
    input.candidates,
    rankings,
    scores,
    input.method.inspectionRatio,
    input.decisions ?? [],
  );
  const positions = input.positions.map((p): PositionResult => {
    const ranked = rankings.get(p.id) ?? { ranking: [], ties: [] };
    const selected = targets.get(p.id) ?? { targets: [], quota: 0, edgeTie: false };
    const settled = final.get(p.id) ?? { finalTargets: [], quotaTies: [] };
    return { id: p.id, ...ranked, ...selected, ...settled };
  });
  return { candidates, positions };
}
