// Where the private PostgreSQL lives and as whom it runs. Only node: builtins: this runs
// before `npm install`.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { findOnPath, log, SetupError } from "./shell.mjs";

/** The oldest server the records store is written for. */
export const minimumMajor = 15;

/**
 * Clusters the `postgres` user could not keep under their data folder, by a hash of that
 * folder's path. A folder root alone may enter is the usual reason: CI clones into /root/….
 */
const fallbackRoot = "/var/lib/jingpin";

/**
 * The socket is <dir>/.s.PGSQL.5432 and a Unix socket path has 107 bytes at most (Linux
 * sun_path); a folder longer than this holds the socket in /tmp instead.
 */
const maxSocketDirBytes = 90;

const majors = new Map();

/** Major version of a PostgreSQL program (e.g. 15 for "pg_dump (PostgreSQL) 15.18"), or null. */
export function majorOf(bindir, program = "postgres") {
  const path = join(bindir, program);
  if (!majors.has(path)) {
    const result = spawnSync(path, ["--version"], { encoding: "utf8" });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? "");
    majors.set(path, match ? Number(match[1]) : null);
  }
  return majors.get(path);
}

/**
 * The folder of the server binaries (postgres, initdb, pg_dump…): of the given major version
 * when a cluster already exists, else the newest found. Looks at `pg_config --bindir`,
 * Debian's /usr/lib/postgresql/N/bin and PATH; null when there is no server. With
 * program "pg_dump", the same for the client tools alone.
 */
export function findServerBindir(major, program = "postgres") {
  const candidates = [];
  if (findOnPath("pg_config")) {
    const result = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
    if (result.status === 0) candidates.push(result.stdout.trim());
  }
  try {
    const versions = readdirSync("/usr/lib/postgresql").filter((name) => /^\d+$/.test(name));
    for (const version of versions) candidates.push(join("/usr/lib/postgresql", version, "bin"));
  } catch {
    // no Debian packages
  }
  const onPath = findOnPath(program);
  if (onPath) candidates.push(dirname(onPath));

  const found = [...new Set(candidates)]
    .filter((dir) => existsSync(join(dir, program)) && majorOf(dir, program) !== null)
    .sort((a, b) => majorOf(b, program) - majorOf(a, program));
  if (major === undefined) return found[0] ?? null;
  return found.find((dir) => majorOf(dir, program) === major) ?? null;
}

/** The server binaries for a cluster made by `major` (undefined for a new one). */
export function serverBindir(major) {
  const bindir = findServerBindir(major);
  if (bindir && majorOf(bindir) >= minimumMajor) return bindir;
  if (major !== undefined && !bindir) {
    throw new SetupError(
      `the PostgreSQL cluster was made by PostgreSQL ${major}, which is not installed: install postgresql-${major} (or move the cluster to pg_upgrade it)`,
    );
  }
  const found = bindir ? `only PostgreSQL ${majorOf(bindir)} is installed` : "it is not installed";
  throw new SetupError(`PostgreSQL ${minimumMajor} or newer is needed and ${found}`);
}

/**
 * Whom the server runs as: null for the current user, or the `postgres` system user when
 * running as root, because PostgreSQL refuses to run as root. Creates that user if missing.
 */
export function serverUser() {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => {
    const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (uid.status !== 0 || gid.status !== 0) return null;
    return { name: "postgres", uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  const found = lookup();
  if (found) return found;
  log("creating the system user postgres (PostgreSQL refuses to run as root)");
  const args = [
    "--system",
    "--user-group",
    "--no-create-home",
    "--home-dir",
    "/var/lib/postgresql",
  ];
  spawnSync("useradd", [...args, "--shell", "/usr/sbin/nologin", "postgres"], {
    stdio: "inherit",
  });
  const created = lookup();
  if (!created) throw new SetupError("could not create the system user postgres (useradd)");
  return created;
}

/** Whether `user` may enter `dir`: search permission on it and on every folder above it. */
function canEnter(user, dir) {
  if (!user) return true;
  return spawnSync("test", ["-x", dir], { uid: user.uid, gid: user.gid }).status === 0;
}

/** Makes `dir` (and its parents) and gives it to `user` with mode 0700. */
function makePrivateFolder(dir, user) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
}

/**
 * The cluster folder for dataDir, made if missing: <dataDir>/postgres, or the folder that
 * symlink points to. When the server user cannot reach dataDir, the cluster goes to
 * /var/lib/jingpin/<hash of dataDir>/postgres and <dataDir>/postgres becomes a symlink to
 * it; nothing of the user's own folders is opened up.
 */
export function clusterFolder(dataDir, user) {
  mkdirSync(dataDir, { recursive: true });
  const link = join(realpathSync(dataDir), "postgres");
  const entry = lstatSync(link, { throwIfNoEntry: false });
  if (entry?.isSymbolicLink()) {
    const target = resolve(dirname(link), readlinkSync(link));
    if (!existsSync(target)) makePrivateFolder(target, user);
    if (!canEnter(user, target)) {
      throw new SetupError(`${link} points to ${target}, which user ${user.name} cannot enter`);
    }
    return target;
  }
  if (canEnter(user, dirname(link))) {
    const empty = entry?.isDirectory() && readdirSync(link).length === 0;
    if (!entry || empty) makePrivateFolder(link, user);
    else assertOwnedBy(link, user);
    return link;
  }

  const hash = createHash("sha256").update(dirname(link)).digest("hex").slice(0, 12);
  const target = join(fallbackRoot, hash, "postgres");
  if (entry) {
    throw new SetupError(
      `user ${user.name} cannot enter ${dirname(link)}, so ${link} must be a symlink to a cluster folder (e.g. ${target}); move the folder there and link it`,
    );
  }
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  makePrivateFolder(target, user);
  symlinkSync(target, link);
  log(
    `PostgreSQL's cluster is in ${target}, linked from ${link}: the server runs as user ${user.name} (PostgreSQL refuses to run as root), and that user cannot enter ${dirname(link)}`,
  );
  return target;
}

function assertOwnedBy(dir, user) {
  const uid = user?.uid ?? process.getuid?.();
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) {
    const who = user ? `user ${user.name}` : "the current user";
    throw new SetupError(`${dir} must be a folder owned by ${who} (chown -R it, or remove it)`);
  }
}

/**
 * The folder of the server's Unix socket: <clusterDir>/socket, or /tmp/jingpin-pgsock-<hash>
 * when that path is too long for a socket. Mode 0700: only the server user (and root)
 * may connect.
 */
export function socketFolder(clusterDir, user) {
  let dir = join(clusterDir, "socket");
  if (Buffer.byteLength(dir) > maxSocketDirBytes) {
    const hash = createHash("sha256").update(clusterDir).digest("hex").slice(0, 12);
    dir = join("/tmp", `jingpin-pgsock-${hash}`);
  }
  if (existsSync(dir)) assertOwnedBy(dir, user);
  makePrivateFolder(dir, user);
  return dir;
}

/** Major version that made the cluster in pgdata (its PG_VERSION), or undefined if none. */
export function clusterMajor(pgdata) {
  try {
    return Number(readFileSync(join(pgdata, "PG_VERSION"), "utf8").trim());
  } catch {
    return undefined;
  }
}
