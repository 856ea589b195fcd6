import type { RoundConfig } from "../round-file.ts";
import { DEFAULT_EVALUATION_OPTIONS } from "../round-file.ts";

/**
 * The rules a new draft starts from: the common practice of a bureau's 实施方案 (speech and
 * defense scored on knowledge, skills and overall quality; the three voter groups of the
 * democratic evaluation; 70 % speech, 30 % evaluation; the highest and lowest score dropped
 * from five ballots on). The organizer edits each before the start.
 */
export function defaultDraft(title: string): RoundConfig {
  return {
    format: "jingpin-round/1",
    title,
    positions: [],
    candidates: [],
    rubric: [
      { id: "knowledge", label: "相关知识", max: 30, step: 0.5 },
      { id: "skills", label: "工作技能", max: 30, step: 0.5 },
      { id: "quality", label: "综合素质", max: 40, step: 0.5 },
    ],
    groups: [
      { id: "leaders", label: "局领导班子", weight: 0.4 },
      { id: "middle", label: "中层干部", weight: 0.3 },
      { id: "staff", label: "一般干部职工", weight: 0.3 },
    ],
    evaluationOptions: DEFAULT_EVALUATION_OPTIONS,
    method: {
      trim: 1,
      trimMin: 5,
      speechWeight: 0.7,
      evaluationWeight: 0.3,
      inspectionRatio: 2,
      decimals: 2,
    },
    timers: { speechSeconds: 300, defenseSeconds: 180 },
  };
}
