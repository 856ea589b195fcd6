import { existsSync } from "node:fs";
import { join } from "node:path";
import { localBin, log, repoRoot, run } from "./shell.mjs";

const config = "client/vite.config.ts";

/** Builds the Svelte client into dist/. Resolves to "passed", "failed" or "skipped". */
export async function buildClient() {
  if (!existsSync(join(repoRoot, config))) {
    log(`warning: ${config} does not exist yet; skipping the client build`);
    return "skipped";
  }
  log("building the client…");
  const code = await run(localBin("vite"), ["build", "--config", config]);
  return code === 0 ? "passed" : "failed";
}
