import { defineTexts } from "./define.ts";

/**
 * The Excel workbook of a locked round (server/results/xlsx-workbook.ts). It is an official
 * record in Chinese; the English texts keep the dictionary whole. Sheet names are at most
 * 31 characters (Excel's limit), and tests find the sheets by their Chinese names.
 */
export const xlsx = defineTexts({
  "xlsx.stamp": {
    zh: "{title} · 锁定时间 {lockedAt} · 摘要 {digest}",
    en: "{title} · locked {lockedAt} · digest {digest}",
  },
  "xlsx.tied": { zh: "并列", en: "tied" },
  "xlsx.post.sheet": { zh: "汇总-{post}", en: "Summary-{post}" },
  "xlsx.post.caption": {
    zh: "{post} 评分汇总（职数 {seats}，考察名额 {quota}）",
    en: "{post}: results ({seats} {seats|seat|seats}, inspection quota {quota})",
  },
  "xlsx.col.place": { zh: "名次", en: "Place" },
  "xlsx.col.candidate": { zh: "竞聘人", en: "Candidate" },
  "xlsx.col.speech": { zh: "演讲答辩得分", en: "Speech & defense" },
  "xlsx.col.evaluation": { zh: "民主测评得分", en: "Evaluation" },
  "xlsx.col.composite": { zh: "综合得分", en: "Composite" },
  "xlsx.col.speechBallots": { zh: "演讲评分票", en: "Speech ballots" },
  "xlsx.col.evaluationBallots": { zh: "测评票", en: "Evaluation ballots" },
  "xlsx.col.favourable": { zh: "好评率（%）", en: "Favourable (%)" },
  "xlsx.col.target": { zh: "考察对象", en: "Inspection target" },
  "xlsx.col.tied": { zh: "并列", en: "Tied" },
  /** Abstentions (回避), counted apart from the ballots; the last column, so none moves. */
  "xlsx.col.abstentions": { zh: "回避", en: "Abstained" },
  "xlsx.col.group": { zh: "评委组", en: "Voter group" },
  "xlsx.col.weight": { zh: "权重", en: "Weight" },
  "xlsx.col.ballots": { zh: "票数", en: "Ballots" },
  "xlsx.col.kept": { zh: "计入票", en: "Counted" },
  "xlsx.col.trimmed": { zh: "去掉", en: "Trimmed" },
  "xlsx.col.groupMean": { zh: "组均分", en: "Group mean" },
  "xlsx.col.total": { zh: "合计", en: "Total" },
  "xlsx.col.criterion": { zh: "{label}（{max}）", en: "{label} ({max})" },
  "xlsx.col.evaluationScore": { zh: "测评得分", en: "Evaluation score" },
  "xlsx.col.choice": { zh: "测评意见", en: "Choice" },
  "xlsx.col.post": { zh: "岗位", en: "Post" },
  "xlsx.col.tiedCandidates": { zh: "并列人员", en: "Tied candidates" },
  "xlsx.col.chosen": { zh: "确定为考察对象", en: "Chosen for inspection" },
  "xlsx.col.reason": { zh: "理由", en: "Reason" },
  "xlsx.col.decidedAt": { zh: "决定时间", en: "Decided at" },
  "xlsx.col.status": { zh: "状态", en: "Status" },
  "xlsx.weighted": { zh: "加权合计", en: "Weighted total" },
  "xlsx.detail.sheet": { zh: "演讲答辩明细", en: "Speech details" },
  "xlsx.detail.caption": {
    zh: "演讲答辩评分明细（去掉最高分和最低分后）",
    en: "Speech and defense scores by group (after trimming the highest and lowest)",
  },
  "xlsx.evaluation.sheet": { zh: "民主测评", en: "Evaluation" },
  "xlsx.evaluation.caption": { zh: "民主测评统计", en: "Democratic evaluation counts" },
  "xlsx.ballots.sheet": { zh: "评分票", en: "Ballots" },
  "xlsx.ballots.caption": {
    zh: "演讲答辩评分票（无记名，不含评分卡与提交顺序）",
    en: "Speech ballots (anonymous: no card, no order of submission)",
  },
  "xlsx.evaluations.sheet": { zh: "测评票", en: "Evaluation ballots" },
  "xlsx.evaluations.caption": {
    zh: "民主测评票（无记名）",
    en: "Evaluation ballots (anonymous)",
  },
  "xlsx.decisions.sheet": { zh: "并列决定", en: "Tie decisions" },
  "xlsx.decisions.caption": {
    zh: "名额边界并列的主持人决定",
    en: "The chair's decisions on ties at a quota edge",
  },
  "xlsx.marks.sheet": { zh: "弃权缺席", en: "Withdrawn or absent" },
  "xlsx.marks.caption": {
    zh: "弃权、缺席人员（未参加演讲答辩和民主测评，不参加排名）",
    en: "Withdrawn or absent candidates (no speech, no evaluation, not ranked)",
  },
  "xlsx.col.posts": { zh: "竞聘岗位", en: "Applied for" },
  "xlsx.col.mark": { zh: "情况", en: "Status" },
  "xlsx.col.markedAt": { zh: "标记时间", en: "Marked at" },
  "xlsx.decision.voided": {
    zh: "作废：{name} 重新评分",
    en: "Void: {name} was scored again",
  },
});
