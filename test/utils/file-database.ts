import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { connectDatabase, type Db, migrateToLatest } from "../../server/records/db.ts";

/**
 * One database per test file on the run's real PostgreSQL (test/utils/global-setup.ts),
 * created on first use and migrated by the app's own migrator. Vitest loads this module
 * afresh for every file, so the cache below is the file's own.
 */
let current: Promise<string> | undefined;

export function fileDatabaseUrl(): Promise<string> {
  current ??= createMigratedDatabase();
  return current;
}

/** A fresh, migrated database (for a test that wants one of its own). */
export async function createMigratedDatabase(): Promise<string> {
  const url = await createEmptyDatabase();
  const db = connectDatabase(url, { max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return url;
}

/** A fresh database with no tables, named after this run so a shared server is cleaned up. */
export async function createEmptyDatabase(): Promise<string> {
  const server = inject("databaseUrl");
  const name = `${inject("databasePrefix")}${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(server, name);
}

/** The same server, another database: the URL's path names it. */
export function withDatabase(url: string, name: string): string {
  // libpq URLs may leave the host out (postgresql://user@/db?host=/socket/dir).
  const match = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error("DATABASE_URL is not a postgresql:// URL");
  return `${match[1]}/${name}${match[3] ?? ""}`;
}

export function connectTestDatabase(url: string): Db {
  return connectDatabase(url, { max: 4 });
}
