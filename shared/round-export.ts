import { z } from "zod";
import { canonicalJson, compareCodePoints } from "./canonical-json.ts";
import {
  Candidate,
  Criterion,
  EvaluationOption,
  Group,
  Id,
  Method,
  Position,
  type RoundConfig,
} from "./round-file.ts";
import { scoresProblem } from "./rubric.ts";
import { CANDIDATE_MARK_KINDS } from "./scoring/candidate-mark.ts";
import { type CheckedResults, compareResults } from "./scoring/compare.ts";
import { computeResults } from "./scoring/compute.ts";
import type {
  Abstention,
  CandidateMark,
  EvaluationBallot,
  Results,
  SpeechBallot,
} from "./scoring/types.ts";
import { sha256Hex } from "./sha256.ts";

/**
 * The round export of scoring.md: one self-contained file that anyone can recount. Format /2
 * adds the tie each decision was taken on, voided decisions and the settled (final) targets;
 * files of format /1 are still read and recounted. The abstentions (回避) and the marks of
 * candidates who withdrew or were absent (弃权, 缺席) came later within /2, as fields added
 * without changing any other's meaning: a file without them has none.
 */
export const ROUND_EXPORT_FORMAT = "jingpin-round-export/2";
export const ROUND_EXPORT_FORMAT_V1 = "jingpin-round-export/1";

const Score = z.number().nullable();
const Count = z.number().int().min(0);

export const TieDecision = z.object({
  positionId: Id,
  chosen: z.array(Id),
  /** The tie the decision was taken on (format /2). */
  tied: z.array(Id).optional(),
  reason: z.string(),
  decidedAt: z.string(),
  /** Reopening scoring for a tied candidate voided the decision (format /2). */
  voided: z.object({ at: z.string(), candidateId: Id }).optional(),
});
export type TieDecision = z.output<typeof TieDecision>;

// Results are checked only in the fields a recount compares; other fields may be added.
const CheckedCandidate = z.looseObject({
  id: z.string(),
  speech: Score,
  evaluation: Score,
  composite: Score,
  ballots: Count,
  evaluationsCast: Count,
  favourableRate: Score,
  /** Absent in files written before abstentions: none. */
  abstentions: Count.optional(),
  /** Absent in files written before marks (弃权, 缺席): unmarked. */
  mark: z.enum(CANDIDATE_MARK_KINDS).nullable().optional(),
  byGroup: z.unknown().optional(),
});
const QuotaTie = z.object({
  tied: z.array(z.string()),
  seats: Count,
  decision: Count.nullable(),
});
const CheckedPosition = z.looseObject({
  id: z.string(),
  ranking: z.array(z.string()),
  ties: z.array(z.array(z.string())),
  targets: z.array(z.string()),
  // Format /2 only (required there, see below).
  finalTargets: z.array(z.string()).optional(),
  quotaTies: z.array(QuotaTie).optional(),
});

export const RoundExportFile = z
  .object({
    format: z.enum([ROUND_EXPORT_FORMAT, ROUND_EXPORT_FORMAT_V1]),
    round: z.object({ id: z.string().min(1), title: z.string(), lockedAt: z.string() }),
    rubric: z.array(Criterion).min(1),
    groups: z.array(Group).min(1),
    evaluationOptions: z.array(EvaluationOption).min(1),
    method: Method,
    positions: z.array(Position),
    candidates: z.array(Candidate),
    ballots: z.array(
      z.object({ group: Id, candidate: Id, scores: z.record(z.string(), z.number()) }),
    ),
    evaluations: z.array(z.object({ group: Id, candidate: Id, option: Id })),
    /** Absent in files written before abstentions (回避) existed: none. */
    abstentions: z.array(z.object({ group: Id, candidate: Id })).default([]),
    /** Absent in files written before marks (弃权, 缺席) existed: none. */
    marks: z
      .array(z.object({ candidate: Id, mark: z.enum(CANDIDATE_MARK_KINDS), at: z.string() }))
      .default([]),
    decisions: z.array(TieDecision).default([]),
    results: z.looseObject({
      candidates: z.array(CheckedCandidate),
      positions: z.array(CheckedPosition),
    }),
    digest: z.string().regex(/^[0-9a-f]{64}$/, "64 lowercase hex characters"),
  })
  .superRefine((file, ctx) => {
    for (const problem of [...referenceProblems(file), ...formatProblems(file)]) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });

/** A file as it was read and validated: results carry at least the checked fields. */
export type ParsedRoundExport = z.output<typeof RoundExportFile>;

/** A file as this project writes it. */
export type RoundExport = Omit<ParsedRoundExport, "results"> & { results: Results };

