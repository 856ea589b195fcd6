import { canonicalJson } from "../../shared/canonical-json.ts";
import { fail, ok, type Result } from "../../shared/errors.ts";
import type { PostsView } from "../../shared/protocol/posts.ts";
import { DraftRoundFile } from "../../shared/round-file.ts";
import { roundFileIssues } from "../../shared/round-file-issues.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

type PostsCommand = "posts:list" | "posts:save" | "announcement:publish" | "announcement:list";

/**
 * A draft's posts and their announcement (公布岗位及条件): the list edited as a whole, and
 * published in dated versions that the public page (announcement-routes.ts) serves.
 */
export function postsHandlers(s: Services): Pick<Handlers, PostsCommand> {
  const posts = s.records.posts;

  /** The posts as they stand, and whether they differ from what was last published. */
  async function view(roundId: string): Promise<Result<PostsView>> {
    const [current, latest] = await Promise.all([posts.current(roundId), posts.latest(roundId)]);
    if (!current) return fail("round_not_found");
    if (!latest) return ok({ ...current, published: null, unpublished: false });
    const { body, roundId: _, ...published } = latest;
    return ok({
      ...current,
      published,
      unpublished: canonicalJson(body) !== canonicalJson(current),
    });
  }

  return {
    "posts:list": (_ctx, { roundId }) => view(roundId),

    "posts:save": async (ctx, { roundId, posts: list }) => {
      const audit = s.audit.record(ctx.principal, roundId, "posts:save", {
        note: list.map((p) => p.localId ?? "new").join(","),
      });
      // The whole file is checked as a draft's: the same post twice, or a candidate of an
      // imported file applying for a post the list leaves out, is named as the file names it.
      const saved = await posts.savePostList(roundId, list, audit, (config) => {
        const parsed = DraftRoundFile.safeParse(config);
        return parsed.success ? null : roundFileIssues(config, parsed.error.issues.slice(0, 20));
      });
      if (!saved.ok) {
        if (saved.error === "invalid_round_file") return fail(saved.error, saved.problem);
        // The payload's schema holds the records' limits: a check refusing is a bug.
        if (saved.error === "invalid_terms") throw new Error("posts:save: terms out of range");
        return fail(saved.error);
      }
      return view(roundId);
    },

    "announcement:publish": async (ctx, { roundId, referenceDate, applyUntil }) => {
      const record = await s.rounds.record(roundId);
      if (!record) return fail("round_not_found");
      if (record.status !== "draft") return fail("round_frozen");
      // An announcement of no post announces nothing (the page disables the button).
      const current = await posts.current(roundId);
      if (!current) return fail("round_not_found");
      if (current.posts.length === 0) return fail("bad_state");
      const audit = s.audit.record(ctx.principal, roundId, "announcement:publish", {
        note: `referenceDate ${referenceDate}, applyUntil ${applyUntil}`,
      });
      const published = await posts.publish(roundId, { referenceDate, applyUntil }, audit);
      if (!published.ok) return fail(published.error);
      s.logger.info("announcement published", { roundId, version: published.data.version });
      return ok(published.data);
    },

    "announcement:list": async (_ctx, { roundId }) => {
      if (!(await s.rounds.record(roundId))) return fail("round_not_found");
      return ok(await posts.announcements(roundId));
    },
  };
}
