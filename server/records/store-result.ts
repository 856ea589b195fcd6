/**
 * What a records store answers: the data, or one of its own closed set of codes (mapped from
 * the SQLSTATE and constraint the schema refused with). A handler passes the code on; the
 * client translates it (shared/errors.ts).
 */
export type StoreResult<T, E extends string> = { ok: true; data: T } | { ok: false; error: E };

export const done = <T>(data: T): { ok: true; data: T } => ({ ok: true, data });
export const refused = <E extends string>(error: E): { ok: false; error: E } => ({
  ok: false,
  error,
});
