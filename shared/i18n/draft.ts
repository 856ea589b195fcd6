import { defineTexts } from "./define.ts";

/**
 * Texts of a draft built in the console (issue 8): the new-round form, the draft's workspace
 * and its tabs, the rules editor with its checks, and the preview of the phone's page.
 */
export const draft = defineTexts({
  "draft.create.open": { zh: "新建轮次", en: "New round" },
  "draft.create.form": { zh: "新建轮次", en: "New round" },
  "draft.create.name": { zh: "轮次名称", en: "Title" },
  "draft.create.placeholder": {
    zh: "例如：第三轮机关中层干部竞争上岗",
    en: "e.g. Third round for middle-level posts",
  },
  "draft.create.hint": {
    zh: "新轮次是一份草稿，带有常用的评分规则（三项评分标准、三个评委组、演讲答辩占 70%、民主测评占 30%），可以在控制台中逐项修改。",
    en: "The new round is a draft with the usual rules (three criteria, three voter groups, 70 % speech and 30 % evaluation), to change here one by one.",
  },
  "draft.create.submit": { zh: "创建", en: "Create" },
  "draft.create.busy": { zh: "正在创建…", en: "Creating…" },
  "draft.create.needTitle": { zh: "请填写轮次名称", en: "Enter a title" },
  "draft.create.tooLong": {
    zh: "轮次名称最多 {max} 个字",
    en: "A title may be at most {max} characters",
  },
  "draft.create.done": { zh: "已新建“{title}”，现为草稿", en: 'Created "{title}" as a draft' },
  "draft.create.retry": {
    zh: "没有收到服务器的答复。请再点一次“创建”，不会重复创建。",
    en: "The server's reply did not come. Press Create again: it will not make a second round.",
  },

  "draft.tabs.label": { zh: "草稿的各项内容", en: "Parts of the draft" },
  "draft.tab.overview": { zh: "概览", en: "Overview" },
  "draft.tab.rules": { zh: "评分规则", en: "Scoring rules" },
  "draft.tab.unsaved": { zh: "（有未保存的修改）", en: "(unsaved changes)" },

  "draft.leave.title": { zh: "有未保存的修改", en: "Unsaved changes" },
  "draft.leave.body": {
    zh: "“{what}”中的修改还没有保存，继续的话这些修改将丢失。",
    en: 'The changes in "{what}" are not saved; they are lost if you go on.',
  },
  "draft.leave.separator": { zh: "、", en: ", " },
  "draft.leave.discard": { zh: "放弃修改", en: "Discard the changes" },
  "draft.leave.stay": { zh: "返回修改", en: "Keep editing" },
  "draft.overview.unsaved": {
    zh: "“{what}”中有未保存的修改，开始评分前请先保存。",
    en: 'There are unsaved changes in "{what}": save them before the session starts.',
  },
  "draft.overview.open": { zh: "打开“{what}”", en: 'Open "{what}"' },
  "draft.summary.noPositions": { zh: "还没有岗位。", en: "No posts yet." },
  "draft.summary.noCandidates": { zh: "还没有竞聘人。", en: "No candidates yet." },

  "draft.rules.basics": { zh: "基本信息", en: "Basics" },
  "draft.rules.title": { zh: "轮次名称", en: "Title" },
  "draft.rules.rubric": { zh: "评分标准", en: "Criteria" },
  "draft.rules.rubricHint": {
    zh: "评委在手机上逐项打分。最小单位是每次加减的分值（如 0.5 分），满分必须是它的整数倍。",
    en: "Voters score each criterion on their phones. The step is the smallest unit of a score; the maximum must be a whole multiple of it.",
  },
  "draft.rules.criterionN": { zh: "第 {n} 项", en: "Criterion {n}" },
  "draft.rules.criterion.label": { zh: "名称", en: "Name" },
  "draft.rules.criterion.max": { zh: "满分", en: "Maximum" },
  "draft.rules.criterion.step": { zh: "最小单位", en: "Step" },
  "draft.rules.criterion.add": { zh: "添加评分项", en: "Add a criterion" },
  "draft.rules.total": { zh: "每张评分票满分 {total} 分", en: "A ballot's full marks: {total}" },
  "draft.rules.scaled": {
    zh: "演讲答辩得分按百分制折算：合计分 × 100 ÷ {total}",
    en: "The speech score is put on a 100-point scale: total × 100 ÷ {total}",
  },
  "draft.rules.groups": { zh: "评委组", en: "Voter groups" },
  "draft.rules.groupsHint": {
    zh: "每组先算平均分，再按权重加权平均；权重之和不必为 1。",
    en: "Each group's mean counts by the group's weight; the weights need not add up to 1.",
  },
  "draft.rules.groupN": { zh: "第 {n} 组", en: "Group {n}" },
  "draft.rules.group.label": { zh: "名称", en: "Name" },
  "draft.rules.group.weight": { zh: "权重", en: "Weight" },
  "draft.rules.group.share": { zh: "占 {share}%", en: "{share}%" },
  "draft.rules.group.add": { zh: "添加评委组", en: "Add a voter group" },
  "draft.rules.groupsTotal": { zh: "权重合计 {sum}", en: "Weights in all: {sum}" },
  "draft.rules.options": { zh: "民主测评选项", en: "Evaluation options" },
  "draft.rules.optionsHint": {
    zh: "评委对每位竞聘人选一项。“不计分”的选项（如不了解）计入票数，不计入平均分。",
    en: 'Voters choose one option per candidate. A "no points" option (such as don\'t know) is counted as cast but left out of the mean.',
  },
  "draft.rules.optionN": { zh: "第 {n} 个选项", en: "Option {n}" },
  "draft.rules.option.label": { zh: "名称", en: "Name" },
  "draft.rules.option.points": { zh: "分值", en: "Points" },
  "draft.rules.option.uncounted": { zh: "不计分", en: "No points" },
  "draft.rules.option.favourable": { zh: "计入好评率", en: "Favourable" },
  "draft.rules.option.add": { zh: "添加选项", en: "Add an option" },
  "draft.rules.favourable": {
    zh: "好评率 = 计入好评率的票数 ÷ 全部票数（含不计分的选项）。",
    en: "Favourable rate = favourable ballots ÷ all ballots cast (no-points options included).",
  },
  "draft.rules.favourableDefault": {
    zh: "都未勾选时，按分值最高的两项计算：{options}。",
    en: "With none ticked, the two with the highest points count: {options}.",
  },
  "draft.rules.method": { zh: "计分方法", en: "Scoring method" },
  "draft.rules.method.trim": { zh: "最高、最低分各去掉", en: "Dropped at each end" },
  "draft.rules.method.trimMin": { zh: "达到几份才去分", en: "Ballots before dropping" },
  "draft.rules.method.speechWeight": { zh: "演讲答辩权重 α", en: "Speech weight α" },
  "draft.rules.method.evaluationWeight": { zh: "民主测评权重 β", en: "Evaluation weight β" },
  "draft.rules.method.weightsHint": {
    zh: "β = 1 − α，随 α 自动填写；α 填 1 表示民主测评不计入综合得分。",
    en: "β = 1 − α, filled in from α; α = 1 leaves the evaluation out of the composite.",
  },
  "draft.rules.method.composite": {
    zh: "综合得分 = 演讲答辩得分 × {a} + 民主测评得分 × {b}",
    en: "Composite = speech × {a} + evaluation × {b}",
  },
  "draft.rules.method.inspectionRatio": { zh: "考察对象比例 ρ", en: "Inspection ratio ρ" },
  "draft.rules.method.ratioHint": {
    zh: "每个岗位的考察对象 = 职数 × ρ，向上取整（1 个职数时为 {q} 人）。",
    en: "Inspection targets per post = seats × ρ, rounded up ({q} for one seat).",
  },
  "draft.rules.method.decimals": { zh: "得分保留小数位数", en: "Decimals shown" },
  "draft.rules.timers": { zh: "计时", en: "Timers" },
  "draft.rules.timers.speech": { zh: "演讲时间", en: "Speech" },
  "draft.rules.timers.defense": { zh: "答辩时间", en: "Defense" },
  "draft.rules.timers.minutes": { zh: "分", en: "min" },
  "draft.rules.timers.seconds": { zh: "秒", en: "s" },
  "draft.rules.timers.minutesOf": { zh: "{what}（分钟）", en: "{what}, minutes" },
  "draft.rules.timers.secondsOf": { zh: "{what}（秒）", en: "{what}, seconds" },

  "draft.rules.up": { zh: "上移{row}", en: "Move {row} up" },
  "draft.rules.down": { zh: "下移{row}", en: "Move {row} down" },
  "draft.rules.remove": { zh: "删除{row}", en: "Remove {row}" },

  "draft.rules.save": { zh: "保存评分规则", en: "Save the rules" },
  "draft.rules.saving": { zh: "正在保存…", en: "Saving…" },
  "draft.rules.discard": { zh: "放弃修改", en: "Discard changes" },
  "draft.rules.saved": { zh: "评分规则已保存", en: "The rules are saved" },
  "draft.rules.clean": { zh: "所有修改都已保存", en: "Everything is saved" },
  "draft.rules.dirty": { zh: "有未保存的修改", en: "Unsaved changes" },
  "draft.rules.issueCount": {
    zh: "有 {n} 处需要修改",
    en: "{n} {n|thing|things} to fix",
  },
  "draft.rules.issuesTitle": {
    zh: "保存前需要修改的地方：",
    en: "To fix before saving:",
  },
  "draft.rules.refused": {
    zh: "服务器没有接受这次修改：",
    en: "The server did not take the change:",
  },

  "draft.issue.atField": { zh: "{at}的{field}：{problem}", en: "{at}, {field}: {problem}" },
  "draft.issue.at": { zh: "{at}：{problem}", en: "{at}: {problem}" },
  "draft.issue.field": { zh: "{field}：{problem}", en: "{field}: {problem}" },

  "draft.problem.number": { zh: "请填写数字", en: "enter a number" },
  "draft.problem.integer": { zh: "请填写整数", en: "enter a whole number" },
  "draft.problem.atLeast": { zh: "不能小于 {min}", en: "must be at least {min}" },
  "draft.problem.above": { zh: "必须大于 {min}", en: "must be more than {min}" },
  "draft.problem.atMost": { zh: "不能大于 {max}", en: "must be at most {max}" },
  "draft.problem.decimals": {
    zh: "最多 {decimals} 位小数",
    en: "at most {decimals} {decimals|decimal|decimals}",
  },
  "draft.problem.empty": { zh: "请填写", en: "must not be empty" },
  "draft.problem.tooLong": { zh: "最多 {max} 个字", en: "at most {max} characters" },
  "draft.problem.fewItems": { zh: "至少需要 {min} 项", en: "at least {min} needed" },
  "draft.problem.manyItems": { zh: "最多 {max} 项", en: "at most {max} allowed" },
  "draft.problem.maxOffStep": {
    zh: "应是最小单位的整数倍，否则评委打不出满分",
    en: "must be a whole multiple of the step, or no voter could give full marks",
  },
  "draft.problem.partWeights": {
    zh: "α 与 β 之和必须为 1",
    en: "α and β must add up to 1",
  },
  "draft.problem.trimMin": {
    zh: "至少是去分个数的两倍加 1，去分后才至少剩下 1 份",
    en: "must be at least twice the number dropped plus 1, so that one ballot is left",
  },
  "draft.problem.timerMin": { zh: "不能短于 {min} 秒", en: "must be at least {min} s" },
  "draft.problem.timerMax": {
    zh: "不能长于 {minutes} 分钟",
    en: "must be at most {minutes} min",
  },
  "draft.problem.timerWhole": { zh: "须为整秒", en: "must be whole seconds" },

  "draft.preview.title": { zh: "手机评分页预览", en: "Preview of the phone's scoring page" },
  "draft.preview.hint": {
    zh: "评委手机上的样子：示例竞聘人，按当前（含未保存）的规则。可以试着打分，不会提交。",
    en: "What voters see: a sample candidate, with the rules as they stand (unsaved ones too). Try scoring: nothing is sent.",
  },
  "draft.preview.notSent": {
    zh: "这是预览，评分不会提交",
    en: "This is a preview: nothing is submitted",
  },
  "draft.preview.name": { zh: "示例竞聘人", en: "A Candidate" },
  "draft.preview.unit": { zh: "办公室副主任", en: "Deputy head of the office" },
  "draft.preview.post": { zh: "示例岗位", en: "Sample post" },
  "draft.preview.none": {
    zh: "评分标准有误，改正后在这里预览。",
    en: "The criteria have problems; fix them to see them here.",
  },
  "draft.preview.skipped": {
    zh: "有 {n} 项评分标准有误，改正后才显示。",
    en: "{n} {n|criterion|criteria} with a problem {n|is|are} shown once fixed.",
  },
});
