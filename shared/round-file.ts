import { z } from "zod";
import { isMultipleOf } from "./rubric.ts";

/**
 * The round file (docs/round-file.md): everything a round needs before the session, as the
 * organizer imports it. Ids are short ASCII so they sort the same everywhere (code point
 * order) and are safe in Redis keys and URLs.
 */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "id")
  // Ids become object keys in results; these would reach Object.prototype.
  .refine((id) => !["__proto__", "constructor", "prototype"].includes(id), "reserved id");
const Label = z.string().trim().min(1).max(120);
const EPS = 1e-9;

export const Criterion = z
  .object({
    id: Id,
    label: Label,
    max: z.number().positive().max(1000),
    step: z.number().positive(),
  })
  .refine((c) => isMultipleOf(c.max, c.step), { message: "max must be a multiple of step" });

export const Group = z.object({ id: Id, label: Label, weight: z.number().positive() });

export const EvaluationOption = z.object({
  id: Id,
  label: Label,
  points: z.number().nullable(),
  favourable: z.boolean().optional(),
});

export const DEFAULT_EVALUATION_OPTIONS: z.infer<typeof EvaluationOption>[] = [
  { id: "excellent", label: "优秀", points: 100 },
  { id: "competent", label: "称职", points: 80 },
  { id: "basic", label: "基本称职", points: 60 },
  { id: "incompetent", label: "不称职", points: 0 },
  { id: "unknown", label: "不了解", points: null },
];

export const Method = z
  .object({
    trim: z.number().int().min(0).default(1),
    trimMin: z.number().int().min(1).default(5),
    speechWeight: z.number().min(0).max(1).default(1),
    evaluationWeight: z.number().min(0).max(1).default(0),
    inspectionRatio: z.number().positive().default(2),
    decimals: z.number().int().min(0).max(6).default(2),
  })
  .refine((m) => Math.abs(m.speechWeight + m.evaluationWeight - 1) <= EPS, {
    message: "speechWeight + evaluationWeight must be 1",
  })
  .refine((m) => m.trimMin >= 2 * m.trim + 1, { message: "trimMin must be at least 2·trim + 1" });

export const Position = z.object({
  id: Id,
  title: Label,
  seats: z.number().int().min(1).max(100),
  conditions: z.string().max(2000).optional(),
});

export const Candidate = z.object({
  id: Id,
  name: Label,
  /** Current unit or post, shown under the name. */
  unit: z.string().max(120).optional(),
  /** Positions whose application passed review, in preference order (每人限报两个岗位). */
  applications: z.array(Id).min(1).max(2),
});

export const Timers = z.object({
  speechSeconds: z.number().int().min(10).max(3600).default(300),
  defenseSeconds: z.number().int().min(10).max(3600).default(180),
});

function unique(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

export const RoundFile = z
  .object({
    format: z.literal("jingpin-round/1"),
    title: Label,
    positions: z.array(Position).min(1).max(50),
    candidates: z.array(Candidate).min(1).max(200),
    speakingOrder: z.array(Id).optional(),
    rubric: z.array(Criterion).min(1).max(20),
    groups: z.array(Group).min(1).max(20),
    evaluationOptions: z.array(EvaluationOption).min(2).max(10).default(DEFAULT_EVALUATION_OPTIONS),
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
  .superRefine((r, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const positionIds = new Set(r.positions.map((p) => p.id));
    const candidateIds = new Set(r.candidates.map((c) => c.id));
    if (!unique(r.positions.map((p) => p.id))) issue(["positions"], "duplicate id");
    if (!unique(r.candidates.map((c) => c.id))) issue(["candidates"], "duplicate id");
    if (!unique(r.rubric.map((c) => c.id))) issue(["rubric"], "duplicate id");
    if (!unique(r.groups.map((g) => g.id))) issue(["groups"], "duplicate id");
    if (!unique(r.evaluationOptions.map((o) => o.id))) issue(["evaluationOptions"], "duplicate id");
    r.candidates.forEach((c, i) => {
      if (!unique(c.applications)) issue(["candidates", i, "applications"], "duplicate position");
      c.applications.forEach((p, j) => {
        if (!positionIds.has(p)) issue(["candidates", i, "applications", j], "unknown position");
      });
    });
    if (r.speakingOrder) {
      const order = r.speakingOrder;
      const complete =
        order.length === candidateIds.size && order.every((c) => candidateIds.has(c));
      if (!complete || !unique(order)) issue(["speakingOrder"], "must list every candidate once");
    }
  });

export type RoundFileInput = z.input<typeof RoundFile>;
export type RoundConfig = z.output<typeof RoundFile>;
export type Criterion = z.output<typeof Criterion>;
export type Group = z.output<typeof Group>;
export type EvaluationOption = z.output<typeof EvaluationOption>;
export type Method = z.output<typeof Method>;
export type Position = z.output<typeof Position>;
export type Candidate = z.output<typeof Candidate>;
