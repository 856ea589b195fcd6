import { z } from "zod";
import { Id } from "../round-file.ts";
import { PostConditions } from "../setup/post-conditions.ts";

/**
 * A round's posts and their announcement (公告, issue 8 item 1): what the organizer edits
 * (`posts:save`, `posts:list`), what a publication freezes as a dated version
 * (`announcement:publish`), and what the public page reads (GET /api/rounds/:id/announcement).
 */

/** 聘期 when the organizer names none: two years in the source document. */
export const DEFAULT_TERM_YEARS = 2;

/** What the organizer sets for a post of a round, beyond the round file's title and seats. */
export interface PostTerms {
  /** The post's id in the round file. */
  localId: string;
  /** The post's department for this round; null: the one the round file gives, if any. */
  department: string | null;
  /** 聘期, in years (two in the source document). */
  termYears: number;
  duties: string;
  /** The conditions as the announcement words them. */
  conditionsText: string;
  /** The conditions the qualification review checks. */
  conditions: PostConditions;
}

/** A post of a round as it would be (or was) published: the file's post with its terms. */
export interface AnnouncedPost extends PostTerms {
  code: string | null;
  title: string;
  seats: number;
}

export interface AnnouncementBody {
  title: string;
  posts: AnnouncedPost[];
}

/** One published version of a round's announcement, never changed afterwards. */
export interface Announcement {
  roundId: string;
  version: number;
  publishedAt: string;
  /** The day the conditions are checked on (YYYY-MM-DD). */
  referenceDate: string;
  /** The last day to apply (YYYY-MM-DD). */
  applyUntil: string;
  body: AnnouncementBody;
}

/** A version without its posts: what the page lists of the earlier ones. */
export type AnnouncementVersion = Omit<Announcement, "body" | "roundId">;

/** The editor's view of a round's posts (`posts:list`, and `posts:save`'s answer). */
export interface PostsView {
  /** The round's title, as a publication would print it. */
  title: string;
  /** The posts with their terms as they stand, in the announcement's order. */
  posts: AnnouncedPost[];
  /** The latest published version, or null before the first. */
  published: AnnouncementVersion | null;
  /** Whether what a publication would print now differs from the latest version. */
  unpublished: boolean;
}

/** The public page's data: the latest version and the dates of every version, oldest first. */
export interface PublicAnnouncement {
  latest: Announcement;
  versions: AnnouncementVersion[];
}

const Label = z.string().trim().min(1).max(120);
const Text = z.string().max(2000);

/**
 * One post as the editor sends it. A post the round has carries its `localId`; a new one
 * has none and is given the smallest free `P1`, `P2`… by the server, under the round's lock.
 * The limits are the round file's (Position) and the records' (round_post_terms).
 */
export const PostInput = z
  .object({
    localId: Id.optional(),
    code: Id.nullable().optional(),
    title: Label,
    department: Label.nullable().optional(),
    seats: z.number().int().min(1).max(100),
    termYears: z.number().int().min(1).max(10),
    duties: Text,
    conditionsText: Text,
    conditions: PostConditions,
  })
  .strict();
export type PostInput = z.output<typeof PostInput>;

/** The whole list, in the announcement's order; a post named twice is no list. */
export const PostList = z
  .array(PostInput)
  .max(50)
  .refine((posts) => {
    const ids = posts.flatMap((p) => p.localId ?? []);
    return new Set(ids).size === ids.length;
  }, "a post is listed twice");
