// `npm start`: install what is missing, build the client, start Redis and PostgreSQL, then
// run the server until Ctrl-C. Plain Node with no dependencies, because it runs before `npm install`.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildClient } from "./setup/client-build.mjs";
import { ensureDebianPackage, POSTGRESQL, REDIS_SERVER } from "./setup/debian-package.mjs";
import { lanAddress } from "./setup/network.mjs";
import { ensureNodeModules } from "./setup/node-modules.mjs";
import { startPostgres, withoutPassword } from "./setup/postgres.mjs";
import { startRedis } from "./setup/redis.mjs";
import { repoRoot, SetupError } from "./setup/shell.mjs";

const serverStopTimeoutMs = 10_000;
const serverEntry = join(repoRoot, "server", "main.ts");

async function main() {
  const serverArgs = withoutLeadingDashDash(process.argv.slice(2));
  await ensureNodeModules();
  if (!process.env.REDIS_URL) await ensureDebianPackage(REDIS_SERVER);
  if (!process.env.DATABASE_URL) await ensureDebianPackage(POSTGRESQL);
  if ((await buildClient()) === "failed") throw new SetupError("the client build failed");
  if (!existsSync(serverEntry)) throw new SetupError("server/main.ts does not exist yet");

  // From here on a signal must stop what was started, in order; installed before Redis
  // starts because the default action would leave a detached redis-server running.
  const stores = []; // stopped in the order started: Redis, then PostgreSQL
  let server;
  let stopping = false;
  const stopAll = async (signal) => {
    if (stopping) return; // npm forwards the terminal's Ctrl-C, so it can arrive twice
    stopping = true;
    console.log(`[start] ${signal}: stopping…`);
    const killed = server ? await stopServer(server) : false;
    const storesStopped = await stopStores(stores);
    const clean = !killed && storesStopped;
    console.log(clean ? "[start] stopped cleanly" : "[start] stopped, not cleanly (see above)");
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGINT", stopAll);
  process.on("SIGTERM", stopAll);

  const dataDir = resolve(process.env.DATA_DIR || join(repoRoot, "data"));
  const redis = await startRedis({ dataDir });
  stores.push({ name: "Redis", ...redis });
  console.log(`[start] Redis ${redis.url}, data in ${dataDir}`);
  let postgres;
  try {
    postgres = await startPostgres({ dataDir });
  } catch (error) {
    await stopStores(stores);
    throw error;
  }
  stores.push({ name: "PostgreSQL", ...postgres });
  console.log(`[start] PostgreSQL ${withoutPassword(postgres.url)}`);

  const port = process.env.PORT || "3000";
  const env = {
    ...process.env, // passes ORGANIZER_PASSWORD through when set
    PORT: port,
    HOST: process.env.HOST || "0.0.0.0",
    REDIS_URL: redis.url,
    DATABASE_URL: postgres.url,
    DATA_DIR: dataDir,
    PUBLIC_URL: process.env.PUBLIC_URL || `http://${lanAddress()}:${port}`,
  };
  // Own process group: the server hears one SIGTERM from us instead of a Ctrl-C racing it.
  server = spawn(process.execPath, ["--import", "tsx", serverEntry, ...serverArgs], {
    cwd: repoRoot,
    env,
    stdio: "inherit",
    detached: true,
  });
  server.once("error", (error) => {
    console.error(`[start] could not start the server: ${error.message}`);
    stopStores(stores).then(() => process.exit(1));
  });
  server.once("exit", (code, signal) => {
    if (stopping) return;
    const how = signal ?? `code ${code}`;
    console.error(`[start] the server exited (${how}); stopping Redis and PostgreSQL`);
    stopStores(stores).then(() => process.exit(code ?? 1));
  });
}

/** Stops each store in turn, the next one also when one fails. Resolves to whether all did. */
async function stopStores(stores) {
  let allStopped = true;
  for (const { name, stop } of stores) {
    try {
      await stop();
    } catch (error) {
      console.error(`[start] could not stop ${name}: ${error.message}`);
      allStopped = false;
    }
  }
  return allStopped;
}

/** SIGTERM, then SIGKILL after a bound. Resolves to whether it had to be killed. */
async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return false;
  const exited = new Promise((done) => server.once("exit", done));
  server.kill("SIGTERM");
  let killed = false;
  const timer = setTimeout(() => {
    console.error(`[start] the server did not exit within ${serverStopTimeoutMs} ms; killing it`);
    killed = true;
    server.kill("SIGKILL");
  }, serverStopTimeoutMs);
  await exited;
  clearTimeout(timer);
  return killed;
}

/** `node scripts/start.mjs -- --flag` passes "--" through; `npm start -- --flag` does not. */
function withoutLeadingDashDash(args) {
  return args[0] === "--" ? args.slice(1) : args;
}

main().catch((error) => {
  console.error(error instanceof SetupError ? `[start] ${error.message}` : error);
  process.exit(1);
});
