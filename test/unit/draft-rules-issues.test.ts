import { describe, expect, it } from "vitest";
import { previewRubric } from "../../client/src/organizer/draft/rules/preview-rubric.ts";
import { composeRules, formFromFile } from "../../client/src/organizer/draft/rules/rules-form.ts";
import {
  checkRules,
  fieldProblem,
  issueLine,
  issuesBySlot,
  slotOf,
} from "../../client/src/organizer/draft/rules/rules-issues.ts";
import { tabAfterKey, tabHash, tabOf } from "../../client/src/organizer/draft/tab-route.ts";
import type { InputIssue } from "../../shared/errors.ts";
import { translate } from "../../shared/i18n/index.ts";
import { defaultDraft } from "../../shared/setup/default-rules.ts";

const saved = defaultDraft("第三轮竞争上岗");
/** The editor's words for an issue, in Chinese (null where it has none). */
const said = (issue: InputIssue | undefined) => {
  const m = issue && fieldProblem(issue);
  return m ? translate("zh-CN", m.key, m.params) : null;
};
/** The issues of the default draft's form after `edit`. */
function issuesAfter(edit: (form: ReturnType<typeof formFromFile>) => void) {
  const form = formFromFile(saved);
  edit(form);
  return checkRules(saved, composeRules(form));
}

describe("checking the rules as they are typed", () => {
  it("finds nothing wrong with the default rules", () => {
    expect(checkRules(saved, composeRules(formFromFile(saved)))).toEqual([]);
  });

  it("says a step that does not divide the maximum at the maximum, in the editor's words", () => {
    const issues = issuesAfter((f) => {
      if (f.rubric[0]) f.rubric[0].step = "7";
    });
    expect(issues.map((i) => i.path)).toEqual(["rubric.0.max"]);
    const [issue] = issues;
    if (!issue) throw new Error("no issue");
    expect(slotOf(issue.path)).toBe("rubric.0.max");
    expect(fieldProblem(issue)?.key).toBe("draft.problem.maxOffStep");
    expect(issueLine("zh-CN", issue)).toBe(
      "第 1 项评分标准“相关知识”的满分：应是最小单位的整数倍，否则评委打不出满分",
    );
    expect(issueLine("en", issue)).toBe(
      'Criterion 1 "相关知识", Maximum: must be a whole multiple of the step, or no voter could give full marks',
    );
  });

  it("says α out of range at α, and trimMin below 2k + 1 at n0", () => {
    const issues = issuesAfter((f) => {
      f.method.speechWeight = "1.2";
      f.method.trim = "3";
    });
    const slots = issuesBySlot(issues);
    // One problem at α: β is not typed, so it does not repeat α's.
    expect(slots.get("method.speechWeight")?.map((i) => i.problem.key)).toEqual([
      "file.problem.atMost",
    ]);
    expect(slots.get("method.trimMin")?.[0]?.problem.key).toBe("file.problem.trimMin");
    const trimMin = slots.get("method.trimMin")?.[0];
    expect(trimMin && issueLine("zh-CN", trimMin)).toBe(
      "计分方法的达到几份才去分：至少是去分个数的两倍加 1，去分后才至少剩下 1 份",
    );
  });

  it("says a negative or unreadable α once, at α", () => {
    const negative = issuesAfter((f) => {
      f.method.speechWeight = "-0.5";
    });
    expect(negative.map((i) => [i.path, i.problem.key])).toEqual([
      ["method.speechWeight", "file.problem.atLeast"],
    ]);
    const unreadable = issuesAfter((f) => {
      f.method.speechWeight = "七成";
    });
    expect(unreadable.map((i) => [i.path, i.problem.key])).toEqual([
      ["method.speechWeight", "file.problem.number"],
    ]);
  });

  it("says an empty box needs a number, and an empty name needs filling", () => {
    const issues = issuesAfter((f) => {
      if (f.groups[1]) f.groups[1].weight = "";
      if (f.rubric[2]) f.rubric[2].label = "  ";
    });
    const slots = issuesBySlot(issues);
    const weight = slots.get("groups.1.weight")?.[0];
    const label = slots.get("rubric.2.label")?.[0];
    expect(weight && fieldProblem(weight)?.key).toBe("draft.problem.number");
    expect(label && fieldProblem(label)?.key).toBe("draft.problem.empty");
    expect(label && issueLine("zh-CN", label)).toBe("第 3 项评分标准的名称：请填写");
  });

  it("says a timer's bounds as durations", () => {
    const issues = issuesAfter((f) => {
      f.timers.speech = { minutes: "0", seconds: "5" };
      f.timers.defense = { minutes: "61", seconds: "" };
    });
    const slots = issuesBySlot(issues);
    const short = slots.get("timers.speechSeconds")?.[0];
    const long = slots.get("timers.defenseSeconds")?.[0];
    expect(said(short)).toBe("不能短于 10 秒");
    expect(said(long)).toBe("不能长于 60 分钟");
    expect(long && issueLine("zh-CN", long)).toBe("计时的答辩时间：不能长于 60 分钟");
  });

  it("says too many decimals, and a weight at 0", () => {
    const issues = issuesAfter((f) => {
      if (f.rubric[0]) f.rubric[0].step = "0.125";
      if (f.groups[0]) f.groups[0].weight = "0";
    });
    const slots = issuesBySlot(issues);
    const step = slots.get("rubric.0.step")?.[0];
    expect(said(step)).toBe("最多 2 位小数");
    expect(slots.get("groups.0.weight")?.[0]?.problem.key).toBe("file.problem.atLeast");
  });
});

