export {
  CANDIDATE_MARK_KINDS,
  type CandidateMarkKind,
  candidateMarkKey,
} from "./candidate-mark.ts";
export { compareResults } from "./compare.ts";
export { compositeScore, computeResults } from "./compute.ts";
export { type EdgeTie, edgeTie } from "./edge-tie.ts";
export { favourableOptions, scoreEvaluation } from "./evaluation.ts";
export { compareMerit, EQUAL_WITHIN, rankPosition } from "./ranking.ts";
export { formatRate, formatScore, percentOf, roundHalf } from "./round-half.ts";
export { decisionFits, decisionOf, settleTargets } from "./settle.ts";
export { settledPositions } from "./settled-positions.ts";
export { scoreSpeech } from "./speech.ts";
export { markKey, type TargetMark, targetMark } from "./target-mark.ts";
export { quotaFor, selectTargets } from "./targets.ts";
export type * from "./types.ts";
