import type { Progress, SessionState } from "../../../shared/protocol/index.ts";

type Session = Pick<
  SessionState,
  "status" | "windows" | "revealed" | "hidden" | "marks" | "evaluation" | "evaluationRevealed"
>;

const sum = (counts: Record<string, number> | undefined) =>
  Object.values(counts ?? {}).reduce((n, c) => n + c, 0);

/**
 * Whether the chair may mark a candidate 弃权 or 缺席 now: the rules of candidate-mark.lua
 * as the page can see them (a candidate's evaluation choices are not in the progress; the
 * server refuses those with candidate_scored). A marked candidate is not markable: their
 * mark is taken back first.
 */
export function markable(
  session: Session,
  progress: Pick<Progress, "scored" | "abstained"> | null,
  candidateId: string,
): boolean {
  if (session.status !== "open" || session.marks[candidateId]) return false;
  if (session.windows[candidateId] === "open" || session.evaluation === "open") return false;
  if (session.evaluationRevealed) return false;
  if (session.revealed.includes(candidateId) || session.hidden.includes(candidateId)) return false;
  return sum(progress?.scored[candidateId]) + sum(progress?.abstained?.[candidateId]) === 0;
}

/** The next candidate in the speaking order after `current` who is not marked; null at the end. */
export function nextSpeaker(
  order: readonly string[],
  current: string | null,
  marks: SessionState["marks"],
): string | null {
  const from = current === null ? 0 : order.indexOf(current) + 1;
  return order.slice(from).find((id) => !marks[id]) ?? null;
}
