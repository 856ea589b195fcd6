import type { RoundExportSource } from "../../shared/round-export.ts";
import { DEFAULT_EVALUATION_OPTIONS } from "../../shared/round-file.ts";
import {
  ballot,
  candidate,
  exampleBallots,
  exampleEvaluations,
  exampleGroups,
  exampleMethod,
  exampleRubric,
  position,
} from "./scoring-fixtures.ts";

export const round = {
  id: "r2026",
  title: "县安监局第二轮中层干部竞争上岗",
  lockedAt: "2026-05-20T10:42:00.000Z",
};

/** The worked example's candidate A and a second candidate B, on two positions. */
export function exampleSource(): RoundExportSource {
  return {
    round,
    config: {
      rubric: exampleRubric,
      groups: exampleGroups,
      evaluationOptions: DEFAULT_EVALUATION_OPTIONS,
      method: exampleMethod,
      positions: [position("P1"), position("P2")],
      candidates: [
        { ...candidate("A", ["P1"]), unit: "办公室副主任" },
        candidate("B", ["P2", "P1"]),
      ],
    },
    ballots: [...exampleBallots, ballot("leaders", "B", 95), ballot("staff", "B", 40)],
    evaluations: [...exampleEvaluations, { group: "middle", candidate: "B", option: "excellent" }],
  };
}
