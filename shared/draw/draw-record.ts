/**
 * The draw record (docs/draw.md), format "jingpin-draw/1": a file anyone can download and
 * check. The pool, the sources and `picks` are the inputs; the key, the steps and the result
 * are derived from them, and verifyDrawRecord derives them again.
 */
import { z } from "zod";
import { Id } from "../round-file.ts";
import { MAX_PICKS, makeDrawRecord } from "./rfc3797.ts";

export const DRAW_PURPOSES = ["speaking-order", "questions"] as const;
export const DrawPurpose = z.enum(DRAW_PURPOSES);
export type DrawPurpose = z.infer<typeof DrawPurpose>;

const PoolItem = z
  .string()
  .max(2000)
  .refine((s) => s.trim() !== "", "an item of the pool is empty");

/** Checked, not trimmed: the record is given back as it was written. */
const Name = z
  .string()
  .max(200)
  .refine((s) => s.trim() !== "", "a witness's name is empty");

/** A number a witness supplied: a die's face, a digit group. JSON has no leading zeros. */
const SourceNumber = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const Hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-fA-F]{${length}}$`));

export const DrawStep = z
  .object({
    md5: Hex(32),
    remaining: z.number().int().positive(),
    index: z.number().int().nonnegative(),
    item: z.string(),
  })
  .strict();
export type DrawStep = z.infer<typeof DrawStep>;

export const DrawRecordFile = z
  .object({
    format: z.literal("jingpin-draw/1"),
    purpose: DrawPurpose,
    /** The round the draw belongs to. */
    roundId: Id.optional(),
    /** The post whose questions (or whose candidates' order) were drawn. */
    postId: Id.optional(),
    pool: z.array(PoolItem).min(1).max(MAX_PICKS),
    poolDigest: Hex(64),
    sources: z.array(z.array(SourceNumber).min(1)).min(1),
    /** Who supplied each source, parallel to `sources`; null where nobody is named. */
    witnesses: z.array(Name.nullable()).optional(),
    key: z.string(),
    picks: z.number().int().positive(),
    steps: z.array(DrawStep),
    result: z.array(z.string()),
  })
  .strict()
  .superRefine((file, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const repeat = file.pool.findIndex((item, i) => file.pool.indexOf(item) !== i);
    if (repeat >= 0) issue(["pool", repeat], "the pool lists this item twice");
    if (file.picks > file.pool.length) issue(["picks"], "picks is larger than the pool");
    if (file.steps.length !== file.picks) issue(["steps"], "there must be one step per pick");
    if (file.result.length !== file.picks) issue(["result"], "there must be one item per pick");
    if (file.witnesses && file.witnesses.length !== file.sources.length)
      issue(["witnesses"], "there must be one witness entry per source");
  });
export type DrawRecord = z.infer<typeof DrawRecordFile>;

export type DrawParseError = "not_json" | "invalid_record";

export type DrawParse =
  | { ok: true; data: DrawRecord }
  | { ok: false; error: DrawParseError; detail: string };

/** The record from a file's text; a BOM (what Windows editors prepend) is not part of it. */
export function parseDrawRecord(text: string): DrawParse {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, error: "not_json", detail: String(error) };
  }
  const parsed = DrawRecordFile.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: "invalid_record", detail: z.prettifyError(parsed.error) };
  }
  return { ok: true, data: parsed.data };
}

export interface DrawDifference {
  /** Where, as a path into the record: "key", "steps[2].index", "result[2]". */
  field: string;
  /** The value derived again from the pool and the sources. */
  expected: string | number;
  /** The value the file holds. */
  found: string | number;
}

export interface DrawVerification {
  ok: boolean;
  rederived: DrawRecord;
  differences: DrawDifference[];
}

/**
 * Derives the record again from its inputs and lists every derived value the file states
 * otherwise. A wrong poolDigest means the pool is not the one published. Hex is compared
 * without regard to case, as RFC 3797 prints upper case and sha256sum lower case.
 */
export function verifyDrawRecord(file: DrawRecord): DrawVerification {
  const rederived = makeDrawRecord(file);
  const differences: DrawDifference[] = [];
  const check = (field: string, expected: string | number, found: string | number, hex = false) => {
    const same =
      hex && typeof expected === "string" && typeof found === "string"
        ? expected.toLowerCase() === found.toLowerCase()
        : expected === found;
    if (!same) differences.push({ field, expected, found });
  };
  check("poolDigest", rederived.poolDigest, file.poolDigest, true);
  check("key", rederived.key, file.key);
  rederived.steps.forEach((step, j) => {
    const stated = file.steps[j];
    if (!stated) return; // the schema holds one step per pick
    check(`steps[${j}].md5`, step.md5, stated.md5, true);
    check(`steps[${j}].remaining`, step.remaining, stated.remaining);
    check(`steps[${j}].index`, step.index, stated.index);
    check(`steps[${j}].item`, step.item, stated.item);
  });
  rederived.result.forEach((item, i) => {
    check(`result[${i}]`, item, file.result[i] ?? "");
  });
  return { ok: differences.length === 0, rederived, differences };
}
