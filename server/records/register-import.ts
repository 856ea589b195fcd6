import { sql, type Transaction } from "kysely";
import type { Person, Relationship } from "../../shared/setup/person.ts";
import { constraintOf, type Database, SQLSTATE, sqlState } from "./db.ts";
import type { ImportError, SaveOutcome } from "./register-records.ts";

// The statements of a register import (register-records.ts), set-based through temporary
// tables that live until the transaction ends.

/**
 * Writes to the register take turns (a transaction-scoped advisory lock): an import then
 * sees the register as the one before it left it, so its counts say what it changed, and
 * two imports of different files never mix into a register that is neither.
 */
export const takeRegisterLock = (tx: Transaction<Database>) =>
  sql`select pg_advisory_xact_lock(7253402717352602)`.execute(tx);

/**
 * Upserts the people by staff number through a temporary table, whose primary key refuses
 * a staff number given twice. A new staff number inserts a person; a row that differs
 * from the register in any field updates that person (and `updated_at`); an identical row
 * changes nothing. People absent from the rows are kept: a register file need not list
 * everyone, and a person who left stays in the records of the rounds they took part in.
 */
export async function upsertPeople(tx: Transaction<Database>, people: Person[]) {
  await sql`
    create temp table register_file (
      staff_no text primary key,
      name text not null,
      sex text not null,
      birth_date date not null,
      department text not null,
      current_post text not null,
      grade text not null,
      grade_since date,
      work_start date not null,
      grassroots_years numeric not null,
      education text not null,
      review_grades jsonb not null,
      penalties jsonb not null,
      voter_group text not null,
      outcome text
    ) on commit drop
  `.execute(tx);
  const rows = people.map((p) => ({
    staff_no: p.staffNo,
    name: p.name,
    sex: p.sex,
    birth_date: p.birthDate,
    department: p.department,
    current_post: p.currentPost,
    grade: p.grade,
    grade_since: p.gradeSince,
    work_start: p.workStart,
    grassroots_years: p.grassrootsYears,
    education: p.education,
    review_grades: p.reviewGrades,
    penalties: p.penalties,
    voter_group: p.voterGroup,
  }));
  await sql`
    insert into register_file
    select * from jsonb_populate_recordset(null::register_file, ${JSON.stringify(rows)}::jsonb)
  `.execute(tx);
  await sql`
    insert into departments (name) select distinct department from register_file order by 1
    on conflict (name) do nothing
  `.execute(tx);
  // people.unit is the current post, as round files name it (docs/round-file.md).
  await sql`
    insert into people (staff_no, name, unit)
    select staff_no, name, current_post from register_file order by staff_no
    on conflict (staff_no) do nothing
  `.execute(tx);
  await sql`
    update register_file f set outcome = case
      when (r.sex, r.birth_date, r.department_id, r.current_post, r.grade, r.grade_since,
            r.work_start, r.grassroots_years, r.education, r.review_grades, r.penalties,
            r.voter_group, p.name, p.unit)
        is not distinct from
           (f.sex, f.birth_date, d.id, f.current_post, f.grade, f.grade_since,
            f.work_start, f.grassroots_years, f.education, f.review_grades, f.penalties,
            f.voter_group, f.name, f.current_post)
      then 'unchanged' else 'updated' end
    from staff_register r join people p on p.id = r.person_id, departments d
    where r.staff_no = f.staff_no and d.name = f.department
  `.execute(tx);
  await sql`update register_file set outcome = 'created' where outcome is null`.execute(tx);
  await sql`
    update people p set name = f.name, unit = f.current_post
    from register_file f
    where f.outcome <> 'unchanged' and p.staff_no = f.staff_no
      and (p.name, p.unit) is distinct from (f.name, f.current_post)
  `.execute(tx);
  await sql`
    insert into staff_register (person_id, staff_no, sex, birth_date, department_id,
      current_post, grade, grade_since, work_start, grassroots_years, education,
      review_grades, penalties, voter_group)
    select p.id, f.staff_no, f.sex, f.birth_date, d.id, f.current_post, f.grade,
      f.grade_since, f.work_start, f.grassroots_years, f.education, f.review_grades,
      f.penalties, f.voter_group
    from register_file f
      join people p on p.staff_no = f.staff_no
      join departments d on d.name = f.department
    where f.outcome = 'created'
    order by f.staff_no
  `.execute(tx);
  await sql`
    update staff_register r set sex = f.sex, birth_date = f.birth_date, department_id = d.id,
      current_post = f.current_post, grade = f.grade, grade_since = f.grade_since,
      work_start = f.work_start, grassroots_years = f.grassroots_years,
      education = f.education, review_grades = f.review_grades, penalties = f.penalties,
      voter_group = f.voter_group, updated_at = now()
    from register_file f, departments d
    where f.outcome = 'updated' and r.staff_no = f.staff_no and d.name = f.department
  `.execute(tx);
  const counted = await sql<{ outcome: SaveOutcome; n: number }>`
    select outcome, count(*)::int as n from register_file group by outcome
  `.execute(tx);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const r of counted.rows) counts[r.outcome] = r.n;
  return counts;
}

