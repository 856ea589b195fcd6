import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  bankBody,
  bankDigest,
  inQuestionOrder,
  questionNumber,
  speakingOrderPool,
} from "../../shared/draw/draw-pool.ts";

describe("what a draw is drawn from", () => {
  it("the speaking order: every candidate's id in code point order, whatever the file's order", () => {
    const candidates = ["C2", "C10", "b", "C1", "A"].map((id) => ({ id }));
    expect(speakingOrderPool(candidates)).toEqual(["A", "C1", "C10", "C2", "b"]);
    expect(speakingOrderPool([])).toEqual([]);
  });

  it("questions in question order: Q2 before Q10", () => {
    expect(questionNumber("Q10")).toBe(10);
    expect(questionNumber("Q0")).toBeNaN();
    expect(questionNumber("q1")).toBeNaN();
    const ids = inQuestionOrder(["Q10", "Q2", "Q1"].map((id) => ({ id }))).map((q) => q.id);
    expect(ids).toEqual(["Q1", "Q2", "Q10"]);
  });

  it("the sealed text is the canonical JSON of ids and words, and its digest its SHA-256", () => {
    const bank = [
      { id: "Q10", text: "第十题", author: "甲" },
      { id: "Q2", text: "谈谈“依法行政”。\n请举例。" },
    ];
    const body = bankBody(bank);
    expect(body).toBe(
      '[{"id":"Q2","text":"谈谈“依法行政”。\\n请举例。"},{"id":"Q10","text":"第十题"}]',
    );
    expect(bankDigest(bank)).toBe(createHash("sha256").update(body, "utf8").digest("hex"));
    // Who wrote a question is not sealed: the same words are the same seal.
    expect(bankDigest(bank.map(({ id, text }) => ({ id, text })))).toBe(bankDigest(bank));
  });
});
