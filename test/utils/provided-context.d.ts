// Values test/utils/global-setup.ts hands to tests through `inject(...)`.
export {}; // a module, so the block below augments vitest instead of replacing it

declare module "vitest" {
  export interface ProvidedContext {
    /** A Redis reserved for this test run: a private redis-server, or REDIS_URL. */
    redisUrl: string;
    /**
     * Unique to this run and project, e.g. "jingpin-test:1a2b3c4d:". Factories append a
     * per-test part, so concurrent runs can share one REDIS_URL without touching each
     * other's keys; keys under it are deleted after the run.
     */
    redisKeyPrefix: string;
    /**
     * A PostgreSQL server reserved for this test run: a private postgres in a throw-away
     * folder, or DATABASE_URL. Tests make their own databases on it (test-database.ts).
     */
    databaseUrl: string;
    /**
     * Unique to this run and project, e.g. "jingpin_test_1a2b3c4d_": the start of every
     * test database's name; those left behind are dropped after the run.
     */
    testDatabasePrefix: string;
  }
}
