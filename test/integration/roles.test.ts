import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import type { Result } from "../../shared/errors.ts";
import { type CommandName, commands } from "../../shared/protocol/index.ts";
import { ROLES, type Role } from "../../shared/roles.ts";
import {
  type RoleFixture as Fixture,
  seedRoles,
  validPayload as sharedValidPayload,
  VALID_PAYLOADS as VALID,
} from "../utils/command-fixtures.ts";
import { type ClientSocket, call, callRaw, expectOk, waitFor } from "../utils/socket-client.ts";
import { useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const COMMAND_NAMES = Object.keys(commands) as CommandName[];
const FORBIDDEN = { ok: false, error: "forbidden" };

/** The shared valid payload for a command, checked against its schema. */
function validPayload(name: CommandName, f: Fixture): Record<string, unknown> {
  const payload = sharedValidPayload(name, f);
  expect(commands[name].payload.safeParse(payload).success, `${name} payload`).toBe(true);
  return payload;
}

const allowed = (name: CommandName, role: Role) =>
  (commands[name].roles as readonly Role[]).includes(role);

async function send(socket: ClientSocket, name: string, payload: unknown) {
  return (await callRaw(socket, name, payload)) as Result<unknown>;
}

/** What a refused command must leave untouched in round A (and how many rounds exist). */
async function roundView(f: Fixture) {
  const organizer = f.sockets.organizer;
  const join = expectOk(await call(organizer, "session:join", { roundId: f.roundId }));
  return {
    rounds: expectOk(await call(organizer, "round:list", {})).map((r) => r.id),
    cards: expectOk(await call(organizer, "cards:list", { roundId: f.roundId })),
    state: { ...join.state, serverNow: 0 },
    screen: join.screen,
  };
}

describe("every command refuses the roles it does not list", () => {
  it("has a valid test payload for every command of the table", () => {
    expect(Object.keys(VALID).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(COMMAND_NAMES)("%s", async (name) => {
    const f = await seedRoles(t);
    const payload = validPayload(name, f);
    const before = await roundView(f);
    const refused = ROLES.filter((role) => !allowed(name, role));
    for (const role of refused) {
      expect(await send(f.sockets[role], name, payload), `${role} → ${name}`).toEqual(FORBIDDEN);
    }
    expect(await roundView(f)).toEqual(before);
  });

  it("lets every listed role past the role check with the same payloads", async () => {
    const f = await seedRoles(t);
    // In table order: later commands may meet a locked round or a voided card, but never
    // a refusal of the role or of the payload.
    for (const name of COMMAND_NAMES) {
      for (const role of ROLES.filter((r) => allowed(name, r))) {
        const res = await send(f.sockets[role], name, validPayload(name, f));
        const error = res.ok ? null : res.error;
        expect(error, `${role} → ${name}`).not.toBe("forbidden");
        expect(error, `${role} → ${name}`).not.toBe("invalid_payload");
      }
    }
  });
});

describe("round-bound credentials", () => {
  it("a chair, observer or voter addressing another round's id is forbidden", async () => {
    const f = await seedRoles(t);
    const organizer = f.sockets.organizer;
    const otherBefore = expectOk(
      await call(organizer, "session:join", { roundId: f.otherRoundId }),
    );
    const tried: string[] = [];
    for (const role of ["chair", "observer", "voter"] as const) {
      for (const name of COMMAND_NAMES.filter((n) => allowed(n, role))) {
        const payload = validPayload(name, f);
        if (!("roundId" in payload)) continue;
        const res = await send(f.sockets[role], name, { ...payload, roundId: f.otherRoundId });
        expect(res, `${role} → ${name}`).toEqual(FORBIDDEN);
        tried.push(`${role} ${name}`);
      }
    }
    expect(tried).toEqual(
      expect.arrayContaining([
        "chair session:join",
        "chair scoring:open",
        "chair result:preview",
        "chair result:reveal",
        "chair result:hide",
        "chair screen:show",
        "chair tie:decide",
        "observer session:join",
        "observer audit:list",
        "voter session:join",
      ]),
    );
    const otherAfter = expectOk(await call(organizer, "session:join", { roundId: f.otherRoundId }));
    expect({ ...otherAfter.state, serverNow: 0 }).toEqual({ ...otherBefore.state, serverNow: 0 });
  });
});

describe("the projector is read-only", () => {
  it("is forbidden to lock, score, reveal, switch the screen, void cards or import", async () => {
    const f = await seedRoles(t);
    const before = await roundView(f);
    const projector = f.sockets.projector;
    for (const name of [
      "round:lock",
      "scoring:open",
      "result:preview",
      "result:reveal",
      "result:hide",
      "screen:show",
      "timer:start",
      "card:void",
      "round:import",
      "link:create",
    ] as const) {
      expect(await send(projector, name, validPayload(name, f)), name).toEqual(FORBIDDEN);
    }
    expect(await roundView(f)).toEqual(before);
    expect(before.state.status).toBe("open");
    // What it may do: watch.
    expect(expectOk(await call(projector, "session:join", {})).role).toBe("projector");
  });
});

describe("what a phone receives", () => {
  it("a voter gets session:state only, never tallies or revealed results", async () => {
    const f = await seedRoles(t);
    const { organizer, voter } = f.sockets;
    const { roundId } = f;
    expectOk(await call(voter, "session:join", {}));
    const received: string[] = [];
    voter.onAny((event: string) => received.push(event));

    const tallied = waitFor(organizer, "tally:updated", (p) => p.scored.C1?.leaders === 1);
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    expectOk(await call(voter, "ballot:submit", VALID["ballot:submit"](f)));
    await tallied;

    const revealed = waitFor(organizer, "screen:updated", (s) => s.results.C1 !== undefined);
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    await revealed;
    const ranked = waitFor(organizer, "screen:updated", (s) => s.ranking !== null);
    expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));
    await ranked;
    const locked = waitFor(organizer, "screen:updated", (s) => s.ranking !== null);
    expectOk(await call(organizer, "round:lock", { roundId }));
    await locked;

    // Everything above was sent before this ack on the voter's own connection, so any
    // tally or result addressed to the phone would have arrived by now.
    expectOk(await call(voter, "time:sync", {}));
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received)).toEqual(new Set(["session:state"]));
  });
});

