import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { log, repoRoot, run, SetupError } from "./shell.mjs";

const lockPath = join(repoRoot, "package-lock.json");
// npm writes this on every install: what is actually in node_modules, package by package.
const installedPath = join(repoRoot, "node_modules", ".package-lock.json");

/**
 * Installs dependencies with `npm ci` when node_modules does not hold what the lockfile
 * names. There is no `npm install` fallback: a lockfile `npm ci` refuses is a defect of the
 * repository (see lockfileStep in scripts/test.mjs), and papering over it here hid one.
 */
export async function ensureNodeModules() {
  if (!existsSync(lockPath)) {
    throw new SetupError("package-lock.json is missing: run `npm install` once and commit it");
  }
  if (!existsSync(installedPath)) return clean("node_modules is missing");
  const mismatch = firstMismatch(readPackages(lockPath), readPackages(installedPath));
  if (mismatch) return clean(mismatch);
}

/**
 * Compares by content, not by mtime: a lockfile that only gains other platforms' optional
 * packages (Biome's per-OS binaries) needs no reinstall here, and a fresh checkout's mtimes
 * say nothing about what is installed.
 */
function firstMismatch(locked, installed) {
  for (const [path, entry] of Object.entries(locked)) {
    if (path === "") continue;
    const have = installed[path];
    // Optional packages for another OS or CPU are never installed; that is not staleness.
    if (!have) {
      if (entry.optional || entry.devOptional) continue;
      return `${path} is not installed`;
    }
    if (have.version !== entry.version)
      return `${path} is ${have.version}, locked ${entry.version}`;
  }
  for (const path of Object.keys(installed)) {
    if (!(path in locked)) return `${path} is installed but not in package-lock.json`;
  }
  return null;
}

function readPackages(file) {
  return JSON.parse(readFileSync(file, "utf8")).packages ?? {};
}

async function clean(reason) {
  log(`installing dependencies (npm ci): ${reason}`);
  const code = await run("npm", ["ci"]);
  if (code !== 0) throw new SetupError(`npm ci failed with exit code ${code}`);
  log("dependencies installed");
}

/**
 * `npm ci --dry-run`: does the lockfile agree with package.json, for every platform? It
 * changes nothing on disk and needs no network. Resolves to the exit code and npm's output.
 */
export function checkLockfile() {
  return new Promise((resolve) => {
    const child = spawn("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit"], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ code: 127, output: error.message }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
