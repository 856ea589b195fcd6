import { defineTexts } from "./define.ts";

/**
 * The public draws (抽签) and the defense questions (答辩题): the organizer's tab, the A4
 * verification sheet and the projector's draw page (docs/draw.md).
 */
export const draw = defineTexts({
  "draw.tab": { zh: "抽签与答辩题", en: "Draws and questions" },

  "draw.purpose.order": { zh: "发言顺序抽签", en: "Speaking order draw" },
  "draw.purpose.questions": { zh: "答辩题抽签 · {post}", en: "Defense questions draw · {post}" },

  "draw.order.title": { zh: "发言顺序", en: "Speaking order" },
  "draw.order.drawTitle": { zh: "公开抽签（RFC 3797）", en: "Public draw (RFC 3797)" },
  "draw.order.drawn": {
    zh: "当前顺序由第 {n} 次抽签产生（{at}）。",
    en: "The order in force comes from draw {n} ({at}).",
  },
  "draw.order.byHand": {
    zh: "当前顺序为手动设定（{at}），理由：{reason}",
    en: "The order in force was set by hand ({at}). Reason: {reason}",
  },
  "draw.order.fromFile": {
    zh: "当前顺序来自导入的方案文件，尚未抽签。",
    en: "The order in force comes from the imported round file; not drawn yet.",
  },
  "draw.order.none": {
    zh: "尚未确定发言顺序：抽签或手动设定前，按名单顺序发言。",
    en: "No speaking order yet: until one is drawn or set, candidates speak in list order.",
  },
  "draw.order.noCandidates": {
    zh: "本轮还没有竞聘人，资格审查通过后再抽签。",
    en: "The round has no candidates yet: draw once the review has passed them.",
  },

  "draw.publish.intro": {
    zh: "先公布候选池（按编号排序）及其 SHA-256 校验值和见证人，再请见证人掷骰子给出数字。公布后候选池不能更改。",
    en: "Publish the pool (in id order) with its SHA-256 and the witnesses first; then the witnesses throw dice. A published pool cannot change.",
  },
  "draw.pool.count": { zh: "候选池共 {n} 项，抽取 {picks} 项", en: "Pool of {n}, drawing {picks}" },
  "draw.digitsNeeded": {
    zh: "至少需要 {n} 位随机数字",
    en: "At least {n} digits of randomness needed",
  },
  "draw.witnesses": { zh: "见证人（至少两位）", en: "Witnesses (two or more)" },
  "draw.witness": { zh: "见证人 {n}", en: "Witness {n}" },
  "draw.witness.placeholder": {
    zh: "如：纪检组 张三",
    en: "e.g. Discipline inspection, Zhang San",
  },
  "draw.witness.add": { zh: "添加见证人", en: "Add a witness" },
  "draw.witness.remove": { zh: "删除见证人 {n}", en: "Remove witness {n}" },
  "draw.publish": { zh: "公布候选池", en: "Publish the pool" },
  "draw.republish": { zh: "更换见证人并重新公布", en: "Change witnesses and publish again" },
  "draw.cancel": { zh: "取消", en: "Cancel" },
  "draw.published": { zh: "第 {n} 次抽签 · 已公布", en: "Draw {n} · published" },
  "draw.poolDigest": { zh: "候选池 SHA-256：", en: "Pool SHA-256:" },
  "draw.onScreen": { zh: "在大屏显示", en: "Show on the projector" },
  "draw.stale": {
    zh: "抽签后竞聘人有变动，原抽签结果不再适用，请重新公布候选池。",
    en: "The candidates changed since the draw: its result no longer applies. Publish the pool again.",
  },

  "draw.enter": { zh: "录入见证人给出的数字", en: "Enter the witnesses' numbers" },
  "draw.numbersOf": { zh: "{name} 的数字", en: "Numbers of {name}" },
  "draw.numbers.placeholder": {
    zh: "如：6 2 5 3 1 4（空格或逗号分隔）",
    en: "e.g. 6 2 5 3 1 4 (spaces or commas)",
  },
  "draw.numbers.digits": { zh: "{n} 位", en: "{n} {n|digit|digits}" },
  "draw.numbers.notNumber": {
    zh: "“{token}”不是非负整数",
    en: '"{token}" is not a whole number',
  },
  "draw.numbers.tooLong": {
    zh: "“{token}”超过 15 位，请拆成几个数",
    en: '"{token}" has more than 15 digits: split it',
  },
  "draw.numbers.total": {
    zh: "共 {n} 位，至少需要 {need} 位",
    en: "{n} {n|digit|digits} in all, at least {need} needed",
  },
  "draw.compute": { zh: "计算抽签结果", en: "Compute the draw" },

  "draw.drawn": { zh: "第 {n} 次抽签 · 已完成", en: "Draw {n} · done" },
  "draw.sources": { zh: "见证人与随机数", en: "Witnesses and their numbers" },
  "draw.source": { zh: "随机源 {n}", en: "Source {n}" },
  "draw.key": { zh: "密钥：", en: "Key:" },
  "draw.steps": { zh: "每一步", en: "Every step" },
  "draw.step.left": { zh: "剩余 M", en: "Left M" },
  "draw.step.index": { zh: "H mod M", en: "H mod M" },
  "draw.step.item": { zh: "抽中", en: "Drawn" },
  "draw.result": { zh: "结果", en: "Result" },
  "draw.download": { zh: "下载抽签记录", en: "Download the draw record" },
  "draw.print": { zh: "打印核验单", en: "Print the verification sheet" },
  "draw.history": { zh: "已被取代的抽签", en: "Draws replaced" },
  "draw.history.item": {
    zh: "第 {n} 次（{at} 公布，见证人：{witnesses}）",
    en: "Draw {n} (published {at}; witnesses: {witnesses})",
  },

  "draw.manual.open": { zh: "手动设定顺序", en: "Set the order by hand" },
  "draw.manual.intro": {
    zh: "不抽签时可手动设定顺序；将记录为手动设定，并须写明理由。",
    en: "Instead of a draw, the order may be set by hand: it is recorded as such, with a reason.",
  },
  "draw.manual.up": { zh: "上移 {name}", en: "Move {name} up" },
  "draw.manual.down": { zh: "下移 {name}", en: "Move {name} down" },
  "draw.manual.reason": { zh: "理由（必填）", en: "Reason (required)" },
  "draw.manual.save": { zh: "保存手动顺序", en: "Save this order" },

  "draw.q.title": { zh: "答辩题", en: "Defense questions" },
  "draw.q.intro": {
    zh: "每个岗位一个题库，仅组织者可见，抽题前须封存（公布其 SHA-256）；每岗位抽取 3 至 5 题，该岗位每位竞聘人答同样的题。",
    en: "One bank per post, seen by the organizer alone, sealed before its draw (its SHA-256 published); 3 to 5 questions are drawn per post, the same for every candidate of the post.",
  },
  "draw.q.by": { zh: "操作人（出题人或修改人）", en: "Who is writing (author or editor)" },
  "draw.q.byPlaceholder": { zh: "如：人事科 王五", en: "e.g. Personnel office, Wang Wu" },
  "draw.q.needBy": { zh: "请先填写操作人", en: "Enter who is writing first" },
  "draw.q.noPosts": { zh: "本轮还没有岗位。", en: "The round has no posts yet." },
  "draw.q.stateOpen": { zh: "未封存 · {n} 题", en: "Open · {n} {n|question|questions}" },
  "draw.q.stateSealed": {
    zh: "已封存 · {n} 题，抽 {count} 题",
    en: "Sealed · {n} {n|question|questions}, drawing {count}",
  },
  "draw.q.stateDrawn": { zh: "已抽题 · {n} 题", en: "Drawn · {n} {n|question|questions}" },
  "draw.q.none": { zh: "题库中还没有题目。", en: "No questions in this bank yet." },
  "draw.q.author": { zh: "出题人：{name}（{at}）", en: "Written by {name} ({at})" },
  "draw.q.edited": {
    zh: "最后修改：{name}（{at}，共改 {n} 次）",
    en: "Last edited by {name} ({at}; {n} {n|edit|edits})",
  },
  "draw.q.edit": { zh: "修改", en: "Edit" },
  "draw.q.editOf": { zh: "修改 {id}", en: "Edit {id}" },
  "draw.q.editLabel": { zh: "修改 {id}", en: "Edit {id}" },
  "draw.q.saveEdit": { zh: "保存修改", en: "Save the edit" },
  "draw.q.delete": { zh: "删除", en: "Delete" },
  "draw.q.deleteOf": { zh: "删除 {id}", en: "Delete {id}" },
  "draw.q.deleteTitle": { zh: "删除 {id}？", en: "Delete {id}?" },
  "draw.q.newLabel": { zh: "新题目（{post}）", en: "New question ({post})" },
  "draw.q.add": { zh: "添加题目", en: "Add the question" },
  "draw.q.count": { zh: "抽取题数", en: "Questions to draw" },
  "draw.q.countN": { zh: "{n} 题", en: "{n} {n|question|questions}" },
  "draw.q.seal": { zh: "封存题库", en: "Seal the bank" },
  "draw.q.sealHint": {
    zh: "封存后题目不能再增删改。",
    en: "Once sealed, no question is added, edited or deleted.",
  },
  "draw.q.sealTitle": { zh: "封存“{post}”的题库？", en: 'Seal the bank of "{post}"?' },
  "draw.q.sealBody": {
    zh: "题库共 {n} 题，将从中抽取 {count} 题。封存后题目不能再更改，其 SHA-256 校验值将公布。",
    en: "The bank holds {n} {n|question|questions}; {count} will be drawn. Once sealed its questions never change, and its SHA-256 is published.",
  },
  "draw.q.sealedAt": {
    zh: "已于 {at} 封存，抽取 {count} 题。",
    en: "Sealed {at}; {count} to be drawn.",
  },
  "draw.q.bankDigest": { zh: "题库 SHA-256：", en: "Bank SHA-256:" },
  "draw.q.drawTitle": { zh: "抽题（抽取 {count} 题）", en: "Draw ({count} questions)" },
  "draw.q.drawnTitle": {
    zh: "抽中的题目（按抽取顺序）",
    en: "Drawn questions, in the order drawn",
  },

  "draw.sheet.back": { zh: "返回", en: "Back" },
  "draw.sheet.hint": {
    zh: "A4 纸打印，见证人核对后签字。",
    en: "Print on A4; the witnesses check it and sign.",
  },
  "draw.sheet.print": { zh: "打印", en: "Print" },
  "draw.sheet.title": { zh: "抽签核验单", en: "Draw verification sheet" },
  "draw.sheet.number": { zh: "第 {n} 次抽签", en: "Draw {n}" },
  "draw.sheet.published": { zh: "公布：{at}", en: "Published {at}" },
  "draw.sheet.drawnAt": { zh: "抽签：{at}", en: "Drawn {at}" },
  "draw.sheet.pool": {
    zh: "候选池（{n} 项，抽取 {picks} 项）",
    en: "Pool ({n} items, {picks} drawn)",
  },
  "draw.sheet.poolCaption": {
    zh: "每格依次为：序号（从 0 起）、编号、名称。",
    en: "Each cell: position (from 0), item, name.",
  },
  "draw.sheet.witness": { zh: "见证人", en: "Witness" },
  "draw.sheet.numbers": { zh: "给出的数字", en: "Numbers given" },
  "draw.sheet.keyPart": { zh: "写入密钥", en: "In the key" },
  "draw.sheet.notDrawn": {
    zh: "尚未抽签：见证人给出数字后再打印。",
    en: "Not drawn yet: print once the witnesses have given their numbers.",
  },
  "draw.sheet.howTitle": { zh: "核验方法", en: "How to check" },
  "draw.sheet.how": {
    zh: "按 RFC 3797：每个数字后加“.”，同一见证人的数字从小到大排列，每位见证人以“/”结束，依次连接为密钥；第 j 步计算 MD5（j 的两字节 ‖ 密钥 ‖ j 的两字节），作为无符号整数除以剩余项数 M，余数即从剩余项中抽中的序号（从 0 起）。也可下载抽签记录后运行：",
    en: "By RFC 3797: each number followed by “.”, one witness's numbers in ascending order, each witness ended by “/”, joined into the key; step j takes MD5(j as two bytes ‖ key ‖ j as two bytes) as an unsigned integer modulo the M items left: the remainder is the index of the item drawn among them, from 0. Or download the draw record and run:",
  },
  "draw.sheet.file": { zh: "抽签记录.json", en: "draw-record.json" },
  "draw.sheet.sign": { zh: "见证人 {n}（{name}）签字：", en: "Witness {n} ({name}), signature:" },
  "draw.sheet.signOrganizer": { zh: "组织者签字：", en: "Organizer, signature:" },
  "draw.sheet.date": { zh: "日期：", en: "Date:" },

  "draw.screen.waiting": {
    zh: "已公布，等待见证人给出数字",
    en: "Published: awaiting the witnesses",
  },
  "draw.screen.drawn": { zh: "抽签完成", en: "Drawn" },
  "draw.screen.superseded": { zh: "已被重新公布的抽签取代", en: "Replaced by a newer publication" },
  "draw.screen.notFound": { zh: "无法显示这次抽签", en: "This draw cannot be shown" },
  "draw.screen.pool": {
    zh: "候选池 · 共 {n} 项，抽取 {picks} 项",
    en: "Pool · {n} items, {picks} drawn",
  },
  "draw.screen.digest": { zh: "候选池 SHA-256", en: "Pool SHA-256" },
  "draw.screen.sources": { zh: "见证人与随机数", en: "Witnesses and numbers" },
  "draw.screen.awaiting": { zh: "待给出", en: "Awaited" },
  "draw.screen.key": { zh: "密钥", en: "Key" },
  "draw.screen.digitsNeeded": {
    zh: "至少需要 {need} 位随机数字",
    en: "At least {need} digits of randomness needed",
  },
  "draw.screen.digitsGiven": {
    zh: "随机数字 {n} 位（至少需要 {need} 位）",
    en: "{n} digits of randomness (at least {need} needed)",
  },
  "draw.screen.steps": { zh: "每一步：MD5 与余数", en: "Every step: MD5 and remainder" },
  "draw.screen.left": { zh: "剩余 M", en: "Left M" },
  "draw.screen.index": { zh: "余数", en: "H mod M" },
  "draw.screen.item": { zh: "抽中", en: "Drawn" },
  "draw.screen.result": { zh: "抽签结果", en: "Result" },
  "draw.screen.sealedWords": {
    zh: "题目内容保密，答辩时由主持人逐题显示。",
    en: "The questions' words stay sealed until the chair shows each one at the defense.",
  },
  "draw.screen.howTitle": { zh: "抽签方法（RFC 3797）", en: "How the draw works (RFC 3797)" },
  "draw.screen.how1": {
    zh: "候选池及其 SHA-256 已先行公布，之后不能更改。",
    en: "The pool and its SHA-256 were published first and cannot change.",
  },
  "draw.screen.how2": {
    zh: "每位见证人掷骰子，报出数字。",
    en: "Each witness throws the dice and reads out the numbers.",
  },
  "draw.screen.how3": {
    zh: "数字连接为密钥，每一步由 MD5 计算出余数，从剩余项中抽出一项。",
    en: "The numbers make the key; each step's MD5 gives a remainder that picks one of the items left.",
  },
  "draw.screen.how4": {
    zh: "任何人都可用抽签记录复核每一步。",
    en: "Anyone can redo every step from the draw record.",
  },
});
