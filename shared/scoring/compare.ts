import { canonicalJson } from "../canonical-json.ts";
import { EQUAL_WITHIN } from "./ranking.ts";
import type { CandidateResult, PositionResult } from "./types.ts";

/**
 * The fields of a candidate result that a recount checks (scoring.md); byGroup is not.
 * `abstentions` and `mark` came later: a file written before has no abstentions and no
 * marks, and states none.
 */
export type CheckedCandidate = Pick<
  CandidateResult,
  "id" | "speech" | "evaluation" | "composite" | "ballots" | "evaluationsCast" | "favourableRate"
> &
  Partial<Pick<CandidateResult, "abstentions" | "mark">>;

export type CheckedPosition = Pick<PositionResult, "id" | "ranking" | "ties" | "targets"> &
  Partial<Pick<PositionResult, "finalTargets" | "quotaTies">>;

export interface CheckedResults {
  candidates: CheckedCandidate[];
  positions: CheckedPosition[];
}

const NUMBER_FIELDS = [
  "speech",
  "evaluation",
  "composite",
  "ballots",
  "evaluationsCast",
  "favourableRate",
] as const;
const LIST_FIELDS = ["ranking", "ties", "targets"] as const;
/** Format /2 states the targets settled by the tie decisions too; /1 did not. */
const SETTLED_FIELDS = ["finalTargets", "quotaTies"] as const;

function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= EQUAL_WITHIN;
}

/** Pairs entries by id; reports ids missing on either side or listed twice in the file. */
function pairById<T extends { id: string }>(
  kind: string,
  file: T[],
  recount: T[],
  problems: string[],
): [T, T][] {
  const pairs: [T, T][] = [];
  for (const r of recount) {
    const matches = file.filter((f) => f.id === r.id);
    const first = matches[0];
    if (!first) problems.push(`results.${kind}[${r.id}]: missing from the file`);
    else pairs.push([first, r]);
    if (matches.length > 1)
      problems.push(`results.${kind}[${r.id}]: listed ${matches.length} times`);
  }
  for (const f of file) {
    if (!recount.some((r) => r.id === f.id)) {
      problems.push(`results.${kind}[${f.id}]: in the file but not in the recount`);
    }
  }
  return pairs;
}

/**
 * Every difference between the results a file states and a recount, as readable paths:
 * `results.candidates[C1].speech: file 81.75, recount 81.7`. Empty when they agree.
 */
export function compareResults(
  file: CheckedResults,
  recount: CheckedResults,
  format: "v1" | "v2" = "v2",
): string[] {
  const fields = format === "v1" ? LIST_FIELDS : [...LIST_FIELDS, ...SETTLED_FIELDS];
  const problems: string[] = [];
  for (const [f, r] of pairById("candidates", file.candidates, recount.candidates, problems)) {
    for (const field of NUMBER_FIELDS) {
      if (!sameNumber(f[field], r[field])) {
        problems.push(
          `results.candidates[${r.id}].${field}: file ${f[field]}, recount ${r[field]}`,
        );
      }
    }
    // Missing means none, as the file's missing list of abstentions does.
    const abstentions = { file: f.abstentions ?? 0, recount: r.abstentions ?? 0 };
    if (abstentions.file !== abstentions.recount) {
      problems.push(
        `results.candidates[${r.id}].abstentions: file ${abstentions.file}, recount ${abstentions.recount}`,
      );
    }
    // Missing means unmarked (弃权 and 缺席 came later too).
    const mark = { file: f.mark ?? null, recount: r.mark ?? null };
    if (mark.file !== mark.recount) {
      problems.push(`results.candidates[${r.id}].mark: file ${mark.file}, recount ${mark.recount}`);
    }
  }
  for (const [f, r] of pairById("positions", file.positions, recount.positions, problems)) {
    for (const field of fields) {
      // Canonical text, so the key order of a file's objects does not matter.
      const stated = canonicalJson(f[field] ?? null);
      const recounted = canonicalJson(r[field] ?? null);
      if (stated !== recounted) {
        problems.push(`results.positions[${r.id}].${field}: file ${stated}, recount ${recounted}`);
      }
    }
  }
  return problems;
}
