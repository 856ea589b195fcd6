// A fresh, empty PostgreSQL database per test file, on the run's server (global-setup.ts),
// dropped afterwards. Its name starts with the run's prefix, so a run sharing DATABASE_URL
// with others drops only its own (and global-setup.ts drops any a crash left).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { dropDatabase, identifier, withClient, withDatabase } from "./database-admin.ts";

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  name: string;
  /** Drops it, ending any session still connected; safe to call twice. */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Copy this database instead of the empty template1 (e.g. one already migrated): much
   * faster than migrating again. Nobody may be connected to it meanwhile (PostgreSQL's rule).
   */
  template?: string;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = inject("databaseUrl");
  const name = `${inject("testDatabasePrefix")}${randomBytes(6).toString("hex")}`;
  const template = options.template ? ` template ${identifier(options.template)}` : "";
  await withClient(serverUrl, (client) =>
    client.query(`create database ${identifier(name)}${template}`),
  );
  let dropping: Promise<void> | undefined;
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => {
      dropping ??= dropDatabase(serverUrl, name);
      return dropping;
    },
  };
}

/**
 * One database for the whole test file: `const db = useTestDatabase();` at the top, then
 * `db.url` inside the tests. Made before the file's first test, dropped after its last.
 */
export function useTestDatabase(options?: TestDatabaseOptions): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
  });
  afterAll(async () => {
    await current?.drop();
    current = undefined;
  });
  return new Proxy({} as TestDatabase, {
    get(_, key) {
      if (!current) throw new Error("useTestDatabase: the database exists only inside a test");
      const value = current[key as keyof TestDatabase];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}
