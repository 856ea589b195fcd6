import { defineTexts } from "./define.ts";

/**
 * Why an imported round file was refused, as sentences for the organizer: `file.at.*` names
 * the thing (its 1-based position and its label), `file.problem.*` says what is wrong with
 * it, and `file.issue` joins the two (shared/round-file-issues.ts builds them).
 */
export const roundFile = defineTexts({
  "file.issue": { zh: "{at}{problem}", en: "{at}: {problem}" },

  "file.at.file": { zh: "方案文件", en: "The round file" },
  "file.at.method": { zh: "计分方法（method）", en: "The method" },
  "file.at.timers": { zh: "计时设置（timers）", en: "The timers" },
  "file.at.speakingOrder": { zh: "演讲顺序第 {n} 项", en: "Speaking order entry {n}" },
  "file.at.position": { zh: "第 {n} 个岗位“{label}”", en: 'Post {n} "{label}"' },
  "file.at.position.unnamed": { zh: "第 {n} 个岗位", en: "Post {n}" },
  "file.at.candidate": { zh: "第 {n} 位竞聘人“{label}”", en: 'Candidate {n} "{label}"' },
  "file.at.candidate.unnamed": { zh: "第 {n} 位竞聘人", en: "Candidate {n}" },
  "file.at.criterion": { zh: "第 {n} 项评分标准“{label}”", en: 'Criterion {n} "{label}"' },
  "file.at.criterion.unnamed": { zh: "第 {n} 项评分标准", en: "Criterion {n}" },
  "file.at.group": { zh: "第 {n} 个评委组“{label}”", en: 'Voter group {n} "{label}"' },
  "file.at.group.unnamed": { zh: "第 {n} 个评委组", en: "Voter group {n}" },
  "file.at.option": { zh: "第 {n} 个测评选项“{label}”", en: 'Evaluation option {n} "{label}"' },
  "file.at.option.unnamed": { zh: "第 {n} 个测评选项", en: "Evaluation option {n}" },

  "file.problem.notJson": { zh: "不是一个 JSON 对象", en: "is not a JSON object" },
  "file.problem.missing": { zh: "缺少字段 {field}", en: "lacks the field {field}" },
  "file.problem.entry": { zh: "应为一个带字段的对象", en: "must be an object with fields" },
  "file.problem.number": { zh: "的 {field} 应为数字", en: "{field} must be a number" },
  "file.problem.integer": { zh: "的 {field} 应为整数", en: "{field} must be a whole number" },
  "file.problem.text": { zh: "的 {field} 应为文字", en: "{field} must be text" },
  "file.problem.list": { zh: "的 {field} 应为列表", en: "{field} must be a list" },
  "file.problem.object": { zh: "的 {field} 应为对象", en: "{field} must be an object" },
  "file.problem.boolean": {
    zh: "的 {field} 应为 true 或 false",
    en: "{field} must be true or false",
  },
  "file.problem.atLeast": { zh: "的 {field} 不能小于 {min}", en: "{field} must be at least {min}" },
  "file.problem.above": { zh: "的 {field} 必须大于 {min}", en: "{field} must be more than {min}" },
  "file.problem.atMost": { zh: "的 {field} 不能大于 {max}", en: "{field} must be at most {max}" },
  "file.problem.decimals": {
    zh: "的 {field} 最多 {decimals} 位小数",
    en: "{field} may have at most {decimals} {decimals|decimal|decimals}",
  },
  "file.problem.empty": { zh: "的 {field} 不能为空", en: "{field} must not be empty" },
  "file.problem.tooLong": {
    zh: "的 {field} 最多 {max} 个字",
    en: "{field} may be at most {max} characters",
  },
  "file.problem.fewItems": {
    zh: "的 {field} 有 {count} 项，至少需要 {min} 项",
    en: "{field} has {count} {count|entry|entries}; at least {min} needed",
  },
  "file.problem.manyItems": {
    zh: "的 {field} 有 {count} 项，最多 {max} 项",
    en: "{field} has {count} {count|entry|entries}; at most {max} allowed",
  },
  "file.problem.noApplication": { zh: "没有报名任何岗位", en: "applies for no post" },
  "file.problem.tooManyApplications": {
    zh: "报名了 {count} 个岗位，每人最多 {max} 个",
    en: "applies for {count} posts; at most {max} each",
  },
  "file.problem.format": {
    zh: "的格式标记 format 应为 {expected}",
    en: "the format marker must be {expected}",
  },
  "file.problem.oneOf": {
    zh: "的 {field} 应为 {values} 之一",
    en: "{field} must be one of {values}",
  },
  "file.problem.unknownFields": {
    zh: "有 {count} 个未知字段 {keys}",
    en: "has unknown {count|field|fields} {keys}",
  },
  "file.problem.id": {
    zh: "的编号 {value} 只能由 1–40 个字母、数字、_ 或 - 组成",
    en: "id {value} must be 1–40 letters, digits, _ or -",
  },
  "file.problem.reservedId": {
    zh: "的编号 {value} 是保留字，请换一个",
    en: "id {value} is reserved; choose another",
  },
  "file.problem.duplicateId": {
    zh: "的编号 {value} 与前面重复",
    en: "repeats the id {value} of an earlier entry",
  },
  "file.problem.duplicateApplication": {
    zh: "重复报名了同一个岗位",
    en: "applies for the same post twice",
  },
  "file.problem.samePerson": {
    zh: "与前面的竞聘人是同一个人（工号相同，或无工号而姓名、单位都相同）",
    en: "is the same person as an earlier candidate (same staff number, or no staff number and the same name and unit)",
  },
  "file.problem.samePost": {
    zh: "与前面的岗位是同一个岗位（岗位代码相同，或无代码而部门、名称都相同）",
    en: "is the same post as an earlier one (same code, or no code and the same department and title)",
  },
  "file.problem.unknownPosition": {
    zh: "报名的岗位 {value} 不在岗位列表中",
    en: "applies for {value}, which is not a listed post",
  },
  "file.problem.speakingOrder": {
    zh: "的演讲顺序 speakingOrder 必须把每位竞聘人各列一次",
    en: "speakingOrder must list every candidate exactly once",
  },
  "file.problem.maxOffStep": {
    zh: "的满分 max 不是步长 step 的整数倍，评委无法打出满分",
    en: "max is not a whole multiple of step, so no voter could give full marks",
  },
  "file.problem.partWeights": {
    zh: "的 speechWeight 与 evaluationWeight 之和必须为 1",
    en: "speechWeight and evaluationWeight must add up to 1",
  },
  "file.problem.trimMin": {
    zh: "的 trimMin 至少要比 trim 的两倍多 1",
    en: "trimMin must be at least 2 × trim + 1",
  },
  "file.problem.invalid": { zh: "的 {field} 不符合要求", en: "{field} is not valid" },
});

export type RoundFileProblem = Extract<keyof typeof roundFile, `file.problem.${string}`>;
