// `npm run restore -- DIR`: puts a backup made by `npm run backup` back. Refuses unless the
// manifest's checksums match; replaces the whole database and every key under KEY_PREFIX.
// Runs after `npm install` (it uses ioredis). Stop the server first: it caches state.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import { LIVE_FILE, RECORDS_FILE, readVerifiedManifest } from "./backup/backup-files.mjs";
import { withStores } from "./backup/stores.mjs";
import { libpqTarget } from "./setup/postgres.mjs";
import { SetupError } from "./setup/shell.mjs";

/**
 * Drops what the restoring user owns (objects made after the backup included), in the same
 * transaction as the restore that follows: the database ends as it was, or as the backup.
 */
const CLEAR_SQL = `
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
      AND pg_has_role(current_user, nspowner, 'MEMBER')
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA IF NOT EXISTS public;
`;

/** Deletes the prefix's keys and restores the backup's, in one step no client sees half of. */
const RESTORE_SCRIPT = `
for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('UNLINK', key) end
for i = 2, #ARGV, 3 do
  local ttl = tonumber(ARGV[i + 1])
  if ttl < 0 then ttl = 0 end
  redis.call('RESTORE', ARGV[i], ttl, ARGV[i + 2], 'REPLACE')
end
return (#ARGV - 1) / 3`;

async function main() {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length !== 1) throw new SetupError("usage: npm run restore -- DIR");
  const dir = resolve(args[0]);
  const manifest = await readVerifiedManifest(dir);
  const entries = await readLiveKeys(join(dir, LIVE_FILE), manifest.keyPrefix);

  await withStores(async ({ redisUrl, databaseUrl, keyPrefix, bindir }) => {
    if (keyPrefix !== manifest.keyPrefix) {
      throw new SetupError(
        `the backup holds keys under "${manifest.keyPrefix}", not KEY_PREFIX "${keyPrefix}"`,
      );
    }
    await restoreDatabase(bindir, databaseUrl, join(dir, RECORDS_FILE));
    await restoreRedis(redisUrl, keyPrefix, entries);
  });
  console.log(
    `[restore] ${dir} (made ${manifest.createdAt}): the database and ${entries.length} Redis keys`,
  );
}

async function readLiveKeys(file, prefix) {
  const lines = (await readFile(file, "utf8")).split("\n").filter(Boolean);
  return lines.map((line) => {
    const { key, pttl, dump } = JSON.parse(line);
    const entry = { key: Buffer.from(key, "base64"), pttl, dump: Buffer.from(dump, "base64") };
    if (!entry.key.toString("latin1").startsWith(prefix) || !Number.isInteger(pttl)) {
      throw new SetupError(`${file} holds a line that is not a key of "${prefix}"`);
    }
    return entry;
  });
}

/** pg_restore's SQL, after CLEAR_SQL, through psql in one transaction that stops at an error. */
async function restoreDatabase(bindir, databaseUrl, dumpFile) {
  const target = libpqTarget(databaseUrl);
  const env = { ...process.env, ...target.env };
  const psqlArgs = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-d", target.url];
  const psql = spawn(join(bindir, "psql"), psqlArgs, { env, stdio: ["pipe", "ignore", "pipe"] });
  const restoreArgs = ["--no-owner", "-f", "-", dumpFile];
  const pgRestore = spawn(join(bindir, "pg_restore"), restoreArgs, {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors = [];
  for (const child of [psql, pgRestore]) child.stderr.on("data", (chunk) => errors.push(chunk));
  const done = Promise.all([once(psql, "exit"), once(pgRestore, "exit")]);

  psql.stdin.on("error", () => {}); // psql stopped at an error: its exit code tells
  psql.stdin.write(CLEAR_SQL);
  pgRestore.stdout.pipe(psql.stdin);
  const [[psqlCode], [restoreCode]] = await done;
  if (psqlCode !== 0 || restoreCode !== 0) {
    const detail = Buffer.concat(errors).toString("utf8").trim();
    throw new SetupError(`the database was not restored (left as it was): ${detail}`);
  }
}

async function restoreRedis(url, prefix, entries) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
    const triples = entries.flatMap(({ key, pttl, dump }) => [key, String(pttl), dump]);
    await redis.eval(RESTORE_SCRIPT, 0, pattern, ...triples);
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof SetupError ? `[restore] ${error.message}` : error);
  process.exit(1);
});
