/**
 * Rounding for display and export only (scoring.md): half away from zero, with a 1e-9
 * nudge so that a value such as 81.925, stored as 81.92499999999999, still shows as 81.93.
 * `toFixed` would show 81.92: it rounds the binary value, not the decimal one.
 */
const NUDGE = 1e-9;

function scaledMagnitude(x: number, d: number): number {
  return Math.floor(Math.abs(x) * 10 ** d + 0.5 + NUDGE);
}

/** round(x, d) = sign(x) · floor(|x|·10^d + 0.5 + 1e-9) / 10^d; never returns -0. */
export function roundHalf(x: number, d: number): number {
  const rounded = (Math.sign(x) * scaledMagnitude(x, d)) / 10 ** d;
  return rounded === 0 ? 0 : rounded;
}

/**
 * The rounded value with exactly `d` decimals, "—" for a missing value. Built from the
 * scaled integer, so no second binary-to-decimal rounding can change a digit.
 */
export function formatScore(x: number | null, d: number): string {
  if (x === null) return "—";
  const magnitude = scaledMagnitude(x, d);
  const digits = String(magnitude).padStart(d + 1, "0");
  const whole = digits.slice(0, digits.length - d);
  const fraction = d > 0 ? `.${digits.slice(digits.length - d)}` : "";
  const sign = x < 0 && magnitude !== 0 ? "-" : "";
  return `${sign}${whole}${fraction}`;
}

/** A weight (a fraction of the whole) as a percentage, to 2 decimals: 0.3 → 30, 1/3 → 33.33. */
export function percentOf(fraction: number): number {
  return roundHalf(fraction * 100, 2);
}

/**
 * A favourable rate as a percentage with one decimal (e.g. "73.3%"), the same on the
 * projector, the chair's console, the results sheet and the Excel export.
 */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${formatScore(rate * 100, 1)}%`;
}
