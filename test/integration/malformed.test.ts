import type { Redis } from "ioredis";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { redisKeys } from "../../server/platform/keys.ts";
import { ERROR_CODES, type Result } from "../../shared/errors.ts";
import { translateIssue } from "../../shared/i18n/index.ts";
import { type CommandName, commands } from "../../shared/protocol/index.ts";
import { ROLES, type Role } from "../../shared/roles.ts";
import type { RoundFileInput } from "../../shared/round-file.ts";
import {
  type RoleFixture as Fixture,
  seedRoles,
  VALID_PAYLOADS as VALID,
  validPayload,
} from "../utils/command-fixtures.ts";
import { recordsSnapshot } from "../utils/records-snapshot.ts";
import { call, callRaw, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, type TestApp, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const COMMAND_NAMES = Object.keys(commands) as CommandName[];

const rolesOf = (name: CommandName) =>
  ROLES.filter((r) => (commands[name].roles as readonly Role[]).includes(r));

const HUGE = "x".repeat(100_000);
/** Strings no id (nor enum value) may be: Ids are 1–40 ASCII letters, digits, "_" and "-". */
const BAD_STRINGS: Record<string, string> = {
  "41 chars": "a".repeat(41),
  'with "/"': "a/b",
  'with ":"': "a:b",
  "non-ASCII": "候选人",
  "100 kB": HUGE,
};

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const OF_EVERY_KIND: unknown[] = [null, 42, "text", true, [], { nested: 1 }];

/** The arguments sent before the ack; an empty list means "only an ack". */
interface Variant {
  label: string;
  args: unknown[];
}

/**
 * A command's payload fields. A payload may be a union of objects (ballot:submit: scores, or
 * an abstention): its fields are those of every option.
 */
function shapeOf(name: CommandName): Record<string, z.ZodType> {
  const payload: z.ZodType = commands[name].payload;
  const options = payload instanceof z.ZodUnion ? payload.options : [payload];
  return Object.assign({}, ...options.map((o) => (o as z.ZodObject).shape));
}

/** The id maps (scores, choices, counts) sit behind a raw-object check (commands.ts). */
const isRecord = (schema: z.ZodType | undefined) =>
  schema instanceof z.ZodPipe && schema.out instanceof z.ZodRecord;

/**
 * The valid payload with a "__proto__" key added to one of its maps, as a raw JSON text
 * parses it: JSON.parse makes "__proto__" an own property, which socket.io sends as it is.
 */
function withProtoKey(valid: Record<string, unknown>, field: string): Record<string, unknown> {
  const map = JSON.stringify(valid[field]).replace(/^\{/, '{"__proto__": 1,');
  return { ...valid, [field]: JSON.parse(map.replace(/,\}$/, "}")) };
}

/** Malformed inputs built from a command's valid payload. */
function malformed(name: CommandName, valid: Record<string, unknown>): Variant[] {
  const shape = shapeOf(name);
  const out: Variant[] = [
    { label: "no payload", args: [] },
    { label: "null", args: [null] },
    { label: "a number", args: [42] },
    { label: "a string", args: ["payload"] },
    { label: "a 100 kB string", args: [HUGE] },
    { label: "an array", args: [[valid]] },
    { label: "{}", args: [{}] },
    { label: "an unknown extra field", args: [{ ...valid, extra: 1 }] },
  ];
  for (const [field, value] of Object.entries(valid)) {
    const { [field]: _, ...without } = valid;
    out.push({ label: `without ${field}`, args: [without] });
    for (const wrong of OF_EVERY_KIND.filter((w) => kindOf(w) !== kindOf(value))) {
      out.push({ label: `${field} as ${kindOf(wrong)}`, args: [{ ...valid, [field]: wrong }] });
    }
    if (typeof value === "string") {
      for (const [what, bad] of Object.entries(BAD_STRINGS)) {
        out.push({ label: `${field} ${what}`, args: [{ ...valid, [field]: bad }] });
      }
    }
    if (Array.isArray(value)) {
      for (const [what, bad] of Object.entries(BAD_STRINGS)) {
        out.push({ label: `${field} item ${what}`, args: [{ ...valid, [field]: [bad] }] });
      }
    }
    if (typeof value === "number") {
      for (const bad of [0, -1, 1.5, 1e12]) {
        out.push({ label: `${field} = ${bad}`, args: [{ ...valid, [field]: bad }] });
      }
    }
    // Record keys are ids too (groups, criteria).
    if (isRecord(shape[field])) {
      for (const [what, bad] of Object.entries(BAD_STRINGS)) {
        const record = { ...(value as object), [bad]: 1 };
        out.push({ label: `${field} key ${what}`, args: [{ ...valid, [field]: record }] });
      }
      out.push({ label: `${field} key __proto__`, args: [withProtoKey(valid, field)] });
    }
  }
  return out;
}

/**
 * Both stores: every row of the records, and every key under the test's prefix with its
 * value (minus socket.io's and login counters).
 */
async function snapshot(t: TestApp): Promise<Record<string, unknown>> {
  return { records: await recordsSnapshot(t.db), redis: await redisSnapshot(t.redis, t.keyPrefix) };
}

async function redisSnapshot(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const loginCounters = redisKeys(prefix).loginAttempts("");
  const out: Record<string, unknown> = {};
  const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) {
    for (const key of keys) {
      if (key.includes("socket.io") || key.startsWith(loginCounters)) continue;
      out[key] = await readValue(redis, key);
    }
  }
  return out;
}

