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
}

export interface PostgresOptions {
  /** The cluster lives in <dataDir>/postgres (or where that symlink points). */
  dataDir: string;
}

export function startPostgres(options: PostgresOptions): Promise<PostgresHandle>;
export function spawnPostgres(options: PostgresOptions): Promise<SpawnedPostgres>;
export function pingPostgres(url: string, timeoutMs?: number): Promise<void>;
export function withoutPassword(url: string): string;
