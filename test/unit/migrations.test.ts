import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../server/records/migrations/index.ts";

const folder = new URL("../../server/records/migrations/", import.meta.url);

/**
 * The SHA-256 of every landed migration, as it landed. A database that applied one never
 * applies it again, so an edit would make new databases differ from old ones without
 * either noticing: a change is a new migration, and a new migration adds its line here.
 */
const LANDED: Record<string, string> = {
  "0001_records": "1d5a58d06c7ffd988c81f0a0a76bc0fa3df0c789c0bcc8c95fe3d65c4c2be142",
  "0002_before_session": "a52ddb99425a9c047e78e5d70e9f54125866cbe71ac279ca51cda913d96a07b4",
  "0003_draws": "18ad269435ae3be82aeb0805cf3163085a30f97ed5b3caa9cc29e880f4ced5fb",
};

const sha256 = (name: string) =>
  createHash("sha256")
    .update(readFileSync(new URL(`${name}.ts`, folder), "utf8").replace(/\r\n/g, "\n"))
    .digest("hex");

describe("records migrations", () => {
  it("lists every migration file of the folder, in name order", () => {
    const files = readdirSync(folder)
      .filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
    expect(Object.keys(LANDED).sort()).toEqual(files);
  });

  it("no landed migration was edited", () => {
    for (const [name, sum] of Object.entries(LANDED)) expect(sha256(name), name).toBe(sum);
  });
});
