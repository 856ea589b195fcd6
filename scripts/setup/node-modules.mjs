import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { log, repoRoot, run, SetupError } from "./shell.mjs";

/**
 * Installs dependencies when node_modules is missing or older than the lockfile. npm writes
 * node_modules/.package-lock.json on every install, so its mtime marks the last install.
 */
export async function ensureNodeModules() {
  const lock = join(repoRoot, "package-lock.json");
  const marker = join(repoRoot, "node_modules", ".package-lock.json");
  const hasLock = existsSync(lock);
  const source = hasLock ? lock : join(repoRoot, "package.json");
  const stale = !existsSync(marker) || statSync(source).mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;

  if (!hasLock) return install(["install"]);
  log("installing dependencies (npm ci)…");
  const ci = await runQuietly("npm", ["ci"]);
  if (ci.code === 0) return log("dependencies installed");
  // npm ci refuses a lockfile without entries for other platforms' optional packages
  // (Biome's per-OS binaries), which happens when the registry in use does not serve them.
  // npm install --no-save installs the locked versions and leaves package-lock.json as is.
  log("npm ci refused the lockfile; trying npm install --no-save");
  const code = await run("npm", ["install", "--no-save"]);
  if (code !== 0) {
    process.stderr.write(ci.output);
    throw new SetupError(`npm ci and npm install --no-save failed (exit ${ci.code}, ${code})`);
  }
  log("dependencies installed");
}

async function install(args) {
  log(`installing dependencies (npm ${args.join(" ")})…`);
  const code = await run("npm", args);
  if (code !== 0) throw new SetupError(`npm ${args.join(" ")} failed with exit code ${code}`);
  log("dependencies installed");
}

/** Runs a command keeping its output, shown only if the fallback fails too. */
function runQuietly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
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
