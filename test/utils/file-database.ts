import { connectDatabase, type Db, migrateToLatest } from "../../server/records/db.ts";
import { createTestDatabase } from "./test-database.ts";

/**
 * One migrated database per test file on the run's real PostgreSQL (global-setup.ts),
 * created on first use and migrated by the app's own migrator. Vitest loads this module
 * afresh for every file, so the cache below is the file's own; global-setup drops the
 * run's databases at the end.
 */
let current: Promise<string> | undefined;

export function fileDatabaseUrl(): Promise<string> {
  current ??= createMigratedDatabase();
  return current;
}

/** A fresh, migrated database (for a test that wants one of its own). */
export async function createMigratedDatabase(): Promise<string> {
  const { url } = await createTestDatabase();
  const db = connectDatabase(url, { max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
  return url;
}

export function connectTestDatabase(url: string): Db {
  return connectDatabase(url, { max: 4 });
}
