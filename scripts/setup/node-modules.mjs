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

  const args = hasLock ? ["ci"] : ["install"];
  log(`installing dependencies (npm ${args[0]})…`);
  const code = await run("npm", args);
  if (code !== 0) throw new SetupError(`npm ${args[0]} failed with exit code ${code}`);
  log("dependencies installed");
}
