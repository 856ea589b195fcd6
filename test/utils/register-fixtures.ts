import { randomBytes } from "node:crypto";
import type { AuditRecord } from "../../server/records/audit-records.ts";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { Person } from "../../shared/setup/person.ts";
import { unique } from "./records-fixtures.ts";

/**
 * An audit entry of a records action before the session (register, posts, applications),
 * shaped as audit-store.ts shapes one; `roundId` null for the register, which has no round.
 */
export function auditFor(roundId: string | null, action: string): AuditRecord {
  const id = randomBytes(12).toString("base64url");
  const at = new Date().toISOString();
  const body = canonicalJson({
    id,
    round: roundId,
    at,
    role: "organizer",
    action,
    subject: null,
    note: null,
  });
  return { entryId: id, roundId, at, body };
}

/** A valid person of the register, new to the records unless a staff number is given. */
export function registerPerson(o: Partial<Person> = {}): Person {
  return Person.parse({
    staffNo: unique("S"),
    name: unique("职工"),
    sex: "female",
    birthDate: "1986-01-01",
    department: "办公室",
    currentPost: "一级科员",
    grade: "一级科员",
    gradeSince: "2021-12-31",
    workStart: "2008-07-01",
    grassrootsYears: 3.5,
    education: "bachelor",
    reviewGrades: { "2023": "excellent", "2024": "competent", "2025": "competent" },
    penalties: [],
    voterGroup: "staff",
    ...o,
  });
}
