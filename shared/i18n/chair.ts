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
    zh: "本轮结果已锁定,不能再更改",
    en: "This round is locked; nothing can change",
  },

  "chair.order.title": { zh: "演讲顺序", en: "Speaking order" },
  "chair.order.scored": { zh: "已评 {n} / {m}", en: "Scored {n} / {m}" },
  "chair.order.revealed": { zh: "已公布", en: "Revealed" },
  "chair.window.pending": { zh: "未开始", en: "Not started" },
  "chair.window.open": { zh: "评分中", en: "Scoring" },
  "chair.window.closed": { zh: "已结束", en: "Closed" },

  "chair.current.label": { zh: "当前竞聘人", en: "Now speaking" },
  "chair.current.seq": { zh: "第 {n} 位 / 共 {m} 位", en: "{n} of {m}" },
  "chair.current.posts": { zh: "竞聘岗位:{posts}", en: "Applying for: {posts}" },
  "chair.current.none": {
    zh: "尚未开始。请请第一位竞聘人上台,或在演讲顺序中点选。",
    en: "Not started yet. Call the first candidate, or pick one from the speaking order.",
  },
  "chair.current.waiting": { zh: "主持人尚未开始", en: "The chair has not started yet" },
  "chair.first": { zh: "开始:第一位 {name}", en: "Start with {name}" },
  "chair.next": { zh: "下一位:{name}", en: "Next: {name}" },
  "chair.last": { zh: "已是最后一位", en: "This is the last candidate" },
  "chair.goto.confirmTitle": { zh: "当前竞聘人仍在评分中", en: "Scoring is still open" },
  "chair.goto.confirmBody": {
    zh: "{name} 的评分尚未结束,切换后评委仍可继续为其评分。确定切换到 {next} 吗?",
    en: "Scoring for {name} is still open; voters can go on scoring them after the switch. Move on to {next}?",
  },
  "chair.goto.confirm": { zh: "切换", en: "Move on" },

  "chair.timer.title": { zh: "计时", en: "Timer" },
  "chair.timer.idle": { zh: "未计时", en: "Not started" },
  "chair.timer.ready": { zh: "待开始", en: "Ready" },
  "chair.timer.running": { zh: "计时中", en: "Running" },
  "chair.timer.paused": { zh: "已暂停", en: "Paused" },
  "chair.timer.over": { zh: "时间到", en: "Time is up" },
  "chair.timer.startSpeech": { zh: "开始演讲计时({min} 分钟)", en: "Start speech ({min} min)" },
  "chair.timer.resumeSpeech": { zh: "继续演讲计时", en: "Resume speech" },
  "chair.timer.startDefense": { zh: "开始答辩计时({min} 分钟)", en: "Start defense ({min} min)" },
  "chair.timer.resumeDefense": { zh: "继续答辩计时", en: "Resume defense" },
  "chair.timer.stop": { zh: "停止计时", en: "Stop timer" },

  "chair.scoring.open": { zh: "开始评分", en: "Open scoring" },
  "chair.scoring.reopen": { zh: "重新开放评分", en: "Reopen scoring" },
  "chair.scoring.close": { zh: "结束评分", en: "Close scoring" },
  "chair.scoring.revealedHint": {
    zh: "结果已公布,不能再开放评分",
    en: "The result is revealed; scoring cannot reopen",
  },
  "chair.scoring.confirmCloseTitle": {
    zh: "还有评分卡未提交",
    en: "Some cards have not scored yet",
  },
  "chair.scoring.confirmCloseBody": {
    zh: "已评 {n} / {m},还有 {left} 张评分卡未提交。结束后这些评分卡不能再为该竞聘人评分。确定结束评分吗?",
    en: "{n} of {m} cards have scored; {left} have not. Once closed they can no longer score this candidate. Close scoring?",
  },
  "chair.reveal": { zh: "公布结果", en: "Reveal result" },
  "chair.reveal.again": { zh: "再次在大屏显示结果", en: "Show the result again" },
  "chair.reveal.hint": {
    zh: "结束评分后才能公布结果",
    en: "Close scoring before revealing the result",
  },

  "chair.result.speech": { zh: "演讲答辩得分", en: "Speech score" },
  "chair.result.composite": { zh: "综合得分", en: "Composite" },
  "chair.result.group": { zh: "评委组", en: "Voter group" },
  "chair.result.ballots": { zh: "收到", en: "Ballots" },
  "chair.result.kept": { zh: "计分", en: "Counted" },
  "chair.result.mean": { zh: "平均分(满分 {max})", en: "Mean (of {max})" },
  "chair.result.noBallots": { zh: "没有收到评分", en: "No ballots were cast" },

  "chair.progress.title": { zh: "评分进度", en: "Scoring progress" },
  "chair.progress.lagging": { zh: "偏少", en: "Behind" },
  "chair.progress.noCards": { zh: "尚未发放评分卡", en: "No ballot cards issued yet" },

  "chair.screen.title": { zh: "大屏显示", en: "Projector" },
  "chair.screen.now": { zh: "大屏当前:", en: "Showing now:" },
  "chair.screen.welcome": { zh: "显示欢迎页", en: "Show welcome" },
  "chair.screen.candidate": { zh: "显示当前竞聘人", en: "Show current candidate" },
  "chair.screen.ranking": { zh: "显示排名", en: "Show ranking" },
  "chair.screen.view.welcome": { zh: "欢迎页", en: "Welcome" },
  "chair.screen.view.candidate": { zh: "当前竞聘人", en: "Current candidate" },
  "chair.screen.view.result": { zh: "结果", en: "Result" },
  "chair.screen.view.evaluation": { zh: "民主测评", en: "Democratic evaluation" },
  "chair.screen.view.ranking": { zh: "排名", en: "Ranking" },
  "chair.screen.view.locked": { zh: "结果已锁定", en: "Locked" },

  "chair.ui.cancel": { zh: "取消", en: "Cancel" },
  "chair.ui.dismiss": { zh: "关闭", en: "Dismiss" },
});
