import { describe, expect, it } from "vitest";
import { CreateRequest } from "../../client/src/organizer/draft/create-request.ts";
import {
  changedParts,
  complement,
  composeRules,
  composeSeconds,
  formFromFile,
  moved,
  nextId,
  readNumber,
} from "../../client/src/organizer/draft/rules/rules-form.ts";
import demoRound from "../../shared/demo-round.json" with { type: "json" };
import { RoundFile } from "../../shared/round-file.ts";
import { defaultDraft } from "../../shared/setup/default-rules.ts";

const draft = () => defaultDraft("第三轮竞争上岗");
const demo = () => RoundFile.parse(structuredClone(demoRound));

describe("the form of a draft's rules", () => {
  it("writes back exactly the rules it was made from", () => {
    for (const file of [draft(), demo()]) {
      const parts = composeRules(formFromFile(file));
      expect(parts.title).toBe(file.title);
      expect(parts.rubric).toEqual(file.rubric);
      expect(parts.groups).toEqual(file.groups);
      expect(parts.method).toEqual(file.method);
      expect(parts.timers).toEqual(file.timers);
      expect(parts.evaluationOptions).toEqual(
        file.evaluationOptions.map(({ favourable, ...o }) =>
          favourable ? { ...o, favourable } : o,
        ),
      );
    }
  });

  it("has nothing changed until something is typed, and then only that part", () => {
    const file = draft();
    const form = formFromFile(file);
    expect(changedParts(form, file)).toEqual({});
    form.rubric[0] = { ...form.rubric[0], max: "25" } as (typeof form.rubric)[0];
    form.method.speechWeight = "0.6";
    const changed = changedParts(form, file);
    expect(Object.keys(changed).sort()).toEqual(["method", "rubric"]);
    expect(changed.rubric?.[0]).toEqual({ id: "knowledge", label: "相关知识", max: 25, step: 0.5 });
    expect(changed.method).toMatchObject({ speechWeight: 0.6, evaluationWeight: 0.4 });
  });

  it("takes a label with spaces around it as the server keeps it (no change)", () => {
    const file = draft();
    const form = formFromFile(file);
    form.title = `  ${file.title} `;
    expect(changedParts(form, file)).toEqual({});
  });

  it("does not count a favourable: false the file spelt out as a change", () => {
    const file = draft();
    file.evaluationOptions = file.evaluationOptions.map((o) => ({ ...o, favourable: false }));
    expect(changedParts(formFromFile(file), file)).toEqual({});
  });

  it("fills β as 1 − α without binary noise", () => {
    expect(complement(0.7)).toBe(0.3);
    expect(complement(0.6)).toBe(0.4);
    expect(complement(1)).toBe(0);
    expect(complement(0)).toBe(1);
    expect(complement(0.333)).toBe(0.667);
    const form = formFromFile(draft());
    form.method.speechWeight = "0.9";
    expect(composeRules(form).method).toMatchObject({ speechWeight: 0.9, evaluationWeight: 0.1 });
  });

  it("leaves β at 0 when α is no number, so only α's box shows the problem", () => {
    const form = formFromFile(draft());
    form.method.speechWeight = "七成";
    expect(composeRules(form).method).toMatchObject({ speechWeight: "七成", evaluationWeight: 0 });
  });

  it("marks 不计分 as null points and favourable only where ticked", () => {
    const form = formFromFile(draft());
    expect(form.options.find((o) => o.id === "unknown")).toMatchObject({ counted: false });
    form.options[0] = { ...form.options[0], favourable: true } as (typeof form.options)[0];
    const options = composeRules(form).evaluationOptions;
    expect(options[0]).toEqual({ id: "excellent", label: "优秀", points: 100, favourable: true });
    expect(options[1]).toEqual({ id: "competent", label: "称职", points: 80 });
    expect(options[4]).toEqual({ id: "unknown", label: "不了解", points: null });
  });
});

describe("reading what was typed", () => {
  it("reads numbers as a Chinese keyboard may type them", () => {
    expect(readNumber("30")).toBe(30);
    expect(readNumber(" 0.5 ")).toBe(0.5);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("３０")).toBe(30);
    expect(readNumber("０．５")).toBe(0.5);
    expect(readNumber("0。5")).toBe(0.5);
    expect(readNumber("−1")).toBe(-1);
    expect(readNumber("5.")).toBe(5);
  });

  it("hands anything else on as text, for the schema to name", () => {
    for (const text of ["", " ", "abc", "1,5", "1e3", "0x10", "1.2.3", "30分"]) {
      expect(readNumber(text), text).toBe(text);
    }
  });

  it("adds minutes and seconds, an empty box being 0", () => {
    expect(composeSeconds({ minutes: "5", seconds: "0" })).toBe(300);
    expect(composeSeconds({ minutes: "5", seconds: "" })).toBe(300);
    expect(composeSeconds({ minutes: "", seconds: "45" })).toBe(45);
    expect(composeSeconds({ minutes: "1.5", seconds: "" })).toBe(90);
    expect(composeSeconds({ minutes: "2", seconds: "90" })).toBe(210);
    expect(composeSeconds({ minutes: "0.01", seconds: "" })).toBe(0.6);
    expect(typeof composeSeconds({ minutes: "五", seconds: "" })).toBe("string");
  });

  it("shows a timer of the file in minutes and seconds", () => {
    const file = draft();
    file.timers = { speechSeconds: 330, defenseSeconds: 45 };
    expect(formFromFile(file).timers).toEqual({
      speech: { minutes: "5", seconds: "30" },
      defense: { minutes: "0", seconds: "45" },
    });
  });
});

describe("rows", () => {
  it("gives a new row the first free ASCII id, whatever the others are called", () => {
    expect(nextId("c", [])).toBe("c1");
    expect(nextId("c", [{ id: "knowledge" }, { id: "skills" }])).toBe("c1");
    expect(nextId("c", [{ id: "c1" }, { id: "c3" }])).toBe("c2");
    expect(nextId("g", [{ id: "g1" }, { id: "g2" }])).toBe("g3");
    expect(nextId("c", [{ id: "c2" }, { id: "c1" }])).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
  });

  it("moves a row one place, and not past either end", () => {
    expect(moved(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moved(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moved(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("the new round's request id", () => {
  it("is kept until an answer, so a retry names the same round", () => {
    const request = new CreateRequest();
    const first = request.id();
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
    expect(request.id()).toBe(first);
    expect(request.retrying).toBe(true);
    request.answered();
    expect(request.retrying).toBe(false);
    expect(request.id()).not.toBe(first);
  });
});
