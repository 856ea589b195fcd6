// The per-file test database factory (test/utils/test-database.ts) on the run's server.
import { describe, expect, inject, it } from "vitest";
import { withClient } from "../utils/database-admin.ts";
import { createTestDatabase, useTestDatabase } from "../utils/test-database.ts";

const serverUrl = inject("databaseUrl");

const exists = (name: string) =>
  withClient(serverUrl, async (client) => {
    const result = await client.query("select 1 from pg_database where datname = $1", [name]);
    return result.rowCount === 1;
  });

const tables = (url: string) =>
  withClient(url, async (client) => {
    const result = await client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    return result.rows.map((row) => row.name);
  });

describe("createTestDatabase", () => {
  it("makes an empty database of its own, and drop() removes it", async () => {
    const db = await createTestDatabase();
    expect(db.name.startsWith(inject("testDatabasePrefix"))).toBe(true);
    expect(
      await withClient(db.url, async (c) => (await c.query("select current_database() as d")).rows),
    ).toEqual([{ d: db.name }]);
    expect(await tables(db.url)).toEqual([]);
    await withClient(db.url, (client) => client.query("create table left_open (n int)"));

    // A session still connected does not keep it alive.
    await withClient(db.url, async () => {
      await db.drop();
    });
    expect(await exists(db.name)).toBe(false);
    await expect(db.drop()).resolves.toBeUndefined();
  });

  it("copies a template database when asked", async () => {
    const template = await createTestDatabase();
    await withClient(template.url, (client) => client.query("create table migrated (n int)"));
    const copy = await createTestDatabase({ template: template.name });
    try {
      expect(await tables(copy.url)).toEqual(["migrated"]);
    } finally {
      await copy.drop();
      await template.drop();
    }
  });
});

describe("useTestDatabase", () => {
  const db = useTestDatabase();

  it("gives the file one database", async () => {
    expect(await exists(db.name)).toBe(true);
    expect(await tables(db.url)).toEqual([]);
  });
});
