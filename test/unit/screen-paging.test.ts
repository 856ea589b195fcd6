import { describe, expect, it } from "vitest";
import { evenPages, rankingPages } from "../../client/src/screen/paging.ts";

const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const LAYOUT = { columns: 2, capacity: 8.5, headerRows: 1.2, noteRows: 0.7 };

describe("pages of the projector", () => {
  it("splits rows into the fewest even pages", () => {
    expect(evenPages(rows(14), 7).map((p) => p.length)).toEqual([7, 7]);
    expect(evenPages(rows(14), 8).map((p) => p.length)).toEqual([7, 7]);
    expect(evenPages(rows(15), 7).map((p) => p.length)).toEqual([5, 5, 5]);
    expect(evenPages(rows(3), 7)).toEqual([[1, 2, 3]]);
    expect(evenPages([], 7)).toEqual([[]]);
    expect(evenPages(rows(14), 7).flat()).toEqual(rows(14));
  });

  it("stacks posts in columns two to a page, in the round file's order", () => {
    const posts = [7, 4, 3, 5, 5, 4].map((n, i) => ({ id: `p${i}`, rows: rows(n), note: false }));
    const pages = rankingPages(posts, LAYOUT);
    expect(pages.map((page) => page.map((column) => column.map((b) => b.positionId)))).toEqual([
      [["p0"], ["p1"]],
      [["p2"], ["p3"]],
      [["p4"], ["p5"]],
    ]);
  });

  it("puts short lists under one another while the column has room", () => {
    const posts = [2, 2, 2, 2].map((n, i) => ({ id: `p${i}`, rows: rows(n), note: false }));
    expect(rankingPages(posts, LAYOUT).map((p) => p.map((c) => c.length))).toEqual([[2, 2]]);
  });

  it("continues a list longer than a column in the next block, every row shown once", () => {
    const pages = rankingPages([{ id: "big", rows: rows(20), note: true }], LAYOUT);
    const blocks = pages.flat(2);
    expect(blocks.map((b) => b.rows.length)).toEqual([5, 5, 5, 5]);
    expect(blocks.flatMap((b) => b.rows)).toEqual(rows(20));
    expect(blocks.map((b) => b.continued)).toEqual([false, true, true, true]);
    expect(blocks.map((b) => b.last)).toEqual([false, false, false, true]);
  });

  it("gives an empty post a block of its own", () => {
    const pages = rankingPages([{ id: "none", rows: [], note: false }], LAYOUT);
    expect(pages).toEqual([[[{ positionId: "none", rows: [], continued: false, last: true }]]]);
  });
});
