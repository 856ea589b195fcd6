import { defineTexts } from "./define.ts";

/** Texts of the phone page(s). */
export const phone = defineTexts({
  "phone.anonymous": { zh: "无记名", en: "Anonymous" },
  "phone.cardOf": { zh: "{group}评分卡", en: "{group} card" },
  "phone.loading": { zh: "正在进入评分…", en: "Opening your ballot…" },

  "phone.noCard.title": {
    zh: "请扫描评分卡上的二维码",
    en: "Scan the QR code on your ballot card",
  },
  "phone.noCard.body": {
    zh: "请用微信“扫一扫”扫描工作人员发放的评分卡上的二维码，进入评分页面。",
    en: 'Use WeChat "Scan" on the QR code printed on the ballot card the staff gave you.',
  },
  "phone.unauthorized.title": { zh: "评分卡链接无效", en: "This ballot card link is not valid" },
  "phone.unauthorized.body": {
    zh: "请重新扫描评分卡上的二维码。仍无法进入时，请联系会场工作人员。",
    en: "Scan the QR code on your ballot card again. If it still fails, ask the staff.",
  },
  "phone.cardVoid.title": { zh: "此评分卡已作废", en: "This ballot card was voided" },
  "phone.cardVoid.body": {
    zh: "此卡已提交的评分已从统计中撤回。请联系会场工作人员领取新的评分卡，并扫描新卡上的二维码。",
    en: "What this card submitted was withdrawn from the count. Ask the staff for a new ballot card and scan the QR code on it.",
  },
  "phone.roundDeleted.title": {
    zh: "本场演练已删除",
    en: "This rehearsal was deleted",
  },
  "phone.roundDeleted.body": {
    zh: "组织者已删除这场演练及其评分，本评分卡不再使用。正式评分请扫描工作人员发给您的新评分卡。",
    en: "The organizer deleted this rehearsal and its scores; this card is no longer used. For the real session, scan the new card the staff give you.",
  },
  "phone.cardReissued.title": {
    zh: "此评分卡已换发新二维码",
    en: "This ballot card has a new QR code",
  },
  "phone.cardReissued.body": {
    zh: "本页使用的旧二维码已失效，已提交的评分仍然有效。如果您是持卡人，请扫描工作人员新发给您的二维码。",
    en: "The old QR code this page used no longer works; what you submitted still counts. If this is your card, scan the new QR code the staff gave you.",
  },
  "phone.replaced.title": {
    zh: "此评分卡已在另一台设备上提交",
    en: "This ballot card was submitted on another device",
  },
  "phone.replaced.body": {
    zh: "以另一台设备最后提交的评分为准，本页已更新。如果不是您本人操作，请立即联系会场工作人员。",
    en: "The last ballot from the other device is the one that counts; this page now shows it. If that was not you, tell the staff at once.",
  },
  "phone.replaced.dismiss": { zh: "知道了", en: "OK" },
  "phone.noRound.title": { zh: "本场评分尚未开始", en: "This session is not available" },
  "phone.noRound.body": {
    zh: "请稍后重新扫描评分卡上的二维码，或联系会场工作人员。",
    en: "Scan the QR code on your ballot card again later, or ask the staff.",
  },
  "phone.askStaff": {
    zh: "如有疑问，请举手示意工作人员。",
    en: "Need help? Raise your hand for the staff.",
  },

  "phone.waiting.title": { zh: "会议即将开始", en: "The session will begin shortly" },
  "phone.waiting.body": {
    zh: "请保持本页面打开。竞聘人开始演讲后，这里会显示评分表。",
    en: "Keep this page open. The score sheet appears here when the speeches begin.",
  },

  "phone.order": { zh: "第 {n} 位 / 共 {total} 位", en: "Speaker {n} of {total}" },
  "phone.posts": { zh: "竞聘岗位", en: "Applying for" },
  "phone.postSeparator": { zh: "、", en: ", " },
  "phone.tabs.label": { zh: "正在评分的竞聘人", en: "Candidates open for scoring" },
  "phone.tabs.todo": { zh: "待评", en: "To score" },
  "phone.tabs.done": { zh: "已评", en: "Done" },
  "phone.tabs.abstained": { zh: "已回避", en: "Abstained" },

  /** A candidate marked 弃权 or 缺席 (candidate:mark): named, never scorable. */
  "phone.mark.absentBody": {
    zh: "该竞聘人未到场，不进行演讲和评分，无需操作。",
    en: "This candidate did not appear: there is no speech and nothing to score.",
  },
  "phone.mark.withdrawnBody": {
    zh: "该竞聘人已放弃竞聘，不进行演讲和评分，无需操作。",
    en: "This candidate has withdrawn: there is no speech and nothing to score.",
  },
  "phone.listen.title": { zh: "请聆听演讲", en: "Please listen to the speech" },
  "phone.listen.body": {
    zh: "评分开放后即可在此打分。",
    en: "You can score here once scoring opens.",
  },

  "phone.criterion.max": { zh: "满分 {max}", en: "out of {max}" },
  "phone.criterion.unscored": { zh: "未评分", en: "Not scored" },
  "phone.criterion.lower": { zh: "{label} 减 {step} 分", en: "{label}: {step} lower" },
  "phone.criterion.raise": { zh: "{label} 加 {step} 分", en: "{label}: {step} higher" },
  "phone.criterion.slider": { zh: "{label} 评分", en: "{label} score" },
  "phone.criterion.input": { zh: "{label} 输入分数", en: "{label}: type a score" },
  "phone.criterion.typed.number": {
    zh: "请输入数字，如 {example}",
    en: "Type a number, e.g. {example}",
  },
  "phone.criterion.typed.range": {
    zh: "分数须在 0 至 {max} 之间，未计入",
    en: "Must be from 0 to {max}: not counted",
  },
  "phone.criterion.typed.step": {
    zh: "分数须为 {step} 的整数倍（如 {near}），未计入",
    en: "Scores go in steps of {step} (e.g. {near}): not counted",
  },

  "phone.form.total": { zh: "合计", en: "Total" },
  "phone.form.remaining": { zh: "还有 {n} 项未评分", en: "{n} left to score" },
  "phone.form.submit": { zh: "提交评分", en: "Submit scores" },
  "phone.form.hint": {
    zh: "每项都须打分：拖动滑块、点 − / +，或直接输入分数；评分开放期间提交后仍可修改。",
    en: "Score every item: drag the slider, tap − / + or type the score; you can revise while scoring is open.",
  },
  "phone.form.cancel": { zh: "取消修改", en: "Cancel" },
  "phone.refused": { zh: "提交未成功：{reason}", en: "Not submitted: {reason}" },

  "phone.sent.sending": { zh: "正在提交…", en: "Sending…" },
  "phone.sent.submitted": { zh: "已提交", en: "Submitted" },
  "phone.sent.unsent": {
    zh: "未发送：网络恢复后将自动提交",
    en: "Not sent yet: it will be submitted when the connection returns",
  },
  "phone.sent.retry": { zh: "立即重试", en: "Retry now" },
  "phone.sent.receipt": { zh: "回执码", en: "Receipt" },
  "phone.sent.revise": { zh: "修改评分", en: "Change my scores" },
  "phone.sent.reviseHint": {
    zh: "评分开放期间可修改，以最后一次提交为准。",
    en: "You may change your scores while scoring is open; the last submission counts.",
  },

  "phone.sent.reviseEvaluation": { zh: "修改测评", en: "Change my evaluation" },
  "phone.sent.reviseEvaluationHint": {
    zh: "测评开放期间可修改，以最后一次提交为准。",
    en: "You may change it while the evaluation is open; the last submission counts.",
  },

  "phone.abstain.ask": {
    zh: "与该竞聘人有亲属等关系？可以选择回避。",
    en: "Related to this candidate? You may abstain.",
  },
  "phone.abstain.action": { zh: "回避", en: "Abstain" },
  "phone.abstain.confirmTitle": { zh: "确认回避？", en: "Abstain for this candidate?" },
  "phone.abstain.confirmBody": {
    zh: "回避：不为该竞聘人评分，单独计数。评分开放期间可撤销。",
    en: "Abstaining: you give this candidate no score, and it is counted apart. You can undo it while scoring is open.",
  },
  "phone.abstain.confirm": { zh: "确认回避", en: "Abstain" },
  "phone.abstain.back": { zh: "返回评分", en: "Back to scoring" },
  "phone.abstain.done": { zh: "已回避", en: "Abstained" },
  "phone.abstain.summary": {
    zh: "未为该竞聘人评分，回避单独计数。",
    en: "No score given to this candidate; the abstention is counted apart.",
  },
  "phone.abstain.undo": { zh: "撤销回避", en: "Undo abstention" },
  "phone.abstain.undoHint": {
    zh: "评分开放期间可撤销：撤销后请为该竞聘人评分并提交。",
    en: "You can undo it while scoring is open: then score this candidate and submit.",
  },
  "phone.abstain.undoing": {
    zh: "撤销回避：请为该竞聘人评分并提交。提交前，回避仍然有效。",
    en: "Undoing your abstention: score this candidate and submit. Until you submit, the abstention stands.",
  },
  "phone.abstain.keep": { zh: "保留回避", en: "Keep the abstention" },
  "phone.abstain.closed": {
    zh: "您已回避该竞聘人，未评分。",
    en: "You abstained for this candidate and gave no score.",
  },

  "phone.closed.yours": { zh: "您提交的评分", en: "Your submitted scores" },
  "phone.closed.none": { zh: "您未对该竞聘人评分。", en: "You did not score this candidate." },

  "phone.eval.tab": { zh: "民主测评", en: "Evaluation" },
  "phone.eval.title": { zh: "民主测评", en: "Democratic evaluation" },
  "phone.eval.hint": {
    zh: "请对每位竞聘人选择一项。未选择的竞聘人不计票；测评开放期间可修改。",
    en: "Choose one for each candidate. A blank casts nothing; you can change it while the evaluation is open.",
  },
  "phone.eval.remaining": { zh: "还有 {n} 位未选择", en: "{n} left blank" },
  "phone.eval.submit": { zh: "提交测评", en: "Submit evaluation" },
  "phone.eval.pickOne": { zh: "请至少选择一项", en: "Choose at least one" },
  "phone.eval.blank": { zh: "未选择", en: "Blank" },
  "phone.eval.closed": { zh: "民主测评已结束", en: "The evaluation is closed" },
  "phone.eval.yours": { zh: "您提交的测评", en: "Your evaluation" },
  "phone.eval.notCast": { zh: "您未提交民主测评。", en: "You did not submit an evaluation." },

  "phone.locked.title": { zh: "评分已全部结束", en: "Scoring is complete" },
  "phone.locked.body": {
    zh: "结果已锁定。感谢您参与本次竞争上岗评分！现在可以关闭本页面。",
    en: "The results are locked. Thank you for taking part! You may close this page now.",
  },
});
