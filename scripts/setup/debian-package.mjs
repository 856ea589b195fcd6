import { spawnSync } from "node:child_process";
import { findServerBindir } from "./postgres-cluster.mjs";
import { findOnPath, log, run, SetupError } from "./shell.mjs";

/** Server storage. Without root, REDIS_URL pointing at an existing Redis is the way out. */
export const REDIS_SERVER = {
  binary: "redis-server",
  pkg: "redis-server",
  purpose: "stores the live session",
  alternative: "or set REDIS_URL=redis://HOST:PORT to use an existing Redis 7",
};

/**
 * The records' store. Debian's package puts the server in /usr/lib/postgresql/N/bin, off
 * PATH. Its set-up may also make and start a cluster of its own (N/main on localhost:5432):
 * the project's private server is another one and leaves that alone.
 */
export const POSTGRESQL = {
  pkg: "postgresql",
  purpose: "stores the records",
  alternative: "or set DATABASE_URL=postgresql://… to use an existing PostgreSQL 15+",
  isPresent: () => findServerBindir() !== null,
};

/** Browser tests drive Debian's chromium through playwright-core; no browser is downloaded. */
export const CHROMIUM = { binary: "chromium", pkg: "chromium", purpose: "browser tests" };

/** Without a CJK font, Chinese renders as boxes in browser tests and screenshots. */
export const CJK_FONTS = {
  pkg: "fonts-noto-cjk",
  purpose: "Chinese text in browser tests and screenshots",
  isPresent: hasChineseFont,
};

function hasChineseFont() {
  if (findOnPath("fc-list")) {
    const result = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
    return result.status === 0 && result.stdout.trim() !== "";
  }
  // fontconfig's CLI is not a dependency of the fonts (Chromium only needs the library),
  // so without fc-list ask dpkg; otherwise a fresh install would never count as present.
  const result = spawnSync("dpkg-query", ["-s", "fonts-noto-cjk"], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("Status: install ok installed");
}

let aptUpdated = false;

/**
 * Makes sure a Debian package is installed: installs it with apt-get when running as root,
 * otherwise throws a SetupError naming the exact command to run.
 */
export async function ensureDebianPackage({ binary, pkg, purpose, alternative, isPresent }) {
  const present = isPresent ?? (() => findOnPath(binary) !== null);
  if (present()) return;

  const install = `apt-get install -y --no-install-recommends ${pkg}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !findOnPath("apt-get")) {
    const how = isRoot ? `install the package ${pkg}` : `run: sudo ${install}`;
    const orElse = alternative ? `, ${alternative}` : "";
    throw new SetupError(`${pkg} is missing (${purpose}). Please ${how}${orElse}.`);
  }

  log(`installing ${pkg} (${purpose})…`);
  if (!aptUpdated) {
    if ((await run("apt-get", ["update"])) !== 0) throw new SetupError("apt-get update failed");
    aptUpdated = true;
  }
  const code = await run("apt-get", install.split(" ").slice(1), {
    env: { DEBIAN_FRONTEND: "noninteractive" },
  });
  if (code !== 0 || !present()) {
    throw new SetupError(
      `could not install ${pkg}; try: DEBIAN_FRONTEND=noninteractive ${install}`,
    );
  }
  log(`${pkg} installed`);
}
