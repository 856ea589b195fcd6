import { z } from "zod";
import type { RoundFileProblem } from "./i18n/round-file.ts";
import { hasAtMostDecimals, isMultipleOf, STEP_DECIMALS } from "./rubric.ts";

/**
 * The round file (docs/round-file.md): everything a round needs before the session, as the
 * organizer imports it. Ids are short ASCII so they sort the same everywhere (code point
 * order) and are safe in Redis keys and URLs.
 */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "file.problem.id")
  // Ids become object keys in results; these would reach Object.prototype.
  .refine(
    (id) => !["__proto__", "constructor", "prototype"].includes(id),
    "file.problem.reservedId",
  );
const Label = z.string().trim().min(1).max(120);
const EPS = 1e-9;

/**
 * A number from the file, bounded so that no legal file can make a result non-finite or
 * absurd (sums of 2000 ballots × 20 criteria × 1000 points stay far below 2^53), and written
 * with few enough decimals to be compared exactly. Refinement messages are dictionary keys
 * (shared/i18n/round-file.ts): round-file-issues.ts turns them into sentences.
 */
function decimal(min: number, max: number, decimals: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine((x) => hasAtMostDecimals(x, decimals), {
      message: "file.problem.decimals",
      params: { decimals },
    });
}

export const Criterion = z
  .object({
    id: Id,
    label: Label,
    max: decimal(0.01, 1000, STEP_DECIMALS),
    step: decimal(0.01, 1000, STEP_DECIMALS),
  })
  .strict()
  .refine((c) => isMultipleOf(c.max, c.step), {
    message: "file.problem.maxOffStep",
    path: ["max"],
  });

export const Group = z.object({ id: Id, label: Label, weight: decimal(0.0001, 100, 4) }).strict();

export const EvaluationOption = z
  .object({
    id: Id,
    label: Label,
    points: decimal(0, 1000, 2).nullable(),
    favourable: z.boolean().optional(),
  })
  .strict();

export const DEFAULT_EVALUATION_OPTIONS: z.infer<typeof EvaluationOption>[] = [
  { id: "excellent", label: "优秀", points: 100 },
  { id: "competent", label: "称职", points: 80 },
  { id: "basic", label: "基本称职", points: 60 },
  { id: "incompetent", label: "不称职", points: 0 },
  { id: "unknown", label: "不了解", points: null },
];

export const Method = z
  .object({
    trim: z.number().int().min(0).max(10).default(1),
    // A group never holds more than 2000 cards (cards:issue), so a larger minimum is absurd.
    trimMin: z.number().int().min(1).max(2000).default(5),
    speechWeight: z.number().min(0).max(1).default(1),
    evaluationWeight: z.number().min(0).max(1).default(0),
    inspectionRatio: decimal(1, 10, 2).default(2),
    decimals: z.number().int().min(0).max(6).default(2),
  })
  .strict()
  .refine((m) => Math.abs(m.speechWeight + m.evaluationWeight - 1) <= EPS, {
    message: "file.problem.partWeights",
    path: ["speechWeight"],
  })
  .refine((m) => m.trimMin >= 2 * m.trim + 1, {
    message: "file.problem.trimMin",
    path: ["trimMin"],
  });

export const Position = z
  .object({
    id: Id,
    title: Label,
    /** The department the post belongs to (a post is known by department and title). */
    department: Label.optional(),
    /** The organization's own stable code of the post (岗位代码), when it has one. */
    code: Id.optional(),
    seats: z.number().int().min(1).max(100),
    conditions: z.string().max(2000).optional(),
  })
  .strict();

export const Candidate = z
  .object({
    id: Id,
    name: Label,
    /** 工号: the organization's stable number of the person, when it has one. */
    staffNo: Id.optional(),
    /** Current unit or post, shown under the name. */
    unit: z.string().max(120).optional(),
    /** Positions whose application passed review, in preference order (每人限报两个岗位). */
    applications: z.array(Id).min(1).max(2),
  })
  .strict();

