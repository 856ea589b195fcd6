// The files of a backup folder, written by backup.mjs and read by restore.mjs:
//   records.pgdump  pg_dump's custom format of the database
//   live.redis      one JSON line per Redis key: {"key","pttl","dump"}, key and DUMP payload
//                   in base64 (binary-safe); pttl in ms, -1 for a key that never expires
//   manifest.json   written last: what the backup holds and the SHA-256 of both files
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SetupError } from "../setup/shell.mjs";

export const RECORDS_FILE = "records.pgdump";
export const LIVE_FILE = "live.redis";
export const MANIFEST_FILE = "manifest.json";
export const FORMAT = 1;

export async function sha256OfFile(path) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}

/** Reads DIR's manifest and refuses unless both files are there with their checksums. */
export async function readVerifiedManifest(dir) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    throw new SetupError(`${join(dir, MANIFEST_FILE)} cannot be read: ${error.message}`);
  }
  if (manifest.format !== FORMAT) {
    throw new SetupError(`unknown backup format ${manifest.format} (this version reads ${FORMAT})`);
  }
  for (const name of [RECORDS_FILE, LIVE_FILE]) {
    const expected = manifest.files?.[name]?.sha256;
    const actual = await sha256OfFile(join(dir, name)).catch(() => "missing");
    if (actual !== expected) {
      throw new SetupError(
        `${name} does not match the manifest (SHA-256 ${actual}); nothing was restored`,
      );
    }
  }
  return manifest;
}

/** Runs a PostgreSQL client program; rejects with its stderr. */
export function runTool(path, args, env = {}) {
  return new Promise((resolve, reject) => {
    const options = { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 16 << 20 };
    execFile(path, args, options, (error, stdout, stderr) => {
      if (error) reject(new SetupError(`${path} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}
