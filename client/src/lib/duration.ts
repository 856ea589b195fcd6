import type { MessageKey } from "../../../shared/i18n/index.ts";

/**
 * A timer's length as people say it: "45 s", "5 min", "1 min 30 s". A fraction of a minute
 * ("0.8 min") reads as a typo on a button, and "0 min" for a short timer is plainly wrong.
 */
export function durationMessage(seconds: number): {
  key: MessageKey;
  params: Record<string, number>;
} {
  const whole = Math.max(0, Math.round(seconds));
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  if (m === 0) return { key: "duration.seconds", params: { s } };
  if (s === 0) return { key: "duration.minutes", params: { m } };
  return { key: "duration.minutesSeconds", params: { m, s } };
}
