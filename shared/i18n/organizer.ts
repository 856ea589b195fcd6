import { defineTexts } from "./define.ts";

/** Texts of the organizer page (/): sign-in, rounds, links, ballot cards, printing, lock. */
export const organizer = defineTexts({
  "org.title": { zh: "组织者", en: "Organizer" },
  "org.logout": { zh: "退出登录", en: "Sign out" },
  "org.copy": { zh: "复制", en: "Copy" },
  "org.copied": { zh: "已复制", en: "Copied" },
  "org.copyManual": {
    zh: "浏览器不允许自动复制，链接已选中，请按 Ctrl+C 复制",
    en: "The browser blocked copying; the link is selected, press Ctrl+C",
  },

  "org.login.title": { zh: "组织者登录", en: "Organizer sign-in" },
  "org.login.passphrase": { zh: "口令", en: "Passphrase" },
  "org.login.hint": {
    zh: "口令在服务启动（npm start）时显示在控制台上。",
    en: "The passphrase is printed on the console when the server starts (npm start).",
  },
  "org.login.submit": { zh: "登录", en: "Sign in" },
  "org.login.busy": { zh: "正在登录…", en: "Signing in…" },
  "org.login.expired": {
    zh: "登录已过期，请重新输入口令。",
    en: "Your session has expired; please sign in again.",
  },

  "org.rounds.title": { zh: "竞聘轮次", en: "Rounds" },
  "org.rounds.empty": {
    zh: "还没有竞聘轮次。可以新建一轮，载入演示方案，或导入本单位的方案文件。",
    en: "No rounds yet. Start a new one, load the demo round, or import your own round file.",
  },
  "org.rounds.col.title": { zh: "名称", en: "Title" },
  "org.rounds.col.status": { zh: "状态", en: "Status" },
  "org.rounds.col.screen": { zh: "大屏", en: "Projector" },
  "org.rounds.col.created": { zh: "创建时间", en: "Created" },
  "org.rounds.col.actions": { zh: "操作", en: "Actions" },
  "org.rounds.active": { zh: "大屏显示中", en: "On the projector" },
  "org.rounds.activate": { zh: "设为大屏显示", en: "Show on projector" },
  "org.rounds.activated": { zh: "大屏已切换到该轮次", en: "The projector now shows this round" },
  "org.rounds.open": { zh: "进入", en: "Open" },
  "org.rounds.back": { zh: "全部轮次", en: "All rounds" },
  "org.rounds.showArchived": { zh: "显示已归档", en: "Show archived" },
  "org.rounds.archivedTitle": { zh: "已归档的轮次", en: "Archived rounds" },
  "org.rounds.noArchived": { zh: "没有已归档的轮次。", en: "No archived rounds." },
  "org.rounds.created": { zh: "创建于 {time}", en: "Created {time}" },
  "org.rounds.lockedAt": { zh: "锁定于 {time}", en: "Locked {time}" },
  "org.rounds.checksum": { zh: "校验码 {checksum}", en: "Checksum {checksum}" },

  "org.draft.notice": {
    zh: "这一轮还是草稿：检查无误后开始评分。",
    en: "This round is still a draft: check it, then start the session.",
  },
  "org.draft.noticeMore": {
    zh: "草稿可以在各页签中修改，也可以用改正后的方案文件重新导入。开始评分后才能发放评分卡、生成主持人和监督链接。",
    en: "A draft can be changed in its tabs, or re-imported from a corrected round file. Ballot cards and the chair and observer links come once the session has started.",
  },
  "org.draft.start": { zh: "开始评分", en: "Start the session" },
  "org.draft.startTitle": { zh: "开始“{title}”的评分？", en: 'Start the session of "{title}"?' },
  "org.draft.startBody": {
    zh: "开始后评分规则将被固定，不能再修改；主持台和大屏会显示规则的校验码。",
    en: "Once it starts, the rules are fixed and can no longer be changed; the chair console and the projector show their checksum.",
  },
  "org.draft.started": {
    zh: "“{title}”已开始评分，大屏已切换到该轮次",
    en: '"{title}" is in session; the projector now shows it',
  },
  "org.draft.startedKept": {
    zh: "“{title}”已开始评分，大屏仍显示“{live}”",
    en: '"{title}" is in session; the projector still shows "{live}"',
  },
  "org.draft.reimport": { zh: "重新导入", en: "Re-import" },
  "org.draft.reimported": {
    zh: "已用新文件替换“{title}”的草稿",
    en: 'The draft "{title}" now holds the new file',
  },
  "org.draft.download": { zh: "下载方案文件", en: "Download the round file" },
  "org.round.delete": { zh: "删除", en: "Delete" },
  "org.round.deleteTitle": { zh: "删除“{title}”？", en: 'Delete "{title}"?' },
  "org.round.deleteBody": {
    zh: "这一轮的方案及其评分卡和评分将全部删除，只有审计记录保留。此操作不可撤销。",
    en: "The round's file, its ballot cards and ballots are all deleted; only its audit trail stays. This cannot be undone.",
  },
  "org.round.deleted": { zh: "已删除“{title}”", en: 'Deleted "{title}"' },
  "org.round.archive": { zh: "归档", en: "Archive" },
  "org.round.archiveTitle": { zh: "归档“{title}”？", en: 'Archive "{title}"?' },
  "org.round.archiveBody": {
    zh: "归档后这一轮不再列在轮次列表中（勾选“显示已归档”可以找到）。结果文件、评分汇总表和审计记录都保留，不会删除。",
    en: 'The round leaves the round list (tick "Show archived" to find it). Its results file, score summary and audit trail are kept, never deleted.',
  },
  "org.round.archived": { zh: "已归档“{title}”", en: 'Archived "{title}"' },

  "org.import.demo": { zh: "载入演示方案", en: "Load the demo round" },
  "org.import.file": { zh: "导入方案文件", en: "Import a round file" },
  "org.import.busy": { zh: "正在导入…", en: "Importing…" },
  "org.import.rehearsal": { zh: "演练轮次", en: "Rehearsal round" },
  "org.import.rehearsalHint": {
    zh: "演练轮次用于会前试用，任何阶段都可以删除。",
    en: "For a try-out before the meeting; it can be deleted at any stage.",
  },
  "org.import.drafted": {
    zh: "已导入“{title}”，现为草稿",
    en: 'Imported "{title}" as a draft',
  },
  "org.import.kept": {
    zh: "已导入“{title}”，大屏仍显示“{live}”",
    en: 'Imported "{title}"; the projector still shows "{live}"',
  },
  "org.screen.switchTitle": { zh: "切换大屏？", en: "Switch the projector?" },
  "org.screen.switchBody": {
    zh: "大屏正在显示“{live}”，确定切换吗？",
    en: 'The projector is showing "{live}". Switch it?',
  },
  "org.screen.switch": { zh: "切换大屏", en: "Switch the projector" },
  "org.screen.keep": { zh: "保留当前大屏", en: "Keep the current round" },
  "org.import.done": {
    zh: "已导入“{title}”，大屏已切换到该轮次",
    en: 'Imported "{title}"; the projector now shows it',
  },
  "org.import.badJson": {
    zh: "“{name}”不是有效的 JSON 文件：{detail}",
    en: '"{name}" is not a valid JSON file: {detail}',
  },
  "org.login.lockedMinutes": {
    zh: "尝试次数过多，请 {n} 分钟后再试",
    en: "Too many attempts; try again in {n} {n|minute|minutes}",
  },
  "org.login.lockedSeconds": {
    zh: "尝试次数过多，请 {n} 秒后再试",
    en: "Too many attempts; try again in {n} {n|second|seconds}",
  },
  "org.import.issues": { zh: "需要修改的地方：", en: "What to change:" },

  "org.summary.title": { zh: "方案概要", en: "Round summary" },
  "org.summary.positions": { zh: "竞聘岗位", en: "Posts" },
  "org.summary.seats": { zh: "{n} 个职数", en: "{n} {n|seat|seats}" },
  "org.summary.candidates": {
    zh: "竞聘人（{n} 人，按演讲顺序）",
    en: "Candidates ({n}, in speaking order)",
  },
  "org.summary.first": { zh: "第一志愿", en: "1st choice" },
  "org.summary.second": { zh: "第二志愿", en: "2nd choice" },
  "org.summary.rubric": { zh: "评分项目（满分 {total}）", en: "Rubric (total {total})" },
  "org.summary.criterion": { zh: "满分 {max}，最小单位 {step}", en: "max {max}, step {step}" },
  "org.summary.groups": { zh: "评委组", en: "Voter groups" },
  "org.summary.weight": { zh: "权重 {w}", en: "weight {w}" },
  "org.summary.method": { zh: "计分方法", en: "Scoring method" },
  "org.summary.trim": {
    zh: "每组收到 {min} 份及以上评分时，去掉 {n} 个最高分和 {n} 个最低分",
    en: "With {min} or more ballots in a group, drop the {n} highest and {n} lowest",
  },
  "org.summary.noTrim": { zh: "不去掉最高分和最低分", en: "No highest or lowest score is dropped" },
  "org.summary.parts": {
    zh: "演讲答辩占 {speech}%，民主测评占 {evaluation}%",
    en: "Speech {speech}%, democratic evaluation {evaluation}%",
  },
  "org.summary.decimals": {
    zh: "得分保留 {n} 位小数（四舍五入）",
    en: "Scores rounded half up to {n} {n|decimal|decimals}",
  },
  "org.summary.timers": {
    zh: "演讲 {speech}，答辩 {defense}",
    en: "Speech {speech}, defense {defense}",
  },

  "org.links.title": { zh: "链接与二维码", en: "Links and QR codes" },
  "org.links.projector": { zh: "大屏链接", en: "Projector link" },
  "org.links.projectorHint": {
    zh: "在会场投影电脑的浏览器中打开。大屏显示“设为大屏显示”的轮次。",
    en: 'Open it in the browser of the hall\'s projector computer. It shows the round set "on the projector".',
  },
  "org.links.chair": { zh: "主持人链接", en: "Chair link" },
  "org.links.chairHint": {
    zh: "发给主持人，在会场前方的电脑或平板上打开。持有链接即可主持本轮，请勿外传。",
    en: "For the chair's laptop or tablet at the front. Whoever holds it can run this round; keep it private.",
  },
  "org.links.observer": { zh: "监督链接", en: "Observer link" },
  "org.links.observerHint": {
    zh: "发给纪检监督人员：只读，可看进度与摘要，看不到任何人的评分。",
    en: "For discipline inspection: read-only progress and digests, never anyone's ballot.",
  },
  "org.links.create": { zh: "生成链接", en: "Create link" },
  "org.links.recreate": { zh: "再生成一个", en: "Create another" },
  "org.links.openChair": { zh: "打开主持台", en: "Open chair console" },

  "org.progress.title": { zh: "现场进度", en: "Live progress" },
  "org.progress.hint": {
    zh: "只显示已评张数；分数在主持人公布前不显示",
    en: "Counts only; no score is shown before the chair reveals it",
  },
  "org.progress.candidate": { zh: "竞聘人", en: "Candidate" },
  "org.progress.window": { zh: "评分", en: "Scoring" },
  "org.progress.scored": { zh: "已评", en: "Scored" },
  "org.progress.revealed": { zh: "结果", en: "Result" },
  "org.progress.current": { zh: "当前", en: "Now" },

  "org.cards.title": { zh: "评分卡", en: "Ballot cards" },
  "org.cards.anonymous": {
    zh: "评分卡无记名：系统从不记录谁持有哪一张卡。请在入场时像发放纸质选票一样随机发放，不要登记姓名。",
    en: "Ballot cards are anonymous: the system never records who holds which card. Hand them out at random at the door, like paper ballots, and do not note names.",
  },
  "org.cards.issueLegend": { zh: "新发评分卡（每组张数）", en: "Issue new cards (per group)" },
  "org.cards.issue": { zh: "发放 {n} 张", en: "Issue {n}" },
  "org.cards.issuing": { zh: "正在发放…", en: "Issuing…" },
  "org.cards.issued": { zh: "已新发 {n} 张评分卡", en: "{n} {n|card|cards} issued" },
  "org.cards.none": { zh: "尚未发放评分卡", en: "No ballot cards issued yet" },
  "org.cards.counts": {
    zh: "有效 {active} 张 · 已作废 {void} 张",
    en: "{active} active · {void} void",
  },
  "org.cards.print": { zh: "打印评分卡", en: "Print ballot cards" },
  "org.cards.printFresh": { zh: "只打印新发的 {n} 张", en: "Print only the {n} new" },
  "org.cards.filter": { zh: "按评委组筛选", en: "Filter by voter group" },
  "org.cards.all": { zh: "全部", en: "All" },
  "org.cards.col.code": { zh: "编号", en: "Code" },
  "org.cards.col.group": { zh: "评委组", en: "Voter group" },
  "org.cards.col.status": { zh: "状态", en: "Status" },
  "org.cards.col.actions": { zh: "操作", en: "Actions" },
  "org.cards.active": { zh: "有效", en: "Active" },
  "org.cards.voided": { zh: "已作废", en: "Void" },
  "org.cards.new": { zh: "新", en: "New" },
  "org.cards.void": { zh: "作废", en: "Void" },
  "org.cards.voidTitle": { zh: "作废评分卡 {code}？", en: "Void card {code}?" },
  "org.cards.voidBody": {
    zh: "作废后，此卡已提交的评分和民主测评立即从统计中撤回，此卡也不能再提交；正在使用此卡的手机会收到提示。已在大屏公布的结果不随之更新，锁定后的评分汇总表和导出文件以撤回后的统计为准。此操作不可撤销。",
    en: "The card's ballots and evaluation are withdrawn from the count at once, and it can submit nothing more; a phone using it is told. Results already shown on the projector are not updated; the results sheet and the export after the lock count without them. This cannot be undone.",
  },
  "org.cards.reissue": { zh: "补发", en: "Reissue" },
  "org.cards.reissueTitle": {
    zh: "为 {code} 补发新二维码？",
    en: "Give {code} a new QR code?",
  },
  "org.cards.reissueBody": {
    zh: "用于手机或评分卡遗失、损坏：仍是同一张评分卡，已提交的评分保留；旧二维码立即失效，正在使用旧二维码的手机会被退出。请打印新卡后交给原持卡人。",
    en: "For a lost or broken phone or card: it stays the same card and keeps its ballots; the old QR code stops working at once and a phone still using it is signed out. Print the new card and hand it to the holder.",
  },
  "org.cards.reissued": {
    zh: "{code} 已换发新二维码，请打印后交给持卡人",
    en: "{code} has a new QR code; print it and hand it over",
  },
  "org.cards.smallGroup": {
    zh: "“{group}”只有 {n} 张有效评分卡。导出文件中每张评分票都带有评委组，不足 3 张时该组的评分可以被辨认出来。",
    en: 'Fewer than 3 active cards in "{group}" (now {n}). Every exported ballot carries its voter group, so this group\'s ballots can be told apart.',
  },
  "org.cards.smallGroupIssue": {
    zh: "发放后“{group}”只有 {n} 张：该组的评分在导出文件中可以被辨认出来。",
    en: 'After this, fewer than 3 cards in "{group}" (then {n}): its ballots can be told apart in the export.',
  },
  "org.cards.retryIssue": {
    zh: "上次发放没有收到答复，再次发放不会重复发卡。",
    en: "The last issue got no answer; issuing again will not issue twice.",
  },

  "org.print.title": { zh: "打印评分卡", en: "Print ballot cards" },
  "org.print.count": {
    zh: "共 {n} 张有效评分卡，{pages} 页 A4",
    en: "{n} active {n|card|cards} on {pages} A4 {pages|page|pages}",
  },
  "org.print.hint": {
    zh: "每页 8 张，打印后沿虚线裁开。打印设置请选 A4、100% 缩放、无页眉页脚。",
    en: "8 cards per page; cut along the dashed lines. Print on A4 at 100% scale without headers and footers.",
  },
  "org.print.print": { zh: "打印", en: "Print" },
  "org.print.back": { zh: "返回", en: "Back" },
  "org.print.none": { zh: "没有可打印的有效评分卡", en: "No active cards to print" },
  "org.print.once": {
    zh: "二维码只在本页显示一次，离开后无法再次查看；再次打印会生成新的二维码，旧的随即失效。",
    en: "These QR codes are shown only on this page and cannot be shown again once you leave it; printing again makes new codes and the old ones stop working.",
  },
  "org.print.rotateTitle": {
    zh: "为 {n} 张评分卡生成新二维码？",
    en: "Make new QR codes for the cards to print ({n})?",
  },
  "org.print.rotateBody": {
    zh: "二维码只显示一次，再次打印需要生成新的二维码：此前打印的二维码立即失效，正在使用的手机会被退出，已提交的评分保留。",
    en: "A QR code is shown only once, so printing again makes new ones: codes printed before stop working at once and phones using them are signed out; ballots already cast stay.",
  },
  "org.print.rotate": { zh: "生成并打印", en: "Make new codes and print" },
  "org.print.instructions": {
    zh: "用手机扫描二维码评分 · 无记名",
    en: "Scan the QR code with your phone to score · anonymous",
  },

  "org.lock.title": { zh: "锁定结果", en: "Lock results" },
  "org.lock.explain": {
    zh: "全部竞聘人评分结束后锁定。锁定后不能再提交或修改任何评分，结果文件及其数据摘要随之确定，供考察和公示使用。",
    en: "Lock once every candidate has been scored. After the lock no ballot can be submitted or changed; the results file and its digest become final for the next stages.",
  },
  "org.lock.button": { zh: "锁定本轮结果…", en: "Lock this round…" },
  "org.lock.confirmTitle": { zh: "确定锁定本轮结果吗？", en: "Lock this round's results?" },
  "org.lock.confirmBody": {
    zh: "锁定后，任何评分都不能再提交、修改或作废，评分卡全部失效。此操作不可撤销。",
    en: "After the lock no ballot can be submitted, changed or voided, and every card stops working. This cannot be undone.",
  },
  "org.lock.warnOpen": {
    zh: "{n} 位竞聘人仍在评分中，锁定将立即停止评分",
    en: "Scoring is still open for {n} {n|candidate|candidates}; the lock ends it at once",
  },
  "org.lock.warnNever": {
    zh: "{n} 位竞聘人尚未开始评分",
    en: "{n} {n|candidate has|candidates have} not been scored at all",
  },
  "org.lock.warnHidden": {
    zh: "{n} 位竞聘人的结果尚未公布",
    en: "{n} {n|result has|results have} not been revealed",
  },
  "org.lock.warnEvalOpen": {
    zh: "民主测评仍在进行中，锁定将立即结束测评",
    en: "The evaluation is still open; the lock ends it at once",
  },
  "org.lock.warnEvalNever": {
    zh: "民主测评尚未进行，综合得分将缺少测评部分",
    en: "The evaluation has not been held; composites will lack that part",
  },
  "org.lock.confirm": { zh: "确定锁定", en: "Lock now" },
  "org.lock.done": { zh: "结果已锁定", en: "Results locked" },
  "org.lock.afterHint": {
    zh: "结果文件包含全部不记名评分和计算结果，任何人都可以据此复核。",
    en: "The results file holds every anonymous ballot and the computed results; anyone can recount from it.",
  },
  "org.lock.download": { zh: "下载结果文件", en: "Download results file" },
  "org.lock.downloadXlsx": { zh: "下载 Excel 汇总表", en: "Download Excel summary" },
  "org.progress.evaluation": { zh: "民主测评", en: "Democratic evaluation" },
});
