import type { Request } from "express";

/** The token of an `Authorization: Bearer …` header (the HTTP routes' credential), or null. */
export function bearer(req: Request): string | null {
  const h = req.get("authorization");
  return h?.startsWith("Bearer ") ? h.slice(7) : null;
}
