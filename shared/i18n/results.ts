import { defineTexts } from "./define.ts";

/** Texts of the official score summary (/results), printed and signed after the lock. */
export const results = defineTexts({
  "results.title": { zh: "评分汇总表", en: "Score summary" },
  "results.link": { zh: "评分汇总表", en: "Score summary" },
  "results.linkLocked": {
    zh: "结果锁定后可查看评分汇总表",
    en: "The score summary is available once the results are locked",
  },
  "results.noLink": {
    zh: "请从组织者页面或主持台的“评分汇总表”链接打开此页。",
    en: 'Open this page from the "Score summary" link of the organizer page or the chair console.',
  },
  "results.notLocked": {
    zh: "结果锁定后生成正式汇总表",
    en: "The official summary is produced once the results are locked",
  },
  "results.notLockedHint": {
    zh: "锁定前分数仍可能变化。组织者锁定结果后，请刷新此页。",
    en: "Until the lock the scores may still change. Reload this page once the organizer has locked the results.",
  },
  "results.reload": { zh: "刷新", en: "Reload" },
  "results.loading": { zh: "正在载入…", en: "Loading…" },
  "results.lockedAt": { zh: "锁定时间：{time}", en: "Locked: {time}" },
  "results.roundId": { zh: "轮次编号：{id}", en: "Round: {id}" },
  "results.print": { zh: "打印", en: "Print" },
  "results.downloadJson": { zh: "下载 JSON", en: "Download JSON" },
  "results.downloadXlsx": { zh: "下载 Excel", en: "Download Excel" },

  "results.post.seats": { zh: "职数 {n} 名", en: "{n} {n|seat|seats}" },
  "results.post.quota": { zh: "考察名额 {n} 名", en: "Inspection quota {n}" },
  "results.post.empty": {
    zh: "本岗位没有可排名的竞聘人",
    en: "Nobody could be ranked for this post",
  },
  "results.col.place": { zh: "名次", en: "Place" },
  "results.col.candidate": { zh: "竞聘人", en: "Candidate" },
  "results.col.composite": { zh: "综合得分", en: "Composite" },
  "results.col.speech": { zh: "演讲答辩得分", en: "Speech" },
  "results.col.evaluation": { zh: "民主测评得分", en: "Evaluation" },
  "results.col.favourable": { zh: "好评率", en: "Favourable" },
  "results.col.groups": {
    zh: "演讲答辩各组平均分（满分 {max}）",
    en: "Speech mean by group (of {max})",
  },
  "results.col.weight": { zh: "权重 {w}", en: "weight {w}" },
  "results.col.ballots": { zh: "有效票", en: "Ballots" },
  "results.col.trimmed": { zh: "去掉", en: "Trimmed" },
  /** Abstentions (回避): cards that chose not to score the candidate; not ballots. */
  "results.col.abstentions": { zh: "回避", en: "Abstained" },
  "results.col.target": { zh: "考察对象", en: "Inspection" },
  "results.tied": { zh: "并列", en: "tied" },
  "results.mark.target": { zh: "是", en: "Yes" },
  "results.mark.chosen": { zh: "是（并列决定）", en: "Yes (tie decision)" },
  "results.mark.notChosen": { zh: "否（并列决定）", en: "No (tie decision)" },
  "results.mark.pending": { zh: "待主持人决定", en: "Chair to decide" },
  "results.mark.elsewhere": { zh: "另岗考察", en: "Inspected elsewhere" },
  "results.edge.note": {
    zh: "{names} 并列，考察名额尚余 {n} 名。",
    en: "{names} are tied for the last {n} inspection {n|place|places}.",
  },
  "results.edge.decided": {
    zh: "主持人决定：{names}。理由：{reason}",
    en: "Chair's decision: {names}. Reason: {reason}",
  },
  "results.edge.pending": { zh: "待主持人决定。", en: "The chair has yet to decide." },

  /** Applicants of the post marked 弃权 or 缺席, under its table: they are listed apart. */
  "results.post.unranked": { zh: "未参加排名：{names}。", en: "Not ranked: {names}." },
  "results.post.unrankedName": { zh: "{name}（{mark}）", en: "{name} ({mark})" },

  "results.marks.title": {
    zh: "弃权、缺席人员（不参加排名）",
    en: "Withdrawn or absent (not ranked)",
  },
  "results.marks.hint": {
    zh: "以下竞聘人经组织者或主持人标记，未参加演讲答辩和民主测评，不参加排名，不列为考察对象。",
    en: "The organizer or the chair marked these candidates: they took no part in the speeches or the evaluation, are not ranked and are no inspection targets.",
  },
  "results.marks.mark": { zh: "情况", en: "Status" },
  "results.marks.posts": { zh: "竞聘岗位", en: "Applied for" },
  "results.marks.at": { zh: "标记时间", en: "Marked at" },

  "results.method.title": { zh: "计分办法", en: "Method" },
  "results.method.smallGroups": {
    zh: "注意：{groups}不足 3 人。每张评分票都带有评委组，该组的评分可以被辨认出来。",
    en: "Note: fewer than 3 voters in {groups}. Every ballot carries its voter group, so that group's ballots can be told apart.",
  },
  "results.method.composite": {
    zh: "综合得分 = 演讲答辩得分 × {a} + 民主测评得分 × {b}。",
    en: "Composite = speech × {a} + evaluation × {b}.",
  },
  "results.method.speechOnly": {
    zh: "综合得分 = 演讲答辩得分（不计民主测评）。",
    en: "Composite = speech score (no democratic evaluation).",
  },
  "results.method.rubric": {
    zh: "演讲答辩评分要素：{items}，满分 {total} 分，折算为百分制。",
    en: "Speech criteria: {items}; {total} points in all, scaled to 100.",
  },
  "results.method.groups": {
    zh: "评委组权重：{items}；按收到评分的评委组加权平均。",
    en: "Voter group weights: {items}; weighted mean over the groups that scored.",
  },
  "results.method.trim": {
    zh: "每组评分票不少于 {n} 张时去掉 {k} 个最高分和 {k} 个最低分；不足 {n} 张时不去掉。",
    en: "With at least {n} ballots in a group, its {k} highest and {k} lowest totals are dropped; with fewer than {n}, none.",
  },
  "results.method.noTrim": {
    zh: "不去掉最高分和最低分。",
    en: "No highest or lowest score is dropped.",
  },
  "results.method.options": {
    zh: "民主测评：{items}；好评率 = {favourable} 票数 ÷ 测评票总数（含不计分票）。",
    en: "Democratic evaluation: {items}; favourable rate = {favourable} votes ÷ all votes cast (unscored included).",
  },
  "results.method.points": { zh: "{n} 分", en: "{n} pts" },
  "results.method.noPoints": { zh: "不计分", en: "not scored" },
  "results.method.quota": {
    zh: "考察名额 = 职数 × {ratio}（向上取整）；名额边缘的并列不随机取舍，由主持人决定并记录理由。",
    en: "Inspection quota = seats × {ratio}, rounded up; a tie at the quota edge is never broken at random: the chair decides and records why.",
  },
  "results.method.decimals": {
    zh: "得分保留 {d} 位小数（四舍五入），排名按未舍入的分数；好评率保留 1 位小数。",
    en: "Scores rounded half up to {d} {d|decimal|decimals}; rankings use the unrounded scores; favourable rates to 1 decimal.",
  },

  "results.eval.title": { zh: "民主测评票数统计", en: "Democratic evaluation votes" },
  "results.eval.cast": { zh: "测评票", en: "Votes" },
  "results.eval.score": { zh: "测评得分", en: "Score" },

  "results.decisions.title": { zh: "并列决定记录", en: "Tie decisions" },
  "results.decisions.none": { zh: "无并列决定记录。", en: "No tie decision was recorded." },
  "results.decisions.post": { zh: "岗位", en: "Post" },
  "results.decisions.chosen": { zh: "确定的考察对象", en: "Chosen" },
  "results.decisions.reason": { zh: "理由", en: "Reason" },
  "results.decisions.at": { zh: "决定时间", en: "Decided" },
  "results.decisions.tied": { zh: "并列人员", en: "Tied" },
  "results.decisions.voided": {
    zh: "已作废：{name} 重新评分",
    en: "Void: {name} was scored again",
  },

  "results.digest.hint": {
    zh: "凭导出文件（JSON）可离线复核全部结果，摘要须与此一致。",
    en: "Anyone holding the exported file (JSON) can recount every result offline; its digest must equal this one.",
  },
  "results.digest.mismatch": {
    zh: "警告：下载的数据与其摘要不符，请勿使用此表。",
    en: "Warning: the downloaded data does not match its digest; do not use this sheet.",
  },
  "results.sign.counter": { zh: "计票人", en: "Counted by" },
  "results.sign.monitor": { zh: "监票人", en: "Supervised by" },
  "results.sign.date": { zh: "日期", en: "Date" },
  "results.footer.digest": { zh: "摘要 {digest}", en: "digest {digest}" },
  "results.footer.page": { zh: "第 {n} 页 / 共 {m} 页", en: "Page {n} of {m}" },
  "results.generated": {
    zh: "本表由竞聘系统根据锁定的评分数据生成。",
    en: "Generated by Jingpin from the locked results.",
  },
});
