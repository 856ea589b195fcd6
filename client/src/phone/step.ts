import { isMultipleOf } from "../../../shared/rubric.ts";
import { formatScore, roundHalf } from "../../../shared/scoring/round-half.ts";

/**
 * Decimals a number from the round file is written with (step 0.5 → 1, max 30 → 0): scores
 * on a step's grid are shown with the step's decimals, a maximum as the organizer wrote it.
 */
export function decimalsOf(x: number): number {
  const [, fraction = ""] = String(x).split(".");
  return Math.min(fraction.length, 6);
}

/**
 * The score on the rubric's grid nearest to `value`, within 0..max. Counting whole steps and
 * rounding to the step's decimals keeps 3 × 0.1 from becoming 0.30000000000000004 on the wire.
 */
export function snapToStep(value: number, step: number, max: number): number {
  const steps = Math.round(Math.min(Math.max(value, 0), max) / step);
  return roundHalf(Math.min(steps * step, max), decimalsOf(step));
}

/** A number from the round file, as written there (30, 0.5), without toFixed's surprises. */
export function plain(x: number): string {
  // A sum such as 0.1 + 0.2 is first brought back to the few decimals it was written with.
  return formatScore(x, decimalsOf(roundHalf(x, 6)));
}

/** Where an untouched criterion starts when − or + is tapped first: the middle of its scale. */
export function midpoint(step: number, max: number): number {
  return snapToStep(max / 2, step, max);
}

/** What a voter typed into a criterion's box: nothing, a score to count, or why not. */
export type Typed =
  | { kind: "empty" }
  | { kind: "score"; value: number }
  | { kind: "bad"; problem: "number" | "range" }
  | { kind: "bad"; problem: "step"; near: number };

/**
 * Reads a typed score. A decimal comma (some keypads offer only that) or a full-width stop
 * counts as the point; anything off the step's grid or outside 0..max is refused, never
 * rounded silently: the voter must see what will count.
 */
export function readTyped(text: string, step: number, max: number): Typed {
  const t = text.trim().replace(/[,，。．]/g, ".");
  if (t === "") return { kind: "empty" };
  if (!/^[-−]?(\d+\.?\d*|\.\d+)$/.test(t)) return { kind: "bad", problem: "number" };
  const x = Number(t.replace("−", "-"));
  if (x < 0 || x > max) return { kind: "bad", problem: "range" };
  if (!isMultipleOf(x, step))
    return { kind: "bad", problem: "step", near: snapToStep(x, step, max) };
  return { kind: "score", value: snapToStep(x, step, max) };
}
