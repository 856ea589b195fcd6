import { sql } from "kysely";
import {
  type Person,
  type Relationship,
  VOTER_GROUPS,
  type VoterGroup,
} from "../../shared/setup/person.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import type { Db } from "./db.ts";
import {
  importError,
  replaceRelationships,
  takeRegisterLock,
  upsertPeople,
} from "./register-import.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

/** What an import changed; importing the same file again counts every row unchanged. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  relationships: { added: number; changed: number; removed: number };
}

/**
 * Why an import was refused (and nothing of it kept): a staff number twice in the file, a
 * relationship naming a staff number neither in the file nor in the register, one naming
 * the same person twice, or one pair declared with two different relations.
 */
export type ImportError =
  | "duplicate_staff_no"
  | "unknown_staff_no"
  | "self_relationship"
  | "conflicting_relationship";

export type SaveOutcome = "created" | "updated" | "unchanged";

/** A person of the register, with the records' id and when their row last changed. */
export interface RegisteredPerson extends Person {
  personId: string;
  updatedAt: string;
}

/**
 * The staff register in PostgreSQL (migrations/0002_before_session.ts). A person is known by
 * staff number, which keeps their `people` row (and so their rounds) across imports.
 */
export interface RegisterRecords {
  importRegister(
    people: Person[],
    relationships: Relationship[],
    fileSha256: string,
    audit: AuditRecord,
  ): Promise<StoreResult<ImportCounts, ImportError>>;
  listPeople(): Promise<RegisteredPerson[]>;
  person(staffNo: string): Promise<RegisteredPerson | null>;
  /** A hand edit of one person (or a person added by hand); its relationships stay. */
  savePerson(person: Person, audit: AuditRecord): Promise<SaveOutcome>;
  /** People per voter group, every group named (0 when none). */
  groupCounts(): Promise<Record<VoterGroup, number>>;
  /** Every declared relationship, each pair once (`from` the smaller person id's). */
  relationships(): Promise<Relationship[]>;
}

type PersonRow = {
  person_id: string;
  staff_no: string;
  name: string;
  sex: Person["sex"];
  birth_date: string;
  department: string;
  current_post: string;
  grade: string;
  grade_since: string | null;
  work_start: string;
  grassroots_years: string;
  education: Person["education"];
  review_grades: Person["reviewGrades"];
  penalties: Person["penalties"];
  voter_group: VoterGroup;
  updated_at: Date;
};

const toPerson = (r: PersonRow): RegisteredPerson => ({
  personId: r.person_id,
  staffNo: r.staff_no,
  name: r.name,
  sex: r.sex,
  birthDate: r.birth_date,
  department: r.department,
  currentPost: r.current_post,
  grade: r.grade,
  gradeSince: r.grade_since,
  workStart: r.work_start,
  grassrootsYears: Number(r.grassroots_years),
  education: r.education,
  reviewGrades: r.review_grades,
  penalties: r.penalties,
  voterGroup: r.voter_group,
  updatedAt: r.updated_at.toISOString(),
});

export function createRegisterRecords(db: Db): RegisterRecords {
  const people = () =>
    db
      .selectFrom("staff_register as r")
      .innerJoin("people as p", "p.id", "r.person_id")
      .innerJoin("departments as d", "d.id", "r.department_id")
      .select([
        "r.person_id",
        "r.staff_no",
        "p.name",
        "r.sex",
        "r.birth_date",
        "d.name as department",
        "r.current_post",
        "r.grade",
        "r.grade_since",
        "r.work_start",
        "r.grassroots_years",
        "r.education",
        "r.review_grades",
        "r.penalties",
        "r.voter_group",
        "r.updated_at",
      ]);

  return {
    async importRegister(list, relationships, fileSha256, audit) {
      try {
        const data = await db.transaction().execute(async (tx) => {
          await takeRegisterLock(tx);
          const counts = await upsertPeople(tx, list);
          const related = await replaceRelationships(tx, relationships);
          await tx
            .insertInto("register_imports")
            .values({
              file_sha256: fileSha256,
              rows: list.length,
              ...counts,
              relationships_added: related.added,
              relationships_changed: related.changed,
              relationships_removed: related.removed,
            })
            .execute();
          await insertAudit(tx, [audit]);
          return { ...counts, relationships: related };
        });
        return done(data);
      } catch (err) {
        const code = importError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async listPeople() {
      const rows = await people().orderBy(sql`r.staff_no collate "C"`).execute();
      return rows.map(toPerson);
    },

    async person(staffNo) {
      const row = await people().where("r.staff_no", "=", staffNo).executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async savePerson(person, audit) {
      return db.transaction().execute(async (tx) => {
        await takeRegisterLock(tx);
        const counts = await upsertPeople(tx, [person]);
        const outcome: SaveOutcome =
          counts.created > 0 ? "created" : counts.updated > 0 ? "updated" : "unchanged";
        // An edit that changes nothing leaves no trace, as a no-op should.
        if (outcome !== "unchanged") await insertAudit(tx, [audit]);
        return outcome;
      });
    },

    async groupCounts() {
      const rows = await db
        .selectFrom("staff_register")
        .select(["voter_group", db.fn.countAll<string>().as("n")])
        .groupBy("voter_group")
        .execute();
      const counts = Object.fromEntries(VOTER_GROUPS.map((g) => [g, 0])) as Record<
        VoterGroup,
        number
      >;
      for (const r of rows) counts[r.voter_group] = Number(r.n);
      return counts;
    },

    async relationships() {
      const rows = await db
        .selectFrom("staff_relationships as s")
        .innerJoin("staff_register as a", "a.person_id", "s.person_a")
        .innerJoin("staff_register as b", "b.person_id", "s.person_b")
        .select(["a.staff_no as from", "b.staff_no as to", "s.relation"])
        .orderBy(sql`a.staff_no collate "C"`)
        .orderBy(sql`b.staff_no collate "C"`)
        .execute();
      return rows;
    },
  };
}
