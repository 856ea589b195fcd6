// The private PostgreSQL of `npm start` and the tests. Only node: builtins: this runs
// before `npm install` (pingPostgres loads `pg`, and is called only after it).
import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  clusterFolder,
  clusterMajor,
  minimumMajor,
  serverBindir,
  serverUser,
  socketFolder,
} from "./postgres-cluster.mjs";
import { log, logTail, SetupError } from "./shell.mjs";

const startTimeoutMs = 60_000; // after a kill the server replays its write-ahead log first
const stopTimeoutMs = 30_000;
const superuser = "postgres";
const databaseName = "jingpin";

/** Uses DATABASE_URL when set (after checking it answers), else spawns a private server. */
export async function startPostgres({ dataDir }) {
  const url = process.env.DATABASE_URL;
  if (!url) return spawnPostgres({ dataDir });
  await pingPostgres(url);
  log("using the PostgreSQL at DATABASE_URL");
  return { url, stop: async () => {} };
}

/**
 * Spawns postgres on a cluster in <dataDir>/postgres (made on the first start), listening
 * on a Unix socket only, and makes the database `jingpin` if it is missing.
 */
export async function spawnPostgres({ dataDir }) {
  const user = serverUser();
  const clusterDir = clusterFolder(dataDir, user);
  const pgdata = join(clusterDir, "pgdata");
  const logFile = join(clusterDir, "postgres.log");
  const bindir = serverBindir(clusterMajor(pgdata));
  if (clusterMajor(pgdata) === undefined) await initCluster({ bindir, clusterDir, user, logFile });

  const socketDir = socketFolder(clusterDir, user);
  const server = await launch({ bindir, clusterDir, socketDir, user, logFile });
  try {
    await ensureDatabase(bindir, socketDir);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: socketUrl(socketDir, databaseName), stop: server.stop, clusterDir, bindir };
}

/**
 * libpq's URL for a Unix socket, as psql, pg_dump and node-postgres read it. The host is a
 * parameter, not the authority, so that `new URL()` parses it too.
 */
function socketUrl(socketDir, database) {
  const host = encodeURIComponent(socketDir).replaceAll("%2F", "/");
  return `postgresql:///${database}?host=${host}&user=${superuser}`;
}

/** initdb into a staging folder renamed when done: a first start cut short leaves no half cluster. */
async function initCluster({ bindir, clusterDir, user, logFile }) {
  const pgdata = join(clusterDir, "pgdata");
  if (existsSync(pgdata)) {
    throw new SetupError(`${pgdata} holds no PostgreSQL cluster (no PG_VERSION); move it away`);
  }
  const staging = join(clusterDir, "pgdata.initdb");
  rmSync(staging, { recursive: true, force: true });
  log(`creating a PostgreSQL cluster in ${pgdata}`);
  // Collation C: byte order, which no operating-system upgrade changes under an index;
  // character classes from C.UTF-8, so upper() and ILIKE know letters beyond ASCII.
  const args = ["-D", staging, "-U", superuser, "--auth=trust", "--encoding=UTF8"];
  args.push("--locale=C.UTF-8", "--lc-collate=C");
  const code = await new Promise((resolve) => {
    const child = spawnAs(user, join(bindir, "initdb"), args, { cwd: clusterDir, logFile });
    child.once("error", () => resolve(127));
    child.once("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    throw new SetupError(
      `initdb failed (exit ${code}). Last lines of ${logFile}:\n${logTail(logFile)}`,
    );
  }
  renameSync(staging, pgdata);
}

/** Spawns a command as `user` (null: as ourselves) with its output appended to logFile. */
function spawnAs(user, command, args, { cwd, logFile, detached = false }) {
  const out = openSync(logFile, "a", 0o600); // errors quote statements, with their data
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  // cwd inside the cluster folder: the server user may not be able to enter ours.
  const child = spawn(command, args, { cwd, stdio: ["ignore", out, out], detached, ...ids });
  closeSync(out); // the child has its own copy
  return child;
}

async function launch({ bindir, clusterDir, socketDir, user, logFile }) {
  const pgdata = join(clusterDir, "pgdata");
  const args = ["-D", pgdata, "-k", socketDir, "-c", "listen_addresses="];
  args.push("-c", "unix_socket_permissions=0700");
  // Own process group: a Ctrl-C in the terminal must not reach PostgreSQL before the
  // server has shut down; the caller stops it last, through stop().
  const child = spawnAs(user, join(bindir, "postgres"), args, {
    cwd: clusterDir,
    logFile,
    detached: true,
  });
  // SIGQUIT is an immediate shutdown: the postmaster ends its backends before it exits,
  // where a SIGKILL would leave them to notice on their own.
  const killOnExit = () => child.kill("SIGQUIT");
  process.once("exit", killOnExit);
  const exited = new Promise((resolve) => child.once("exit", resolve));

  const failure = (reason) =>
    new SetupError(
      `postgres did not start (${reason}).${otherPostmaster(pgdata, child.pid)} Last lines of ${logFile}:\n${logTail(logFile)}`,
    );
  const spawnError = new Promise((_, reject) =>
    child.once("error", (e) => reject(failure(e.message))),
  );
  const earlyExit = exited.then((code) => Promise.reject(failure(`exited with code ${code}`)));
  try {
    await Promise.race([waitUntilReady(pgdata, child.pid), spawnError, earlyExit]);
  } catch (error) {
    child.kill("SIGKILL");
    process.removeListener("exit", killOnExit);
    throw error;
  }

  let stopping;
  const stop = () => {
    // SIGINT is PostgreSQL's fast shutdown: it ends the sessions, checkpoints and exits.
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener("exit", killOnExit);
    })();
    return stopping;
  };
  return { stop };
}