async function readValue(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  if (type === "string") return redis.get(key);
  if (type === "hash") return redis.hgetall(key);
  if (type === "list") return redis.lrange(key, 0, -1);
  if (type === "set") return (await redis.smembers(key)).sort();
  if (type === "zset") return redis.zrange(key, 0, -1, "WITHSCORES");
  return `<${type}>`;
}

const isKnownCode = (error: unknown) => (ERROR_CODES as readonly unknown[]).includes(error);

/** After the barrage, the round still takes a ballot from start to receipt. */
async function expectServesABallot(f: Fixture): Promise<void> {
  const { organizer, voter } = f.sockets;
  expectOk(await call(organizer, "scoring:open", { roundId: f.roundId, candidateId: "C1" }));
  const { receipt, duplicate } = expectOk(
    await call(voter, "ballot:submit", VALID["ballot:submit"](f)),
  );
  expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(duplicate).toBe(false);
}

describe("malformed payloads", () => {
  it("has a valid base payload for every command of the table", () => {
    expect(Object.keys(VALID).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(COMMAND_NAMES)(
    "%s: refused by every role that may send it, nothing changes",
    async (name) => {
      const f = await seedRoles(t);
      const valid = validPayload(name, f);
      const variants = malformed(name, valid);
      const before = await snapshot(t);
      expect(Object.keys(before.redis as object)).toContain(
        redisKeys(t.keyPrefix).state(f.roundId),
      );

      let refused = 0;
      for (const role of rolesOf(name)) {
        for (const { label, args } of variants) {
          const res = (await callRaw(f.sockets[role], name, ...args)) as Result<unknown>;
          const what = `${role} → ${name} with ${label}`;
          const input = args.length === 0 ? undefined : args[0];
          if (commands[name].payload.safeParse(input).success) {
            // Valid to the schema (an optional field left out, any `file`, a 41-char nonce,
            // a free-text reason): whatever the handler says, it says it with a code.
            if (!res.ok) expect(isKnownCode(res.error), what).toBe(true);
          } else {
            expect(res, what).toEqual({ ok: false, error: "invalid_payload" });
            refused++;
          }
        }
      }
      // At least: no payload, null, a number, a string, a huge string, an array, an extra field.
      expect(refused).toBeGreaterThanOrEqual(7 * rolesOf(name).length);

      expect(await snapshot(t)).toEqual(before);
      await expectServesABallot(f);
    },
  );

  it.each(["ballot:submit", "evaluation:submit", "cards:issue"] as const)(
    "%s: refuses a map with a __proto__ key instead of dropping the key",
    async (name) => {
      const f = await seedRoles(t);
      const valid = validPayload(name, f);
      const field = Object.keys(valid).find((k) => isRecord(shapeOf(name)[k]));
      if (!field) throw new Error(`${name} has no map`);
      const payload = withProtoKey(valid, field);
      expect(Object.keys(payload[field] as object)).toContain("__proto__");
      const sender = name === "cards:issue" ? f.sockets.organizer : f.sockets.voter;
      const before = await snapshot(t);
      expect(await callRaw(sender, name, payload)).toEqual({ ok: false, error: "invalid_payload" });
      expect(await snapshot(t)).toEqual(before);
    },
  );

  it("ignores commands sent without an ack, whatever they carry", async () => {
    const f = await seedRoles(t);
    const before = await snapshot(t);
    for (const name of COMMAND_NAMES) {
      const valid = validPayload(name, f);
      for (const role of rolesOf(name)) {
        // Valid commands too: a command that cannot answer must not act.
        const raw = f.sockets[role] as unknown as Socket;
        raw.emit(name, valid);
        raw.emit(name);
        raw.emit(name, null);
        raw.emit(name, valid, "not an ack");
        for (const { args } of malformed(name, valid)) raw.emit(name, ...args);
      }
    }
    // Each socket handles its events in order: an answer here means the above were handled.
    for (const role of ROLES) expectOk(await call(f.sockets[role], "time:sync", {}));
    expect(await snapshot(t)).toEqual(before);
    await expectServesABallot(f);
  });
});

describe("round:import with an invalid round file", () => {
  const demo = () => structuredClone(DEMO_ROUND) as RoundFileInput & Record<string, unknown>;
  const at = <T>(items: T[] | undefined, i: number): T => {
    const item = items?.[i];
    if (item === undefined) throw new Error(`no item ${i} in the demo round`);
    return item;
  };

  /** [what is wrong, the file, a path the issues must name]. */
  const cases: [string, () => unknown, string][] = [
    ["not an object", () => "round", ""],
    ["an empty object", () => ({}), "format"],
    ["a wrong format", () => ({ ...demo(), format: "jingpin-round/9" }), "format"],
    ["no title", () => ({ ...demo(), title: undefined }), "title"],
    ["no candidates", () => ({ ...demo(), candidates: undefined }), "candidates"],
    ["no rubric", () => ({ ...demo(), rubric: undefined }), "rubric"],
    ["no groups", () => ({ ...demo(), groups: [] }), "groups"],
    [
      "a candidate without applications",
      () => {
        const f = demo();
        at(f.candidates, 2).applications = [];
        return f;
      },
      "candidates.2.applications",
    ],
    [
      "an application for an unknown position",
      () => {
        const f = demo();
        at(f.candidates, 1).applications = ["law", "nowhere"];
        return f;
      },
      "candidates.1.applications.1",
    ],
    [
      "duplicate candidate ids",
      () => {
        const f = demo();
        at(f.candidates, 1).id = "C1";
        return f;
      },
      "candidates.1.id",
    ],
    [
      "duplicate position ids",
      () => {
        const f = demo();
        at(f.positions, 1).id = "office";
        return f;
      },
      "positions.1.id",
    ],
    [
      "duplicate criterion ids",
      () => {
        const f = demo();
        at(f.rubric, 1).id = "knowledge";
        return f;
      },
      "rubric.1.id",
    ],
    [
      "duplicate group ids",
      () => {
        const f = demo();
        at(f.groups, 2).id = "leaders";
        return f;
      },
      "groups.2.id",
    ],
    [
      "a speaking order missing a candidate",
      () => ({ ...demo(), speakingOrder: DEMO_ROUND.speakingOrder.slice(1) }),
      "speakingOrder",
    ],
    [
      "a speaking order naming a candidate twice",
      () => ({ ...demo(), speakingOrder: [...DEMO_ROUND.speakingOrder.slice(1), "C1"] }),
      "speakingOrder",
    ],
    [
      "a speaking order naming an unknown candidate",
      () => ({ ...demo(), speakingOrder: [...DEMO_ROUND.speakingOrder.slice(1), "C99"] }),
      "speakingOrder",
    ],
    [
      "method weights not summing to 1",
      () => ({
        ...demo(),
        method: { ...DEMO_ROUND.method, speechWeight: 0.6, evaluationWeight: 0.3 },
      }),
      "method.speechWeight",
    ],
    [
      "trimMin below 2·trim + 1",
      () => ({ ...demo(), method: { ...DEMO_ROUND.method, trim: 2, trimMin: 4 } }),
      "method.trimMin",
    ],
    [
      "a step that does not divide max",
      () => {
        const f = demo();
        at(f.rubric, 0).step = 0.7;
        return f;
      },
      "rubric.0.max",
    ],
    ["an unknown top-level field", () => ({ ...demo(), sponsor: "县委组织部" }), ""],
    [
      "an unknown field in a candidate",
      () => {
        const f = demo();
        Object.assign(at(f.candidates, 0), { phone: "138" });
        return f;
      },
      "candidates.0",
    ],
    [
      "a group weight too large to sum",
      () => {
        const f = demo();
        at(f.groups, 0).weight = 1e308;
        return f;
      },
      "groups.0.weight",
    ],
  ];

  it.each(cases)("refuses %s with issues and creates no round", async (_label, file, path) => {
    const organizer = await t.client(t.organizerToken);
    const roundsBefore = expectOk(await call(organizer, "round:list", {}));
    const before = await snapshot(t);

    const res = await call(organizer, "round:import", { file: file() });
    if (res.ok) throw new Error("expected the round file to be refused");
    expect(res.error).toBe("invalid_round_file");
    expect(res.issues?.length).toBeGreaterThan(0);
    for (const issue of res.issues ?? []) {
      const message = { key: expect.stringMatching(/^file\./), params: expect.any(Object) };
      expect(issue).toEqual({ path: expect.any(String), at: message, problem: message });
      expect(translateIssue("zh-CN", issue)).not.toMatch(/[{}]|Invalid|expected/);
    }
    expect(res.issues?.map((i) => i.path)).toContain(path);

    expect(expectOk(await call(organizer, "round:list", {}))).toEqual(roundsBefore);
    expect(await snapshot(t)).toEqual(before);
  });

  it("imports the unchanged demo round (the cases above differ from it only as named)", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(await call(organizer, "round:import", { file: demo() }));
    const listed = expectOk(await call(organizer, "round:list", {}));
    expect(listed.find((r) => r.id === roundId)?.status).toBe("draft");
  });
});
