import { describe, expect, it } from "vitest";
import DEMO_ROUND from "../../shared/demo-round.json" with { type: "json" };
import { buildRoundExport, verifyRoundExport } from "../../shared/round-export.ts";
import { type RoundConfig, RoundFile, type RoundFileInput } from "../../shared/round-file.ts";

/** Every number anywhere inside `value`, with where it is. */
function numbers(value: unknown, at = ""): [string, number][] {
  if (typeof value === "number") return [[at, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => numbers(v, `${at}.${k}`));
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** A round at the edge of every bound: the largest lists with the largest or smallest numbers. */
function extremeRound(big: boolean): RoundConfig {
  const file: RoundFileInput = {
    format: "jingpin-round/1",
    title: "题".repeat(120),
    positions: ids("P", 50).map((id) => ({ id, title: id, seats: big ? 100 : 1 })),
    candidates: ids("C", 200).map((id, i) => ({
      id,
      name: id,
      applications: [`P${i % 50}`, `P${(i + 1) % 50}`],
    })),
    rubric: ids("k", 20).map((id) => ({
      id,
      label: id,
      max: big ? 1000 : 0.01,
      step: 0.01,
    })),
    groups: ids("g", 20).map((id, i) => ({
      id,
      label: id,
      weight: big ? 100 : i === 0 ? 100 : 0.0001,
    })),
    evaluationOptions: ids("o", 10).map((id, i) => ({
      id,
      label: id,
      points: big ? 1000 : i === 9 ? null : 0,
    })),
    method: {
      trim: big ? 10 : 0,
      trimMin: big ? 21 : 1,
      speechWeight: 0.5,
      evaluationWeight: 0.5,
      inspectionRatio: big ? 10 : 1,
      decimals: big ? 6 : 0,
    },
    timers: { speechSeconds: big ? 3600 : 10, defenseSeconds: big ? 3600 : 10 },
  };
  return RoundFile.parse(file);
}

function ballots(config: RoundConfig) {
  const full = Object.fromEntries(config.rubric.map((c) => [c.id, c.max]));
  const none = Object.fromEntries(config.rubric.map((c) => [c.id, 0]));
  return config.groups.flatMap((g) =>
    ids("C", 3).flatMap((candidate) =>
      Array.from({ length: 25 }, (_, i) => ({
        group: g.id,
        candidate,
        scores: i % 2 ? full : none,
      })),
    ),
  );
}

describe("round-file bounds", () => {
  it.each([
    ["largest", true],
    ["smallest", false],
  ])("with the %s legal values every result and export number is finite", (_l, big) => {
    const config = extremeRound(big);
    const evaluations = config.groups.flatMap((g) =>
      config.evaluationOptions.map((o, i) => ({ group: g.id, candidate: `C${i}`, option: o.id })),
    );
    const file = buildRoundExport({
      round: { id: "r1", title: config.title, lockedAt: "2026-05-20T10:42:00.000Z" },
      config,
      ballots: ballots(config),
      evaluations,
    });
    const all = numbers(file);
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter(([, n]) => !Number.isFinite(n))).toEqual([]);
    expect(file.results.candidates[0]?.speech).not.toBeNull();
    expect(verifyRoundExport(JSON.parse(JSON.stringify(file))).ok).toBe(true);
  });

  const demo = () => structuredClone(DEMO_ROUND) as RoundFileInput;
  /** The list with its first entry changed. */
  const first = <T>(list: T[], change: Partial<T>): T[] =>
    list.map((x, i) => (i === 0 ? { ...x, ...change } : x));
  const options = (points: number) => [
    { id: "a", label: "甲", points },
    { id: "b", label: "乙", points: 0 },
  ];
  type Change = (f: RoundFileInput) => RoundFileInput;
  const method =
    (m: Record<string, number | string>): Change =>
    (f) => ({
      ...f,
      method: { ...f.method, ...m },
    });
  const refused: [string, Change][] = [
    ["a weight above 100", (f) => ({ ...f, groups: first(f.groups, { weight: 100.0001 }) })],
    ["a weight of 1e308", (f) => ({ ...f, groups: first(f.groups, { weight: 1e308 }) })],
    ["a weight below 0.0001", (f) => ({ ...f, groups: first(f.groups, { weight: 0.00009 }) })],
    ["points above 1000", (f) => ({ ...f, evaluationOptions: options(1000.01) })],
    ["negative points", (f) => ({ ...f, evaluationOptions: options(-1) })],
    ["a max above 1000", (f) => ({ ...f, rubric: first(f.rubric, { max: 1000.5, step: 0.5 }) })],
    ["a step below 0.01", (f) => ({ ...f, rubric: first(f.rubric, { max: 30, step: 0.005 }) })],
    ["a 3-decimal step", (f) => ({ ...f, rubric: first(f.rubric, { max: 30, step: 0.125 }) })],
    ["101 seats", (f) => ({ ...f, positions: first(f.positions, { seats: 101 }) })],
    ["a 3601-second speech", (f) => ({ ...f, timers: { speechSeconds: 3601 } })],
    ["a 9-second defense", (f) => ({ ...f, timers: { defenseSeconds: 9 } })],
    ["trim 11", method({ trim: 11, trimMin: 23 })],
    ["trimMin 2001", method({ trimMin: 2001 })],
    ["a ratio above 10", method({ inspectionRatio: 10.01 })],
    ["a ratio below 1", method({ inspectionRatio: 0.99 })],
    ["7 decimals", method({ decimals: 7 })],
    ["an unknown method field", method({ rounding: "up" })],
    [
      "51 positions",
      (f) => ({ ...f, positions: ids("P", 51).map((id) => ({ id, title: id, seats: 1 })) }),
    ],
    [
      "201 candidates",
      (f) => ({
        ...f,
        candidates: ids("C", 201).map((id) => ({ id, name: id, applications: ["office"] })),
      }),
    ],
    [
      "21 criteria",
      (f) => ({ ...f, rubric: ids("k", 21).map((id) => ({ id, label: id, max: 5, step: 1 })) }),
    ],
    [
      "21 groups",
      (f) => ({ ...f, groups: ids("g", 21).map((id) => ({ id, label: id, weight: 1 })) }),
    ],
    [
      "11 options",
      (f) => ({
        ...f,
        evaluationOptions: ids("o", 11).map((id) => ({ id, label: id, points: 1 })),
      }),
    ],
    [
      "3 applications",
      (f) => ({
        ...f,
        candidates: first(f.candidates, { applications: ["office", "law", "safety"] }),
      }),
    ],
    ["an unknown top-level field", (f) => ({ ...f, sponsor: "组织部" })],
  ];

  it("accepts the demo round the cases below start from", () => {
    expect(RoundFile.safeParse(demo()).success).toBe(true);
  });

  it.each(refused)("refuses %s", (_label, change) => {
    expect(RoundFile.safeParse(change(demo())).success).toBe(false);
  });
});
