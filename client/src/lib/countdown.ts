import type { TimerState } from "../../../shared/protocol/state.ts";

/** The last seconds are shown in red so the speaker and the hall see time running out. */
export const WARN_MS = 30_000;

export type TimerPhase = "ready" | "running" | "paused" | "over";

/**
 * Time left on a timer kept as absolute server times (state.ts): while it runs, what was left
 * at the start minus what has passed since, by the server's clock; never below zero.
 */
export function timerLeftMs(timer: TimerState, serverNow: number): number {
  if (timer.startedAt === null) return Math.max(0, timer.remainingMs);
  // A clock estimate a few ms behind the server's would otherwise show 00:11 on a 10 s timer.
  const elapsed = Math.max(0, serverNow - timer.startedAt);
  return Math.max(0, timer.remainingMs - elapsed);
}

export function timerPhase(timer: TimerState, serverNow: number): TimerPhase {
  if (timerLeftMs(timer, serverNow) <= 0) return "over";
  if (timer.startedAt !== null) return "running";
  return timer.remainingMs >= timer.durationMs ? "ready" : "paused";
}

/**
 * mm:ss, counting whole seconds up: 04:59.2 left shows 05:00, and 00:00 appears only when
 * time is really up, as on a hall clock.
 */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/**
 * How far a running timer is past zero, by the server's clock: the projector counts it up so
 * the hall sees how long a speaker has overrun. 0 before time is up and once stopped.
 */
export function timerOvertimeMs(timer: TimerState, serverNow: number): number {
  if (timer.startedAt === null) return 0;
  return Math.max(0, serverNow - timer.startedAt - timer.remainingMs);
}

/** m:ss of time elapsed, counting whole seconds passed (0:12 once twelve have gone by). */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}