type Inputs = Pick<
  ParsedRoundExport,
  | "rubric"
  | "groups"
  | "evaluationOptions"
  | "candidates"
  | "positions"
  | "ballots"
  | "evaluations"
  | "abstentions"
  | "marks"
>;

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** Every reference in the inputs must resolve, and every ballot must be a valid ballot. */
function referenceProblems(file: Inputs): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const known = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const groups = known(file.groups);
  const candidates = known(file.candidates);
  const positions = known(file.positions);
  const options = known(file.evaluationOptions);
  for (const key of ["rubric", "groups", "evaluationOptions", "positions", "candidates"] as const) {
    for (const id of duplicates(file[key].map((x) => x.id))) {
      problems.push({ path: [key], message: `duplicate id ${id}` });
    }
  }
  file.candidates.forEach((c, i) => {
    if (c.applications.some((p) => !positions.has(p))) {
      problems.push({ path: ["candidates", i, "applications"], message: "unknown position" });
    }
  });
  file.ballots.forEach((b, i) => {
    const at = ["ballots", i];
    if (!groups.has(b.group)) problems.push({ path: at, message: `unknown group ${b.group}` });
    if (!candidates.has(b.candidate)) problems.push({ path: at, message: "unknown candidate" });
    const problem = scoresProblem(file.rubric, b.scores);
    if (problem) problems.push({ path: [...at, "scores"], message: problem });
  });
  file.evaluations.forEach((e, i) => {
    const ok = groups.has(e.group) && candidates.has(e.candidate) && options.has(e.option);
    if (!ok)
      problems.push({ path: ["evaluations", i], message: "unknown group, candidate or option" });
  });
  file.abstentions.forEach((a, i) => {
    if (!groups.has(a.group) || !candidates.has(a.candidate))
      problems.push({ path: ["abstentions", i], message: "unknown group or candidate" });
  });
  problems.push(...markProblems(file, candidates));
  return problems;
}

/**
 * A mark names a known candidate once, and one who took no part: the live session refuses
 * to mark a candidate with a ballot, an abstention or an evaluation, and refuses those for a
 * marked one, so a file where both meet was not written by it.
 */
function markProblems(
  file: Pick<Inputs, "marks" | "ballots" | "evaluations" | "abstentions">,
  candidates: Set<string>,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const took = new Set(
    [...file.ballots, ...file.evaluations, ...file.abstentions].map((b) => b.candidate),
  );
  const seen = new Set<string>();
  file.marks.forEach((m, i) => {
    const at = ["marks", i];
    if (!candidates.has(m.candidate)) problems.push({ path: at, message: "unknown candidate" });
    if (seen.has(m.candidate)) problems.push({ path: at, message: "candidate marked twice" });
    if (took.has(m.candidate)) {
      problems.push({ path: at, message: "a marked candidate has ballots or evaluations" });
    }
    seen.add(m.candidate);
  });
  return problems;
}

/** What format /2 requires beyond /1: every decision names its tie; final targets are stated. */
function formatProblems(file: {
  format: string;
  decisions: { tied?: string[] | undefined }[];
  results: { positions: { finalTargets?: string[] | undefined; quotaTies?: unknown }[] };
}): { path: (string | number)[]; message: string }[] {
  if (file.format === ROUND_EXPORT_FORMAT_V1) return [];
  const problems: { path: (string | number)[]; message: string }[] = [];
  file.decisions.forEach((d, i) => {
    if (!d.tied) problems.push({ path: ["decisions", i, "tied"], message: "required in /2" });
  });
  file.results.positions.forEach((p, i) => {
    if (!p.finalTargets || !p.quotaTies) {
      const path = ["results", "positions", i];
      problems.push({ path, message: "finalTargets and quotaTies are required in /2" });
    }
  });
  return problems;
}

/** Lowercase hex SHA-256 of the canonical JSON of the file without its `digest` key. */
export function exportDigest(withoutDigest: unknown): string {
  return sha256Hex(canonicalJson(withoutDigest));
}

function sortedByCanonicalText<T>(items: T[]): T[] {
  return items
    .map((item) => ({ item, text: canonicalJson(item) }))
    .sort((a, b) => compareCodePoints(a.text, b.text))
    .map((x) => x.item);
}

export interface RoundExportSource {
  round: { id: string; title: string; lockedAt: string };
  config: Pick<
    RoundConfig,
    "rubric" | "groups" | "evaluationOptions" | "method" | "positions" | "candidates"
  >;
  ballots: SpeechBallot[];
  evaluations: EvaluationBallot[];
  abstentions?: Abstention[];
  /** Candidates marked 弃权 or 缺席 (at most one mark each). */
  marks?: CandidateMark[];
  decisions?: TieDecision[];
}

