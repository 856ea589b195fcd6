import type { z } from "zod";
import type { InputIssue } from "./errors.ts";
import type { Message, MessageKey, Params } from "./i18n/index.ts";

/**
 * Turns the round-file schema's issues into sentences for the organizer (item: never a raw
 * schema message or a 0-based path): the thing is named by its 1-based position and its
 * label as the file writes it, the problem by a dictionary key. The labels are read from
 * the raw file because an invalid file has no parsed value.
 */

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** Lists whose entries are named "第 n 个…" and the field that holds each entry's label. */
const LISTS: Record<string, { at: string; label: string }> = {
  positions: { at: "file.at.position", label: "title" },
  candidates: { at: "file.at.candidate", label: "name" },
  rubric: { at: "file.at.criterion", label: "label" },
  groups: { at: "file.at.group", label: "label" },
  evaluationOptions: { at: "file.at.option", label: "label" },
};
const SECTIONS: Record<string, MessageKey> = {
  method: "file.at.method",
  timers: "file.at.timers",
};
/** A label or id quoted back is cut short, so that a huge string cannot flood the page. */
const QUOTE_LIMIT = 40;

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, step)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

function quoted(v: unknown): string | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string" || v.trim() === "") return undefined;
  const s = v.trim();
  return s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…` : s;
}

/** The thing the issue is about, and the path below it that names the field. */
function subject(file: unknown, path: Path): { at: Message; rest: Path } {
  const [top, index, ...rest] = path;
  const list = typeof top === "string" ? LISTS[top] : undefined;
  if (list && typeof index === "number") {
    const label = quoted(valueAt(file, [top as string, index, list.label]));
    const n = index + 1;
    return label === undefined
      ? { at: { key: `${list.at}.unnamed` as MessageKey, params: { n } }, rest }
      : { at: { key: list.at as MessageKey, params: { n, label } }, rest };
  }
  if (top === "speakingOrder" && typeof index === "number") {
    return { at: { key: "file.at.speakingOrder", params: { n: index + 1 } }, rest: ["id"] };
  }
  const section = typeof top === "string" ? SECTIONS[top] : undefined;
  if (section && path.length > 1) return { at: { key: section, params: {} }, rest: path.slice(1) };
  return { at: { key: "file.at.file", params: {} }, rest: path };
}

const TYPE_PROBLEMS: Record<string, MessageKey> = {
  number: "file.problem.number",
  int: "file.problem.integer",
  string: "file.problem.text",
  array: "file.problem.list",
  object: "file.problem.object",
  boolean: "file.problem.boolean",
};

function isApplications(path: Path): boolean {
  return path[0] === "candidates" && path[2] === "applications" && path.length === 3;
}

/** What is wrong, as a dictionary key; `file.problem.invalid` only for an unforeseen issue. */
function problem(file: unknown, issue: Issue, field: string): Message {
  const value = valueAt(file, issue.path);
  const params: Params = { field };
  const say = (key: MessageKey, more: Params = {}): Message => ({
    key,
    params: { ...params, ...more },
  });
  const count = Array.isArray(value) ? value.length : 0;
  switch (issue.code) {
    case "invalid_type":
      if (issue.path.length === 0) return say("file.problem.notJson");
      if (value === undefined) return say("file.problem.missing");
      if (issue.expected === "object" && typeof issue.path.at(-1) === "number") {
        return say("file.problem.entry");
      }
      return say(TYPE_PROBLEMS[issue.expected] ?? "file.problem.invalid");
    case "too_small":
      if (issue.origin === "array" && isApplications(issue.path)) {
        return say("file.problem.noApplication");
      }
      if (issue.origin === "array")
        return say("file.problem.fewItems", { count, min: bound(issue.minimum) });
      if (issue.origin === "string") return say("file.problem.empty");
      return say(issue.inclusive ? "file.problem.atLeast" : "file.problem.above", {
        min: bound(issue.minimum),
      });
    case "too_big":
      if (issue.origin === "array" && isApplications(issue.path)) {
        return say("file.problem.tooManyApplications", { count, max: bound(issue.maximum) });
      }
      if (issue.origin === "array")
        return say("file.problem.manyItems", { count, max: bound(issue.maximum) });
      if (issue.origin === "string")
        return say("file.problem.tooLong", { max: bound(issue.maximum) });
      return say("file.problem.atMost", { max: bound(issue.maximum) });
    case "invalid_value":
      if (issue.path.length === 1 && issue.path[0] === "format") {
        return say("file.problem.format", { expected: issue.values.map(String).join(" / ") });
      }
      return say("file.problem.oneOf", { values: issue.values.map(String).join(" / ") });
    case "unrecognized_keys":
      return say("file.problem.unknownFields", {
        keys: issue.keys.map((k) => quoted(k) ?? "").join(", "),
        count: issue.keys.length,
      });
    case "invalid_format":
    case "custom":
      return customProblem(issue, value, say);
    default:
      return say("file.problem.invalid");
  }
}

function bound(x: number | bigint): number {
  return Number(x);
}

/** Our own refinements carry their dictionary key as the message (shared/round-file.ts). */
function customProblem(
  issue: Issue,
  value: unknown,
  say: (key: MessageKey, more?: Params) => Message,
): Message {
  const key = issue.message.startsWith("file.problem.") ? (issue.message as MessageKey) : null;
  if (!key) return say("file.problem.invalid");
  const extra = issue.code === "custom" ? (issue.params ?? {}) : {};
  const more: Params = { value: quoted(value) ?? "" };
  if (typeof extra.decimals === "number") more.decimals = extra.decimals;
  return say(key, more);
}

export function roundFileIssues(file: unknown, issues: readonly Issue[]): InputIssue[] {
  return issues.map((issue) => {
    const { at, rest } = subject(file, issue.path);
    const named = rest.filter((p) => typeof p === "string");
    // An entry that is not an object has no field of its own: name the list it sits in.
    const field = (named.length > 0 ? named : issue.path.filter((p) => typeof p === "string"))
      .map(String)
      .join(".");
    return { path: issue.path.map(String).join("."), at, problem: problem(file, issue, field) };
  });
}
