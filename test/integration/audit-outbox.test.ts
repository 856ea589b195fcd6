import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { type AuditStore, createAuditStore } from "../../server/platform/audit-store.ts";
import { redisKeys } from "../../server/platform/keys.ts";
import { type AuditWrite, defineAuditedScript } from "../../server/platform/lua.ts";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { deleteByPrefix } from "../utils/test-app.ts";

// The conformance suite of server/platform/audit-store.ts: the outbox in the real Redis, the
// trail in the real PostgreSQL, two nodes draining at once.

const prefix = `${inject("redisKeyPrefix")}outbox-${randomBytes(3).toString("hex")}:`;
const keys = redisKeys(prefix);
const organizer = { role: "organizer" } as const;

let db: Db;
let records: AuditRecords;
/** Two nodes: each its own Redis connection and its own store over the same records. */
let nodes: { redis: Redis; audit: AuditStore; act: (w: AuditWrite) => Promise<unknown> }[];
let roundId: string;

beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  records = createAuditRecords(db);
  // A live action: the audited script appends its entry in the same step as the action.
  const file = join(await mkdtemp(join(tmpdir(), "jingpin-outbox-")), "action.lua");
  writeFileSync(file, "return 'ok'");
  nodes = [0, 1].map(() => {
    const redis = new Redis(inject("redisUrl"));
    const script = defineAuditedScript(redis, "outbox_probe", pathToFileURL(file));
    return {
      redis,
      audit: createAuditStore(redis, keys, records),
      act: (w: AuditWrite) => script([], [], w),
    };
  });
});
beforeEach(() => {
  roundId = `r${randomBytes(4).toString("hex")}`;
});
afterAll(async () => {
  const first = nodes[0];
  if (first) await deleteByPrefix(first.redis, prefix);
  await Promise.all(nodes.map((n) => n.redis.quit()));
  await db.destroy();
});

const node = (i: 0 | 1) => {
  const n = nodes[i];
  if (!n) throw new Error("no such node");
  return n;
};

/** Runs n audited actions on node A, one after another; resolves to their entries' texts. */
async function act(n: number, note = "x"): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = node(0).audit.write(organizer, roundId, "session:goto", { subject: `C${i}`, note });
    await node(0).act(w);
    texts.push(w.entry);
  }
  return texts;
}

const outbox = () => node(0).redis.lrange(keys.audit(roundId), 0, -1);
const stored = async () => (await records.list(roundId)).map((e) => e.body);

describe("the audit outbox", () => {
  it("drain moves the outbox into the records in order, and a second drain moves nothing", async () => {
    const texts = await act(5);
    expect(await node(0).audit.drain(roundId)).toBe(5);
    expect(await stored()).toEqual(texts);
    expect(await outbox()).toEqual([]);
    expect(await node(1).audit.drain(roundId)).toBe(0);
    expect(await stored()).toEqual(texts);
    expect(await records.verify()).toMatchObject({ ok: true });
  });

  it("an outbox with entries is on the set every node drains until a drain empties it", async () => {
    const pending = () => node(1).audit.pending();
    await act(2);
    expect(await pending()).toContain(roundId);
    await node(1).audit.drain(roundId);
    expect(await pending()).not.toContain(roundId);
    await act(1);
    expect(await pending()).toContain(roundId);
    // A drain that finds the entries gone (another node moved them) still clears the mark.
    await records.append(
      (await outbox()).map((body) => {
        const e = JSON.parse(body) as { id: string; at: string };
        return { entryId: e.id, roundId, at: e.at, body };
      }),
    );
    await node(0).redis.del(keys.audit(roundId));
    expect(await node(0).audit.drain(roundId)).toBe(0);
    expect(await pending()).not.toContain(roundId);
  });

  it("a node that stored the entries and died before the trim: the next drain stores none twice", async () => {
    const texts = await act(3);
    // The first half of a drain, as a node that died right after it left it.
    const raw = await outbox();
    await records.append(
      raw.slice(0, 2).map((body) => {
        const e = JSON.parse(body) as { id: string; at: string };
        return { entryId: e.id, roundId, at: e.at, body };
      }),
    );
    expect(await outbox()).toHaveLength(3);
    await node(1).audit.drain(roundId);
    expect(await stored()).toEqual(texts);
    expect(await outbox()).toEqual([]);
    expect(await records.verify()).toMatchObject({ ok: true });
  });

  it("an entry of a version before the records (no id) drained twice is stored once", async () => {
    const old = canonicalJson({
      at: "2026-05-20T02:00:00.000Z",
      role: "chair",
      action: "scoring:open",
      subject: "C1",
      note: null,
    });
    await node(0).redis.rpush(keys.audit(roundId), old, old);
    await Promise.all([node(0).audit.drain(roundId), node(1).audit.drain(roundId)]);
    await node(0).redis.rpush(keys.audit(roundId), old);
    await node(1).audit.drain(roundId);
    const trail = await records.list(roundId);
    expect(trail).toHaveLength(1);
    expect(JSON.parse(trail[0]?.body ?? "{}")).toMatchObject({ round: roundId, subject: "C1" });
    expect(await records.verify()).toMatchObject({ ok: true });
  });

  it("two nodes draining while fifty actions append: every entry stored once, in order", async () => {
    let acting = true;
    const drainer = async (i: 0 | 1) => {
      let rounds = 0;
      while (acting || rounds === 0) {
        await node(i).audit.drain(roundId);
        rounds++;
      }
      return rounds;
    };
    const [texts, a, b] = await Promise.all([
      act(50).finally(() => {
        acting = false;
      }),
      drainer(0),
      drainer(1),
    ]);
    // Both nodes really drained while the actions went on.
    expect(a).toBeGreaterThan(1);
    expect(b).toBeGreaterThan(1);
    await node(0).audit.drain(roundId);
    expect(await stored()).toEqual(texts);
    expect(await outbox()).toEqual([]);
    expect(await records.verify()).toMatchObject({ ok: true });
  });

  it("two nodes draining an outbox of several batches at once", async () => {
    const texts: string[] = [];
    const pipe = node(0).redis.pipeline();
    for (let i = 0; i < 1234; i++) {
      const w = node(0).audit.write(organizer, roundId, "cards:print", { note: String(i) });
      texts.push(w.entry);
      pipe.rpush(w.key, w.entry);
    }
    await pipe.exec();
    const [a, b] = await Promise.all([node(0).audit.drain(roundId), node(1).audit.drain(roundId)]);
    expect(a + b).toBeGreaterThanOrEqual(1234);
    expect(await stored()).toEqual(texts);
    expect(await outbox()).toEqual([]);
  });

  it("list shows what the records hold and what is still in the outbox, in time order", async () => {
    const first = await act(2, "stored");
    await node(0).audit.drain(roundId);
    const pending = await act(2, "pending");
    const listed = await node(1).audit.list(roundId);
    expect(listed.map((e) => e.note)).toEqual(["stored", "stored", "pending", "pending"]);
    expect(listed.map((e) => e.subject)).toEqual(["C0", "C1", "C0", "C1"]);
    expect(first.length + pending.length).toBe(4);
  });
});
