import { defineTexts } from "./define.ts";

/** Texts of the chair console (/chair) and its read-only observer view (/observer). */
export const chair = defineTexts({
  "chair.title": { zh: "主持台", en: "Chair console" },
  "chair.observerTitle": { zh: "监督视图", en: "Observer view" },
  "chair.noLink": {
    zh: "请使用组织者发给您的主持人或监督链接打开此页。",
    en: "Open this page with the chair or observer link from the organizer.",
  },
  "chair.locked": {
    zh: "本轮结果已锁定，不能再更改",
    en: "This round is locked; nothing can change",
  },

  "chair.order.title": { zh: "演讲顺序", en: "Speaking order" },
  "chair.order.scored": { zh: "已评 {n} / {m}", en: "Scored {n} / {m}" },
  "chair.order.revealed": { zh: "已公布", en: "Revealed" },
  /** The count with the abstentions (回避) beside it, when there are any. */
  "chair.order.scoredAbstained": {
    zh: "已评 {n} / {m} · 回避 {a}",
    en: "Scored {n} / {m} · abstained {a}",
  },

  /** 弃权 and 缺席 (candidate:mark): the words themselves are candidate.mark.* (common.ts). */
  "chair.mark.setAbsent": { zh: "标记缺席", en: "Mark absent" },
  "chair.mark.setWithdrawn": { zh: "标记弃权", en: "Mark withdrawn" },
  "chair.mark.setAbsentLabel": { zh: "将 {name} 标记为缺席", en: "Mark {name} absent" },
  "chair.mark.setWithdrawnLabel": {
    zh: "将 {name} 标记为弃权",
    en: "Mark {name} as withdrawn",
  },
  "chair.mark.clear": { zh: "撤销标记", en: "Take the mark back" },
  "chair.mark.clearLabel": { zh: "撤销 {name} 的标记", en: "Take back the mark of {name}" },
  "chair.mark.at": { zh: "{mark} · {time}", en: "{mark} · {time}" },
  "chair.mark.absentTitle": { zh: "将“{name}”标记为缺席？", en: 'Mark "{name}" absent?' },
  "chair.mark.withdrawnTitle": {
    zh: "将“{name}”标记为弃权？",
    en: 'Mark "{name}" as withdrawn?',
  },
  "chair.mark.body": {
    zh: "{name} 将不再上台：“下一位”跳过其本人，评委手机不能为其评分，民主测评也不列入；结果表单列为“{mark}”，不参加排名。标记和时间记入操作记录，锁定前可以撤销。",
    en: '{name} will not speak: "Next" skips them, phones cannot score them and the evaluation leaves them out; the results list them apart as "{mark}", unranked. The mark and its time go into the audit trail; it can be taken back until the lock.',
  },
  "chair.mark.confirm": { zh: "确认标记为{mark}", en: "Mark as {mark}" },
  "chair.mark.clearTitle": {
    zh: "撤销“{name}”的“{mark}”标记？",
    en: 'Take back "{mark}" for "{name}"?',
  },
  "chair.mark.clearBody": {
    zh: "{name} 将回到演讲顺序中，可以上台并开放评分。撤销记入操作记录。",
    en: "{name} returns to the speaking order and can be called and scored. The audit trail records it.",
  },
  "chair.mark.current": {
    zh: "已于 {time} 标记为{mark}，不进行演讲和评分。",
    en: "Marked {mark} at {time}: no speech and no scoring.",
  },
  "chair.window.pending": { zh: "未开始", en: "Not started" },
  "chair.window.open": { zh: "评分中", en: "Scoring" },
  "chair.window.closed": { zh: "已结束", en: "Closed" },

  "chair.current.label": { zh: "当前竞聘人", en: "Now speaking" },
  "chair.current.seq": { zh: "第 {n} 位 / 共 {m} 位", en: "{n} of {m}" },
  "chair.current.posts": { zh: "竞聘岗位：{posts}", en: "Applying for: {posts}" },
  "chair.current.none": {
    zh: "尚未开始。请第一位竞聘人上台，或在演讲顺序中点选。",
    en: "Not started yet. Call the first candidate, or pick one from the speaking order.",
  },
  "chair.current.waiting": { zh: "主持人尚未开始", en: "The chair has not started yet" },
  "chair.first": { zh: "开始：第一位 {name}", en: "Start with {name}" },
  "chair.next": { zh: "下一位：{name}", en: "Next: {name}" },
  "chair.last": { zh: "已是最后一位", en: "This is the last candidate" },
  "chair.goto.confirmTitle": { zh: "当前竞聘人仍在评分中", en: "Scoring is still open" },
  "chair.goto.confirmBody": {
    zh: "{name} 的评分尚未结束，切换后评委仍可继续为其评分。确定切换到 {next} 吗？",
    en: "Scoring for {name} is still open; voters can go on scoring them after the switch. Move on to {next}?",
  },
  "chair.goto.confirm": { zh: "切换", en: "Move on" },

  "chair.timer.title": { zh: "计时", en: "Timer" },
  "chair.timer.idle": { zh: "未计时", en: "Not started" },
  "chair.timer.ready": { zh: "待开始", en: "Ready" },
  "chair.timer.running": { zh: "计时中", en: "Running" },
  "chair.timer.paused": { zh: "已暂停", en: "Paused" },
  "chair.timer.over": { zh: "时间到", en: "Time is up" },
  "chair.timer.startSpeech": { zh: "开始演讲计时（{duration}）", en: "Start speech ({duration})" },
  "chair.timer.resumeSpeech": { zh: "继续演讲计时", en: "Resume speech" },
  "chair.timer.startDefense": {
    zh: "开始答辩计时（{duration}）",
    en: "Start defense ({duration})",
  },
  "chair.timer.resumeDefense": { zh: "继续答辩计时", en: "Resume defense" },
  "chair.timer.stop": { zh: "停止计时", en: "Stop timer" },

  "chair.scoring.open": { zh: "开始评分", en: "Open scoring" },
  "chair.scoring.reopen": { zh: "重新开放评分", en: "Reopen scoring" },
  "chair.scoring.close": { zh: "结束评分", en: "Close scoring" },
  "chair.scoring.revealedHint": {
    zh: "结果已在大屏公布过，不能再开放评分",
    en: "The hall has seen the result; scoring cannot reopen",
  },
  "chair.scoring.confirmCloseTitle": {
    zh: "还有评分卡未提交",
    en: "Some cards have not scored yet",
  },
  "chair.scoring.confirmCloseBody": {
    zh: "已评 {n} / {m}，还有 {left} 张评分卡未提交。结束后这些评分卡不能再为该竞聘人评分。确定结束评分吗？",
    en: "{n} of {m} {m|card|cards} {n|has|have} scored; {left} {left|has|have} not. Once closed they can no longer score this candidate. Close scoring?",
  },
  "chair.reveal": { zh: "公布结果", en: "Reveal result" },
  "chair.reveal.again": { zh: "再次在大屏显示结果", en: "Show the result again" },
  "chair.reveal.confirmTitle": {
    zh: "在大屏公布“{name}”的结果？",
    en: 'Show the result of "{name}" to the hall?',
  },
  "chair.reveal.confirmBody": {
    zh: "全场将看到以下内容：",
    en: "The hall will see this:",
  },
  "chair.reveal.confirm": { zh: "在大屏公布", en: "Show it" },
  "chair.hide": { zh: "从大屏撤回结果", en: "Take the result back" },
  "chair.hide.confirmTitle": {
    zh: "从大屏撤回“{name}”的结果？",
    en: 'Take the result of "{name}" off the projector?',
  },
  "chair.hide.confirmBody": {
    zh: "结果将从大屏和排名中撤下，并记入操作记录。全场已经看到过该结果，因此评分不会重新开放；以后可以再次公布同一结果。",
    en: "The result leaves the projector and the ranking, and the audit trail records it. The hall has seen it, so scoring does not reopen; the same result can be shown again later.",
  },
  "chair.hide.confirm": { zh: "撤回", en: "Take it back" },
  "chair.hide.done": { zh: "已从大屏撤回该结果", en: "The result is off the projector" },
  "chair.reveal.hint": {
    zh: "结束评分后才能公布结果",
    en: "Close scoring before revealing the result",
  },

  "chair.result.speech": { zh: "演讲答辩得分", en: "Speech score" },
  "chair.result.composite": { zh: "综合得分", en: "Composite" },
  "chair.result.group": { zh: "评委组", en: "Voter group" },
  "chair.result.ballots": { zh: "收到", en: "Ballots" },
  "chair.result.kept": { zh: "计分", en: "Counted" },
  "chair.result.mean": { zh: "平均分（满分 {max}）", en: "Mean (of {max})" },
  "chair.result.noBallots": { zh: "没有收到评分", en: "No ballots were cast" },

  "chair.progress.title": { zh: "评分进度", en: "Scoring progress" },
  "chair.progress.lagging": { zh: "偏少", en: "Behind" },
  "chair.progress.noCards": { zh: "尚未发放评分卡", en: "No ballot cards issued yet" },
  /** Cards that abstained (回避) for the candidate instead of scoring: counted apart. */
  "chair.progress.abstained": { zh: "回避 {n}", en: "Abstained {n}" },

  "chair.screen.title": { zh: "大屏显示", en: "Projector" },
  "chair.screen.now": { zh: "大屏当前：", en: "Showing now:" },
  "chair.screen.welcome": { zh: "显示欢迎页", en: "Show welcome" },
  "chair.screen.candidate": { zh: "显示当前竞聘人", en: "Show current candidate" },
  "chair.screen.ranking": { zh: "显示排名", en: "Show ranking" },
  "chair.screen.view.welcome": { zh: "欢迎页", en: "Welcome" },
  "chair.screen.view.candidate": { zh: "当前竞聘人", en: "Current candidate" },
  "chair.screen.view.result": { zh: "结果", en: "Result" },
  "chair.screen.view.evaluation": { zh: "民主测评", en: "Democratic evaluation" },
  "chair.screen.view.ranking": { zh: "排名", en: "Ranking" },
  "chair.screen.view.locked": { zh: "结果已锁定", en: "Locked" },

  "chair.screen.evaluation": { zh: "显示民主测评", en: "Show evaluation" },
  "chair.screen.locked": { zh: "显示锁定页", en: "Show the lock page" },

  "chair.eval.title": { zh: "民主测评", en: "Democratic evaluation" },
  "chair.eval.phase.pending": { zh: "未开始", en: "Not started" },
  "chair.eval.phase.open": { zh: "测评中", en: "Open" },
  "chair.eval.phase.closed": { zh: "已结束", en: "Closed" },
  "chair.eval.phase.revealed": { zh: "已公布", en: "Revealed" },
  "chair.eval.explain": {
    zh: "全部竞聘人演讲答辩结束后开始：每张评分卡对每位竞聘人选择一项（{options}）。",
    en: "Start it after the last speech: each card marks every candidate ({options}).",
  },
  "chair.eval.weight": {
    zh: "测评成绩占综合成绩的 {pct}%。",
    en: "The evaluation counts for {pct}% of the composite.",
  },
  "chair.eval.weightZero": {
    zh: "本场测评权重为 0：只公布各选项票数和好评率，不计入综合成绩。",
    en: "This round weights the evaluation 0: its counts and favourable rate are reported but do not enter the composite.",
  },
  "chair.eval.cast": { zh: "已测评 {n} / {m}", en: "Cast {n} / {m}" },
  "chair.eval.open": { zh: "开始民主测评", en: "Open the evaluation" },
  "chair.eval.reopen": { zh: "重新开放测评", en: "Reopen" },
  "chair.eval.close": { zh: "结束民主测评", en: "Close the evaluation" },
  "chair.eval.reveal": { zh: "公布测评结果", en: "Reveal the evaluation" },
  "chair.eval.confirmOpenTitle": {
    zh: "还有竞聘人未完成评分",
    en: "Some candidates have not been scored",
  },
  "chair.eval.confirmOpenBody": {
    zh: "以下 {n} 位竞聘人还没有已结束且有评分的评分环节。仍要开始民主测评吗？",
    en: "These {n} candidates have no closed scoring window with a ballot in it. Open the evaluation anyway?",
  },
  "chair.eval.confirmCloseTitle": {
    zh: "还有评分卡未提交民主测评",
    en: "Some cards have not cast the evaluation",
  },
  "chair.eval.confirmCloseBody": {
    zh: "已测评 {n} / {m}，还有 {left} 张评分卡未提交。结束后不能再提交民主测评。确定结束吗？",
    en: "{n} of {m} {m|card|cards} {n|has|have} cast it; {left} {left|has|have} not. Once closed no evaluation can be cast. Close it?",
  },
  "chair.eval.col.candidate": { zh: "竞聘人", en: "Candidate" },
  "chair.eval.col.score": { zh: "测评得分", en: "Score" },
  "chair.eval.col.favourable": { zh: "好评率", en: "Favourable" },
  "chair.eval.col.cast": { zh: "票数", en: "Votes" },

  "chair.tie.title": { zh: "考察名额边缘并列", en: "Tie at the inspection quota" },
  "chair.tie.count": { zh: "{n} 处待决定", en: "{n} to decide" },
  "chair.tie.quota": {
    zh: "职数 {seats} 名 · 考察名额 {quota} 名",
    en: "{seats} {seats|seat|seats} · inspection quota {quota}",
  },
  "chair.tie.explain": {
    zh: "需从以下并列人员中确定 {n} 名考察对象",
    en: "Choose {n} inspection {n|target|targets} among these tied candidates",
  },
  "chair.tie.score": { zh: "综合得分 {score}", en: "Composite {score}" },
  "chair.tie.picked": { zh: "已选 {k} / {n}", en: "Chosen {k} / {n}" },
  "chair.tie.reason": { zh: "决定理由（必填）", en: "Reason (required)" },
  "chair.tie.reasonHint": {
    zh: "{n} / {max} 字，至少 2 字；理由记入操作记录和导出文件",
    en: "{n} / {max} characters, at least 2; the reason goes into the audit trail and the export",
  },
  "chair.tie.confirm": { zh: "确认决定", en: "Record the decision" },
  "chair.tie.confirmTitle": { zh: "确认并列决定", en: "Record this tie decision?" },
  "chair.tie.confirmBody": {
    zh: "{post}：确定 {names} 为考察对象，决定将记入操作记录和导出文件。理由：{reason}",
    en: "{post}: {names} become inspection targets; the decision goes into the audit trail and the export. Reason: {reason}",
  },
  "chair.tie.done": { zh: "并列决定已记录", en: "The tie decision is recorded" },
  "chair.tie.recorded": { zh: "已记录：{names}", en: "Recorded: {names}" },
  "chair.tie.reasonShown": { zh: "理由：{reason}", en: "Reason: {reason}" },
  "chair.tie.redo": { zh: "重新决定", en: "Decide again" },
  "chair.tie.voided": {
    zh: "重新评分后，{posts}的并列决定已作废，请在公布成绩后重新决定。",
    en: "Scoring was reopened: the tie decision for {posts} is void; decide again once the results are revealed.",
  },
  "chair.tie.left": { zh: "未选：{names}", en: "Not chosen: {names}" },
  "chair.tie.elsewhere": {
    zh: "{name}（另岗考察：{post}）",
    en: "{name} (inspected for {post})",
  },
  "chair.tie.lockedUndecided": {
    zh: "结果已锁定，不能再记录决定；锁定前记录的决定载于评分汇总表。",
    en: "The results are locked; no decision can be recorded now. Decisions recorded before the lock are on the score summary.",
  },

  "chair.audit.title": { zh: "操作记录", en: "Audit trail" },
  "chair.audit.zone": { zh: "时间均为{zone}。", en: "Times are {zone}." },
  "chair.audit.hint": {
    zh: "组织者和主持人影响结果的每一步操作；评委的操作从不记录。",
    en: "Every organizer and chair action that affects the results; voters' actions are never recorded.",
  },
  "chair.audit.refresh": { zh: "刷新", en: "Refresh" },
  "chair.audit.empty": { zh: "暂无记录", en: "Nothing recorded yet" },
  "chair.audit.activate": { zh: "设为大屏显示", en: "Put on the projector" },
  "chair.audit.link": { zh: "生成链接", en: "Created a link" },
  "chair.audit.issue": { zh: "发放评分卡", en: "Issued cards" },
  "chair.audit.void": { zh: "作废评分卡", en: "Voided a card" },
  "chair.audit.reissue": { zh: "作废并补发评分卡", en: "Reissued a card" },
  "chair.audit.goto": { zh: "切换竞聘人", en: "Moved to candidate" },
  "chair.audit.scoringOpen": { zh: "开始评分", en: "Opened scoring" },
  "chair.audit.scoringClose": { zh: "结束评分", en: "Closed scoring" },
  "chair.audit.reveal": { zh: "公布结果", en: "Revealed the result" },
  "chair.audit.hide": { zh: "撤回结果", en: "Took a result back" },
  "chair.audit.evalOpen": { zh: "开始民主测评", en: "Opened the evaluation" },
  "chair.audit.evalClose": { zh: "结束民主测评", en: "Closed the evaluation" },
  "chair.audit.evalReveal": { zh: "公布测评结果", en: "Revealed the evaluation" },
  "chair.audit.tie": { zh: "并列决定", en: "Tie decision" },
  "chair.audit.tieVoid": {
    zh: "并列决定作废（重新评分）",
    en: "Tie decision voided (scoring reopened)",
  },
  "chair.audit.lock": { zh: "锁定结果", en: "Locked the results" },
  "chair.audit.mark": { zh: "标记为{mark}", en: "Marked {mark}" },
  "chair.audit.unmark": { zh: "撤销弃权或缺席标记", en: "Took back a withdrawn or absent mark" },
  "chair.audit.print": { zh: "打印评分卡（换发新码）", en: "Printed cards (new codes)" },
  "chair.audit.import": { zh: "导入方案文件", en: "Imported the round file" },
  "chair.audit.importReplace": { zh: "重新导入，替换草稿", en: "re-imported over the draft" },
  "chair.audit.start": { zh: "开始评分，评分规则固定", en: "Started the session; rules fixed" },
  "chair.audit.archive": { zh: "归档", en: "Archived the round" },
  "chair.audit.delete": { zh: "删除", en: "Deleted the round" },

  "chair.ui.cancel": { zh: "取消", en: "Cancel" },
  "chair.ui.dismiss": { zh: "关闭", en: "Dismiss" },
});
