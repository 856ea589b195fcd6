// Process helpers for the bootstrap. Only node: builtins: this runs before `npm install`.
import { spawn } from "node:child_process";
import { accessSync, constants, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** An expected set-up failure: the scripts print only its message (no stack) and exit 1. */
export class SetupError extends Error {
  name = "SetupError";
}

export function log(message) {
  console.log(`[setup] ${message}`);
}

/** Absolute path of an executable on PATH, or null. */
export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/**
 * Binary installed by npm in node_modules/.bin. Spawned directly rather than through `npx`
 * so that a missing tool fails at once instead of npx trying to fetch it from the registry.
 */
export function localBin(name) {
  return join(repoRoot, "node_modules", ".bin", name);
}

/** Runs a command with inherited stdio; resolves to its exit code (1 if killed by a signal). */
export function run(command, args, { env, cwd = repoRoot } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`[setup] could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** The last lines of a server's log file, for a message saying why it did not start. */
export function logTail(file, lines = 15) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}