describe("where an issue is shown", () => {
  it("puts a field's issue at the field, others at their row, list or section", () => {
    expect(slotOf("title")).toBe("title");
    expect(slotOf("rubric.3.step")).toBe("rubric.3.step");
    expect(slotOf("rubric.3.id")).toBe("rubric.3");
    expect(slotOf("rubric.3")).toBe("rubric.3");
    expect(slotOf("rubric")).toBe("rubric");
    expect(slotOf("evaluationOptions.1.points")).toBe("evaluationOptions.1.points");
    expect(slotOf("evaluationOptions.1.favourable")).toBe("evaluationOptions.1");
    expect(slotOf("method.evaluationWeight")).toBe("method.speechWeight");
    expect(slotOf("method")).toBe("method");
    expect(slotOf("timers.defenseSeconds")).toBe("timers.defenseSeconds");
    expect(slotOf("positions.0.title")).toBe("");
  });

  it("falls back to the server's own sentence where the editor has no words", () => {
    const issues = issuesAfter((f) => {
      if (f.rubric[1] && f.rubric[0]) f.rubric[1].id = f.rubric[0].id;
    });
    const [issue] = issues;
    expect(issue?.path).toBe("rubric.1.id");
    expect(issue && fieldProblem(issue)).toBeNull();
    expect(issue && issueLine("zh-CN", issue)).toBe(
      "第 2 项评分标准“工作技能”的编号 knowledge 与前面重复",
    );
  });
});

describe("the preview's criteria", () => {
  it("shows those the file would take and counts the others", () => {
    const form = formFromFile(saved);
    if (form.rubric[1]) form.rubric[1].step = "7";
    if (form.rubric[2]) form.rubric[2].max = "";
    const { criteria, skipped } = previewRubric(composeRules(form).rubric);
    expect(criteria.map((c) => c.label)).toEqual(["相关知识"]);
    expect(skipped).toBe(2);
  });
});

describe("the workspace's tab in the address", () => {
  const ids = ["overview", "rules", "posts"];
  it("reads the tab, and the first for none or an unknown one", () => {
    expect(tabOf("#round=r1&tab=rules", ids)).toBe("rules");
    expect(tabOf("round=r1&tab=posts", ids)).toBe("posts");
    expect(tabOf("#round=r1", ids)).toBe("overview");
    expect(tabOf("#round=r1&tab=nope", ids)).toBe("overview");
    expect(tabOf("", ids)).toBe("overview");
  });

  it("writes the round and the tab, the first tab without a parameter", () => {
    expect(tabHash("r1", "rules", ids)).toBe("#round=r1&tab=rules");
    expect(tabHash("r1", "overview", ids)).toBe("#round=r1");
    expect(tabOf(tabHash("r2", "posts", ids), ids)).toBe("posts");
  });

  it("moves with the arrows, wrapping round, and Home and End", () => {
    expect(tabAfterKey("ArrowRight", "overview", ids)).toBe("rules");
    expect(tabAfterKey("ArrowRight", "posts", ids)).toBe("overview");
    expect(tabAfterKey("ArrowLeft", "overview", ids)).toBe("posts");
    expect(tabAfterKey("Home", "posts", ids)).toBe("overview");
    expect(tabAfterKey("End", "overview", ids)).toBe("posts");
    expect(tabAfterKey("Enter", "overview", ids)).toBeNull();
  });
});
