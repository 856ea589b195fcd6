import { z } from "zod";
import { EDUCATION_LEVELS, REVIEW_GRADES } from "./person.ts";

/**
 * A post's structured conditions (任职条件): what the qualification review checks against
 * the staff register at the announcement's reference date. Every field is optional: a post
 * sets those its 实施方案 names. Free-text conditions stay text on the post; only these are
 * checked, and the check is a hint — the decision is a reviewer's.
 */
export const PostConditions = z
  .object({
    /** Minimum whole years since the start of work. */
    minWorkYears: z.number().int().min(0).max(50).optional(),
    /** Minimum years at grassroots level. */
    minGrassrootsYears: z.number().min(0).max(50).optional(),
    /** Minimum whole years at the current grade. */
    minGradeYears: z.number().int().min(0).max(50).optional(),
    minEducation: z.enum(EDUCATION_LEVELS).optional(),
    /** The person is at most this old (whole years) on the reference date. */
    maxAge: z.number().int().min(18).max(70).optional(),
    /**
     * Annual review grades of the last `years` years before the reference date's year must
     * all be at least `atLeast` (practice: a 基本称职 or lower in the last three years
     * disqualifies, i.e. { years: 3, atLeast: "competent" }).
     */
    reviewGrades: z
      .object({ years: z.number().int().min(1).max(10), atLeast: z.enum(REVIEW_GRADES) })
      .optional(),
    /** No disciplinary penalty in its effect period on the reference date. */
    noActivePenalty: z.boolean().optional(),
  })
  .strict();
export type PostConditions = z.infer<typeof PostConditions>;