export const Timers = z
  .object({
    speechSeconds: z.number().int().min(10).max(3600).default(300),
    defenseSeconds: z.number().int().min(10).max(3600).default(180),
  })
  .strict();

function unique(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

/** The index of the first entry whose id an earlier entry already has, or -1. */
function firstRepeat(ids: string[]): number {
  return ids.findIndex((id, i) => ids.indexOf(id) !== i);
}

/**
 * The round file's schema. A draft being built in the console (issue 8) may have no posts
 * or candidates yet: `draft` allows empty lists, and the session's start requires the
 * complete file. Every other rule holds for both.
 */
function roundFileSchema(draft: boolean) {
  const least = draft ? 0 : 1;
  return z
    .object({
      format: z.literal("jingpin-round/1"),
      title: Label,
      positions: z.array(Position).min(least).max(50),
      candidates: z.array(Candidate).min(least).max(200),
      speakingOrder: z.array(Id).optional(),
      rubric: z.array(Criterion).min(1).max(20),
      groups: z.array(Group).min(1).max(20),
      evaluationOptions: z
        .array(EvaluationOption)
        .min(2)
        .max(10)
        .default(DEFAULT_EVALUATION_OPTIONS),
      method: Method.default({
        trim: 1,
        trimMin: 5,
        speechWeight: 1,
        evaluationWeight: 0,
        inspectionRatio: 2,
        decimals: 2,
      }),
      timers: Timers.default({ speechSeconds: 300, defenseSeconds: 180 }),
    })
    .strict()
    .superRefine((r, ctx) => {
      const issue = (path: (string | number)[], message: RoundFileProblem) =>
        ctx.addIssue({ code: "custom", path, message });
      const positionIds = new Set(r.positions.map((p) => p.id));
      const candidateIds = new Set(r.candidates.map((c) => c.id));
      const lists = {
        positions: r.positions,
        candidates: r.candidates,
        rubric: r.rubric,
        groups: r.groups,
        evaluationOptions: r.evaluationOptions,
      };
      for (const [list, entries] of Object.entries(lists)) {
        const repeat = firstRepeat(entries.map((e) => e.id));
        if (repeat >= 0) issue([list, repeat, "id"], "file.problem.duplicateId");
      }
      // The same person or post twice would be one record in the staff register or post list.
      const personKeys = r.candidates.map((c) =>
        c.staffNo ? `no:${c.staffNo}` : `name:${JSON.stringify([c.name, c.unit ?? ""])}`,
      );
      const postKeys = r.positions.map((p) =>
        p.code ? `code:${p.code}` : `title:${JSON.stringify([p.department ?? null, p.title])}`,
      );
      personKeys.forEach((key, i) => {
        if (personKeys.indexOf(key) !== i) issue(["candidates", i], "file.problem.samePerson");
      });
      postKeys.forEach((key, i) => {
        if (postKeys.indexOf(key) !== i) issue(["positions", i], "file.problem.samePost");
      });
      r.candidates.forEach((c, i) => {
        if (!unique(c.applications))
          issue(["candidates", i, "applications"], "file.problem.duplicateApplication");
        c.applications.forEach((p, j) => {
          if (!positionIds.has(p))
            issue(["candidates", i, "applications", j], "file.problem.unknownPosition");
        });
      });
      if (r.speakingOrder) {
        const order = r.speakingOrder;
        const complete =
          order.length === candidateIds.size && order.every((c) => candidateIds.has(c));
        if (!complete || !unique(order)) issue(["speakingOrder"], "file.problem.speakingOrder");
      }
    });
}

export const RoundFile = roundFileSchema(false);
/** A draft round's file: the same rules, with posts and candidates still to come. */
export const DraftRoundFile = roundFileSchema(true);

export type RoundFileInput = z.input<typeof RoundFile>;
export type RoundConfig = z.output<typeof RoundFile>;
export type Criterion = z.output<typeof Criterion>;
export type Group = z.output<typeof Group>;
export type EvaluationOption = z.output<typeof EvaluationOption>;
export type Method = z.output<typeof Method>;
export type Position = z.output<typeof Position>;
export type Candidate = z.output<typeof Candidate>;