/**
 * The file's relationships replace those between the file's own people: a pair of two
 * people listed is as the file says (declared, with its relation, or not at all). A pair
 * with someone the file does not list is only ever added or changed by it, never removed,
 * since the file says nothing about that person. Runs after upsertPeople (register_file).
 */
export async function replaceRelationships(
  tx: Transaction<Database>,
  relationships: Relationship[],
) {
  await sql`
    create temp table relation_file (
      person_a uuid not null,
      person_b uuid not null,
      relation text not null,
      primary key (person_a, person_b)
    ) on commit drop
  `.execute(tx);
  const pairs = relationships.map((r) => ({ from_no: r.from, to_no: r.to, relation: r.relation }));
  // An unknown staff number leaves a null id, which the not-null columns refuse; a pair
  // stated twice alike (A–B and B–A) is one row, stated with two relations two rows, which
  // the primary key refuses.
  await sql`
    insert into relation_file (person_a, person_b, relation)
    select distinct
      case when pa.person_id < pb.person_id then pa.person_id else pb.person_id end,
      case when pa.person_id < pb.person_id then pb.person_id else pa.person_id end,
      x.relation
    from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb)
        as x(from_no text, to_no text, relation text)
      left join staff_register pa on pa.staff_no = x.from_no
      left join staff_register pb on pb.staff_no = x.to_no
  `.execute(tx);
  const counted = await sql<{ added: number; changed: number }>`
    select count(*) filter (where s.person_a is null)::int as added,
           count(*) filter (where s.relation <> rf.relation)::int as changed
    from relation_file rf left join staff_relationships s using (person_a, person_b)
  `.execute(tx);
  const removed = await sql`
    with listed as (
      select r.person_id from register_file f join staff_register r on r.staff_no = f.staff_no
    )
    delete from staff_relationships s
    where s.person_a in (select person_id from listed)
      and s.person_b in (select person_id from listed)
      and not exists (select 1 from relation_file rf
                      where rf.person_a = s.person_a and rf.person_b = s.person_b)
  `.execute(tx);
  await sql`
    insert into staff_relationships (person_a, person_b, relation)
    select person_a, person_b, relation from relation_file order by person_a, person_b
    on conflict (person_a, person_b) do update set relation = excluded.relation
      where staff_relationships.relation <> excluded.relation
  `.execute(tx);
  const { added = 0, changed = 0 } = counted.rows[0] ?? {};
  return { added, changed, removed: Number(removed.numAffectedRows ?? 0n) };
}

/** The refusal an import's statements met, as a code; null when it is not one of them. */
export function importError(err: unknown): ImportError | null {
  const state = sqlState(err);
  const constraint = constraintOf(err);
  const table = (err as { table?: unknown } | null)?.table;
  if (state === SQLSTATE.unique && constraint === "register_file_pkey") return "duplicate_staff_no";
  if (state === SQLSTATE.unique && constraint === "relation_file_pkey") {
    return "conflicting_relationship";
  }
  if (state === SQLSTATE.notNull && table === "relation_file") return "unknown_staff_no";
  if (state === SQLSTATE.check && constraint === "staff_relationships_one_way") {
    return "self_relationship";
  }
  return null;
}
