import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, smallGroups, votersPerGroup } from "../../shared/small-groups.ts";

describe("small voter groups", () => {
  it("flags a group of one or two, not an empty one or one of three", () => {
    expect(MIN_GROUP_SIZE).toBe(3);
    expect(smallGroups({ leaders: 2, middle: 0, staff: 3, guests: 1 })).toEqual([
      "leaders",
      "guests",
    ]);
  });

  it("keeps the order it is given", () => {
    expect(smallGroups({ a: 1, b: 2 }, ["b", "a", "c"])).toEqual(["b", "a"]);
  });

  it("counts voters as the most ballots a group cast for one candidate, speech or evaluation", () => {
    const speech = (group: string, candidate: string) => ({ group, candidate, scores: { k: 1 } });
    const evaluation = (group: string, candidate: string) => ({ group, candidate, option: "x" });
    const sizes = votersPerGroup([
      speech("leaders", "C1"),
      speech("leaders", "C2"),
      evaluation("leaders", "C1"),
      speech("staff", "C1"),
      speech("staff", "C1"),
      speech("staff", "C1"),
      evaluation("middle", "C1"),
      evaluation("middle", "C1"),
    ]);
    expect(sizes).toEqual({ leaders: 1, staff: 3, middle: 2 });
  });
});
