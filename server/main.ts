import { networkInterfaces } from "node:os";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { createApp } from "./app.ts";
import { parseConfig } from "./platform/config.ts";
import { consoleLogger, errorFields } from "./platform/logger.ts";
import { connectDatabase, migrateToLatest } from "./records/db.ts";

/** The composition root: reads config, connects Redis, listens, prints the links. */
const config = parseConfig(process.env);
const logger = consoleLogger;
const renewPassphrase = process.argv.includes("--new-passphrase");

function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return "127.0.0.1";
}

const connect = () =>
  new Redis(config.REDIS_URL, { maxRetriesPerRequest: 20, enableAutoPipelining: true });
const redis = connect();
const pubClient = connect();
const subClient = pubClient.duplicate();
for (const c of [redis, pubClient, subClient]) {
  c.on("error", (err) => logger.warn("redis connection", errorFields(err)));
}

// The records first: a node starts only on the schema its code expects.
const db = connectDatabase(config.DATABASE_URL);
const applied = await migrateToLatest(db);
if (applied.length > 0) logger.info("records migrated", { applied });

const clientDir = config.CLIENT_DIR ?? fileURLToPath(new URL("../dist/client", import.meta.url));
// The public URL is known once we listen (PORT may be 0); the app reads it lazily.
let publicUrl = config.PUBLIC_URL ?? "";
const app = createApp({
  redis,
  pubClient,
  subClient,
  db,
  keyPrefix: config.KEY_PREFIX,
  publicUrl: () => publicUrl,
  logger,
  clientDir,
  trustProxy: config.TRUST_PROXY,
});

// Rounds an older version kept in Redis alone move into the records before the node serves.
await app.services.legacy.upgrade();
// Rounds kept by an older version may hold card secrets themselves: keep only their hashes.
const hashed = await app.services.cards.hashLegacySecrets();
if (hashed > 0) logger.info("card secrets of older rounds replaced by their hashes", { hashed });
// Before the first phone: a landed round a restored backup left in Redis must not read open.
await app.services.locks.reconcile();

app.http.listen(config.PORT, config.HOST, async () => {
  const address = app.http.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  publicUrl = (config.PUBLIC_URL ?? `http://${lanAddress()}:${port}`).replace(/\/$/, "");
  const passphrase = await app.services.auth.ensurePassphrase({
    fixed: config.ORGANIZER_PASSWORD,
    renew: renewPassphrase,
  });
  const projector = await app.services.auth.projectorToken();
  const lines = [
    "",
    "  竞聘 Jingpin is running",
    "",
    `  组织者 Organizer   ${publicUrl}/`,
    passphrase
      ? `  口令 Passphrase    ${passphrase}   (shown once; stored hashed)`
      : config.ORGANIZER_PASSWORD
        ? "  口令 Passphrase    from ORGANIZER_PASSWORD"
        : "  口令 Passphrase    unchanged (printed at first start; `npm start -- --new-passphrase` makes a new one)",
    `  大屏 Projector     ${publicUrl}/screen#k=${projector}`,
    `  手机 Phones        ${publicUrl}/v   (each ballot card's QR code carries its own link)`,
    "",
  ];
  // Printed, not logged: the console is the operator's, the log may be shipped elsewhere.
  process.stdout.write(`${lines.join("\n")}\n`);
  logger.info("listening", { port });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info("stopping", { signal });
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await app.close();
  await Promise.allSettled([redis.quit(), pubClient.quit(), subClient.quit(), db.destroy()]);
  process.exit(0);
}
// A stray rejection (a broadcast racing a dropped Redis connection) must not take the
// meeting down with it: log it and carry on serving.
process.on("unhandledRejection", (reason) =>
  logger.error("unhandled rejection", errorFields(reason)),
);
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
