import type { RegisterFileRefusal } from "../../../../shared/protocol/index.ts";
import { VOTER_GROUPS, type VoterGroup } from "../../../../shared/setup/person.ts";
import {
  type RegisterIssue,
  registerIssueMessage,
} from "../../../../shared/setup/staff-register.ts";
import { t } from "../../lib/i18n.svelte.ts";

/** "第 3 行：“姓名”不能为空": where, then what is wrong. */
export function issueSentence(issue: RegisterIssue): string {
  const { at, problem } = registerIssueMessage(issue);
  return t("register.issue", {
    at: t(at.key, at.params),
    problem: t(problem.key, problem.params),
  });
}

/** Errors before warnings; the staff sheet before the relatives sheet; then by line. */
export function sortedIssues(issues: readonly RegisterIssue[]): RegisterIssue[] {
  const rank = (i: RegisterIssue) =>
    (i.level === "error" ? 0 : 1) * 2 + (i.sheet === "staff" ? 0 : 1);
  return [...issues].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

/** Why a file was refused, as `register.file.<reason>` says it. */
export function refusalSentence(refusal: RegisterFileRefusal): string {
  return t(`register.file.${refusal.reason}`, refusal.params ?? {});
}

export function groupLabel(group: VoterGroup): string {
  return t(`register.group.${group}`);
}

/** "局领导班子 1 人" for each group, in the round file's standard order. */
export function groupCounts(
  counts: Record<VoterGroup, number>,
): { group: VoterGroup; text: string }[] {
  return VOTER_GROUPS.map((group) => ({
    group,
    text: t("register.ui.groupCount", { group: groupLabel(group), n: counts[group] ?? 0 }),
  }));
}
