import { chmod, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throw-away data folder for a private Redis or PostgreSQL, removed by the caller. Mode
 * 0755 instead of mkdtemp's 0700: run as root, PostgreSQL runs as the `postgres` user, who
 * must enter it to keep the cluster there (else the cluster goes to /var/lib/jingpin).
 */
export async function scratchDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}
