// `npm run backup -- DIR`: the database (pg_dump) and every Redis key under KEY_PREFIX,
// into DIR, with a manifest of checksums. Runs after `npm install` (it uses ioredis).
import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Redis } from "ioredis";
import {
  FORMAT,
  LIVE_FILE,
  MANIFEST_FILE,
  RECORDS_FILE,
  runTool,
  sha256OfFile,
} from "./backup/backup-files.mjs";
import { withStores } from "./backup/stores.mjs";
import { libpqTarget } from "./setup/postgres.mjs";
import { SetupError } from "./setup/shell.mjs";

/**
 * Every key of the prefix with its PTTL and DUMP, in one script: Redis runs it alone, so
 * the copy is of one instant, whatever the server writes meanwhile. A meeting's keys take
 * milliseconds; nothing else runs on Redis meanwhile.
 */
const SNAPSHOT_SCRIPT = `
local out = {}
for _, key in ipairs(redis.call('KEYS', ARGV[1])) do
  local dump = redis.call('DUMP', key)
  if dump then
    out[#out + 1] = key
    out[#out + 1] = redis.call('PTTL', key)
    out[#out + 1] = dump
  end
end
return out`;

async function main() {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length !== 1) throw new SetupError("usage: npm run backup -- DIR");
  const dir = resolve(args[0]);
  if (existsSync(join(dir, MANIFEST_FILE))) {
    throw new SetupError(`${dir} already holds a backup; choose a new folder`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 }); // the records are personal data

  const manifest = await withStores(async ({ redisUrl, databaseUrl, keyPrefix, bindir }) => {
    // Redis first, then PostgreSQL: the two copies are moments apart, not of one instant,
    // and a lock may land between them. In this order that lock is, in the backup, a round
    // still open (or locked, not landed) in Redis and landed in the records, whose copy
    // holds every ballot acknowledged before the lock; the server deletes Redis's older
    // copy when it starts (reconcile in server/live/lock-service.ts). The other order
    // could keep the round in session in the records while Redis had already forgotten it:
    // its ballots would be in neither copy. pg_dump's copy is of the instant it starts.
    const keyCount = await snapshotRedis(redisUrl, keyPrefix, join(dir, LIVE_FILE));
    const target = libpqTarget(databaseUrl);
    const pgDump = join(bindir, "pg_dump");
    await runTool(pgDump, ["-Fc", "-d", target.url, "-f", join(dir, RECORDS_FILE)], target.env);
    await chmod(join(dir, RECORDS_FILE), 0o600);
    return { keyPrefix, keyCount, pgDump: await runTool(pgDump, ["--version"]) };
  });

  const files = {};
  for (const name of [RECORDS_FILE, LIVE_FILE]) {
    const path = join(dir, name);
    files[name] = { bytes: (await stat(path)).size, sha256: await sha256OfFile(path) };
  }
  const written = { format: FORMAT, createdAt: new Date().toISOString(), ...manifest, files };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(written, null, 2)}\n`);
  console.log(`[backup] ${dir}: the database and ${manifest.keyCount} Redis keys`);
}

/** Writes the prefix's keys to file as JSON lines; resolves to how many. */
async function snapshotRedis(url, prefix, file) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
    const reply = /** @type {(Buffer | number)[]} */ (
      await redis.evalBuffer(SNAPSHOT_SCRIPT, 0, pattern)
    );
    const out = createWriteStream(file, { mode: 0o600 });
    for (let i = 0; i < reply.length; i += 3) {
      const line = {
        key: Buffer.from(reply[i]).toString("base64"),
        pttl: Number(reply[i + 1]),
        dump: Buffer.from(reply[i + 2]).toString("base64"),
      };
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
    return reply.length / 3;
  } finally {
    redis.disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof SetupError ? `[backup] ${error.message}` : error);
  process.exit(1);
});
