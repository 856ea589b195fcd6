import type { ErrorCode } from "../errors.ts";
import { defineTexts } from "./define.ts";

export const common = defineTexts({
  "app.name": { zh: "竞聘", en: "Jingpin" },
  "app.tagline": { zh: "竞争上岗现场评分系统", en: "Live scoring for competitive appointment" },
  "lang.switch": { zh: "English", en: "中文" },
  "conn.online": { zh: "已连接", en: "Online" },
  "conn.connecting": { zh: "正在连接…", en: "Connecting…" },
  "conn.offline": { zh: "网络已断开，正在重连…", en: "Offline, reconnecting…" },
  "role.organizer": { zh: "组织者", en: "Organizer" },
  "role.chair": { zh: "主持人", en: "Chair" },
  "role.projector": { zh: "大屏", en: "Projector" },
  "role.voter": { zh: "评委", en: "Voter" },
  "role.observer": { zh: "监督", en: "Observer" },
  "status.open": { zh: "进行中", en: "Open" },
  /** A round's life cycle (RoundSummary.status), as the organizer's round list shows it. */
  "status.draft": { zh: "草稿", en: "Draft" },
  "status.session": { zh: "评分中", en: "In session" },
  "status.locked": { zh: "已锁定", en: "Locked" },
  /** Locked in the live session, not yet landed in the records (SessionState.archiving). */
  "status.archiving": { zh: "已锁定，正在归档", en: "Locked, archiving" },
  "status.archived": { zh: "已归档", en: "Archived" },
  "round.rehearsal": { zh: "演练", en: "Rehearsal" },
  /** The frozen rules' checksum (shortChecksum), on the chair console and the projector. */
  "rules.fixed": {
    zh: "评分规则已固定，校验码 {checksum}",
    en: "Rules fixed, checksum {checksum}",
  },
  "rules.checksumTitle": {
    zh: "评分规则的 SHA-256：{sha}",
    en: "SHA-256 of the rules: {sha}",
  },
  "status.exporting": {
    zh: "已锁定，正在生成导出文件",
    en: "Locked; the export file is being generated",
  },
  "status.diskPurge.pending": {
    zh: "正在清除磁盘上按评分卡记录的评分…",
    en: "Removing the card-keyed ballot records from disk…",
  },
  "status.diskPurge.done": {
    zh: "磁盘上已无按评分卡记录的评分",
    en: "No card-keyed ballot records left on disk",
  },
  "timer.speech": { zh: "演讲", en: "Speech" },
  "timer.defense": { zh: "答辩", en: "Defense" },
  "duration.seconds": { zh: "{s} 秒", en: "{s} s" },
  "duration.minutes": { zh: "{m} 分钟", en: "{m} min" },
  "duration.minutesSeconds": { zh: "{m} 分 {s} 秒", en: "{m} min {s} s" },
  "window.pending": { zh: "未开始评分", en: "Not yet open" },
  "window.open": { zh: "评分中", en: "Scoring open" },
  "window.closed": { zh: "评分已结束", en: "Scoring closed" },
  "unit.points": { zh: "分", en: "pts" },
  /** Between the items of a list of names or titles: 顿号 in Chinese. */
  "common.listSeparator": { zh: "、", en: ", " },
  /** A label before its value: the colon is full-width in Chinese (GB/T 15834). */
  "common.labelled": { zh: "{label}：", en: "{label}: " },
  "digest.label": { zh: "数据摘要（SHA-256）", en: "Digest (SHA-256)" },
  /** A candidate who withdrew after the review, or did not appear (candidate:mark). */
  "candidate.mark.withdrawn": { zh: "弃权", en: "Withdrawn" },
  "candidate.mark.absent": { zh: "缺席", en: "Absent" },
});

