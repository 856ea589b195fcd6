import type { Candidate, Position } from "../round-file.ts";
import { edgeTie } from "./edge-tie.ts";
import type { MeritScores, PositionRanking } from "./ranking.ts";
import { selectTargets, type TieBreak } from "./targets.ts";
import type { QuotaTie, TieDecisionLike } from "./types.ts";

export interface SettledPosition {
  /** The inspection targets once the chair's decisions are applied, in ranking order. */
  finalTargets: string[];
  /** Every tie met at the quota edge while settling: decided ones first, an open one last. */
  quotaTies: QuotaTie[];
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * Whether a decision settles this tie: taken for this post, not voided, choosing as many of
 * the tied candidates as fit. A decision names the tie it was taken on (`tied`), so it
 * settles that tie only; one from a file of format /1, which did not record it, settles a
 * tie that contains every candidate it chose.
 */
export function decisionFits(
  d: TieDecisionLike,
  positionId: string,
  tie: { tied: string[]; seats: number },
): boolean {
  if (d.positionId !== positionId || d.voided) return false;
  const chosen = new Set(d.chosen);
  if (chosen.size !== d.chosen.length || chosen.size !== tie.seats) return false;
  if (!d.chosen.every((c) => tie.tied.includes(c))) return false;
  return d.tied === undefined || sameSet(d.tied, tie.tied);
}

/** The decision that settled a tie (`QuotaTie.decision` is its index), or null when open. */
export function decisionOf<D>(decisions: readonly D[], tie: QuotaTie): D | null {
  return tie.decision === null ? null : (decisions[tie.decision] ?? null);
}

/**
 * The final inspection targets (scoring.md, "Tie decisions"): deferred acceptance, where a
 * decision breaks the tie it was taken on. At its post the chosen candidates rank above the
 * tied candidates left out, so the post rejects those, and each of them proposes to their
 * next application like any rejected candidate: they may become a target there, and whoever
 * they displace proposes on in turn. Decisions are applied one at a time, in the order of
 * the posts; the latest decision that fits a tie settles it. A tie no decision fits stays
 * open: the post holds every tied candidate, as plain deferred acceptance does.
 */
export function settleTargets(
  positions: Position[],
  candidates: Candidate[],
  rankings: Map<string, PositionRanking>,
  scores: Map<string, MeritScores>,
  inspectionRatio: number,
  decisions: readonly TieDecisionLike[],
): Map<string, SettledPosition> {
  const applied: { position: string; chosen: Set<string>; left: Set<string> }[] = [];
  const decided = new Map<string, QuotaTie[]>(positions.map((p) => [p.id, []]));
  const prefers: TieBreak = (position, y, x) =>
    applied.some((a) => a.position === position && a.chosen.has(y) && a.left.has(x));
  const orders = new Map([...rankings].map(([id, r]) => [id, r.ranking]));

  // Each pass settles one more tie, and a decision is applied once: at most as many passes.
  for (let pass = 0; pass <= decisions.length; pass++) {
    const targets = selectTargets(positions, candidates, orders, scores, inspectionRatio, prefers);
    const open = new Map<string, QuotaTie>();
    let next: { position: string; tie: QuotaTie; chosen: Set<string> } | null = null;
    for (const p of positions) {
      const held = targets.get(p.id);
      const tie = held && edgeTie({ ties: rankings.get(p.id)?.ties ?? [], ...held });
      if (!tie) continue;
      const index = lastIndexWhere(decisions, (d) => decisionFits(d, p.id, tie));
      const taken = decided.get(p.id)?.some((q) => q.decision === index);
      if (index === null || taken) open.set(p.id, { ...tie, decision: null });
      else
        next ??= {
          position: p.id,
          tie: { ...tie, decision: index },
          chosen: new Set(decisions[index]?.chosen),
        };
    }
    if (next === null) return settled(positions, targets, decided, open);
    const { position, tie, chosen } = next;
    applied.push({ position, chosen, left: new Set(tie.tied.filter((c) => !chosen.has(c))) });
    decided.get(position)?.push(tie);
  }
  throw new Error("settleTargets: a decision was applied twice");
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return i;
  }
  return null;
}

function settled(
  positions: Position[],
  targets: Map<string, { targets: string[] }>,
  decided: Map<string, QuotaTie[]>,
  open: Map<string, QuotaTie>,
): Map<string, SettledPosition> {
  return new Map(
    positions.map((p) => {
      const ties = [...(decided.get(p.id) ?? [])];
      const pending = open.get(p.id);
      if (pending) ties.push(pending);
      return [p.id, { finalTargets: targets.get(p.id)?.targets ?? [], quotaTies: ties }];
    }),
  );
}
