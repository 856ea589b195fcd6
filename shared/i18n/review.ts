import { defineTexts } from "./define.ts";

/**
 * The qualification review (资格审查) and the applications: the hints of the condition checks
 * (shared/setup/eligibility.ts builds them, with the data used), the states and sources of
 * a nomination, the refusals of shared/setup/applications.ts, and the labels of the staff
 * register's coded fields (`person.*`). A hint's `{education}`, `{grades}`… are filled by
 * renderReviewMessage with labels translated in the same language.
 */
export const review = defineTexts({
  /** The conditions, as column headers of the review table. */
  "review.condition.workYears": { zh: "工作年限", en: "Years of work" },
  "review.condition.grassrootsYears": { zh: "基层工作经历", en: "Grassroots experience" },
  "review.condition.gradeYears": { zh: "现职级任职年限", en: "Years at the current grade" },
  "review.condition.education": { zh: "学历", en: "Education" },
  "review.condition.age": { zh: "年龄", en: "Age" },
  "review.condition.reviewGrades": { zh: "年度考核", en: "Annual reviews" },
  "review.condition.penalty": { zh: "处分", en: "Disciplinary penalties" },

  /** The hints: the data used, then what the post requires. */
  "review.check.workYears": {
    zh: "工作年限 {years} 年，要求 ≥ {min} 年",
    en: "{years} {years|year|years} of work, required ≥ {min}",
  },
  "review.check.grassrootsYears": {
    zh: "基层工作经历 {years} 年，要求 ≥ {min} 年",
    en: "{years} {years|year|years} at grassroots level, required ≥ {min}",
  },
  "review.check.gradeYears": {
    zh: "任现职级 {years} 年（{since} 起），要求 ≥ {min} 年",
    en: "{years} {years|year|years} at the current grade (since {since}), required ≥ {min}",
  },
  "review.check.gradeYears.noDate": {
    zh: "未录入任现职级时间，无法计算任职年限，要求 ≥ {min} 年",
    en: "No date recorded for the current grade, so its years cannot be counted; required ≥ {min}",
  },
  "review.check.education": {
    zh: "学历 {education}，要求 {min}及以上",
    en: "Education: {education}, required {min} or higher",
  },
  "review.check.age": {
    zh: "年龄 {age} 岁，要求 ≤ {max} 岁",
    en: "Age {age}, required ≤ {max}",
  },
  "review.check.reviewGrades": {
    zh: "近 {years} 年考核：{grades}，要求均为{atLeast}及以上",
    en: "Annual reviews of the last {years} {years|year|years}: {grades}; each required {atLeast} or better",
  },
  "review.check.reviewGrades.missing": {
    zh: "近 {years} 年考核：{grades}，要求均为{atLeast}及以上；缺少 {missing}的考核等次，无法确认",
    en: "Annual reviews of the last {years} {years|year|years}: {grades}; each required {atLeast} or better; no grade recorded for {missing}, so it cannot be confirmed",
  },
  "review.grades.item": { zh: "{year} {grade}", en: "{year} {grade}" },
  "review.grades.notRecorded": { zh: "{year} 无记录", en: "{year} not recorded" },
  "review.grades.year": { zh: "{year} 年", en: "{year}" },
  "review.check.penalty.none": { zh: "处分：无", en: "Disciplinary penalties: none" },
  "review.check.penalty.active": {
    zh: "处分：{kind}（{from} 起 {months} 个月，至 {until}），审查基准日仍在影响期内",
    en: "Penalty: {kind} ({months} {months|month|months} from {from}, until {until}), still in effect on the reference date",
  },
  "review.check.penalty.ended": {
    zh: "处分：{kind}（{from} 起 {months} 个月，至 {until}），审查基准日已过影响期",
    en: "Penalty: {kind} ({months} {months|month|months} from {from}, until {until}), no longer in effect on the reference date",
  },
  "review.check.penalty.later": {
    zh: "处分：{kind}（{from} 起 {months} 个月，至 {until}），在审查基准日之后作出，请核实",
    en: "Penalty: {kind} ({months} {months|month|months} from {from}, until {until}), imposed after the reference date; please verify",
  },
  "review.summary.pass": { zh: "各项条件均满足", en: "All conditions met" },
  "review.summary.fail": {
    zh: "{count} 项条件不满足",
    en: "{count} {count|condition|conditions} not met",
  },
  "review.hint.note": {
    zh: "以上按审查基准日 {date} 计算，仅供参考，是否通过由审查人决定",
    en: "Computed at the reference date {date}, for reference only: the reviewer decides",
  },

  /** The reviewer's decision. */
  "review.decision.pass": { zh: "通过", en: "Pass" },
  "review.decision.reject": { zh: "不通过", en: "Reject" },
  "review.decision.reason": { zh: "理由", en: "Reason" },
  "review.decision.overrideNote": {
    zh: "有条件不满足，通过须写明理由",
    en: "A condition is not met: passing needs a written reason",
  },

  /** Avoidance (回避, 公务员法 Arts. 74–77). */
  "review.avoidance.relation": {
    zh: "与申请人为{relation}关系，应当回避",
    en: "Related to the applicant ({relation}): must stand aside",
  },
  "review.avoidance.self": { zh: "不能审查本人的报名", en: "Cannot review one's own application" },

  /** A nomination's life: nominated → accepted (an applicant) → withdrawn, passed or rejected. */
  "review.status.nominated": { zh: "已被推荐，待本人确认", en: "Nominated, awaiting acceptance" },
  "review.status.accepted": { zh: "已报名", en: "Applied" },
  "review.status.declined": { zh: "本人未接受推荐", en: "Nomination declined" },
  "review.status.withdrawn": { zh: "已撤回报名", en: "Withdrawn" },
  "review.status.passed": { zh: "资格审查通过", en: "Passed the review" },
  "review.status.rejected": { zh: "资格审查未通过", en: "Rejected in the review" },
  "review.source.self": { zh: "个人自荐", en: "Self-nominated" },
  "review.source.staff": {
    zh: "群众推荐 {count} 人",
    en: "Nominated by {count} {count|colleague|colleagues}",
  },
  "review.source.party-group": { zh: "组织推荐", en: "Nominated by the party group" },
  "review.preference": { zh: "第 {n} 志愿", en: "Choice {n}" },
  "review.phase.registration": { zh: "报名中", en: "Registration open" },
  "review.phase.review": { zh: "资格审查中", en: "Review in progress" },
  "review.phase.closed": { zh: "资格审查已结束", en: "Review closed" },

  /** Refusals (ApplicationError in shared/setup/applications.ts). */
  "review.error.too_many_applications": {
    zh: "每人限报两个岗位，已报满两个，不能再报第三个",
    en: "Each person may apply for at most two posts; this would be a third",
  },
  "review.error.duplicate_application": {
    zh: "已报名该岗位，不能重复报名",
    en: "Already applied for this post",
  },
  "review.error.invalid_transition": {
    zh: "报名当前的状态不允许此操作",
    en: "Not possible in the application's current state",
  },
  "review.error.registration_closed": { zh: "报名已截止", en: "Registration is closed" },
  "review.error.review_closed": {
    zh: "资格审查已结束，不能再更改",
    en: "The qualification review is closed; nothing can change",
  },
  "review.error.reason_required_for_override": {
    zh: "有条件不满足，审查通过须写明理由",
    en: "A condition is not met: passing needs a written reason",
  },
  "review.error.reason_required_for_rejection": {
    zh: "不通过须写明理由",
    en: "Rejecting needs a written reason",
  },
  "review.error.reason_too_long": {
    zh: "理由最多 500 个字",
    en: "A reason may be at most 500 characters",
  },
  "review.error.reviewer_barred": {
    zh: "与该申请人有亲属关系，应当回避",
    en: "Related to this applicant: must stand aside",
  },

  /** Labels of the staff register's coded fields. */
  "person.education.high-school": { zh: "高中及以下", en: "high school or below" },
  "person.education.technical": { zh: "中专", en: "secondary vocational school" },
  "person.education.college": { zh: "大专", en: "junior college" },
  "person.education.bachelor": { zh: "本科", en: "bachelor's degree" },
  "person.education.master": { zh: "硕士研究生", en: "master's degree" },
  "person.education.doctor": { zh: "博士研究生", en: "doctorate" },
  "person.reviewGrade.excellent": { zh: "优秀", en: "excellent" },
  "person.reviewGrade.competent": { zh: "称职", en: "competent" },
  "person.reviewGrade.basic": { zh: "基本称职", en: "basically competent" },
  "person.reviewGrade.incompetent": { zh: "不称职", en: "incompetent" },
  "person.penalty.warning": { zh: "警告", en: "warning" },
  "person.penalty.demerit": { zh: "记过", en: "demerit" },
  "person.penalty.major-demerit": { zh: "记大过", en: "major demerit" },
  "person.penalty.demotion": { zh: "降级", en: "demotion" },
  "person.penalty.removal": { zh: "撤职", en: "removal from post" },
  "person.relation.spouse": { zh: "夫妻", en: "spouse" },
  "person.relation.lineal": { zh: "直系血亲", en: "direct blood relative" },
  "person.relation.collateral": {
    zh: "三代以内旁系血亲",
    en: "collateral relative within three generations",
  },
  "person.relation.in-law": { zh: "近姻亲", en: "close in-law" },
});
export type ReviewTextKey = keyof typeof review;
