import { describe, expect, it } from "vitest";
import { compareMerit, type MeritScores, rankPosition } from "../../shared/scoring/ranking.ts";
import { candidate, position } from "./scoring-fixtures.ts";

function merits(list: MeritScores[]): Map<string, MeritScores> {
  return new Map(list.map((m) => [m.id, m]));
}

const m = (
  id: string,
  composite: number | null,
  speech: number | null = composite,
  evaluation: number | null = null,
) => ({
  id,
  composite,
  speech,
  evaluation,
});

describe("ranking per position", () => {
  it("ranks by composite, descending, over the applicants with a composite", () => {
    const candidates = [
      candidate("A", ["P1"]),
      candidate("B", ["P2", "P1"]),
      candidate("C", ["P1"]),
      candidate("D", ["P2"]),
      candidate("E", ["P1"]),
    ];
    const scores = merits([m("A", 70), m("B", 90), m("C", 80), m("D", 99), m("E", null)]);
    expect(rankPosition(position("P1"), candidates, scores)).toEqual({
      ranking: ["B", "C", "A"],
      ties: [],
    });
  });

  it("falls back to speech, then to evaluation, for equal composites", () => {
    const candidates = ["A", "B", "C", "D"].map((id) => candidate(id, ["P1"]));
    const scores = merits([
      m("A", 80, 75, 90),
      m("B", 80, 85, 70),
      m("C", 80, 75, 95),
      m("D", 81, 10, 10),
    ]);
    expect(rankPosition(position("P1"), candidates, scores).ranking).toEqual(["D", "B", "C", "A"]);
  });

  it("treats values within 1e-9 as equal, so float noise falls through to speech", () => {
    const a = m("A", 77, 70, 93.33333333333333);
    const b = m("B", 77.0000000001, 60, 100);
    expect(compareMerit(a, b)).toBeLessThan(0);
    expect(compareMerit(m("X", 1, 1, 1), m("Y", 1 + 2e-9, 1, 1))).toBeGreaterThan(0);
  });

  it("reports ties and lists tied candidates by id in code point order, not locale order", () => {
    const ids = ["a", "Z", "B", "c"];
    const candidates = ids.map((id) => candidate(id, ["P1"]));
    const scores = merits([m("a", 80, 80, 70), m("Z", 80, 80, 70), m("B", 80, 80, 70), m("c", 90)]);
    const { ranking, ties } = rankPosition(position("P1"), candidates, scores);
    expect(["a", "Z", "B"].sort((x, y) => x.localeCompare(y))).toEqual(["a", "B", "Z"]);
    expect(ranking).toEqual(["c", "B", "Z", "a"]);
    expect(ties).toEqual([["B", "Z", "a"]]);
  });

  it("does not depend on the order of the candidates", () => {
    const list = [m("A", 80), m("B", 80), m("C", 85), m("D", 70), m("E", 70), m("F", 70)];
    const candidates = list.map((x) => candidate(x.id, ["P1"]));
    const forward = rankPosition(position("P1"), candidates, merits(list));
    const backward = rankPosition(position("P1"), [...candidates].reverse(), merits(list));
    expect(backward).toEqual(forward);
    expect(forward.ties).toEqual([
      ["A", "B"],
      ["D", "E", "F"],
    ]);
  });

  it("ranks a missing speech or evaluation below a present one", () => {
    expect(compareMerit(m("A", 80, 80, null), m("B", 80, 80, 10))).toBeGreaterThan(0);
    expect(compareMerit(m("A", 80, 80, null), m("B", 80, 80, null))).toBe(0);
  });
});