/**
 * Polls postmaster.pid, as `pg_ctl -w` does: ready once its first line is our child's pid
 * and its status line says "ready" (so an older postmaster on the same cluster never counts).
 */
async function waitUntilReady(pgdata, pid) {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    const lines = readPidFile(pgdata);
    if (lines?.[0] === String(pid) && lines[7]?.trim() === "ready") return;
    if (Date.now() > deadline) throw new SetupError(`not ready within ${startTimeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function readPidFile(pgdata) {
  try {
    return readFileSync(join(pgdata, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
}

/** A hint when another postmaster holds the cluster (a running or a killed `npm start`'s). */
function otherPostmaster(pgdata, ownPid) {
  const pid = Number(readPidFile(pgdata)?.[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === ownPid) return "";
  try {
    process.kill(pid, 0);
  } catch {
    return ""; // not running: a stale file, which postgres itself ignores
  }
  return ` Another postgres (PID ${pid}) runs on this cluster: that of an \`npm start\`, or one a killed run left behind (stop it with: kill -INT ${pid}).`;
}

/** Makes the database `jingpin` when the cluster does not have it yet. */
async function ensureDatabase(bindir, socketDir) {
  const maintenance = socketUrl(socketDir, "postgres");
  const found = await psql(
    bindir,
    maintenance,
    `select 1 from pg_database where datname = '${databaseName}'`,
  );
  if (found === "1") return;
  await psql(bindir, maintenance, `create database ${databaseName}`);
  log(`created the database ${databaseName}`);
}

/** Runs one statement with the server's own psql; resolves to its unaligned output. */
function psql(bindir, url, sql) {
  const args = ["-X", "-w", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql];
  return new Promise((resolve, reject) => {
    execFile(join(bindir, "psql"), args, { encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(new SetupError(`psql failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/**
 * Resolves to the major version of the PostgreSQL at url once it accepts our credentials;
 * refuses a server older than 15.
 * Through node-postgres, exactly as the server will connect (TLS and passwords included),
 * so it needs no client tools beside a managed server; hence only after `npm install`.
 */
export async function pingPostgres(url, timeoutMs = 5_000) {
  let pg;
  try {
    ({ default: pg } = await import("pg"));
  } catch {
    throw new SetupError("the npm package pg is missing: run npm ci");
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {}); // a dropped connection fails the query below instead
  try {
    await client.connect();
    const { rows } = await client.query("select current_setting('server_version_num')::int as v");
    const major = Math.floor(rows[0].v / 10_000);
    if (major < minimumMajor) {
      throw new SetupError(`is version ${major}; ${minimumMajor} or newer is needed`);
    }
    return major;
  } catch (error) {
    throw new SetupError(`PostgreSQL at ${withoutPassword(url)} ${describe(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function describe(error) {
  return error instanceof SetupError ? error.message : `is not usable: ${error.message}`;
}

/** The URL fit for a log line: the password, in the authority or as a parameter, masked. */
export function withoutPassword(url) {
  return url.replace(/(\/\/[^:/@]*):[^@/]*@/, "$1:***@").replace(/([?&]password=)[^&]*/, "$1***");
}

/**
 * libpq arguments for url with its password moved to PGPASSWORD, so that it does not show
 * in the process list.
 */
export function libpqTarget(url) {
  let password;
  const withoutSecret = url
    .replace(/^(postgres(?:ql)?:\/\/[^:/@?#]*):([^@/?#]*)@/, (_, user, secret) => {
      password = decodeURIComponent(secret);
      return `${user}@`;
    })
    .replace(/([?&])password=([^&#]*)&?/, (_, separator, secret) => {
      password = decodeURIComponent(secret);
      return separator;
    })
    .replace(/[?&]$/, "");
  return { url: withoutSecret, env: password === undefined ? {} : { PGPASSWORD: password } };
}
