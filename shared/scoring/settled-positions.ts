import { computeResults } from "./compute.ts";
import type { PositionResult, ScoringInput } from "./types.ts";

/**
 * A locked file's positions with their final targets: as the file states them (format /2),
 * or derived by the same rule from the file's own inputs and decisions when it states none
 * (format /1, e.g. a round locked before /2). The file itself is never changed: its digest
 * covers it as written.
 */
export function settledPositions(
  file: ScoringInput & { results: { positions: readonly Partial<PositionResult>[] } },
): PositionResult[] {
  const stated = file.results.positions;
  const complete = stated.every((p) => Array.isArray(p.finalTargets) && Array.isArray(p.quotaTies));
  return complete ? (stated as PositionResult[]) : computeResults(file).positions;
}
