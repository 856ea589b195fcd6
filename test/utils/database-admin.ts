// Making and dropping whole databases on a test server, through node-postgres. No vitest
// here: global-setup.ts runs outside the test workers.
import pg from "pg";

/** The connection string for another database on the same server (libpq URL forms). */
export function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?#]*)(?:\/[^?#]*)?(.*)$/.exec(url);
  if (!match) throw new Error("DATABASE_URL must be a postgresql:// URL");
  return `${match[1]}/${encodeURIComponent(database)}${match[2]}`;
}

/** A quoted SQL identifier. */
export function identifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `use` on a short-lived connection to url. */
export async function withClient<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a dropped connection fails the pending query instead
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Drops the database, ending the sessions still connected to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`drop database if exists ${identifier(name)} with (force)`),
  );
}

/** Drops every database whose name starts with prefix: what a run left on a shared server. */
export async function dropDatabasesStartingWith(serverUrl: string, prefix: string): Promise<void> {
  const { rows } = await withClient(serverUrl, (client) =>
    client.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [prefix],
    ),
  );
  for (const { datname } of rows) await dropDatabase(serverUrl, datname);
}