describe("socket authentication", () => {
  /** Connects with the given handshake auth and resolves with the refusal's message. */
  function refusal(auth: Record<string, unknown> | undefined): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = io(t.url, {
        auth,
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
      });
      socket.once("connect", () => {
        socket.close();
        reject(new Error("connected without a valid token"));
      });
      socket.once("connect_error", (err) => {
        socket.close();
        resolve(err.message);
      });
    });
  }

  it.each([
    ["no auth at all", undefined],
    ["no token", {}],
    ["an empty token", { token: "" }],
    ["a random token", { token: "c2VjcmV0LWJ1dC1ub3Qtb3Vycw-random" }],
    ["a number", { token: 12345678 }],
    ["an oversized token", { token: "x".repeat(10_000) }],
  ])("refuses %s with unauthorized", async (_label, auth) => {
    expect(await refusal(auth)).toBe("unauthorized");
  });
});

describe("HTTP routes", () => {
  async function exportAs(roundId: string, token?: string) {
    const res = await fetch(`${t.url}/api/rounds/${roundId}/export`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: res.status, body: (await res.json()) as unknown };
  }

  async function login(body: string, contentType = "application/json") {
    const res = await fetch(`${t.url}/api/login`, {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });
    return { status: res.status, body: (await res.json()) as Result<{ token: string }> };
  }

  const refused = (status: number, error: string) => ({ status, body: { ok: false, error } });

  it("export: 401 without a token, 403 for other roles and rounds, 409 before the lock", async () => {
    const f = await seedRoles(t);
    const organizer = f.sockets.organizer;
    const otherChair = expectOk(
      await call(organizer, "link:create", { roundId: f.otherRoundId, role: "chair" }),
    ).token;
    const otherObserver = expectOk(
      await call(organizer, "link:create", { roundId: f.otherRoundId, role: "observer" }),
    ).token;

    expect(await exportAs(f.roundId)).toEqual(refused(401, "unauthorized"));
    expect(await exportAs(f.roundId, "not-a-known-token")).toEqual(refused(401, "unauthorized"));
    expect(await exportAs(f.roundId, f.tokens.voter)).toEqual(refused(403, "forbidden"));
    expect(await exportAs(f.roundId, f.tokens.projector)).toEqual(refused(403, "forbidden"));
    expect(await exportAs(f.roundId, otherChair)).toEqual(refused(403, "forbidden"));
    expect(await exportAs(f.roundId, otherObserver)).toEqual(refused(403, "forbidden"));
    expect(await exportAs(f.roundId, t.organizerToken)).toEqual(refused(409, "bad_state"));
    expect(await exportAs("no-such-round", t.organizerToken)).toEqual(
      refused(404, "round_not_found"),
    );
    expect(await exportAs("a:b", t.organizerToken)).toEqual(refused(400, "invalid_payload"));

    const { digest } = expectOk(await call(organizer, "round:lock", { roundId: f.roundId }));
    const exported = await exportAs(f.roundId, t.organizerToken);
    expect(exported.status).toBe(200);
    expect((exported.body as { digest: string }).digest).toBe(digest);
    // The round's own chair may download it too; the locked round stays closed to the rest.
    expect((await exportAs(f.roundId, f.tokens.chair)).status).toBe(200);
    // The lock deleted the round's card secrets: a card's token is no credential any more.
    expect(await exportAs(f.roundId, f.tokens.voter)).toEqual(refused(401, "unauthorized"));
    expect(await exportAs(f.roundId, otherChair)).toEqual(refused(403, "forbidden"));
  });

  it("login: the right passphrase gives a token that connects as organizer", async () => {
    const res = await login(JSON.stringify({ passphrase: "test-passphrase" }));
    expect(res.status).toBe(200);
    const { token } = expectOk(res.body);
    const organizer = await t.client(token);
    // server:info is organizer-only.
    expect(expectOk(await call(organizer, "server:info", {})).projectorToken).toMatch(/.{8,}/);
  });

  it("login: a wrong passphrase is 401 wrong_passphrase", async () => {
    expect(await login(JSON.stringify({ passphrase: "guess" }))).toEqual(
      refused(401, "wrong_passphrase"),
    );
  });

  it.each([
    ["an empty object", "{}"],
    ["an empty passphrase", JSON.stringify({ passphrase: "" })],
    ["a numeric passphrase", JSON.stringify({ passphrase: 42 })],
    ["an extra field", JSON.stringify({ passphrase: "test-passphrase", admin: true })],
    ["an array", JSON.stringify(["test-passphrase"])],
    ["an oversized passphrase", JSON.stringify({ passphrase: "x".repeat(201) })],
  ])("login: %s is 400 invalid_payload", async (_label, body) => {
    expect(await login(body)).toEqual(refused(400, "invalid_payload"));
  });

  it("login: a body that is not JSON, or too large to read, is 400 invalid_payload", async () => {
    expect(await login("passphrase=test-passphrase", "text/plain")).toEqual(
      refused(400, "invalid_payload"),
    );
    expect(await login('{"passphrase": "test-', "application/json")).toEqual(
      refused(400, "invalid_payload"),
    );
    // Past express.json()'s 64 kB limit.
    expect(await login(JSON.stringify({ passphrase: "x".repeat(70_000) }))).toEqual(
      refused(400, "invalid_payload"),
    );
  });

  it("login: after 10 wrong attempts even the right passphrase is 429 rate_limited", async () => {
    for (let i = 0; i < 10; i++) {
      expect(await login(JSON.stringify({ passphrase: `wrong-${i}` }))).toEqual(
        refused(401, "wrong_passphrase"),
      );
    }
    const res = await fetch(`${t.url}/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ passphrase: "test-passphrase" }),
    });
    expect(res.status).toBe(429);
    // The lockout is the 300 s window of the first failure; a moment of it has passed.
    const body = (await res.json()) as { retryAfter: number };
    expect(body).toEqual({ ok: false, error: "rate_limited", retryAfter: expect.any(Number) });
    expect(body.retryAfter).toBeGreaterThan(290);
    expect(body.retryAfter).toBeLessThanOrEqual(300);
    expect(res.headers.get("retry-after")).toBe(String(body.retryAfter));
  });
});
