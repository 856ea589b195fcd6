import { defineTexts } from "./define.ts";

/**
 * Posts and their announcement (公布岗位及条件): the organizer's post editor and publishing
 * panel (`posts.*`), and the public announcement page with its print view (`announce.*`).
 * The structured conditions are worded by shared/setup/condition-words.ts (`posts.words.*`),
 * with the education and grade labels of review.ts (`person.*`).
 */
export const posts = defineTexts({
  "posts.tab": { zh: "岗位", en: "Posts" },
  /** The draft's first tab, until the tab shell names it. */
  "posts.title": { zh: "岗位及任职条件", en: "Posts and their conditions" },
  "posts.empty": {
    zh: "还没有岗位。点“添加岗位”开始填写。",
    en: "No posts yet. Choose “Add a post” to begin.",
  },
  "posts.count": { zh: "共 {n} 个岗位", en: "{n} {n|post|posts}" },
  "posts.add": { zh: "添加岗位", en: "Add a post" },
  "posts.edit": { zh: "编辑", en: "Edit" },
  "posts.collapse": { zh: "收起", en: "Close" },
  "posts.remove": { zh: "删除", en: "Remove" },
  "posts.moveUp": { zh: "上移", en: "Move up" },
  "posts.moveDown": { zh: "下移", en: "Move down" },
  "posts.save": { zh: "保存岗位", en: "Save posts" },
  "posts.saving": { zh: "正在保存…", en: "Saving…" },
  "posts.saved": { zh: "岗位已保存", en: "Posts saved" },
  "posts.unsaved": { zh: "有未保存的修改", en: "Unsaved changes" },
  "posts.discard": { zh: "放弃修改", en: "Discard changes" },
  "posts.untitled": { zh: "（未命名岗位）", en: "(untitled post)" },
  "posts.newBadge": { zh: "新增", en: "New" },
  "posts.summary.seats": { zh: "职数 {n} 名", en: "{n} {n|seat|seats}" },
  "posts.summary.term": { zh: "聘期 {n} 年", en: "{n}-year term" },
  "posts.summary.conditions": {
    zh: "{n} 项可审查条件",
    en: "{n} checked {n|condition|conditions}",
  },

  "posts.field.title": { zh: "岗位名称", en: "Title" },
  "posts.field.department": { zh: "所属部门", en: "Department" },
  "posts.field.code": { zh: "岗位代码", en: "Post code" },
  "posts.field.optional": { zh: "选填", en: "optional" },
  "posts.field.seats": { zh: "职数（名）", en: "Seats" },
  "posts.field.termYears": { zh: "聘期（年）", en: "Term (years)" },
  "posts.field.duties": { zh: "岗位职责", en: "Duties" },
  "posts.field.conditionsText": { zh: "任职条件（公告原文）", en: "Conditions (as announced)" },
  "posts.field.conditionsTextHint": {
    zh: "按实施方案写明的条件，原样印在公告上。",
    en: "The conditions as the bureau's plan words them, printed as written.",
  },
  "posts.field.conditions": { zh: "资格审查核对的条件", en: "Conditions the review checks" },
  "posts.field.conditionsHint": {
    zh: "勾选的条件在资格审查时按人员名册逐项核对，结果仅供审查人参考；也会写入公告。",
    en: "Ticked conditions are checked against the staff register in the review, as hints for the reviewer; they are announced too.",
  },

  /** The structured conditions in the editor: a checkbox each, then its values. */
  "posts.cond.minWorkYears": { zh: "工作年限 ≥ N 年", en: "Years of work ≥ N" },
  "posts.cond.minGrassrootsYears": {
    zh: "基层工作年限 ≥ N 年",
    en: "Years at grassroots level ≥ N",
  },
  "posts.cond.minGradeYears": { zh: "任现职级 ≥ N 年", en: "Years at the current grade ≥ N" },
  "posts.cond.minEducation": { zh: "学历 ≥ 某一层次", en: "Education of at least a level" },
  "posts.cond.maxAge": { zh: "年龄 ≤ N 岁", en: "Age ≤ N" },
  "posts.cond.reviewGrades": {
    zh: "近 N 年考核均为某等次及以上",
    en: "Annual reviews of the last N years all at least a grade",
  },
  "posts.cond.noActivePenalty": {
    zh: "处分影响期内不得报名",
    en: "No application while a penalty is in effect",
  },
  "posts.cond.workYears.input": { zh: "工作年限（年）", en: "Years of work" },
  "posts.cond.grassrootsYears.input": { zh: "基层工作年限（年）", en: "Years at grassroots level" },
  "posts.cond.gradeYears.input": { zh: "任现职级年限（年）", en: "Years at the current grade" },
  "posts.cond.education.input": { zh: "最低学历", en: "Lowest education" },
  "posts.cond.age.input": { zh: "最大年龄（岁）", en: "Highest age" },
  "posts.cond.reviewYears.input": { zh: "考核年数", en: "Years of reviews" },
  "posts.cond.grade.input": { zh: "最低考核等次", en: "Lowest grade" },
  "posts.cond.atLeast": { zh: "及以上", en: "or higher" },
  "posts.cond.years": { zh: "年", en: "years" },
  "posts.cond.age": { zh: "岁", en: "years old" },

  /** What is wrong with a field, next to it. */
  "posts.error.title": {
    zh: "请填写岗位名称，不超过 120 个字",
    en: "Enter a title of at most 120 characters",
  },
  "posts.error.department": { zh: "不超过 120 个字", en: "At most 120 characters" },
  "posts.error.code": {
    zh: "只能用字母、数字、- 和 _，不超过 40 个",
    en: "Letters, digits, - and _ only, at most 40",
  },
  "posts.error.seats": { zh: "应为 1–100 的整数", en: "A whole number from 1 to 100" },
  "posts.error.termYears": { zh: "应为 1–10 的整数", en: "A whole number from 1 to 10" },
  "posts.error.text": { zh: "不超过 2000 个字", en: "At most 2000 characters" },
  "posts.error.wholeYears": { zh: "应为 0–50 的整数", en: "A whole number from 0 to 50" },
  "posts.error.years": { zh: "应为 0–50 之间的数", en: "A number from 0 to 50" },
  "posts.error.age": { zh: "应为 18–70 的整数", en: "A whole number from 18 to 70" },
  "posts.error.reviewYears": { zh: "应为 1–10 的整数", en: "A whole number from 1 to 10" },
  "posts.error.choose": { zh: "请选择", en: "Choose one" },
  "posts.error.fix": {
    zh: "有 {n} 个岗位填写有误，请按提示修改后再保存",
    en: "{n} {n|post needs|posts need} correcting before saving",
  },
  "posts.error.refused": { zh: "未能保存：", en: "Not saved:" },

  /** Publishing the announcement. */
  "posts.publish.title": { zh: "发布公告", en: "Publish the announcement" },
  "posts.publish.never": { zh: "尚未发布公告", en: "Not published yet" },
  "posts.publish.status": {
    zh: "已发布第 {n} 版，发布于 {time}",
    en: "Version {n} published {time}",
  },
  "posts.publish.changed": {
    zh: "已修改，尚未发布新版本",
    en: "Changed; no new version published yet",
  },
  "posts.publish.referenceDate": { zh: "审查基准日", en: "Reference date" },
  "posts.publish.referenceHint": {
    zh: "年龄、工作年限等条件计算至这一天",
    en: "Ages and years of work are counted to this day",
  },
  "posts.publish.applyUntil": { zh: "报名截止日期", en: "Last day to apply" },
  "posts.publish.submit": { zh: "发布公告", en: "Publish" },
  "posts.publish.submitNew": { zh: "发布新版本", en: "Publish a new version" },
  "posts.publish.confirmTitle": { zh: "发布第 {n} 版公告？", en: "Publish version {n}?" },
  "posts.publish.confirmBody": {
    zh: "公告发布后任何人都能看到。已发布的版本不能修改，之后的修改须再发布新版本，页面会注明以新版为准。",
    en: "Once published, anyone can read it. A published version never changes: later changes need a new version, and the page says the newest prevails.",
  },
  "posts.publish.done": { zh: "已发布第 {n} 版公告", en: "Version {n} published" },
  "posts.publish.saveFirst": {
    zh: "请先保存岗位，再发布公告",
    en: "Save the posts before publishing",
  },
  "posts.publish.noPosts": { zh: "添加岗位后才能发布公告", en: "Add a post before publishing" },
  "posts.publish.datesRequired": { zh: "请填写两个日期", en: "Enter both dates" },
  "posts.publish.link": { zh: "公告页面", en: "Announcement page" },
  "posts.publish.linkHint": {
    zh: "可转发链接或张贴二维码；页面只显示已发布的版本。",
    en: "Share the link or post the QR code; the page shows published versions only.",
  },
  "posts.publish.print": { zh: "打印公告", en: "Print the announcement" },

  /** The structured conditions in words, on the announcement and in the editor's summary. */
  "posts.words.minWorkYears": {
    zh: "参加工作 {n} 年以上",
    en: "At least {n} {n|year|years} of work",
  },
  "posts.words.minGrassrootsYears": {
    zh: "具有 {n} 年以上基层工作经历",
    en: "At least {n} {n|year|years} at grassroots level",
  },
  "posts.words.minGradeYears": {
    zh: "任现职级 {n} 年以上",
    en: "At least {n} {n|year|years} at the current grade",
  },
  "posts.words.minEducation": {
    zh: "{education}及以上学历",
    en: "Education: {education} or higher",
  },
  "posts.words.maxAge": { zh: "年龄不超过 {n} 周岁", en: "Aged {n} or under" },
  "posts.words.reviewGrades": {
    zh: "近 {n} 年年度考核均为{grade}及以上等次",
    en: "Annual review of each of the last {n} {n|year|years}: {grade} or better",
  },
  "posts.words.noActivePenalty": {
    zh: "不在处分影响期内",
    en: "Not under a disciplinary penalty still in effect",
  },

  /** The public announcement page and its print view. */
  "announce.title": { zh: "公告", en: "Announcement" },
  "announce.heading": { zh: "竞聘岗位及任职条件公告", en: "Posts open for competitive selection" },
  "announce.version": { zh: "第 {n} 版，发布于 {time}", en: "Version {n}, published {time}" },
  "announce.updated": {
    zh: "本公告已更新（第 {n} 版），以此版为准",
    en: "This announcement has been updated (version {n}); this version prevails",
  },
  "announce.earlier": { zh: "此前版本：", en: "Earlier versions: " },
  "announce.earlierItem": { zh: "第 {n} 版（{time}）", en: "version {n} ({time})" },
  "announce.intro": {
    zh: "现将本次竞争上岗的岗位、职数及任职条件公布如下。",
    en: "The posts, their seats and their conditions are as follows.",
  },
  "announce.post.department": { zh: "所属部门", en: "Department" },
  "announce.post.seats": { zh: "职数", en: "Seats" },
  "announce.post.seatsValue": { zh: "{n} 名", en: "{n}" },
  "announce.post.term": { zh: "聘期", en: "Term" },
  "announce.post.termValue": { zh: "{n} 年", en: "{n} {n|year|years}" },
  "announce.post.duties": { zh: "岗位职责", en: "Duties" },
  "announce.post.conditions": { zh: "任职条件", en: "Conditions" },
  "announce.apply.heading": { zh: "报名方式", en: "How to apply" },
  "announce.apply.how": {
    zh: "采取个人自荐、群众推荐和组织推荐相结合的方式。每人限报两个岗位，按第一、第二志愿填报；被推荐人经本人同意后方为报名。",
    en: "By self-nomination, nomination by colleagues or nomination by the party group. Each person may apply for at most two posts, as a first and a second choice; a nominee applies once they accept.",
  },
  "announce.apply.until": { zh: "报名截止日期：{date}", en: "Applications close on {date}" },
  "announce.apply.reference": {
    zh: "任职条件中的年龄、工作年限等，均计算至 {date}。",
    en: "Ages and years in the conditions are counted to {date}.",
  },
  "announce.date": { zh: "{y}年{m}月{d}日", en: "{m}/{d}/{y}" },
  "announce.qr": { zh: "扫码查看本公告", en: "Scan to open this announcement" },
  "announce.print": { zh: "打印", en: "Print" },
  "announce.loading": { zh: "正在载入公告…", en: "Loading the announcement…" },
  "announce.none": {
    zh: "该轮竞聘尚未发布公告。",
    en: "No announcement has been published for this round.",
  },
  "announce.noLink": {
    zh: "链接不完整，请向组织人事部门索取公告链接。",
    en: "This link is incomplete; ask the personnel office for the announcement's link.",
  },
  "announce.reload": { zh: "重新载入", en: "Reload" },
});
export type PostsTextKey = keyof typeof posts;
