import { describe, expect, it } from "vitest";
import { edgeTie } from "../../shared/scoring/index.ts";
import type { PositionResult } from "../../shared/scoring/types.ts";

const position = (p: Partial<PositionResult>): PositionResult => ({
  id: "P",
  ranking: [],
  ties: [],
  targets: [],
  quota: 2,
  edgeTie: false,
  finalTargets: [],
  quotaTies: [],
  ...p,
});

describe("edgeTie", () => {
  it("is null without a tie at the quota edge", () => {
    expect(edgeTie(position({ ranking: ["A", "B", "C"], targets: ["A", "B"] }))).toBeNull();
    // A tie inside the quota is no decision to make.
    expect(
      edgeTie(position({ ranking: ["A", "B", "C"], ties: [["A", "B"]], targets: ["A", "B"] })),
    ).toBeNull();
  });

  it("names the tied candidates held and how many of them fit", () => {
    const p = position({
      ranking: ["A", "B", "C", "D"],
      ties: [["B", "C", "D"]],
      targets: ["A", "B", "C", "D"],
      edgeTie: true,
    });
    expect(edgeTie(p)).toEqual({ tied: ["B", "C", "D"], seats: 1 });
    const q = position({
      quota: 3,
      ranking: ["A", "B", "C", "D"],
      ties: [
        ["A", "B"],
        ["C", "D"],
      ],
      targets: ["A", "B", "C", "D"],
      edgeTie: true,
    });
    expect(edgeTie(q)).toEqual({ tied: ["C", "D"], seats: 1 });
  });

  it("counts only the tied candidates the position holds (others went to their first choice)", () => {
    const p = position({
      ranking: ["A", "B", "C", "D"],
      ties: [["B", "C", "D"]],
      targets: ["A", "B", "D"],
      edgeTie: true,
    });
    expect(edgeTie(p)).toEqual({ tied: ["B", "D"], seats: 1 });
  });
});
