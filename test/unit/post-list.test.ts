import { describe, expect, it } from "vitest";
import type { PostInput } from "../../shared/protocol/posts.ts";
import type { Position } from "../../shared/round-file.ts";
import { applyPostList, nextPostId } from "../../shared/setup/post-list.ts";

const input = (title: string, o: Partial<PostInput> = {}): PostInput => ({
  title,
  seats: 1,
  termYears: 2,
  duties: "",
  conditionsText: "",
  conditions: {},
  ...o,
});
const current: Position[] = [
  { id: "P1", title: "甲", seats: 1 },
  { id: "office", title: "办公室主任", seats: 1, conditions: "大专以上学历" },
];

describe("the post list", () => {
  it("gives a new post the smallest P<n> nobody uses", () => {
    expect(nextPostId(new Set())).toBe("P1");
    expect(nextPostId(new Set(["P1", "P2", "P4"]))).toBe("P3");
    expect(nextPostId(new Set(["office", "p1"]))).toBe("P1");
  });

  it("keeps listed ids, skips the round's, listed and announced ids for new posts", () => {
    const res = applyPostList(
      current,
      [input("新一"), input("办公室主任", { localId: "office" }), input("新二")],
      ["P2"],
    );
    if (!res.ok) throw new Error(res.error);
    // P1 is the round's (removed by this very list): not passed to a new post.
    expect(res.positions.map((p) => p.id)).toEqual(["P3", "office", "P4"]);
    expect(res.terms.map((t) => t.localId)).toEqual(["P3", "office", "P4"]);
  });

  it("puts title, department, code, seats and the conditions text in the file; the rest in the terms", () => {
    const res = applyPostList(
      [],
      [
        input(" 科长 ", {
          department: "法规科",
          code: "FG-01",
          seats: 2,
          termYears: 3,
          duties: "  起草文件\n审核合同  ",
          conditionsText: "  本科以上学历  ",
          conditions: { maxAge: 40 },
        }),
        input("副科长", { department: null, code: null }),
      ],
      [],
    );
    if (!res.ok) throw new Error(res.error);
    expect(res.positions).toEqual([
      {
        id: "P1",
        title: " 科长 ",
        department: "法规科",
        code: "FG-01",
        seats: 2,
        conditions: "本科以上学历",
      },
      { id: "P2", title: "副科长", seats: 1 },
    ]);
    expect(res.terms[0]).toEqual({
      localId: "P1",
      department: null,
      termYears: 3,
      duties: "起草文件\n审核合同",
      conditionsText: "本科以上学历",
      conditions: { maxAge: 40 },
    });
  });

  it("refuses an id the round does not have, naming its place", () => {
    expect(
      applyPostList(current, [input("甲", { localId: "P1" }), input("乙", { localId: "P9" })], []),
    ).toEqual({
      ok: false,
      error: "post_not_found",
      index: 1,
    });
  });
});
