import type { InputIssue } from "../../../../../shared/errors.ts";
import {
  type Locale,
  type Message,
  type MessageKey,
  translate,
  translateIssue,
} from "../../../../../shared/i18n/index.ts";
import type { RoundConfig } from "../../../../../shared/round-file.ts";
import { DraftRoundFile } from "../../../../../shared/round-file.ts";
import { roundFileIssues } from "../../../../../shared/round-file-issues.ts";
import type { RuleParts } from "./rules-form.ts";

/**
 * The draft as it would be saved, checked by the round file's own schema in the browser: the
 * same rules and the same issues (paths, sentences) as `draft:rules` answers with, before
 * anything is sent.
 */
export function checkRules(saved: RoundConfig, parts: RuleParts): InputIssue[] {
  const file = { ...saved, ...parts };
  const parsed = DraftRoundFile.safeParse(file);
  if (parsed.success) return [];
  const issues = roundFileIssues(file, parsed.error.issues);
  // β is 1 − α, not typed: α out of 0..1 puts β out too, which is α's problem, said once.
  const atAlpha = issues.some((i) => i.path === "method.speechWeight");
  return atAlpha ? issues.filter((i) => i.path !== "method.evaluationWeight") : issues;
}

/** The fields of each list's rows, with the label the editor gives them. */
const ROW_FIELDS: Record<string, Record<string, MessageKey>> = {
  rubric: {
    label: "draft.rules.criterion.label",
    max: "draft.rules.criterion.max",
    step: "draft.rules.criterion.step",
  },
  groups: { label: "draft.rules.group.label", weight: "draft.rules.group.weight" },
  evaluationOptions: { label: "draft.rules.option.label", points: "draft.rules.option.points" },
};
const SECTION_FIELDS: Record<string, Record<string, MessageKey>> = {
  method: {
    trim: "draft.rules.method.trim",
    trimMin: "draft.rules.method.trimMin",
    speechWeight: "draft.rules.method.speechWeight",
    // β is not typed: it follows α, so what is wrong with it is shown at α.
    evaluationWeight: "draft.rules.method.speechWeight",
    inspectionRatio: "draft.rules.method.inspectionRatio",
    decimals: "draft.rules.method.decimals",
  },
  timers: {
    speechSeconds: "draft.rules.timers.speech",
    defenseSeconds: "draft.rules.timers.defense",
  },
};
const SECTION_NAMES: Record<string, MessageKey> = {
  method: "draft.rules.method",
  timers: "draft.rules.timers",
  // A list as a whole (too few entries): the schema names no entry then.
  rubric: "draft.rules.rubric",
  groups: "draft.rules.groups",
  evaluationOptions: "draft.rules.options",
};

/**
 * Where the editor shows an issue: the field's own path (`rubric.0.max`), its row
 * (`rubric.0`) for what belongs to no typed field (a repeated id), its list (`rubric`) or
 * section (`method`), `title`, or "" for the summary alone.
 */
export function slotOf(path: string): string {
  const [top = "", second, third, ...rest] = path.split(".");
  if (top === "title") return "title";
  const row = ROW_FIELDS[top];
  if (row) {
    if (second === undefined || !/^\d+$/.test(second)) return top;
    if (third !== undefined && rest.length === 0 && Object.hasOwn(row, third)) return path;
    return `${top}.${second}`;
  }
  const section = SECTION_FIELDS[top];
  if (section) {
    if (second === "evaluationWeight") return `${top}.speechWeight`;
    if (second !== undefined && Object.hasOwn(section, second)) return `${top}.${second}`;
    return top;
  }
  return "";
}

/** The issues by the slot that shows them. */
export function issuesBySlot(issues: readonly InputIssue[]): Map<string, InputIssue[]> {
  const out = new Map<string, InputIssue[]>();
  for (const issue of issues) {
    const slot = slotOf(issue.path);
    out.set(slot, [...(out.get(slot) ?? []), issue]);
  }
  return out;
}

/** The editor's own short wording of a problem, said under the field it is about. */
const FIELD_PROBLEMS: Partial<Record<MessageKey, MessageKey>> = {
  "file.problem.number": "draft.problem.number",
  "file.problem.integer": "draft.problem.integer",
  "file.problem.atLeast": "draft.problem.atLeast",
  "file.problem.above": "draft.problem.above",
  "file.problem.atMost": "draft.problem.atMost",
  "file.problem.decimals": "draft.problem.decimals",
  "file.problem.empty": "draft.problem.empty",
  "file.problem.tooLong": "draft.problem.tooLong",
  "file.problem.fewItems": "draft.problem.fewItems",
  "file.problem.manyItems": "draft.problem.manyItems",
  "file.problem.maxOffStep": "draft.problem.maxOffStep",
  "file.problem.partWeights": "draft.problem.partWeights",
  "file.problem.trimMin": "draft.problem.trimMin",
};

/**
 * What is wrong, said next to the field (it needs no name there), or null when the editor
 * has no words of its own for it: the schema's full sentence is shown then. A timer is
 * typed in minutes and seconds, so its bounds are said as durations.
 */
export function fieldProblem(issue: InputIssue): Message | null {
  const { key, params } = issue.problem;
  if (issue.path.startsWith("timers.")) {
    if (key === "file.problem.atLeast") return { key: "draft.problem.timerMin", params };
    if (key === "file.problem.atMost") {
      return { key: "draft.problem.timerMax", params: { minutes: Number(params.max) / 60 } };
    }
    if (key === "file.problem.integer") return { key: "draft.problem.timerWhole", params };
  }
  const own = FIELD_PROBLEMS[key];
  return own ? { key: own, params } : null;
}

/** The field's name as the editor labels it, for the summary; null for no typed field. */
function fieldName(path: string): MessageKey | null {
  const [top = "", second = "", third = ""] = path.split(".");
  if (top === "title") return "draft.rules.title";
  const row = ROW_FIELDS[top];
  if (row && /^\d+$/.test(second)) return row[third] ?? null;
  return SECTION_FIELDS[top]?.[second] ?? null;
}

/**
 * One issue as one line of the summary: the thing (by its position and label, as the
 * server says it), the field as the editor names it, and the editor's wording of the
 * problem; the server's own sentence where the editor has no words for it.
 */
export function issueLine(locale: Locale, issue: InputIssue): string {
  const problem = fieldProblem(issue);
  if (!problem) return translateIssue(locale, issue);
  const tr = (m: Message) => translate(locale, m.key, m.params);
  const [top = "", second = ""] = issue.path.split(".");
  const field = fieldName(issue.path);
  const sectionName = SECTION_NAMES[top];
  const inRow = Object.hasOwn(ROW_FIELDS, top) && /^\d+$/.test(second);
  const at = inRow ? tr(issue.at) : sectionName ? translate(locale, sectionName) : null;
  const params = { problem: tr(problem) };
  if (at && field) {
    return translate(locale, "draft.issue.atField", {
      ...params,
      at,
      field: translate(locale, field),
    });
  }
  if (at) return translate(locale, "draft.issue.at", { ...params, at });
  if (field)
    return translate(locale, "draft.issue.field", { ...params, field: translate(locale, field) });
  return translateIssue(locale, issue);
}
