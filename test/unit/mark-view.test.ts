import { describe, expect, it } from "vitest";
import { markable, nextSpeaker } from "../../client/src/chair/mark-view.ts";
import { unscoredCandidates } from "../../client/src/chair/progress-view.ts";
import type { Progress, SessionState } from "../../shared/protocol/index.ts";

const AT = "2026-05-20T02:00:00.000Z";

function session(over: Partial<SessionState> = {}) {
  return {
    status: "open",
    windows: {},
    revealed: [],
    hidden: [],
    marks: {},
    evaluation: "pending",
    evaluationRevealed: false,
    ...over,
  } as Pick<
    SessionState,
    "status" | "windows" | "revealed" | "hidden" | "marks" | "evaluation" | "evaluationRevealed"
  >;
}
const progress = (scored: Progress["scored"], abstained: Progress["abstained"] = {}) => ({
  scored,
  abstained,
});

describe("the chair's “下一位” skips 弃权 and 缺席", () => {
  const order = ["C3", "C6", "C1", "C7"];
  it("goes to the next unmarked candidate, or none at the end", () => {
    const marks = { C6: { mark: "absent", at: AT }, C7: { mark: "withdrawn", at: AT } } as const;
    expect(nextSpeaker(order, "C3", {})).toBe("C6");
    expect(nextSpeaker(order, "C3", marks)).toBe("C1");
    expect(nextSpeaker(order, "C1", marks)).toBeNull();
    expect(nextSpeaker(order, null, { C3: { mark: "absent", at: AT } })).toBe("C6");
  });
});

describe("which candidates the chair may mark", () => {
  it("one who has taken no part, while nothing is open", () => {
    expect(markable(session(), progress({}), "C1")).toBe(true);
    expect(markable(session({ windows: { C1: "closed" } }), progress({ C1: {} }), "C1")).toBe(true);
  });

  it("not one with a ballot or an abstention, a result shown, or a window open", () => {
    expect(markable(session(), progress({ C1: { leaders: 1 } }), "C1")).toBe(false);
    expect(markable(session(), progress({}, { C1: { staff: 1 } }), "C1")).toBe(false);
    expect(markable(session({ revealed: ["C1"] }), null, "C1")).toBe(false);
    expect(markable(session({ hidden: ["C1"] }), null, "C1")).toBe(false);
    expect(markable(session({ windows: { C1: "open" } }), null, "C1")).toBe(false);
    expect(markable(session({ evaluation: "open" }), null, "C1")).toBe(false);
    expect(markable(session({ evaluationRevealed: true }), null, "C1")).toBe(false);
    expect(markable(session({ status: "locked" }), null, "C1")).toBe(false);
    // Marked already: the mark is taken back first.
    expect(markable(session({ marks: { C1: { mark: "absent", at: AT } } }), null, "C1")).toBe(
      false,
    );
  });
});

describe("the evaluation's warning about unscored candidates", () => {
  it("does not name a candidate marked 弃权 or 缺席", () => {
    const candidates = [{ id: "C1" }, { id: "C2" }, { id: "C3" }];
    const scored = { scored: { C1: { a: 1 } } } as unknown as Progress;
    const marks = { C2: { mark: "absent", at: AT } };
    expect(unscoredCandidates(candidates, { C1: "closed" }, scored).map((c) => c.id)).toEqual([
      "C2",
      "C3",
    ]);
    expect(
      unscoredCandidates(candidates, { C1: "closed" }, scored, marks).map((c) => c.id),
    ).toEqual(["C3"]);
  });
});
