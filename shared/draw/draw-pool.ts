/**
 * What a draw is drawn from (docs/draw.md, "Pools"): the pool is published before any die is
 * thrown, so it must follow from the round alone, in an order nobody chose. The speaking
 * order's pool is the round's candidate ids in code point order; a post's questions draw is
 * drawn from its sealed bank, whose questions are numbered Q1, Q2, … in the order written.
 */
import { canonicalJson, compareCodePoints } from "../canonical-json.ts";
import { sha256Hex } from "../sha256.ts";

/** How many questions a post's draw takes (procedure.md: 3–5 uniform questions per post). */
export const QUESTION_PICKS = { min: 3, max: 5 } as const;

/** Witnesses of a draw: two or more (procedure.md), one source of numbers each. */
export const WITNESSES = { min: 2, max: 10 } as const;

/** The speaking order's pool: every candidate's id, in code point order. */
export function speakingOrderPool(candidates: readonly { id: string }[]): string[] {
  return candidates.map((c) => c.id).sort(compareCodePoints);
}

/** A question as the seal covers it: its number and its words, nothing about who wrote it. */
export interface SealedQuestion {
  id: string;
  text: string;
}

/** Question number n of "Qn", for ordering (Q2 before Q10). */
export function questionNumber(id: string): number {
  const n = /^Q([1-9][0-9]*)$/.exec(id)?.[1];
  return n === undefined ? Number.NaN : Number(n);
}

/** A bank's questions in question order. */
export function inQuestionOrder<T extends { id: string }>(questions: readonly T[]): T[] {
  return [...questions].sort((a, b) => questionNumber(a.id) - questionNumber(b.id));
}

/**
 * The sealed text of a bank: the canonical JSON of its questions in question order,
 * `[{"id":"Q1","text":"…"},…]`. Its SHA-256 is published when the bank is sealed; whoever
 * holds the bank afterwards (the discipline inspection, say) can check it is the one sealed.
 */
export function bankBody(questions: readonly SealedQuestion[]): string {
  return canonicalJson(inQuestionOrder(questions).map(({ id, text }) => ({ id, text })));
}

export function bankDigest(questions: readonly SealedQuestion[]): string {
  return sha256Hex(bankBody(questions));
}
