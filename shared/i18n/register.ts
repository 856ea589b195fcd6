import { defineTexts } from "./define.ts";

/**
 * The staff register (人员名册) file: its column headers (the template writes the Chinese
 * ones, the import accepts both languages), the labels of its coded values, the notes sheet
 * of the template, and every problem the import preview can show. A problem reads as
 * `register.issue`: where (`register.at.*`), then what is wrong (`register.problem.*`);
 * `{column}` is the header as the file writes it, `{value}` the cell as the file holds it.
 */
export const register = defineTexts({
  "register.sheet.staff": { zh: "人员名册", en: "Staff register" },
  "register.sheet.relations": { zh: "亲属关系", en: "Relatives" },
  "register.sheet.notes": { zh: "填写说明", en: "How to fill in" },

  "register.col.staffNo": { zh: "工号", en: "Staff no." },
  "register.col.name": { zh: "姓名", en: "Name" },
  "register.col.sex": { zh: "性别", en: "Sex" },
  "register.col.birthDate": { zh: "出生日期", en: "Date of birth" },
  "register.col.department": { zh: "部门", en: "Department" },
  "register.col.currentPost": { zh: "现任职务", en: "Current post" },
  "register.col.grade": { zh: "职级", en: "Grade" },
  "register.col.gradeSince": { zh: "任现职级时间", en: "Grade since" },
  "register.col.workStart": { zh: "参加工作时间", en: "Start of work" },
  "register.col.grassrootsYears": { zh: "基层工作年限", en: "Years at grassroots level" },
  "register.col.education": { zh: "学历", en: "Education" },
  "register.col.review": { zh: "{year}年度考核", en: "{year} review" },
  "register.col.penalties": { zh: "处分", en: "Penalties" },
  "register.col.voterGroup": { zh: "投票分组", en: "Voter group" },
  "register.col.relations": { zh: "亲属关系", en: "Relatives" },
  "register.col.relativeNo": { zh: "亲属工号", en: "Relative's staff no." },
  "register.col.relativeName": { zh: "亲属姓名", en: "Relative's name" },
  "register.col.relation": { zh: "关系", en: "Relation" },

  "register.sex.male": { zh: "男", en: "Male" },
  "register.sex.female": { zh: "女", en: "Female" },
  "register.education.high-school": { zh: "高中及以下", en: "High school or below" },
  "register.education.technical": { zh: "中专", en: "Technical secondary school" },
  "register.education.college": { zh: "大专", en: "College" },
  "register.education.bachelor": { zh: "本科", en: "Bachelor" },
  "register.education.master": { zh: "硕士研究生", en: "Master" },
  "register.education.doctor": { zh: "博士研究生", en: "Doctor" },
  "register.grade.excellent": { zh: "优秀", en: "Excellent" },
  "register.grade.competent": { zh: "称职", en: "Competent" },
  "register.grade.basic": { zh: "基本称职", en: "Basically competent" },
  "register.grade.incompetent": { zh: "不称职", en: "Incompetent" },
  "register.penalty.warning": { zh: "警告", en: "Warning" },
  "register.penalty.demerit": { zh: "记过", en: "Demerit" },
  "register.penalty.major-demerit": { zh: "记大过", en: "Major demerit" },
  "register.penalty.demotion": { zh: "降级", en: "Demotion" },
  "register.penalty.removal": { zh: "撤职", en: "Removal from post" },
  "register.group.leaders": { zh: "局领导班子", en: "Bureau leadership" },
  "register.group.middle": { zh: "中层干部", en: "Middle-level cadres" },
  "register.group.staff": { zh: "一般干部职工", en: "General staff" },
  "register.relation.spouse": { zh: "夫妻", en: "Spouse" },
  "register.relation.lineal": { zh: "直系血亲", en: "Direct blood relative" },
  "register.relation.collateral": {
    zh: "三代以内旁系血亲",
    en: "Collateral relative within three generations",
  },
  "register.relation.in-law": { zh: "近姻亲", en: "Close in-law" },

  "register.issue": { zh: "{at}：{problem}", en: "{at}: {problem}" },
  "register.at.line": { zh: "第 {line} 行", en: "Line {line}" },
  "register.at.relationLine": {
    zh: "“亲属关系”表第 {line} 行",
    en: "Relatives sheet, line {line}",
  },
  "register.level.error": { zh: "错误", en: "Error" },
  "register.level.warning": { zh: "提示", en: "Note" },
  "register.changes": {
    zh: "新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人",
    en: "{added} new, {updated} updated, {unchanged} unchanged",
  },

  "register.problem.noHeader": {
    zh: "找不到表头，第一行应为列名，如“工号”“姓名”“性别”",
    en: "No header found: the first row must name the columns, e.g. Staff no., Name, Sex",
  },
  "register.problem.missingColumn": {
    zh: "缺少必填列“{column}”",
    en: 'The required column "{column}" is missing',
  },
  "register.problem.duplicateColumn": {
    zh: "列“{column}”与列“{first}”重复，请只保留一列",
    en: 'The column "{column}" repeats "{first}"; keep only one',
  },
  "register.problem.unknownColumn": {
    zh: "不认识的列“{column}”，导入时将忽略",
    en: 'Unknown column "{column}"; it will be ignored',
  },
  "register.problem.noRows": { zh: "表中没有人员数据", en: "The sheet has no staff rows" },
  "register.problem.required": {
    zh: "“{column}”不能为空",
    en: '"{column}" must not be empty',
  },
  "register.problem.tooLong": {
    zh: "“{column}”最多 {max} 个字",
    en: '"{column}" may be at most {max} characters',
  },
  "register.problem.badStaffNo": {
    zh: "“{column}”的“{value}”只能由 1–40 个字母、数字、_ 或 - 组成",
    en: '"{column}": "{value}" must be 1–40 letters, digits, _ or -',
  },
  "register.problem.duplicateStaffNo": {
    zh: "工号“{value}”与第 {firstLine} 行重复",
    en: 'Staff no. "{value}" already appears on line {firstLine}',
  },
  "register.problem.badSex": {
    zh: "“{column}”应填“男”或“女”，不能是“{value}”",
    en: '"{column}" must be 男 (male) or 女 (female), not "{value}"',
  },
  "register.problem.badDate": {
    zh: "“{column}”的“{value}”不是有效日期，请写成 2024-01-05、2024/1/5 或 2024年1月5日",
    en: '"{column}": "{value}" is not a valid date; write it as 2024-01-05, 2024/1/5 or 2024年1月5日',
  },
  "register.problem.dateWithoutDay": {
    zh: "“{column}”的“{value}”缺少日，请写出完整日期，如 1985-03-15",
    en: '"{column}": "{value}" has no day; write the full date, e.g. 1985-03-15',
  },
  "register.problem.dateOrder": {
    zh: "“{column}”早于“{other}”，请核对",
    en: '"{column}" is earlier than "{other}"; please check',
  },
  "register.problem.badYears": {
    zh: "“{column}”应为 0 到 60 之间的数字，不能是“{value}”",
    en: '"{column}" must be a number from 0 to 60, not "{value}"',
  },
  "register.problem.unknownEducation": {
    zh: "不认识的学历“{value}”，可填高中、中专、大专、本科、硕士研究生或博士研究生",
    en: 'Unknown education "{value}"; use 高中, 中专, 大专, 本科, 硕士研究生 or 博士研究生 (high school, technical, college, bachelor, master, doctor)',
  },
  "register.problem.badReview": {
    zh: "“{column}”的“{value}”不是考核等次，可填优秀、称职（合格）、基本称职（基本合格）或不称职（不合格），未定等次的年份留空",
    en: '"{column}": "{value}" is not a review grade; use 优秀, 称职 (合格), 基本称职 (基本合格) or 不称职 (不合格), and leave a year without a grade empty',
  },
  "register.problem.badPenalty": {
    zh: "处分“{value}”无法识别，请写成“记过 2025-03-01”，种类为警告、记过、记大过、降级或撤职，多项用“；”分隔",
    en: 'Penalty "{value}" is not understood; write it as "记过 2025-03-01" (警告, 记过, 记大过, 降级 or 撤职), several separated by "；"',
  },
  "register.problem.tooManyPenalties": {
    zh: "“{column}”有 {count} 项，最多 {max} 项",
    en: '"{column}" has {count} entries; at most {max} allowed',
  },
  "register.problem.unknownGroup": {
    zh: "不认识的投票分组“{value}”，可填局领导班子、中层干部或一般干部职工",
    en: 'Unknown voter group "{value}"; use 局领导班子, 中层干部 or 一般干部职工 (leaders, middle, staff)',
  },
  "register.problem.badRelation": {
    zh: "亲属关系“{value}”无法识别，请写成“A002：夫妻”，多项用“；”分隔",
    en: 'Relative "{value}" is not understood; write it as "A002：夫妻", several separated by "；"',
  },
  "register.problem.unknownRelation": {
    zh: "不认识的关系“{value}”，可填夫妻、直系血亲、三代以内旁系血亲或近姻亲",
    en: 'Unknown relation "{value}"; use 夫妻, 直系血亲, 三代以内旁系血亲 or 近姻亲 (spouse, lineal, collateral, in-law)',
  },
  "register.problem.relationUnknownStaff": {
    zh: "亲属关系中的工号“{value}”不在名册中",
    en: 'Staff no. "{value}" of a relationship is not in the register',
  },
  "register.problem.relationSelf": {
    zh: "工号“{value}”不能与本人有亲属关系",
    en: 'Staff no. "{value}" cannot be related to themself',
  },
  "register.problem.relationConflict": {
    zh: "工号“{value}”与“{other}”的关系前后填写不一致",
    en: 'The relation between "{value}" and "{other}" is given twice, differently',
  },
  "register.problem.relationNameMismatch": {
    zh: "工号“{value}”在名册中是“{registered}”，这里写的是“{name}”",
    en: 'Staff no. "{value}" is "{registered}" in the register, but "{name}" here',
  },
  "register.problem.invalid": {
    zh: "“{column}”的值不符合要求",
    en: 'The value of "{column}" is not valid',
  },

  "register.file.tooLarge": {
    zh: "文件超过 {max} MB，无法导入",
    en: "The file is larger than {max} MB and cannot be imported",
  },
  "register.file.tooManyRows": {
    zh: "名册超过 {max} 行，无法一次导入",
    en: "The register has more than {max} rows and cannot be imported at once",
  },
  "register.file.empty": { zh: "文件是空的", en: "The file is empty" },
  "register.file.hasProblems": {
    zh: "名册中还有问题，请改正后重新上传",
    en: "The register still has problems; correct them and upload it again",
  },
  "register.file.changedSincePreview": {
    zh: "上传的文件与预览时的不同，请重新预览",
    en: "The file differs from the one previewed; preview it again",
  },
  "register.file.unreadable": {
    zh: "无法读取文件，请上传 .xlsx 或 .csv 格式的人员名册",
    en: "The file cannot be read; upload the register as .xlsx or .csv",
  },
  "register.file.legacyXls": {
    zh: "这是旧版 .xls 文件或设置了密码的工作簿，请在 Excel 中另存为 .xlsx 或 .csv（不设密码）后再导入",
    en: "This is an old .xls file or a password-protected workbook; save it from Excel as .xlsx or .csv (without a password) and import that",
  },
  "register.file.noSheet": {
    zh: "工作簿中没有人员名册工作表",
    en: "The workbook has no staff register sheet",
  },
  "register.file.badCsv": {
    zh: "CSV 文件第 {line} 行开始的引号没有闭合",
    en: "The CSV file has an unclosed quote starting on line {line}",
  },

  "register.notes.column": { zh: "列名", en: "Column" },
  "register.notes.required": { zh: "必填", en: "Required" },
  "register.notes.explain": { zh: "填写说明", en: "How to fill in" },
  "register.notes.yes": { zh: "是", en: "Yes" },
  "register.notes.no": { zh: "否", en: "No" },
  "register.notes.general": {
    zh: "第一行是列名，列的顺序可以调整，不认识的列会提示并忽略。每人一行，工号是每个人的唯一标识：再次导入同一工号会更新此人的信息，内容未变则不作改动。有任何错误时整个文件都不会导入，请按预览中的行号和原因改正后重新上传。",
    en: "The first row names the columns; their order may change, and unknown columns are reported and ignored. One person per row; the staff number identifies a person: importing the same staff number again updates that person, and an unchanged row changes nothing. If any row has an error, nothing of the file is imported: fix the lines the preview names and upload again.",
  },
  "register.note.staffNo": {
    zh: "本单位的人员编号，1–40 个字母、数字、_ 或 -，不可重复。请将此列设为文本格式，以免 Excel 去掉开头的 0。",
    en: "The unit's staff number: 1–40 letters, digits, _ or -, unique. Keep the column as text so that Excel does not drop leading zeros.",
  },
  "register.note.name": {
    zh: "姓名，为对齐而加的空格会自动去掉。",
    en: "The full name; spaces added for alignment are removed.",
  },
  "register.note.sex": { zh: "男或女。", en: "男 (male) or 女 (female)." },
  "register.note.birthDate": {
    zh: "写到日，如 1985-03-15、1985/3/15、1985.3.15 或 1985年3月15日，也可用 Excel 日期格式。",
    en: "A full date, e.g. 1985-03-15, 1985/3/15, 1985.3.15 or 1985年3月15日, or an Excel date cell.",
  },
  "register.note.department": {
    zh: "所在部门，如办公室。",
    en: "The department, e.g. 办公室 (general office).",
  },
  "register.note.currentPost": {
    zh: "现任职务，如办公室副主任，没有可留空。",
    en: "The current post, e.g. 办公室副主任; empty when none.",
  },
  "register.note.grade": {
    zh: "现职级，如四级主任科员，没有可留空。",
    en: "The current grade, e.g. 四级主任科员; empty when none.",
  },
  "register.note.gradeSince": {
    zh: "任现职级的日期，格式同出生日期，可留空。",
    en: "The day the current grade was reached, written like the date of birth; may be empty.",
  },
  "register.note.workStart": {
    zh: "参加工作的日期，格式同出生日期。",
    en: "The day work started, written like the date of birth.",
  },
  "register.note.grassrootsYears": {
    zh: "按档案记载的基层工作年限，0 到 60 之间的数字，可有小数，留空视为 0。",
    en: "Years at grassroots level as the personnel file records them: a number from 0 to 60, decimals allowed; empty counts as 0.",
  },
  "register.note.education": {
    zh: "最高学历：高中及以下、中专、大专、本科、硕士研究生或博士研究生（也可写大学、研究生等）。",
    en: "The highest education: 高中及以下, 中专, 大专, 本科, 硕士研究生 or 博士研究生 (大学, 研究生 and similar are understood).",
  },
  "register.note.review": {
    zh: "每年一列，列名如“2024年度考核”，可增减年份。填优秀、称职（合格）、基本称职（基本合格）或不称职（不合格），未定等次的年份留空。",
    en: 'One column per year, headed e.g. "2024年度考核"; add or remove years. Write 优秀, 称职 (合格), 基本称职 (基本合格) or 不称职 (不合格); leave a year without a grade empty.',
  },
  "register.note.penalties": {
    zh: "处分种类和生效日期，如“记过 2025-03-01”，多项用“；”分隔，种类为警告、记过、记大过、降级或撤职，没有可留空。",
    en: 'Kind and effective date of each penalty, e.g. "记过 2025-03-01", several separated by "；"; kinds are 警告, 记过, 记大过, 降级, 撤职; empty when none.',
  },
  "register.note.voterGroup": {
    zh: "民主测评的投票分组：局领导班子、中层干部或一般干部职工。各组人数即各组默认的票卡数。",
    en: "The voter group of the democratic evaluation: 局领导班子, 中层干部 or 一般干部职工. Each group's head count is its default number of ballot cards.",
  },
  "register.note.relations": {
    zh: "CSV 文件用此列填写本人的亲属，如“A002：夫妻”，多项用“；”分隔。Excel 文件也可以填在“亲属关系”工作表中。",
    en: 'In a CSV file, this column lists the person\'s relatives, e.g. "A002：夫妻", several separated by "；". An Excel file may use the "亲属关系" sheet instead.',
  },
  "register.note.relationsSheet": {
    zh: "“亲属关系”工作表每行一对：工号、亲属工号和关系（夫妻、直系血亲、三代以内旁系血亲或近姻亲），姓名两列用于核对，可留空。",
    en: 'The "亲属关系" sheet holds one pair per row: staff no., relative\'s staff no. and relation (夫妻, 直系血亲, 三代以内旁系血亲 or 近姻亲); the two name columns are checked against the register and may be empty.',
  },
});
