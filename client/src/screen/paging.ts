/**
 * A projector cannot scroll: what does not fit is shown as pages that take turns. Pages are
 * evened out (14 rows by at most 8 make 7 + 7, not 8 + 6) so no page looks like a leftover.
 */
export function evenPages<T>(items: readonly T[], max: number): T[][] {
  if (items.length === 0) return [[]];
  const count = Math.ceil(items.length / max);
  const size = Math.ceil(items.length / count);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}

/** One post's list, or a part of it, as a block in a column of the ranking. */
export interface PostBlock<R> {
  positionId: string;
  rows: R[];
  /** A later part of a list too long for one block ("续"). */
  continued: boolean;
  /** The last part carries the post's notes (an edge tie). */
  last: boolean;
}

/** Heights in list rows, as measured on the 1920×1080 canvas. */
export interface RankingLayout {
  columns: number;
  /** Height of one column, in list rows. */
  capacity: number;
  /** A block's heading, and the space between two blocks in one column. */
  headerRows: number;
  /** The edge-tie note under a list. */
  noteRows: number;
}

/**
 * The ranking's blocks in the round file's order, stacked in columns that flow onto pages:
 * a block goes under the previous one while the column has room, else it starts the next
 * column, and a page holds `columns` columns. A list longer than a column continues in the
 * next block (evened out), so every row keeps its legible size.
 */
export function rankingPages<R>(
  posts: readonly { id: string; rows: readonly R[]; note: boolean }[],
  layout: RankingLayout,
): PostBlock<R>[][][] {
  const pages: PostBlock<R>[][][] = [];
  let page: PostBlock<R>[][] = [];
  let column: PostBlock<R>[] = [];
  let used = 0;
  for (const post of posts) {
    const room = layout.capacity - layout.headerRows - (post.note ? layout.noteRows : 0);
    const parts = evenPages(post.rows, Math.max(1, Math.floor(room)));
    parts.forEach((rows, i) => {
      const last = i === parts.length - 1;
      const height =
        layout.headerRows + Math.max(1, rows.length) + (post.note && last ? layout.noteRows : 0);
      if (column.length > 0 && used + height > layout.capacity) {
        page.push(column);
        column = [];
        used = 0;
        if (page.length === layout.columns) {
          pages.push(page);
          page = [];
        }
      }
      column.push({ positionId: post.id, rows, continued: i > 0, last });
      used += height;
    });
  }
  if (column.length > 0) page.push(column);
  if (page.length > 0) pages.push(page);
  return pages.length > 0 ? pages : [[]];
}
