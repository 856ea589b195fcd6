import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TieDecision } from "../../shared/round-export.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const doc = read("docs/shapes.md");

/** The sources whose exported shapes a client receives (or, for ScoringInput, recounts). */
const SOURCES = ["shared/protocol/state.ts", "shared/scoring/types.ts"];

/** `export interface X {…}` and `export type X = …` of a source, with the interfaces' fields. */
function exportedShapes(source: string): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  for (const m of source.matchAll(/^export type (\w+)/gm)) shapes.set(m[1] ?? "", []);
  for (const m of source.matchAll(/^export interface (\w+)[^{]*\{\n([\s\S]*?)^\}/gm)) {
    // Fields at the first level of indentation only: nested object types are not fields.
    const fields = [...(m[2] ?? "").matchAll(/^ {2}(\w+)\??:/gm)].map((f) => f[1] ?? "");
    shapes.set(m[1] ?? "", fields);
  }
  return shapes;
}

/** The text of a shape's section: from its `### \`Name\`` heading to the next heading. */
function section(name: string): string | undefined {
  const parts = doc.split(`### \`${name}\`\n`);
  return parts[1]?.split(/^#{2,3} /m)[0];
}

const shapes = new Map<string, string[]>();
for (const path of SOURCES) for (const [k, v] of exportedShapes(read(path))) shapes.set(k, v);
// JoinSnapshot is declared with the commands; TieDecision with the export.
const joinSnapshot = exportedShapes(read("shared/protocol/commands.ts")).get("JoinSnapshot");
shapes.set("JoinSnapshot", joinSnapshot ?? []);
shapes.set("TieDecision", Object.keys(TieDecision.shape));

describe("docs/shapes.md", () => {
  it("finds the shapes it checks", () => {
    expect(joinSnapshot).toContain("mine");
    expect(shapes.get("SessionState")).toContain("version");
    expect(shapes.get("CandidateResult")).toContain("favourableRate");
    expect(shapes.size).toBeGreaterThan(15);
  });

  it.each([...shapes.keys()])("documents %s with every field", (name) => {
    const text = section(name);
    expect(text, `no section for ${name}`).toBeDefined();
    for (const field of shapes.get(name) ?? []) {
      expect(text, `${name}.${field}`).toMatch(new RegExp(`^- \`${field}\``, "m"));
    }
  });

  it("documents no shape the code does not have", () => {
    const documented = [...doc.matchAll(/^### `(\w+)`$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...shapes.keys()].sort());
  });
});