/**
 * The export written at lock. Fields are copied one by one so that nothing else a caller's
 * ballot or abstention objects carry (card, voter, time) can reach the file: the ballot is
 * secret.
 */
export function buildRoundExport(source: RoundExportSource): RoundExport {
  const { config } = source;
  const { trim, trimMin, speechWeight, evaluationWeight, inspectionRatio, decimals } =
    config.method;
  const inputs = {
    rubric: config.rubric.map(({ id, label, max, step }) => ({ id, label, max, step })),
    groups: config.groups.map(({ id, label, weight }) => ({ id, label, weight })),
    evaluationOptions: config.evaluationOptions.map(({ id, label, points, favourable }) =>
      favourable === undefined ? { id, label, points } : { id, label, points, favourable },
    ),
    method: { trim, trimMin, speechWeight, evaluationWeight, inspectionRatio, decimals },
    positions: config.positions.map(({ id, title, seats }) => ({ id, title, seats })),
    candidates: config.candidates.map(({ id, name, unit, applications }) =>
      unit === undefined
        ? { id, name, applications: [...applications] }
        : { id, name, unit, applications: [...applications] },
    ),
    ballots: sortedByCanonicalText(
      source.ballots.map(({ group, candidate, scores }) => ({
        group,
        candidate,
        scores: { ...scores },
      })),
    ),
    evaluations: sortedByCanonicalText(
      source.evaluations.map(({ group, candidate, option }) => ({ group, candidate, option })),
    ),
    // Like a ballot: no card, no time, in canonical order.
    abstentions: sortedByCanonicalText(
      (source.abstentions ?? []).map(({ group, candidate }) => ({ group, candidate })),
    ),
    // One per candidate, in code point order of the ids. Its time is a staff action's, like
    // a decision's: it tells nothing of any voter.
    marks: (source.marks ?? [])
      .map(({ candidate, mark, at }) => ({ candidate, mark, at }))
      .sort((a, b) => compareCodePoints(a.candidate, b.candidate)),
  };
  const decisions = (source.decisions ?? []).map(copyDecision);
  const body = {
    format: ROUND_EXPORT_FORMAT,
    round: { id: source.round.id, title: source.round.title, lockedAt: source.round.lockedAt },
    ...inputs,
    decisions,
    results: computeResults({ ...inputs, decisions }),
  } as const;
  return { ...body, digest: exportDigest(body) };
}

/** A decision field by field, in the shape of format /2 (a /1 decision has no `tied`). */
function copyDecision(d: TieDecision): TieDecision {
  const { positionId, chosen, tied, reason, decidedAt, voided } = d;
  return {
    positionId,
    chosen: [...chosen],
    ...(tied ? { tied: [...tied] } : {}),
    reason,
    decidedAt,
    ...(voided ? { voided: { at: voided.at, candidateId: voided.candidateId } } : {}),
  };
}

export interface RoundExportVerification {
  /** Digest and every recounted value agree with the file. */
  ok: boolean;
  digestOk: boolean;
  /** Readable differences, e.g. `results.candidates[C1].speech: file 81.75, recount 81.7`. */
  mismatches: string[];
  recomputed: Results;
  file?: ParsedRoundExport;
  /** Set when the file is not a valid round export; nothing else was checked. */
  formatError?: string;
}

/** Checks a round export as `npm run recount` does: shape, digest, then every result. */
export function verifyRoundExport(file: unknown): RoundExportVerification {
  const parsed = RoundExportFile.safeParse(file);
  if (!parsed.success) {
    const empty: Results = { candidates: [], positions: [] };
    const formatError = z.prettifyError(parsed.error);
    return { ok: false, digestOk: false, mismatches: [], recomputed: empty, formatError };
  }
  const { digest: _stated, ...withoutDigest } = file as Record<string, unknown>;
  let digestOk: boolean;
  try {
    digestOk = exportDigest(withoutDigest) === parsed.data.digest;
  } catch {
    digestOk = false; // not representable as canonical JSON (say, a number read as Infinity)
  }
  const recomputed = computeResults(parsed.data);
  const mismatches = compareResults(
    parsed.data.results as CheckedResults,
    recomputed,
    parsed.data.format === ROUND_EXPORT_FORMAT_V1 ? "v1" : "v2",
  );
  return {
    ok: digestOk && mismatches.length === 0,
    digestOk,
    mismatches,
    recomputed,
    file: parsed.data,
  };
}
