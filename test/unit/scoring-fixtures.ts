import {
  type Candidate,
  DEFAULT_EVALUATION_OPTIONS,
  type Method,
  type Position,
} from "../../shared/round-file.ts";
import type { EvaluationBallot, ScoringInput, SpeechBallot } from "../../shared/scoring/types.ts";

/** The rubric, groups and method of the worked example in scoring.md. */
export const exampleRubric = [
  { id: "knowledge", label: "知识", max: 30, step: 0.5 },
  { id: "skills", label: "技能", max: 30, step: 0.5 },
  { id: "quality", label: "素质", max: 40, step: 0.5 },
];

export const exampleGroups = [
  { id: "leaders", label: "局领导班子", weight: 0.4 },
  { id: "middle", label: "中层干部", weight: 0.3 },
  { id: "staff", label: "一般干部职工", weight: 0.3 },
];

export const exampleMethod: Method = {
  trim: 1,
  trimMin: 5,
  speechWeight: 0.7,
  evaluationWeight: 0.3,
  inspectionRatio: 2,
  decimals: 2,
};

/** A ballot of the example rubric whose criteria add up to `total` (0..100). */
export function ballot(group: string, candidate: string, total: number): SpeechBallot {
  const knowledge = Math.min(30, total);
  const skills = Math.min(30, total - knowledge);
  return {
    group,
    candidate,
    scores: { knowledge, skills, quality: total - knowledge - skills },
  };
}

export function ballots(group: string, candidate: string, totals: number[]): SpeechBallot[] {
  return totals.map((t) => ballot(group, candidate, t));
}

export function evaluations(
  group: string,
  candidate: string,
  options: string[],
): EvaluationBallot[] {
  return options.map((option) => ({ group, candidate, option }));
}

export function candidate(id: string, applications: string[]): Candidate {
  return { id, name: `候选人${id}`, applications };
}

export function position(id: string, seats = 1): Position {
  return { id, title: `岗位${id}`, seats };
}

/** A scoring input on the example's rubric, groups and method, with overrides. */
export function scoringInput(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return {
    rubric: exampleRubric,
    groups: exampleGroups,
    evaluationOptions: DEFAULT_EVALUATION_OPTIONS,
    method: exampleMethod,
    positions: [position("P1")],
    candidates: [candidate("A", ["P1"])],
    ballots: [],
    evaluations: [],
    ...overrides,
  };
}

/** Candidate A of the worked example: its speech ballots and evaluation ballots. */
export const exampleBallots: SpeechBallot[] = [
  ...ballots("leaders", "A", [88, 90, 92]),
  ...ballots("middle", "A", [80, 85, 70, 95, 90]),
  ...ballots("staff", "A", [60, 75]),
];

export const exampleEvaluations: EvaluationBallot[] = [
  ...evaluations("leaders", "A", ["excellent", "excellent", "competent"]),
  ...evaluations("middle", "A", ["competent", "competent", "competent", "competent", "unknown"]),
  ...evaluations("staff", "A", ["basic", "competent"]),
];
