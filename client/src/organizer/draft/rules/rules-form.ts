import { canonicalJson } from "../../../../../shared/canonical-json.ts";
import type { RoundConfig } from "../../../../../shared/round-file.ts";

/**
 * The rules of a draft as the editor holds them: every number as the organizer typed it, so
 * that "0." or an emptied box stays on screen while the shared schema says what is wrong.
 * Ids are the file's own (kept, since they name criteria and groups in ballots and results)
 * or made here for new rows; the organizer never sees them.
 */
export interface CriterionRow {
  id: string;
  label: string;
  max: string;
  step: string;
}
export interface GroupRow {
  id: string;
  label: string;
  weight: string;
}
export interface OptionRow {
  id: string;
  label: string;
  points: string;
  /** False for an option such as 不了解: cast, but left out of the mean (points null). */
  counted: boolean;
  favourable: boolean;
}
export interface DurationFields {
  minutes: string;
  seconds: string;
}
export interface RulesForm {
  title: string;
  rubric: CriterionRow[];
  groups: GroupRow[];
  options: OptionRow[];
  /** β is not typed: it is 1 − α (scoring.md), shown beside α. */
  method: {
    trim: string;
    trimMin: string;
    speechWeight: string;
    inspectionRatio: string;
    decimals: string;
  };
  timers: { speech: DurationFields; defense: DurationFields };
}

/** The parts of a draft that `draft:rules` replaces, in the round file's own shape. */
export interface RuleParts {
  title: string;
  rubric: { id: string; label: string; max: unknown; step: unknown }[];
  groups: { id: string; label: string; weight: unknown }[];
  evaluationOptions: { id: string; label: string; points: unknown; favourable?: true }[];
  method: {
    trim: unknown;
    trimMin: unknown;
    speechWeight: unknown;
    evaluationWeight: unknown;
    inspectionRatio: unknown;
    decimals: unknown;
  };
  timers: { speechSeconds: unknown; defenseSeconds: unknown };
}
export type RulePart = keyof RuleParts;
export const RULE_PARTS: readonly RulePart[] = [
  "title",
  "rubric",
  "groups",
  "evaluationOptions",
  "method",
  "timers",
];

const FULL_WIDTH_DIGIT = /[０-９]/g;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A typed number, or the text itself when it is none: the schema then names the problem
 * ("应为数字") where the field is, as the server would. A Chinese keyboard may give
 * full-width digits, a full-width stop or a proper minus sign; they count as typed.
 */
export function readNumber(text: string): number | string {
  const t = text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[．。]/g, ".")
    .replace(/^[−－]/, "-");
  return NUMBER.test(t) ? Number(t) : text;
}

/**
 * 1 − α without the binary noise of the subtraction (1 − 0.7 is 0.30000000000000004): the
 * weights are written with a few decimals, so twelve are more than enough to bring it back.
 */
export function complement(a: number): number {
  const b = Number((1 - a).toFixed(12));
  return b === 0 ? 0 : b;
}

/** A number from the file as the organizer would write it (0.5, 30). */
const show = (x: number): string => String(x);

function durationFields(seconds: number): DurationFields {
  return { minutes: show(Math.floor(seconds / 60)), seconds: show(seconds % 60) };
}

/** The form of a draft's file as it stands. */
export function formFromFile(file: RoundConfig): RulesForm {
  const m = file.method;
  return {
    title: file.title,
    rubric: file.rubric.map((c) => ({
      id: c.id,
      label: c.label,
      max: show(c.max),
      step: show(c.step),
    })),
    groups: file.groups.map((g) => ({ id: g.id, label: g.label, weight: show(g.weight) })),
    options: file.evaluationOptions.map((o) => ({
      id: o.id,
      label: o.label,
      points: o.points === null ? "" : show(o.points),
      counted: o.points !== null,
      favourable: o.favourable === true,
    })),
    method: {
      trim: show(m.trim),
      trimMin: show(m.trimMin),
      speechWeight: show(m.speechWeight),
      inspectionRatio: show(m.inspectionRatio),
      decimals: show(m.decimals),
    },
    timers: {
      speech: durationFields(file.timers.speechSeconds),
      defense: durationFields(file.timers.defenseSeconds),
    },
  };
}

/**
 * Minutes and seconds as whole seconds; an empty box counts as 0 ("5" minutes and no
 * seconds is 5 min). Anything else that is no number is handed on as text for the schema.
 */
export function composeSeconds(d: DurationFields): unknown {
  const minutes = d.minutes.trim() === "" ? 0 : readNumber(d.minutes);
  const seconds = d.seconds.trim() === "" ? 0 : readNumber(d.seconds);
  if (typeof minutes !== "number" || typeof seconds !== "number") {
    return `${d.minutes}:${d.seconds}`;
  }
  // 1.5 min is 90 s; a fraction of a second left over is for the schema to refuse.
  return Number((minutes * 60 + seconds).toFixed(6));
}

/** The rule parts the form says, in the shape the round file checks. */
export function composeRules(form: RulesForm): RuleParts {
  const speechWeight = readNumber(form.method.speechWeight);
  return {
    title: form.title.trim(),
    rubric: form.rubric.map((c) => ({
      id: c.id,
      label: c.label.trim(),
      max: readNumber(c.max),
      step: readNumber(c.step),
    })),
    groups: form.groups.map((g) => ({
      id: g.id,
      label: g.label.trim(),
      weight: readNumber(g.weight),
    })),
    evaluationOptions: form.options.map((o) => ({
      id: o.id,
      label: o.label.trim(),
      points: o.counted ? readNumber(o.points) : null,
      ...(o.favourable ? { favourable: true as const } : {}),
    })),
    method: {
      trim: readNumber(form.method.trim),
      trimMin: readNumber(form.method.trimMin),
      speechWeight,
      // α + β = 1 holds by construction; with α unreadable, β is left at a legal 0 so that
      // only α's box shows the problem (rules-issues.ts says β's issues at α, once).
      evaluationWeight: typeof speechWeight === "number" ? complement(speechWeight) : 0,
      inspectionRatio: readNumber(form.method.inspectionRatio),
      decimals: readNumber(form.method.decimals),
    },
    timers: {
      speechSeconds: composeSeconds(form.timers.speech),
      defenseSeconds: composeSeconds(form.timers.defense),
    },
  };
}

/**
 * The parts that differ from the saved file, compared as the form would write the saved
 * file (so "30" against 30, or a favourable: false the file spelt out, is no change).
 */
export function changedParts(form: RulesForm, saved: RoundConfig): Partial<RuleParts> {
  const now = composeRules(form);
  const before = composeRules(formFromFile(saved));
  const out: Partial<RuleParts> = {};
  for (const part of RULE_PARTS) {
    if (canonicalJson(now[part]) !== canonicalJson(before[part])) {
      (out as Record<RulePart, unknown>)[part] = now[part];
    }
  }
  return out;
}

/**
 * A new row's id: the first of `c1`, `c2`… (for the prefix given) that no row has. Ids
 * stay ASCII (the round file's id rule) whatever the label, and a row keeps its id when
 * others move or go.
 */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((r) => r.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The list with entry `i` moved by `by` places (a no-op at either end). */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  const out = [...list];
  const a = out[i];
  const b = out[j];
  if (a === undefined || b === undefined) return out;
  out[i] = b;
  out[j] = a;
  return out;
}
