import { sql } from "kysely";
import type { Db } from "../../server/records/db.ts";

/**
 * Every row of every table of the records (Kysely's own migration tables aside), ordered,
 * as JSON text: two snapshots are equal exactly when nothing was written in between.
 */
export async function recordsSnapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not like 'kysely_%'
    order by table_name`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`
      select t::text as row from ${sql.table(name)} t order by t::text`.execute(db);
    out[name] = rows.rows.map((r) => r.row);
  }
  return out;
}
