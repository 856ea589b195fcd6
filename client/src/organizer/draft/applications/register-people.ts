import type { CommandResults } from "../../../../../shared/protocol/index.ts";

export type RegisterPerson = CommandResults["people:list"]["people"][number];

/** Most matches a search lists at once: a bureau's register has a few hundred people. */
export const MAX_MATCHES = 8;

/**
 * The people a search finds: by staff number, name or department, ignoring case and
 * spaces; the staff number's exact match first.
 */
export function searchPeople(people: readonly RegisterPerson[], query: string): RegisterPerson[] {
  const q = query.replace(/\s+/g, "").toLowerCase();
  if (q === "") return [];
  const hay = (p: RegisterPerson) => `${p.staffNo} ${p.name} ${p.department}`.toLowerCase();
  return people
    .filter((p) => hay(p).replace(/\s+/g, "").includes(q))
    .sort((a, b) => Number(b.staffNo.toLowerCase() === q) - Number(a.staffNo.toLowerCase() === q));
}
