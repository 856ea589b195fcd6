import { describe, expect, it } from "vitest";
import { unscoredCandidates } from "../../client/src/chair/progress-view.ts";
import type { Progress } from "../../shared/protocol/index.ts";

const candidates = [{ id: "C1" }, { id: "C2" }, { id: "C3" }, { id: "C4" }];
const progress = (scored: Progress["scored"]) => ({ scored }) as Progress;

describe("the candidates the chair is warned about before the evaluation opens", () => {
  it("names those with no closed window, or a closed one that holds no ballot", () => {
    const windows = { C1: "closed", C2: "open", C4: "closed" } as const;
    const p = progress({ C1: { leaders: 1, staff: 0 }, C2: { leaders: 3 }, C4: { leaders: 0 } });
    expect(unscoredCandidates(candidates, windows, p).map((c) => c.id)).toEqual(["C2", "C3", "C4"]);
  });

  it("names nobody when every candidate was scored and closed", () => {
    const windows = { C1: "closed", C2: "closed", C3: "closed", C4: "closed" } as const;
    const p = progress({ C1: { a: 1 }, C2: { a: 1 }, C3: { b: 2 }, C4: { a: 1 } });
    expect(unscoredCandidates(candidates, windows, p)).toEqual([]);
  });

  it("without progress yet, goes by the windows alone", () => {
    expect(unscoredCandidates(candidates, { C1: "closed" }, null).map((c) => c.id)).toEqual([
      "C2",
      "C3",
      "C4",
    ]);
  });
});
