import { describe, expect, it } from "vitest";
import { candidateProgress, evaluationProgress } from "../../client/src/chair/progress-view.ts";
import { ABSTAIN, isBallotBody } from "../../client/src/phone/outbox.ts";
import type { Progress } from "../../shared/protocol/index.ts";

const groups = [
  { id: "leaders", label: "局领导班子" },
  { id: "staff", label: "一般干部职工" },
];

const progress: Progress = {
  roundId: "r1",
  version: 3,
  cards: { leaders: 4, staff: 10 },
  scored: { C1: { leaders: 3, staff: 9 } },
  abstained: { C1: { leaders: 1 } },
  evaluated: { leaders: 4 },
};

describe("the chair's progress with abstentions (回避)", () => {
  it("counts abstentions apart from ballots, per group and in all", () => {
    const view = candidateProgress(progress, groups, "C1");
    expect(view).toMatchObject({ scored: 12, abstained: 1, cards: 14 });
    expect(view.groups.map((g) => [g.group, g.scored, g.abstained])).toEqual([
      ["leaders", 3, 1],
      ["staff", 9, 0],
    ]);
  });

  it("takes a group whose every card scored or abstained as done, not lagging", () => {
    const [leaders, staff] = candidateProgress(progress, groups, "C1").groups;
    expect(leaders?.fraction).toBe(1);
    expect(leaders?.lagging).toBe(false);
    expect(staff?.fraction).toBeCloseTo(0.9, 12);
  });

  it("has no abstentions for the evaluation or for a candidate nobody abstained for", () => {
    expect(evaluationProgress(progress, groups).abstained).toBe(0);
    expect(candidateProgress(progress, groups, "C2").abstained).toBe(0);
  });
});

describe("the phone's ledger body of a candidate's slot", () => {
  it("is the scores of a ballot or the abstention, and nothing else", () => {
    expect(isBallotBody(ABSTAIN)).toBe(true);
    expect(isBallotBody({ knowledge: 20, abstain: 1 })).toBe(true);
    for (const bad of ["abstained", { abstain: true }, null, 3, ["abstain"]]) {
      expect(isBallotBody(bad)).toBe(false);
    }
  });
});
