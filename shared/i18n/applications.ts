import { defineTexts } from "./define.ts";

/**
 * The console's 报名 and 资格审查 tabs and the published list of competitors (/r/:roundId).
 * The hints, statuses, sources and decisions themselves are review.ts's words.
 */
export const applications = defineTexts({
  "apps.tab.applications": { zh: "报名", en: "Applications" },
  "apps.tab.review": { zh: "资格审查", en: "Review" },
  "apps.tabs": { zh: "草稿的工作区", en: "Draft workspace" },

  "apps.heading": { zh: "报名与推荐", en: "Nominations and applications" },
  "apps.loading": { zh: "正在读取报名…", en: "Loading the applications…" },
  "apps.noAnnouncement": {
    zh: "岗位公告尚未发布：发布后才能报名和推荐。",
    en: "The posts are not announced yet: nominations open once they are published.",
  },
  "apps.announcement": {
    zh: "岗位公告第 {version} 版 · 报名截止 {applyUntil} · 审查基准日 {referenceDate}",
    en: "Announcement v{version} · applications until {applyUntil} · reference date {referenceDate}",
  },
  "apps.rule": {
    zh: "每人限报两个岗位，按第一、第二志愿排序；被推荐人确认后才成为报名人，资格审查结束前可撤回。",
    en: "Each person applies for at most two posts, as first and second choice; a nominee applies once they accept, and may withdraw until the review closes.",
  },

  "apps.form.heading": { zh: "登记报名或推荐", en: "Record a nomination" },
  "apps.form.search": { zh: "查找人员", en: "Find a person" },
  "apps.form.searchPlaceholder": { zh: "姓名、工号或部门", en: "Name, staff no. or department" },
  "apps.form.results": { zh: "名册中的人员", en: "People in the register" },
  "apps.form.noMatch": { zh: "名册中没有匹配的人员", en: "No one in the register matches" },
  "apps.form.more": {
    zh: "另有 {n} 人，请输入更多字缩小范围",
    en: "{n} more: type more to narrow",
  },
  "apps.form.registerEmpty": {
    zh: "人员名册为空，请先导入名册。",
    en: "The staff register is empty: import it first.",
  },
  "apps.form.person": {
    zh: "{name}（{staffNo}，{department}）",
    en: "{name} ({staffNo}, {department})",
  },
  "apps.form.post": { zh: "岗位", en: "Post" },
  "apps.form.source": { zh: "推荐方式", en: "Source" },
  "apps.form.staffCount": { zh: "推荐人数", en: "Recommended by" },
  "apps.form.staffCountUnit": { zh: "人", en: "staff" },
  "apps.form.submit": { zh: "登记", en: "Record" },
  "apps.form.selfNote": {
    zh: "个人自荐即为报名，无须本人再确认。",
    en: "A self-nomination is an application at once.",
  },
  "apps.form.otherNote": {
    zh: "推荐登记后，须本人确认接受才成为报名。",
    en: "A nominee must accept before the nomination becomes an application.",
  },
  "apps.form.applied": {
    zh: "已登记：{name} 报名“{post}”（第 {n} 志愿）",
    en: "Recorded: {name} applies for “{post}” (choice {n})",
  },
  "apps.form.nominated": {
    zh: "已登记：推荐 {name} 竞聘“{post}”，待本人确认",
    en: "Recorded: {name} nominated for “{post}”, awaiting acceptance",
  },
  "apps.source.self": { zh: "个人自荐", en: "Self" },
  "apps.source.staff": { zh: "群众推荐", en: "Staff" },
  "apps.source.party": { zh: "组织推荐", en: "Party group" },

  "apps.post.seats": { zh: "职位 {seats} 个", en: "{seats} {seats|seat|seats}" },
  "apps.post.summary": {
    zh: "报名 {applicants} 人 · 待确认 {nominated} 人",
    en: "{applicants} applying · {nominated} awaiting acceptance",
  },
  "apps.post.sources": {
    zh: "个人自荐 {self} · 群众推荐 {staff}（共 {count} 人次） · 组织推荐 {party}",
    en: "self {self} · staff {staff} ({count} {count|recommendation|recommendations}) · party group {party}",
  },
  "apps.post.empty": { zh: "暂无报名或推荐", en: "No nominations yet" },
  "apps.col.source": { zh: "来源", en: "Source" },
  "apps.col.preference": { zh: "志愿", en: "Choice" },
  "apps.col.status": { zh: "状态", en: "Status" },
  "apps.col.actions": { zh: "操作", en: "Actions" },
  "apps.accept": { zh: "本人确认", en: "Accept" },
  "apps.decline": { zh: "不接受", en: "Decline" },
  "apps.withdraw": { zh: "撤回", en: "Withdraw" },
  "apps.withdraw.title": { zh: "撤回“{name}”的报名？", en: "Withdraw {name}'s application?" },
  "apps.withdraw.body": {
    zh: "撤回后该志愿名额空出，可另报其他岗位；撤回不能恢复。",
    en: "The place is freed for another post; a withdrawal cannot be undone.",
  },
  "apps.decline.title": { zh: "“{name}”不接受推荐？", en: "{name} declines the nomination?" },
  "apps.decline.body": {
    zh: "记录为本人未接受推荐，不能恢复。",
    en: "Recorded as declined; this cannot be undone.",
  },
  "apps.keep": { zh: "保留", en: "Keep" },

  "apps.review.heading": { zh: "资格审查", en: "Qualification review" },
  "apps.review.reviewer": { zh: "审查人", en: "Reviewer" },
  "apps.review.reviewerHint": {
    zh: "从人员名册中选择审查人；与申请人有亲属关系的须回避。",
    en: "Choose the reviewer from the register; a relative of an applicant must stand aside.",
  },
  "apps.review.reviewerNone": { zh: "请先选择审查人", en: "Choose a reviewer first" },
  "apps.review.change": { zh: "更换", en: "Change" },
  "apps.review.progress": {
    zh: "已作决定 {done} / {total} 份",
    en: "{done} of {total} decided",
  },
  "apps.review.noConditions": {
    zh: "该岗位未设可自动核对的条件",
    en: "The post sets no conditions to check",
  },
  "apps.review.checks": { zh: "条件核对", en: "Condition checks" },
  "apps.review.pass": { zh: "满足", en: "met" },
  "apps.review.fail": { zh: "不满足", en: "not met" },
  "apps.review.none": { zh: "暂无需要审查的报名", en: "No applications to review" },
  "apps.review.unaccepted": {
    zh: "另有 {n} 份推荐未经本人确认，不参加审查",
    en: "{n} {n|nomination|nominations} not accepted take no part",
  },
  "apps.review.reasonPlaceholder": {
    zh: "不通过，或有条件不满足而通过时必填",
    en: "Required to reject, or to pass despite an unmet condition",
  },
  "apps.review.decided": {
    zh: "{status} · 审查人 {reviewer} · {at}",
    en: "{status} · by {reviewer} · {at}",
  },
  "apps.review.reasonShown": { zh: "理由：{reason}", en: "Reason: {reason}" },
  "apps.review.revise": { zh: "修改决定", en: "Change the decision" },
  "apps.review.cancel": { zh: "取消", en: "Cancel" },
  "apps.review.close": { zh: "结束资格审查", en: "Close the review" },
  "apps.review.closeTitle": { zh: "结束资格审查？", en: "Close the qualification review?" },
  "apps.review.closeBody": {
    zh: "结束后名单即固定：通过审查的 {n} 人成为竞聘人，不能再报名、撤回或更改审查决定。",
    en: "The names are then fixed: the {n} who passed become the candidates; no more applications, withdrawals or changed decisions.",
  },
  "apps.review.closeUndecided": {
    zh: "还有 {n} 份报名未作决定，全部决定后才能结束。",
    en: "{n} {n|application is|applications are} still undecided; all must be decided first.",
  },
  "apps.review.closed": {
    zh: "资格审查已结束，竞聘人员名单已公布：共 {n} 人。",
    en: "The review is closed and the list of competitors published: {n} {n|person|people}.",
  },
  "apps.review.outcomeLink": { zh: "竞聘人员名单", en: "List of competitors" },
  "apps.review.outcomeHint": {
    zh: "在单位内公布：扫码或打开链接查看，页面上可打印。",
    en: "Published inside the unit: scan or open the link; the page prints.",
  },
  "apps.review.openOutcome": { zh: "打开名单并打印", en: "Open and print the list" },

  "apps.outcome.title": { zh: "竞聘人员名单", en: "List of competitors" },
  "apps.outcome.subtitle": {
    zh: "经资格审查，下列人员参加竞聘：",
    en: "After the qualification review, these compete for the posts:",
  },
  "apps.outcome.closedAt": { zh: "资格审查结束时间：{at}", en: "Review closed: {at}" },
  "apps.outcome.no": { zh: "序号", en: "No." },
  "apps.outcome.applicants": {
    zh: "竞聘人员 {n} 人",
    en: "{n} {n|competitor|competitors}",
  },
  "apps.outcome.empty": { zh: "无人通过资格审查", en: "No one passed the review" },
  "apps.outcome.print": { zh: "打印", en: "Print" },
  "apps.outcome.loading": { zh: "正在读取名单…", en: "Loading the list…" },
  "apps.outcome.reload": { zh: "重新读取", en: "Reload" },
  "apps.outcome.order": {
    zh: "各岗位内按工号排序。",
    en: "Listed by staff number within each post.",
  },
});
export type ApplicationsTextKey = keyof typeof applications;
