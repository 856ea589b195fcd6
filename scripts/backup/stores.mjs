// The two stores a backup or restore works on: those named by REDIS_URL and DATABASE_URL,
// or else the private ones of the data folder, started for the job and stopped after it.
import { join, resolve } from "node:path";
import { pingPostgres, spawnPostgres } from "../setup/postgres.mjs";
import { findServerBindir, majorOf } from "../setup/postgres-cluster.mjs";
import { pingRedis, spawnRedis } from "../setup/redis.mjs";
import { repoRoot, SetupError } from "../setup/shell.mjs";

/**
 * Runs action({ redisUrl, databaseUrl, keyPrefix, bindir }) and stops what it started.
 * bindir holds a pg_dump and pg_restore as new as the server, as pg_dump requires.
 */
export async function withStores(action) {
  const keyPrefix = process.env.KEY_PREFIX ?? "jp:";
  if (!/^[A-Za-z0-9:_-]*$/.test(keyPrefix)) throw new SetupError("KEY_PREFIX is not valid");
  const dataDir = resolve(process.env.DATA_DIR || join(repoRoot, "data"));
  const started = [];
  try {
    // PostgreSQL first: while `npm start` runs on this data folder its cluster is taken, so
    // this fails (naming that server) before a second Redis could start on its files.
    let databaseUrl = process.env.DATABASE_URL;
    let bindir;
    if (databaseUrl) {
      bindir = await clientBindir(databaseUrl);
    } else {
      const postgres = await spawnPostgres({ dataDir }).catch((error) => {
        throw new SetupError(
          `${error.message}\nWhile npm start runs, pass REDIS_URL and DATABASE_URL as it printed them.`,
        );
      });
      started.push(postgres);
      ({ url: databaseUrl, bindir } = postgres);
    }
    let redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      await pingRedis(redisUrl);
    } else {
      const redis = await spawnRedis({ dataDir });
      started.push(redis);
      redisUrl = redis.url;
    }
    return await action({ redisUrl, databaseUrl, keyPrefix, bindir });
  } finally {
    for (const store of started.reverse()) await store.stop();
  }
}

/** The newest installed client tools, refused when older than the server at url. */
async function clientBindir(url) {
  const serverMajor = await pingPostgres(url);
  const bindir = findServerBindir(serverMajor, "pg_dump") ?? findServerBindir(undefined, "pg_dump");
  if (!bindir || majorOf(bindir, "pg_dump") < serverMajor) {
    throw new SetupError(
      `the server is PostgreSQL ${serverMajor}: install postgresql-client-${serverMajor} (pg_dump may not be older than the server)`,
    );
  }
  return bindir;
}
