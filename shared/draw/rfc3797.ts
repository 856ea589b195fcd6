/**
 * Publicly verifiable random selection by RFC 3797 (procedure.md, "Speaking order and
 * defense questions are drawn publicly"): the pool is published first, witnesses then throw
 * dice, and anyone can redo every step from the pool and the numbers. No internet is needed,
 * which a bureau intranet lacks.
 */
import { canonicalJson } from "../canonical-json.ts";
import { sha256Hex, utf8Bytes } from "../sha256.ts";
import type { DrawPurpose, DrawRecord, DrawStep } from "./draw-record.ts";
import { hex, md5 } from "./md5.ts";

/** j is written as two bytes, so no draw has more steps than this (RFC 3797 section 4). */
export const MAX_PICKS = 0x10000;

/**
 * The key (RFC 3797 section 4): each number in decimal without leading zeros and followed
 * by "."; a source of several numbers sorted ascending first, so the order in which dice
 * were read out does not matter; each source ends with "/". Sources stay in announced order.
 */
export function drawKey(sources: readonly (readonly number[])[]): string {
  return sources
    .map((numbers) => {
      const sorted = [...numbers].sort((a, b) => a - b);
      // String() of a safe integer has no leading zeros and no exponent; -0 gives "0".
      return `${sorted.map((n) => `${String(n)}.`).join("")}/`;
    })
    .join("");
}

/** MD5(j as 2 bytes big-endian ‖ key ‖ j as 2 bytes big-endian), upper-case hex as RFC 3797 prints it. */
export function stepHash(key: string, j: number): string {
  const jj = [(j >> 8) & 0xff, j & 0xff];
  // The key is ASCII (digits, "." and "/"), so its UTF-8 bytes are its ASCII bytes.
  const bytes = Uint8Array.from([...jj, ...utf8Bytes(key), ...jj]);
  return hex(md5(bytes)).toUpperCase();
}

/** The hash read as an unsigned 128-bit big-endian integer. */
function hashValue(md5Hex: string): bigint {
  return BigInt(`0x${md5Hex}`);
}

/**
 * Picks `picks` items (all by default): at step j, of the M items still in the pool, the one
 * at index H mod M (counted from 0; RFC 3797's text counts from 1, "remainder plus one",
 * which is the same item) is taken out. Pool order matters: it is the published order.
 */
export function drawSteps(
  pool: readonly string[],
  key: string,
  picks: number = pool.length,
): DrawStep[] {
  if (!Number.isInteger(picks) || picks < 1 || picks > pool.length || picks > MAX_PICKS) {
    throw new RangeError(`drawSteps: picks ${picks} is not in 1..${pool.length}`);
  }
  const left = [...pool];
  const steps: DrawStep[] = [];
  for (let j = 0; j < picks; j++) {
    const digest = stepHash(key, j);
    const remaining = left.length;
    const index = Number(hashValue(digest) % BigInt(remaining));
    const [item] = left.splice(index, 1);
    steps.push({ md5: digest, remaining, index, item: item ?? "" });
  }
  return steps;
}

/**
 * Decimal digits of randomness a draw needs (RFC 3797 section 3.3, procedure.md): at least
 * log10 of the number of possible outcomes plus 5, i.e. log10(n!) for a full order and
 * log10(n!/(n-picks)!) for an ordered subset. Computed exactly with BigInt: a float sum of
 * logarithms could land a hair above an integer and ask for one digit too many.
 */
export function digitsNeeded(n: number, picks: number = n): number {
  if (!Number.isInteger(n) || !Number.isInteger(picks) || picks < 0 || picks > n) {
    throw new RangeError(`digitsNeeded: picks ${picks} of ${n}`);
  }
  let outcomes = BigInt(1);
  for (let k = n - picks + 1; k <= n; k++) outcomes *= BigInt(k);
  const digits = outcomes.toString();
  // ceil(log10 P): the digit count, less one when P is a power of ten (1, 10, 100, ...).
  const isPowerOfTen = /^10*$/.test(digits);
  return digits.length - (isPowerOfTen ? 1 : 0) + 5;
}

/** Decimal digits the witnesses actually supplied, as written in the key. */
export function sourceDigits(sources: readonly (readonly number[])[]): number {
  return sources.flat().reduce((sum, n) => sum + String(n).length, 0);
}

/** SHA-256 (lower-case hex) of the pool's canonical JSON: what the organizer publishes first. */
export function poolDigest(pool: readonly string[]): string {
  return sha256Hex(canonicalJson(pool));
}

export interface DrawInput {
  purpose: DrawPurpose;
  pool: readonly string[];
  sources: readonly (readonly number[])[];
  /** How many to draw; the whole pool (a full order) when omitted. */
  picks?: number;
  /** Who supplied each source, parallel to `sources`; null for a source with no named witness. */
  witnesses?: readonly (string | null)[];
  roundId?: string;
  postId?: string;
}

/** The jingpin-draw/1 record of a draw. Input is trusted: parse it at the boundary first. */
export function makeDrawRecord(input: DrawInput): DrawRecord {
  const picks = input.picks ?? input.pool.length;
  const key = drawKey(input.sources);
  const steps = drawSteps(input.pool, key, picks);
  return {
    format: "jingpin-draw/1",
    purpose: input.purpose,
    ...(input.roundId !== undefined && { roundId: input.roundId }),
    ...(input.postId !== undefined && { postId: input.postId }),
    pool: [...input.pool],
    poolDigest: poolDigest(input.pool),
    sources: input.sources.map((numbers) => [...numbers]),
    ...(input.witnesses !== undefined && { witnesses: [...input.witnesses] }),
    key,
    picks,
    steps,
    result: steps.map((step) => step.item),
  };
}
