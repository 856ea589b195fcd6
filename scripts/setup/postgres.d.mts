// Types for TypeScript callers (test/utils/global-setup.ts, tests); the implementation is
// plain JavaScript because it runs before `npm install`.

export interface PostgresHandle {
  /**
   * postgresql:///jingpin?host=<socket folder>&user=postgres for the private server, or
   * DATABASE_URL as given.
   */
  url: string;
  /** Fast shutdown of the spawned server (SIGKILL after 30 s); a no-op for DATABASE_URL. */
  stop(): Promise<void>;
}

export interface SpawnedPostgres extends PostgresHandle {
  /** The real cluster folder: <dataDir>/postgres, or where that symlink points. */
  clusterDir: string;
  /** The server's own binaries (postgres, psql, pg_dump…), of the cluster's version. */
  bindir: string;
}

export interface PostgresOptions {
  /** The cluster lives in <dataDir>/postgres (or where that symlink points). */
  dataDir: string;
}

export function startPostgres(options: PostgresOptions): Promise<PostgresHandle>;
export function spawnPostgres(options: PostgresOptions): Promise<SpawnedPostgres>;
/** Resolves to the server's major version once it accepts the URL's credentials (15+). */
export function pingPostgres(url: string, timeoutMs?: number): Promise<number>;
/** The URL with its password masked, for a log line. */
export function withoutPassword(url: string): string;
/** libpq arguments for a client program: the URL without its password, which goes to env. */
export function libpqTarget(url: string): { url: string; env: { PGPASSWORD?: string } };