/** One text per error code: the type makes a missing translation a compile error. */
export const errors: Record<`error.${ErrorCode}`, { zh: string; en: string }> = {
  "error.invalid_payload": { zh: "请求格式不正确", en: "The request was malformed" },
  "error.unauthorized": { zh: "链接无效或已过期", en: "This link is not valid or has expired" },
  "error.forbidden": { zh: "无权进行此操作", en: "You may not do this" },
  "error.wrong_passphrase": { zh: "口令错误", en: "Wrong passphrase" },
  "error.rate_limited": { zh: "尝试次数过多，请稍后再试", en: "Too many attempts, try later" },
  "error.round_not_found": { zh: "找不到该轮竞聘", en: "Round not found" },
  "error.candidate_not_found": { zh: "找不到该竞聘人", en: "Candidate not found" },
  "error.card_not_found": { zh: "找不到该评分卡", en: "Ballot card not found" },
  "error.invalid_round_file": { zh: "竞聘方案文件有误", en: "The round file is not valid" },
  "error.post_not_found": {
    zh: "找不到该岗位，可能已被他人删除，请刷新后再试",
    en: "Post not found; someone may have removed it. Reload and try again",
  },
  "error.post_has_applications": {
    zh: "该岗位已有人报名或被推荐，或已有答辩题，不能删除",
    en: "This post has nominations, applications or defense questions; it cannot be removed",
  },
  "error.round_frozen": {
    zh: "评分规则已固定，不能再修改这一轮",
    en: "The rules of this round are fixed; it can no longer be changed",
  },
  "error.round_not_started": {
    zh: "这一轮还是草稿，请先开始评分",
    en: "This round is still a draft; start its session first",
  },
  "error.round_not_deletable": {
    zh: "正式轮次开始后不能删除，锁定后可以归档",
    en: "A formal round cannot be deleted once started; lock it and archive it instead",
  },
  "error.records_unavailable": {
    zh: "记录库暂时无法访问，未作任何更改，请稍后再试",
    en: "The records database is not answering; nothing was changed. Try again shortly",
  },
  "error.round_locked": {
    zh: "结果已锁定，不能再提交或修改",
    en: "Results are locked; nothing can be submitted or changed",
  },
  "error.scoring_closed": {
    zh: "该竞聘人评分未开放或已结束",
    en: "Scoring is not open for this candidate",
  },
  "error.evaluation_closed": { zh: "民主测评未开放或已结束", en: "The evaluation is not open" },
  "error.invalid_choices": { zh: "测评选项无效", en: "The evaluation choices are not valid" },
  "error.invalid_decision": {
    zh: "该决定与当前结果不符（没有该并列或人数不对）",
    en: "The decision does not fit the results (no such tie, or wrong count)",
  },
  "error.scoring_still_open": { zh: "请先结束评分", en: "Close scoring first" },
  "error.candidate_marked": {
    zh: "该竞聘人已标记为弃权或缺席，请先撤销标记",
    en: "This candidate is marked withdrawn or absent; take the mark back first",
  },
  "error.candidate_scored": {
    zh: "该竞聘人已有评分或测评，不能标记为弃权或缺席",
    en: "This candidate already has ballots or evaluations and cannot be marked withdrawn or absent",
  },
  "error.card_void": {
    zh: "此评分卡已作废，请联系工作人员",
    en: "This card was voided; ask the staff",
  },
  "error.invalid_register_file": {
    zh: "人员名册文件无法导入",
    en: "The staff register file cannot be imported",
  },
  "error.round_deleted": {
    zh: "此演练已被组织者删除，评分卡不再有效",
    en: "The organizer deleted this rehearsal; the card no longer works",
  },
  "error.card_reissued": {
    zh: "此评分卡已换发新码，旧二维码不再有效",
    en: "This card has a new code; the old QR code no longer works",
  },
  "error.invalid_scores": {
    zh: "分数不完整或超出范围",
    en: "Scores are incomplete or out of range",
  },
  "error.stale_revision": {
    zh: "已有更新的提交，以新提交为准",
    en: "A newer submission already stands",
  },
  "error.draw_not_found": { zh: "没有这次抽签", en: "No such draw" },
  "error.draw_pool_empty": {
    zh: "没有可抽的对象：本轮还没有竞聘人",
    en: "Nothing to draw: the round has no candidates yet",
  },
  "error.draw_done": {
    zh: "这个候选池已经抽过签，结果有效；如需调整，请手动设定顺序并写明理由",
    en: "This pool has been drawn and its result stands; to change it, set the order by hand with a reason",
  },
  "error.draw_superseded": {
    zh: "这次抽签已被重新公布的抽签取代",
    en: "A newer publication replaced this draw",
  },
  "error.draw_stale": {
    zh: "公布候选池后竞聘人有变动，请重新公布",
    en: "The candidates changed since the pool was published: publish it again",
  },
  "error.draw_sources_mismatch": {
    zh: "每位见证人需给出一组数字",
    en: "Each witness gives one set of numbers",
  },
  "error.draw_few_digits": {
    zh: "随机数字位数不够（RFC 3797 要求至少为结果数的常用对数加 5）",
    en: "Too few digits of randomness (RFC 3797 asks for log10 of the outcomes plus 5)",
  },
  "error.questions_not_sealed": {
    zh: "该岗位的题库尚未封存，请先封存再抽题",
    en: "The post's question bank is not sealed yet: seal it before the draw",
  },
  "error.questions_sealed": {
    zh: "该岗位的题库已封存，题目不能再改",
    en: "The post's question bank is sealed: its questions no longer change",
  },
  "error.questions_too_few": {
    zh: "题库中的题目少于要抽取的数量",
    en: "The bank holds fewer questions than the draw takes",
  },
  "error.question_not_found": { zh: "没有这道题", en: "No such question" },
  "error.question_duplicate": {
    zh: "本轮题库中已有相同的题目",
    en: "The same question is already in the round's banks",
  },
  "error.invalid_order": {
    zh: "顺序必须包含每位竞聘人，且各一次",
    en: "The order must list every candidate exactly once",
  },
  "error.bad_state": { zh: "当前环节不能进行此操作", en: "Not possible at this stage" },
  // Nominations and the qualification review.
  "error.application_not_found": { zh: "找不到该报名记录", en: "Application not found" },
  "error.person_not_found": {
    zh: "人员名册中没有这个工号",
    en: "No one with this staff number in the register",
  },
  "error.not_announced": {
    zh: "该岗位不在最新发布的公告中，请先发布岗位公告",
    en: "This post is not in the latest published announcement; publish the posts first",
  },
  "error.already_nominated": {
    zh: "此人已被推荐或已报名该岗位，不能重复",
    en: "Already nominated for or applying to this post",
  },
  "error.too_many_applications": {
    zh: "每人限报两个岗位，已报满两个，不能再报第三个",
    en: "Each person may apply for at most two posts; this would be a third",
  },
  "error.invalid_transition": {
    zh: "报名当前的状态不允许此操作",
    en: "Not possible in the application's current state",
  },
  "error.review_closed": {
    zh: "资格审查已结束，不能再更改",
    en: "The qualification review is closed; nothing can change",
  },
  "error.reason_required": { zh: "不通过须写明理由", en: "Rejecting needs a written reason" },
  "error.override_reason_required": {
    zh: "有条件不满足，审查通过须写明理由",
    en: "A condition is not met: passing needs a written reason",
  },
  "error.reason_too_long": {
    zh: "理由最多 500 个字",
    en: "A reason may be at most 500 characters",
  },
  "error.unknown_reviewer": {
    zh: "人员名册中没有这位审查人",
    en: "The reviewer is not in the staff register",
  },
  "error.reviewer_avoidance": {
    zh: "审查人是申请人本人或其亲属，应当回避，请由他人审查",
    en: "The reviewer is the applicant or a relative and must stand aside; someone else reviews",
  },
  "error.review_undecided": {
    zh: "还有报名未作审查决定，不能结束资格审查",
    en: "Some applications are not decided yet; the review cannot close",
  },
  "error.review_not_closed": {
    zh: "资格审查尚未结束，竞聘人员名单还未公布",
    en: "The qualification review is not closed; the list of competitors is not published yet",
  },
  "error.internal": { zh: "服务器出错，请重试", en: "Server error, please retry" },
  "error.offline": { zh: "网络未连接", en: "No connection" },
  "error.timeout": { zh: "服务器无响应，请重试", en: "No answer from the server, please retry" },
};
