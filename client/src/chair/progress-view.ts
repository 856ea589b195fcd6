import type { Progress } from "../../../shared/protocol/index.ts";

/** Below this share of its cards a voter group is flagged as lagging behind. */
const LAGGING_BELOW = 0.8;

export interface GroupProgress {
  group: string;
  label: string;
  scored: number;
  /** Cards that abstained (回避) instead of scoring: done, but not ballots. */
  abstained: number;
  cards: number;
  /** 0..1 of the cards that acted (scored or abstained); 0 when the group holds no cards. */
  fraction: number;
  lagging: boolean;
}

export interface ProgressView {
  groups: GroupProgress[];
  scored: number;
  abstained: number;
  cards: number;
}

type Groups = readonly { id: string; label: string }[];

/** How many of the active cards have scored a candidate, per group and in all. */
export function candidateProgress(
  progress: Progress | null,
  groups: Groups,
  candidateId: string,
): ProgressView {
  return view(
    progress,
    groups,
    (g) => progress?.scored[candidateId]?.[g] ?? 0,
    (g) => progress?.abstained[candidateId]?.[g] ?? 0,
  );
}

/** How many of the active cards have cast the democratic evaluation, per group and in all. */
export function evaluationProgress(progress: Progress | null, groups: Groups): ProgressView {
  return view(
    progress,
    groups,
    (g) => progress?.evaluated?.[g] ?? 0,
    () => 0,
  );
}

function view(
  progress: Progress | null,
  groups: Groups,
  scoredIn: (group: string) => number,
  abstainedIn: (group: string) => number,
): ProgressView {
  const rows = groups.map((g) => {
    const cards = progress?.cards[g.id] ?? 0;
    const scored = scoredIn(g.id);
    const abstained = abstainedIn(g.id);
    // A voided card's earlier ballot still counts, so scored can exceed the active cards.
    const fraction = cards > 0 ? Math.min(1, (scored + abstained) / cards) : 0;
    return { group: g.id, label: g.label, scored, abstained, cards, fraction, lagging: false };
  });
  const withCards = rows.filter((r) => r.cards > 0);
  const lowest = Math.min(...withCards.map((r) => r.fraction));
  const spread = withCards.some((r) => r.fraction !== lowest);
  for (const r of withCards) {
    r.lagging = r.fraction < 1 && (r.fraction < LAGGING_BELOW || (spread && r.fraction === lowest));
  }
  return {
    groups: rows,
    scored: rows.reduce((sum, r) => sum + r.scored, 0),
    abstained: rows.reduce((sum, r) => sum + r.abstained, 0),
    cards: rows.reduce((sum, r) => sum + r.cards, 0),
  };
}

/**
 * The candidates not scored yet, in the order given: no closed scoring window, or a closed
 * one that holds no ballot (the chair is asked before the evaluation opens without them).
 * A candidate marked 弃权 or 缺席 is no one left to score: never named.
 */
export function unscoredCandidates<C extends { id: string }>(
  candidates: readonly C[],
  windows: Record<string, "open" | "closed">,
  progress: Progress | null,
  marks: Record<string, unknown> = {},
): C[] {
  const ballots = (id: string) =>
    Object.values(progress?.scored[id] ?? {}).reduce((sum, n) => sum + n, 0);
  return candidates.filter(
    (c) => !marks[c.id] && (windows[c.id] !== "closed" || (progress && ballots(c.id) === 0)),
  );
}
