import { defineTexts } from "./define.ts";

/** Texts of the screen page(s). */
export const screen = defineTexts({
  "screen.noLink.title": { zh: "大屏链接无效", en: "This projector link is not valid" },
  "screen.noLink.body": {
    zh: "请在组织者页面重新打开大屏链接。",
    en: "Open the projector link again from the organizer's page.",
  },
  "screen.waiting.title": { zh: "等待会议开始", en: "Waiting for the session" },
  "screen.waiting.body": {
    zh: "组织者启用本场竞聘后，大屏将自动显示。",
    en: "This screen follows automatically once the organizer activates a round.",
  },
  "screen.loading": { zh: "正在连接…", en: "Connecting…" },

  "screen.welcome.kicker": {
    zh: "竞争上岗 · 演讲答辩现场评分",
    en: "Competitive appointment · live scoring",
  },
  "screen.welcome.howTo": { zh: "评分须知", en: "How to score" },
  "screen.welcome.step1": { zh: "连接会场无线网络。", en: "Join the hall's Wi-Fi." },
  "screen.welcome.step2": {
    zh: "请用手机扫描您评分卡上的二维码进入评分（微信扫一扫即可）。",
    en: "Scan the QR code on your ballot card (WeChat Scan works).",
  },
  "screen.welcome.step3": {
    zh: "主持人宣布开始评分后，逐项打分并提交。",
    en: "When scoring opens, score and submit.",
  },
  "screen.welcome.step4": {
    zh: "无记名评分；评分开放期间可修改，以最后一次提交为准。",
    en: "Scoring is anonymous; revise while it is open: your last submission counts.",
  },
  "screen.welcome.qrCaption": { zh: "评分页面", en: "Scoring page" },
  "screen.welcome.qrNote": {
    zh: "此码用于检查网络；评分请扫描您本人评分卡上的二维码。",
    en: "This code only checks the network; to score, scan the code on your own card.",
  },

  "screen.order": { zh: "第 {n} 位 · 共 {total} 位", en: "Speaker {n} of {total}" },
  "screen.posts": { zh: "竞聘岗位", en: "Applying for" },
  "screen.postSeparator": { zh: "、", en: ", " },
  "screen.question.kicker": { zh: "答辩题 · {post}", en: "Defense question · {post}" },
  "screen.question.number": { zh: "第 {n} 题", en: "Question {n}" },
  "screen.timer.ready": { zh: "待开始", en: "Ready" },
  "screen.timer.running": { zh: "计时中", en: "Running" },
  "screen.timer.paused": { zh: "已暂停", en: "Paused" },
  "screen.timer.over": { zh: "时间到", en: "Time is up" },
  "screen.page": { zh: "第 {n}/{m} 页", en: "Page {n}/{m}" },
  "screen.timer.overtime": { zh: "时间到，已超时", en: "Time is up: overtime" },
  "screen.timer.overtimeBy": { zh: "超时 {clock}", en: "Overtime {clock}" },
  "screen.progress": { zh: "已评 {n} / {m}", en: "Scored {n} / {m}" },
  /** A current speaker marked 弃权 or 缺席: the mark itself is candidate.mark.* (common.ts). */
  "screen.mark.note": { zh: "不进行演讲和评分", en: "No speech and no scoring" },
  "screen.groupProgress": { zh: "{group} {n}/{m}", en: "{group} {n}/{m}" },
  /** Cards that abstained (回避) instead of scoring: counted apart from the ballots. */
  "screen.progress.abstained": { zh: "回避 {n}", en: "Abstained {n}" },

  "screen.result.title": { zh: "演讲答辩得分", en: "Speech & defense" },
  "screen.result.ballots": { zh: "有效评分 {n} 份", en: "{n} valid ballots" },
  "screen.result.pending": { zh: "成绩尚未公布", en: "Not revealed yet" },
  "screen.result.group": { zh: "评委类别", en: "Voter group" },
  "screen.result.weight": { zh: "权重", en: "Weight" },
  "screen.result.cast": { zh: "评分份数", en: "Ballots" },
  "screen.result.kept": { zh: "计分份数", en: "Counted" },
  "screen.result.mean": { zh: "平均分", en: "Mean" },
  "screen.result.outOf": { zh: "满分 {max}", en: "out of {max}" },
  "screen.result.criteria": { zh: "各项平均分", en: "Mean per item" },
  "screen.result.trimRule": {
    zh: "每类评委满 {min} 份时，去掉 {k} 个最高分和 {k} 个最低分后取平均；各类按权重加权，折合百分制。",
    en: "Once a group has {min} ballots, its {k} highest and {k} lowest are dropped before averaging; groups are weighted and scaled to 100.",
  },

  "screen.eval.title": { zh: "民主测评", en: "Democratic evaluation" },
  "screen.eval.pending": { zh: "未开始", en: "Not yet open" },
  "screen.eval.open": { zh: "测评进行中", en: "Open" },
  "screen.eval.closed": { zh: "测评已结束", en: "Closed" },
  "screen.eval.howTo": {
    zh: "请在手机上对每位竞聘人选择一项：{options}。未选择的不计票，测评开放期间可修改。",
    en: "On your phone, choose one for each candidate: {options}. A blank casts nothing; you may revise while it is open.",
  },
  "screen.eval.points": { zh: "{n} 分", en: "{n} {n|point|points}" },
  "screen.eval.noPoints": { zh: "不计分", en: "not scored" },
  "screen.eval.progress": { zh: "已提交 {n} / {m}", en: "Submitted {n} / {m}" },
  "screen.eval.candidate": { zh: "竞聘人", en: "Candidate" },
  "screen.eval.rate": { zh: "好评率", en: "Favourable" },
  "screen.eval.score": { zh: "测评得分", en: "Score" },
  "screen.eval.rateRule": {
    zh: "好评率 =（{options}）票数 ÷ 全部票数（含不了解）；测评得分为各选项分值的平均，“不了解”不计入，各类评委按权重加权。",
    en: 'Favourable = ({options}) ÷ all ballots incl. "don\'t know"; the score: mean points without "don\'t know", groups weighted.',
  },
  "screen.optionSeparator": { zh: "、", en: ", " },
  "screen.plus": { zh: " + ", en: " + " },
  "screen.result.evaluation": { zh: "民主测评 {score}", en: "Evaluation {score}" },
  "screen.result.composite": { zh: "综合得分 {score}", en: "Composite {score}" },
  "screen.ranking.needsEvaluation": {
    zh: "民主测评结果公布后排名",
    en: "Ranked once the evaluation results are revealed",
  },

  "screen.ranking.title": { zh: "成绩排名", en: "Ranking" },
  "screen.ranking.seats": { zh: "职数 {n} 名", en: "{n} {n|seat|seats}" },
  "screen.ranking.rank": { zh: "名次", en: "Rank" },
  "screen.ranking.score": { zh: "得分", en: "Score" },
  "screen.ranking.continued": { zh: "（续）", en: "(continued)" },
  "screen.ranking.tie": { zh: "并列", en: "Tie" },
  "screen.ranking.target": { zh: "考察对象", en: "To inspect" },
  "screen.ranking.elsewhere": { zh: "另岗考察", en: "Inspected elsewhere" },
  "screen.ranking.empty": { zh: "暂无已公布的成绩", en: "No results revealed yet" },
  /** After the lock every candidate counts: an empty list means nobody has a composite. */
  "screen.ranking.noneRanked": {
    zh: "无人进入排名（缺少演讲答辩或民主测评成绩）",
    en: "Nobody is ranked (a speech or evaluation score is missing)",
  },
  "screen.ranking.partial": {
    zh: "排名仅含已公布成绩的竞聘人。",
    en: "Only candidates whose results were revealed are ranked.",
  },
  "screen.ranking.edgeTie": {
    zh: "名额边界出现并列，由会议研究确定。",
    en: "A tie at the quota edge: the meeting decides.",
  },
  "screen.ranking.edgeDecided": {
    zh: "名额边界并列，已按会议决定确定考察对象。",
    en: "A tie at the quota edge, decided by the meeting.",
  },

  "screen.locked.title": { zh: "评分结果已锁定", en: "The results are locked" },
  "screen.locked.at": { zh: "锁定时间：{time}", en: "Locked {time}" },
  "screen.locked.body": {
    zh: "评分数据已封存。任何人可用导出文件复算成绩，并核对以下摘要。",
    en: "The ballots are sealed. Anyone can recount from the export file and check this digest.",
  },
});
