// `npm test`: set up like `npm start`, then lint, type-check, build and run every Vitest
// project, continuing after a failure. The last line is always "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { buildClient } from "./setup/client-build.mjs";
import {
  CHROMIUM,
  CJK_FONTS,
  ensureDebianPackage,
  POSTGRESQL,
  REDIS_SERVER,
} from "./setup/debian-package.mjs";
import { checkLockfile, ensureNodeModules } from "./setup/node-modules.mjs";
import { findOnPath, localBin, repoRoot, run, SetupError } from "./setup/shell.mjs";

const vitestReport = join(repoRoot, "test-artifacts", "vitest.json");

/** @type {{ name: string, status: "passed" | "failed" | "skipped", note?: string }[]} */
const steps = [];
const totals = { passed: 0, failed: 0 };

async function main() {
  const vitestArgs = process.argv[2] === "--" ? process.argv.slice(3) : process.argv.slice(2);
  try {
    await ensureNodeModules();
    // Tests start their own redis-server and postgres (test/utils/global-setup.ts) unless
    // REDIS_URL or DATABASE_URL is set.
    if (!process.env.REDIS_URL) await ensureDebianPackage(REDIS_SERVER);
    if (!process.env.DATABASE_URL) await ensureDebianPackage(POSTGRESQL);
    await ensureDebianPackage(CHROMIUM);
    await ensureDebianPackage(CJK_FONTS);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`[test] ${error.message}`);
    return finish([{ name: "set-up", status: "failed", note: error.message }], 0, 1);
  }
  await lockfileStep();
  // Browser tests launch this binary through playwright-core.
  process.env.CHROMIUM_PATH ||= findOnPath("chromium") ?? "";

  await staticStep("biome check", () => run(localBin("biome"), ["check", "."]));
  await staticStep("tsc", () => run(localBin("tsc"), ["-p", "tsconfig.json"]));
  // shared/ once more without Node's or the DOM's globals: it must run in both.
  await staticStep("tsc shared/", () => run(localBin("tsc"), ["-p", "shared/tsconfig.json"]));
  if (existsSync(join(repoRoot, "client", "tsconfig.json"))) {
    const args = ["--tsconfig", "./client/tsconfig.json", "--fail-on-warnings"];
    await staticStep("svelte-check", () => run(localBin("svelte-check"), args));
  } else {
    steps.push({ name: "svelte-check", status: "skipped", note: "no client/tsconfig.json" });
  }
  await staticStep("client build", async () => {
    const status = await buildClient();
    return status === "skipped" ? "skipped" : status === "passed" ? 0 : 1;
  });
  const testsRan = await vitestStep(vitestArgs);
  finish(steps, totals.passed, totals.failed, testsRan);
}

/**
 * A fresh clone installs with `npm ci`, which refuses a lockfile out of step with
 * package.json on any platform (e.g. without Biome's binaries for other systems) even when
 * node_modules here is complete. Counted as a set-up step: 1 passed or 1 failed.
 */
function lockfileStep() {
  const hint = "regenerate package-lock.json, see docs/operations.md";
  return staticStep(
    "set-up: npm ci --dry-run",
    async () => {
      const { code, output } = await checkLockfile();
      if (code !== 0) process.stderr.write(output);
      return code;
    },
    hint,
  );
}

/**
 * A step that is not a test suite counts as one test: 1 passed or 1 failed. `hint` says
 * what to do when it fails.
 */
async function staticStep(name, action, hint) {
  console.log(`\n[test] ── ${name} ──`);
  const code = await action();
  if (code === "skipped") {
    steps.push({ name, status: "skipped", note: "not set up yet" });
    return;
  }
  const passed = code === 0;
  const note = passed ? "" : hint ? `exit ${code}: ${hint}` : `exit ${code}`;
  steps.push({ name, status: passed ? "passed" : "failed", note });
  totals[passed ? "passed" : "failed"] += 1;
}

/** Counts Vitest's own tests from its JSON report; a crash without a report is 1 failure. */
async function vitestStep(extraArgs) {
  console.log("\n[test] ── vitest ──");
  mkdirSync(join(repoRoot, "test-artifacts"), { recursive: true });
  rmSync(vitestReport, { force: true }); // never count a stale report
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`];
  const code = await run(localBin("vitest"), [...args, ...extraArgs]);

  let report;
  try {
    report = JSON.parse(readFileSync(vitestReport, "utf8"));
  } catch {
    steps.push({ name: "vitest", status: "failed", note: `exit ${code}, no JSON report` });
    totals.failed += 1;
    return false;
  }
  const { numPassedTests: passed, numFailedTests: failed } = report;
  const skipped = report.numPendingTests + report.numTodoTests;
  totals.passed += passed;
  totals.failed += failed;
  let note = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  // Errors outside any test (a file that does not load, an unhandled rejection) fail the
  // run without failing a test; count them so they cannot hide behind a green total.
  if (code !== 0 && failed === 0) {
    totals.failed += 1;
    note += `; exit ${code} without a failed test, see the output above`;
  }
  const ok = code === 0 && failed === 0;
  steps.push({ name: "vitest", status: ok ? "passed" : "failed", note });
  return passed + failed > 0;
}

function finish(summary, passed, failed, testsRan = false) {
  console.log("\n[test] ── summary ──");
  for (const { name, status, note } of summary) {
    console.log(`  ${status.padEnd(8)}${name}${note ? ` (${note})` : ""}`);
  }
  if (!testsRan) console.log("  no tests ran: that counts as a failed run");
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || !testsRan ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
