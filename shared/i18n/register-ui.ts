import { defineTexts } from "./define.ts";

/**
 * The organizer's staff register screen (人员名册): the list of people, the template
 * downloads, the import preview and its outcome, the form that adds or edits a person, and
 * the cards panel's prefill from the register. Column headers and coded values come from
 * shared/i18n/register.ts (`register.col.*`) and shared/i18n/review.ts (`person.*`).
 */
export const registerUi = defineTexts({
  "register.ui.title": { zh: "人员名册", en: "Staff register" },
  "register.ui.intro": {
    zh: "本单位的人员名册，各轮次共用：资格审查按名册核对条件，各投票分组的人数即默认的票卡数。",
    en: "The unit's staff register, shared by every round: the qualification review checks its data, and each voter group's head count is its default number of ballot cards.",
  },
  "register.ui.templateXlsx": { zh: "下载模板（Excel）", en: "Template (Excel)" },
  "register.ui.templateCsv": { zh: "下载模板（CSV）", en: "Template (CSV)" },
  "register.ui.import": { zh: "导入名册", en: "Import register" },
  "register.ui.reading": { zh: "正在读取…", en: "Reading…" },
  "register.ui.add": { zh: "添加人员", en: "Add a person" },
  "register.ui.search": { zh: "按姓名或工号搜索", en: "Search by name or staff no." },
  "register.ui.empty": {
    zh: "名册中还没有人员。可以下载模板填写后导入，也可以逐个添加。",
    en: "The register is empty. Fill in the template and import it, or add people one by one.",
  },
  "register.ui.noMatch": {
    zh: "没有姓名或工号含“{query}”的人员",
    en: 'Nobody\'s name or staff no. contains "{query}"',
  },
  "register.ui.total": { zh: "共 {n} 人", en: "{n} {n|person|people}" },
  "register.ui.groupCount": { zh: "{group} {n} 人", en: "{group}: {n}" },
  "register.ui.shown": { zh: "显示 {shown} 人", en: "{shown} shown" },
  "register.ui.edit": { zh: "编辑", en: "Edit" },
  "register.ui.editWho": { zh: "编辑 {name}", en: "Edit {name}" },
  "register.ui.actions": { zh: "操作", en: "Actions" },
  "register.ui.none": { zh: "无", en: "None" },
  "register.ui.yearsValue": { zh: "{n} 年", en: "{n} {n|year|years}" },

  "register.ui.preview.title": { zh: "导入预览：{file}", en: "Import preview: {file}" },
  "register.ui.preview.read": {
    zh: "文件中读取到 {n} 人，尚未保存。",
    en: "{n} {n|person|people} read from the file; nothing saved yet.",
  },
  "register.ui.preview.changes": {
    zh: "新增 {added} 人、更新 {updated} 人、不变 {unchanged} 人",
    en: "{added} new, {updated} updated, {unchanged} unchanged",
  },
  "register.ui.preview.absent": {
    zh: "名册中有而文件中没有 {n} 人：这些人保留在名册中，不会删除。",
    en: "{n} {n|person is|people are} in the register but not in the file: they stay in the register.",
  },
  "register.ui.preview.groups": { zh: "各组人数", en: "Per voter group" },
  "register.ui.preview.errors": {
    zh: "错误 {n} 处：有错误时整个文件都不会导入，请按行号改正后重新上传。",
    en: "{n} {n|error|errors}: nothing of the file is imported while any remains; fix the lines named and upload it again.",
  },
  "register.ui.preview.warnings": {
    zh: "提示 {n} 处，不影响导入",
    en: "{n} {n|note|notes}, which do not stop the import",
  },
  "register.ui.preview.clean": {
    zh: "没有发现问题，可以导入。",
    en: "No problems found: the file can be imported.",
  },
  "register.ui.preview.importButton": {
    zh: "确认导入 {n} 人",
    en: "Import {n} {n|person|people}",
  },
  "register.ui.preview.importing": { zh: "正在导入…", en: "Importing…" },
  "register.ui.preview.again": { zh: "重新选择文件", en: "Choose another file" },
  "register.ui.preview.close": { zh: "关闭预览", en: "Close the preview" },
  "register.ui.refused": { zh: "无法导入“{file}”", en: 'Cannot import "{file}"' },
  "register.ui.imported": {
    zh: "名册已导入：新增 {created} 人、更新 {updated} 人、不变 {unchanged} 人",
    en: "Register imported: {created} new, {updated} updated, {unchanged} unchanged",
  },

  "register.ui.form.addTitle": { zh: "添加人员", en: "Add a person" },
  "register.ui.form.editTitle": {
    zh: "编辑：{name}（{staffNo}）",
    en: "Edit: {name} ({staffNo})",
  },
  "register.ui.form.staffNoFixed": {
    zh: "工号是此人的唯一标识，不能修改",
    en: "The staff no. identifies the person and cannot change",
  },
  "register.ui.form.optional": { zh: "没有可留空", en: "May be empty" },
  "register.ui.form.choose": { zh: "请选择", en: "Choose" },
  "register.ui.form.reviews": { zh: "年度考核", en: "Annual reviews" },
  "register.ui.form.year": { zh: "年份", en: "Year" },
  "register.ui.form.yearLabel": { zh: "{year} 年度", en: "{year}" },
  "register.ui.form.noGrade": { zh: "未定等次", en: "Not graded" },
  "register.ui.form.addYear": { zh: "添加年份", en: "Add a year" },
  "register.ui.form.penalties": { zh: "处分", en: "Disciplinary penalties" },
  "register.ui.form.noPenalties": { zh: "无处分", en: "No penalties" },
  "register.ui.form.penaltyKind": { zh: "处分种类", en: "Kind" },
  "register.ui.form.penaltyFrom": { zh: "生效日期", en: "Effective from" },
  "register.ui.form.addPenalty": { zh: "添加处分", en: "Add a penalty" },
  "register.ui.form.remove": { zh: "删除", en: "Remove" },
  "register.ui.form.relationsKept": {
    zh: "亲属关系随名册文件导入，在这里保存不会改动。",
    en: "Relatives come with the register file; saving here leaves them as they are.",
  },
  "register.ui.form.save": { zh: "保存", en: "Save" },
  "register.ui.form.saving": { zh: "正在保存…", en: "Saving…" },
  "register.ui.form.cancel": { zh: "取消", en: "Cancel" },
  "register.ui.form.fix": {
    zh: "请先改正标出的 {n} 处",
    en: "Correct the {n} marked {n|field|fields} first",
  },

  "register.ui.invalid.required": { zh: "必填", en: "Required" },
  "register.ui.invalid.tooLong": { zh: "最多 {max} 个字", en: "At most {max} characters" },
  "register.ui.invalid.staffNo": {
    zh: "只能由 1–40 个字母、数字、_ 或 - 组成",
    en: "1–40 letters, digits, _ or -",
  },
  "register.ui.invalid.staffNoTaken": {
    zh: "工号 {staffNo} 已在名册中（{name}），请在名单中点“编辑”修改此人",
    en: "Staff no. {staffNo} is already in the register ({name}); use Edit in the list to change them",
  },
  "register.ui.invalid.date": { zh: "请填写完整的日期", en: "Enter a full date" },
  "register.ui.invalid.years": {
    zh: "应为 0 到 60 之间的数字",
    en: "A number from 0 to 60",
  },
  "register.ui.invalid.year": { zh: "应为四位数的年份", en: "A four-digit year" },
  "register.ui.invalid.yearTwice": { zh: "年份重复", en: "This year is listed twice" },
  "register.ui.invalid.tooMany": { zh: "最多 {max} 项", en: "At most {max} entries" },
  "register.ui.invalid.penalty": {
    zh: "请选择处分种类并填写生效日期",
    en: "Choose the kind and enter the date",
  },

  "register.ui.saved.created": { zh: "已添加 {name}", en: "{name} added" },
  "register.ui.saved.updated": { zh: "已更新 {name} 的信息", en: "{name} updated" },
  "register.ui.saved.unchanged": {
    zh: "{name} 的信息没有改动",
    en: "Nothing changed for {name}",
  },

  "register.ui.draft.overview": { zh: "方案概览", en: "Overview" },
  "register.ui.prefill": {
    zh: "按人员名册预填：各组人数减去已发出的有效票卡，可以修改",
    en: "Prefilled from the staff register: each group's head count less the active cards already issued; you may change it",
  },
});
