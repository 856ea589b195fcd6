import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { connect as tcpConnect } from "node:net";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { freePort } from "./network.mjs";
import { log, logTail, SetupError } from "./shell.mjs";

const startTimeoutMs = 30_000; // loading a large AOF at start-up takes a while
const stopTimeoutMs = 15_000;

/** Uses REDIS_URL when set (after checking it answers), else spawns a private redis-server. */
export async function startRedis({ dataDir, port }) {
  const url = process.env.REDIS_URL;
  if (!url) return spawnRedis({ dataDir, port });
  await pingRedis(url);
  log(`using the Redis at REDIS_URL`);
  return { url, stop: async () => {} };
}

/**
 * Spawns redis-server storing its data in <dataDir>/redis. Every write is fsynced to the
 * append-only file before it is acknowledged, so an accepted ballot survives a power cut.
 */
export async function spawnRedis({ dataDir, port }) {
  const dir = join(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, "redis.log");
  // A port from freePort() can be taken before redis binds it; try again with another.
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    try {
      return await launch({ dir, logFile, port: chosen });
    } catch (error) {
      const portClash = /Address already in use/i.test(String(error.message));
      if (port !== undefined || !portClash || attempt >= 3) throw error;
    }
  }
}

async function launch({ dir, logFile, port }) {
  // redis.conf options as arguments: no config file to keep in sync with this script.
  const args = [
    ...["--bind", "127.0.0.1", "--port", String(port), "--dir", dir],
    ...["--appendonly", "yes", "--appendfsync", "always", "--appenddirname", "appendonly"],
    ...["--save", "", "--daemonize", "no", "--protected-mode", "yes", "--logfile", ""],
  ];
  const out = openSync(logFile, "a");
  // Own process group: a Ctrl-C in the terminal must not reach Redis before the server
  // has shut down; the caller stops it last, through stop().
  const child = spawn("redis-server", args, { stdio: ["ignore", out, out], detached: true });
  closeSync(out); // the child has its own copy
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = `redis://127.0.0.1:${port}`;

  const failure = (reason) =>
    new SetupError(
      `redis-server did not start (${reason}). Last lines of ${logFile}:\n${logTail(logFile)}`,
    );
  const spawnError = new Promise((_, reject) =>
    child.once("error", (e) => reject(failure(e.message))),
  );
  const earlyExit = exited.then((code) => Promise.reject(failure(`exited with code ${code}`)));
  try {
    await Promise.race([waitForOwnRedis(url, child.pid, startTimeoutMs), spawnError, earlyExit]);
  } catch (error) {
    child.kill("SIGKILL");
    process.removeListener("exit", killOnExit);
    throw error;
  }

  let stopping;
  const stop = () => {
    // Redis handles SIGTERM like SHUTDOWN: it fsyncs the AOF and exits.
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener("exit", killOnExit);
    })();
    return stopping;
  };
  return { url, stop };
}

/**
 * Polls until our child answers. INFO's process_id proves it is our redis-server and not
 * another one that already held the port (ours then exits with "Address already in use").
 */
async function waitForOwnRedis(url, pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const reply = await exchange(url, [["PING"], ["INFO", "server"]], (text) =>
        /\+PONG\r\n[\s\S]*process_id:\d+\r\n/.test(text),
      );
      if (reply.includes(`process_id:${pid}\r\n`)) return;
      throw new SetupError("another Redis answers on this port");
    } catch (error) {
      if (Date.now() > deadline) {
        throw new SetupError(`no answer within ${timeoutMs} ms: ${error.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Resolves when the Redis at url (with its password and db, if any) answers PING. */
export async function pingRedis(url, timeoutMs = 3_000) {
  await exchange(url, [["PING"]], (text) => text.includes("+PONG\r\n"), timeoutMs);
}

/** Encodes one command in RESP, the Redis wire protocol. */
function resp(args) {
  const parts = args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  return `*${args.length}\r\n${parts.join("")}`;
}

/**
 * Sends commands (after AUTH and SELECT when the URL carries them) and resolves with the raw
 * reply once isComplete(reply). Raw RESP because ioredis may not be installed yet.
 */
function exchange(url, commands, isComplete, timeoutMs = 3_000) {
  const { protocol, hostname, port, username, password, pathname } = new URL(url);
  const prefix = [];
  if (password) {
    const user = username ? [decodeURIComponent(username)] : [];
    prefix.push(["AUTH", ...user, decodeURIComponent(password)]);
  }
  const db = pathname.slice(1);
  if (db) prefix.push(["SELECT", db]);
  const request = [...prefix, ...commands].map(resp).join("");

  const options = { host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) };
  const tls = protocol === "rediss:";
  return new Promise((resolve, reject) => {
    const socket = tls ? tlsConnect({ ...options, servername: options.host }) : tcpConnect(options);
    let received = "";
    const fail = (message) => {
      socket.destroy();
      reject(new SetupError(`Redis at ${hostname}:${options.port} ${message}`));
    };
    socket.setTimeout(timeoutMs, () => fail("did not answer in time"));
    socket.once(tls ? "secureConnect" : "connect", () => socket.write(request));
    socket.on("data", (chunk) => {
      received += chunk.toString("utf8");
      // Error replies start a line with "-" (e.g. NOAUTH, or LOADING while the AOF loads).
      const error = received.split("\r\n").find((line) => line.startsWith("-"));
      if (error) return fail(`replied ${error.slice(1)}`);
      if (isComplete(received)) {
        socket.end();
        resolve(received);
      }
    });
    socket.on("error", (error) => fail(`is not reachable: ${error.message}`));
    socket.on("close", () => fail("closed the connection"));
  });
}
