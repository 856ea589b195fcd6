import { describe, expect, it } from "vitest";
import DEMO_ROUND from "../../shared/demo-round.json" with { type: "json" };
import { allKeys, type MessageKey, translateIssue } from "../../shared/i18n/index.ts";
import { RoundFile } from "../../shared/round-file.ts";
import { roundFileIssues } from "../../shared/round-file-issues.ts";

type Json = unknown;
const demo = (): Record<string, Json> => structuredClone(DEMO_ROUND);

/** Every path to a value inside the demo file (objects and arrays included). */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [at];
  const children = Object.entries(value).flatMap(([k, v]) =>
    paths(v, [...at, Array.isArray(value) ? Number(k) : k]),
  );
  return [at, ...children];
}

function setAt(root: Record<string, Json>, path: (string | number)[], v: Json): Json {
  if (path.length === 0) return v;
  let node = root as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (v === undefined) delete node[last];
  else node[last] = v;
  return root;
}

const REPLACEMENTS: Json[] = [undefined, null, "x", "", -1, 0, 1.5, 1e9, 0.001, [], {}, true];

/** Every broken file: each value of the demo replaced by each of REPLACEMENTS, plus these. */
function brokenFiles(): Json[] {
  const out: Json[] = [];
  for (const path of paths(DEMO_ROUND)) {
    for (const v of REPLACEMENTS) out.push(setAt(demo(), path, v));
  }
  const changes: [(string | number)[], Json][] = [
    [["candidates", 1, "id"], DEMO_ROUND.candidates[0]?.id],
    [["positions", 2, "id"], DEMO_ROUND.positions[0]?.id],
    [
      ["candidates", 0, "applications"],
      ["office", "office"],
    ],
    [
      ["candidates", 0, "applications"],
      ["office", "nowhere"],
    ],
    [
      ["candidates", 0, "applications"],
      ["office", "law", "safety"],
    ],
    [["speakingOrder"], DEMO_ROUND.speakingOrder.slice(1)],
    [["method", "speechWeight"], 0.5],
    [["method", "trimMin"], 2],
    [["rubric", 0, "step"], 0.7],
    [["rubric", 0, "step"], 0.125],
    [["groups", 0, "weight"], 1e308],
    [["candidates", 0, "id"], "__proto__"],
    [["candidates", 0, "id"], "候选人"],
    [["sponsor"], "组织部"],
    [["candidates", 0, "phone"], "138"],
    [["format"], "jingpin-round/9"],
    [["candidates", 0, "name"], "名".repeat(121)],
  ];
  for (const [path, v] of changes) out.push(setAt(demo(), path, v));
  return out;
}

const RAW_ZOD = /Invalid|expected|received|Too (small|big)|Unrecognized|must match/;
/** A 0-based path as zod writes it, e.g. candidates.0 or rubric.2.max. */
const ZERO_BASED_PATH = /[A-Za-z]\.\d/;

describe("round-file issues for people", () => {
  const files = brokenFiles();
  const results = files.map((file) => {
    const parsed = RoundFile.safeParse(file);
    return { file, issues: parsed.success ? [] : parsed.error.issues };
  });
  const all = results.flatMap(({ file, issues }) =>
    roundFileIssues(file, issues).map((issue, i) => ({ issue, raw: issues[i] })),
  );

  it("meets every kind of issue the schema raises", () => {
    expect(results.filter((r) => r.issues.length === 0).length).toBeLessThan(files.length / 2);
    const codes = new Set(all.map((x) => x.raw?.code));
    for (const code of [
      "invalid_type",
      "too_small",
      "too_big",
      "invalid_value",
      "invalid_format",
      "unrecognized_keys",
      "custom",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it("maps every issue to dictionary sentences, never the catch-all", () => {
    const keys = new Set<MessageKey>(allKeys());
    for (const { issue, raw } of all) {
      expect(keys.has(issue.at.key), issue.at.key).toBe(true);
      expect(keys.has(issue.problem.key), issue.problem.key).toBe(true);
      expect(issue.problem.key, JSON.stringify(raw)).not.toBe("file.problem.invalid");
    }
  });

  it("writes no raw schema text, placeholder or 0-based path in either language", () => {
    for (const { issue, raw } of all) {
      for (const locale of ["zh-CN", "en"] as const) {
        const text = translateIssue(locale, issue);
        const why = `${text} ← ${JSON.stringify(raw)}`;
        expect(text, why).not.toMatch(/[{}]/);
        expect(text, why).not.toMatch(RAW_ZOD);
        expect(text, why).not.toMatch(ZERO_BASED_PATH);
        if (locale === "zh-CN") expect(text, why).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it("names a candidate by the 1-based position and name", () => {
    const file = demo() as { candidates: { name: string; applications: string[] }[] };
    const first = file.candidates[0];
    if (!first) throw new Error("no candidate");
    first.name = "张伟";
    first.applications = ["office", "law", "safety"];
    const parsed = RoundFile.safeParse(file);
    if (parsed.success) throw new Error("expected a refusal");
    const [issue] = roundFileIssues(file, parsed.error.issues);
    if (!issue) throw new Error("no issue");
    expect(issue.path).toBe("candidates.0.applications");
    expect(translateIssue("zh-CN", issue)).toBe(
      "第 1 位竞聘人“张伟”报名了 3 个岗位，每人最多 2 个",
    );
    expect(translateIssue("en", issue)).toBe(
      'Candidate 1 "张伟": applies for 3 posts; at most 2 each',
    );
  });

  it("names the repeated entry, not the whole list", () => {
    const file = demo() as { positions: { id: string; title: string }[] };
    const [a, b] = file.positions;
    if (!a || !b) throw new Error("no positions");
    b.id = a.id;
    const parsed = RoundFile.safeParse(file);
    if (parsed.success) throw new Error("expected a refusal");
    const texts = roundFileIssues(file, parsed.error.issues).map((i) => translateIssue("zh-CN", i));
    expect(texts).toContain(`第 2 个岗位“${b.title}”的编号 ${a.id} 与前面重复`);
  });
});
