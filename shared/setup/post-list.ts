import type { PostInput, PostTerms } from "../protocol/posts.ts";
import type { Position } from "../round-file.ts";

/**
 * A round's post list as the editor saves it: the round file's positions and the terms beside
 * them, from one ordered list. Pure: the records call it under the round's lock, with the ids
 * the round has used so far.
 */

/** The smallest `P<n>` (n ≥ 1) not among `used`. */
export function nextPostId(used: ReadonlySet<string>): string {
  let n = 1;
  while (used.has(`P${n}`)) n++;
  return `P${n}`;
}

export type PostListResult =
  | { ok: true; positions: Position[]; terms: PostTerms[] }
  /** A post names an id the round does not have (an editor that missed another's save). */
  | { ok: false; error: "post_not_found"; index: number };

/**
 * The positions and terms of `list`, in its order. A listed post keeps its id and must be
 * one of `current`; a new one takes the smallest id not in `used` (the round's posts now and
 * in every published version), so a post removed in the same save, or one an earlier version
 * announced, never passes its id — and the candidates or applications under it — to another.
 */
export function applyPostList(
  current: readonly Position[],
  list: readonly PostInput[],
  used: Iterable<string>,
): PostListResult {
  const known = new Set(current.map((p) => p.id));
  const taken = new Set([...used, ...known, ...list.flatMap((p) => p.localId ?? [])]);
  const positions: Position[] = [];
  const terms: PostTerms[] = [];
  for (const [index, post] of list.entries()) {
    if (post.localId !== undefined && !known.has(post.localId)) {
      return { ok: false, error: "post_not_found", index };
    }
    const id = post.localId ?? nextPostId(taken);
    taken.add(id);
    const conditionsText = post.conditionsText.trim();
    positions.push({
      id,
      title: post.title,
      ...(post.department ? { department: post.department } : {}),
      ...(post.code ? { code: post.code } : {}),
      seats: post.seats,
      ...(conditionsText ? { conditions: conditionsText } : {}),
    });
    terms.push({
      localId: id,
      // The department lives in the round file, where it names the post with its title.
      department: null,
      termYears: post.termYears,
      duties: post.duties.trim(),
      conditionsText,
      conditions: post.conditions,
    });
  }
  return { ok: true, positions, terms };
}
