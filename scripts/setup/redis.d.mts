// Types for TypeScript callers (test/utils/global-setup.ts); the implementation is plain
// JavaScript because it runs before `npm install`.

export interface RedisHandle {
  /** redis://127.0.0.1:PORT, or REDIS_URL as given. */
  url: string;
  /** Shuts the spawned redis-server down (AOF fsynced); a no-op for REDIS_URL. */
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** Data lives in <dataDir>/redis. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
}

export function startRedis(options: RedisOptions): Promise<RedisHandle>;
export function spawnRedis(options: RedisOptions): Promise<RedisHandle>;
export function pingRedis(url: string, timeoutMs?: number): Promise<void>;
