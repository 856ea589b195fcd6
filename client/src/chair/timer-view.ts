import type { TimerKind, TimerState } from "../../../shared/protocol/index.ts";

/** The server resumes a stopped timer of the same kind that has time left, else starts anew. */
export function resumes(timer: TimerState | null, kind: TimerKind): boolean {
  return (
    timer !== null &&
    timer.kind === kind &&
    timer.startedAt === null &&
    timer.remainingMs > 0 &&
    timer.remainingMs < timer.durationMs
  );
}
