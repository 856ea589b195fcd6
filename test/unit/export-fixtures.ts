import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildRoundExport,
  exportDigest,
  type RoundExport,
  type RoundExportSource,
} from "../../shared/round-export.ts";
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

/** The committed file of format /1 (test/fixtures), as written before format /2. */
export const V1_FIXTURE = fileURLToPath(
  new URL("../fixtures/round-export-v1.json", import.meta.url),
);

export function readV1Fixture(): RoundExport {
  return JSON.parse(readFileSync(V1_FIXTURE, "utf8")) as RoundExport;
}

/** The /1 fixture's round exported again by this code (/2), its decision naming its tie. */
export function v2FromV1Fixture(): RoundExport {
  const v1 = readV1Fixture();
  return buildRoundExport({
    round: v1.round,
    config: v1,
    ballots: v1.ballots,
    evaluations: v1.evaluations,
    decisions: v1.decisions.map((d) => ({ ...d, tied: ["X", "Z"] })),
  });
}

/** A file with its digest made to match again after an edit: only the recount can catch it. */
export function redigested(file: RoundExport): RoundExport {
  const { digest: _old, ...body } = file;
  return { ...file, digest: exportDigest(body) };
}
