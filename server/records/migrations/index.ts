import type { Migration } from "kysely";
import * as m0001 from "./0001_records.ts";
import * as m0002 from "./0002_before_session.ts";
import * as m0003 from "./0003_draws.ts";

/**
 * Every migration file of this folder, by name: applied in name order and recorded in the
 * database. Listed by import rather than read from the folder, so the same code runs under
 * tsx, Vitest and a bundler (test/unit/migrations.test.ts checks that none is left out and
 * that no landed one was edited).
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_records": m0001,
  "0002_before_session": m0002,
  "0003_draws": m0003,
};
