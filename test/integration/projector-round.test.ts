import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rooms, type SessionState } from "../../shared/protocol/index.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, startTestApp, type TestApp } from "../utils/test-app.ts";

// Two nodes on one Redis: the projector on one, the organizer on the other, so that moving
// it out of a round's rooms has to cross nodes.
let a: TestApp;
let b: TestApp;
beforeEach(async () => {
  a = await startTestApp();
  b = await startTestApp({ keyPrefix: a.keyPrefix });
});
afterEach(async () => {
  await b.close();
  await a.close();
});

/** Socket ids in a room, across both nodes. */
async function inRoom(room: string): Promise<string[]> {
  return (await a.app.services.io.in(room).fetchSockets()).map((s) => s.id);
}

async function twoRounds(organizer: ClientSocket) {
  const first = expectOk(
    await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
  ).roundId;
  // Importing activates the new round: the second one is the active one.
  const second = expectOk(
    await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
  ).roundId;
  return { first, second };
}

describe("the projector token", () => {
  it("joins only the active round, and naming another is forbidden", async () => {
    const organizer = await a.client(a.organizerToken);
    const { first, second } = await twoRounds(organizer);
    const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
    const projector = await b.client(projectorToken);

    expect(await call(projector, "session:join", { roundId: first })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await inRoom(rooms.staff(first))).not.toContain(projector.id);

    const snap = expectOk(await call(projector, "session:join", { roundId: second }));
    expect(snap.state.roundId).toBe(second);
    expect(expectOk(await call(projector, "session:join", {})).state.roundId).toBe(second);
    expect(await inRoom(rooms.staff(second))).toContain(projector.id);
  });

  it("leaves the old round's rooms when another round is activated, even without re-joining", async () => {
    const organizer = await a.client(a.organizerToken);
    const { first, second } = await twoRounds(organizer);
    const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
    const projector = await b.client(projectorToken);
    expect(expectOk(await call(projector, "session:join", {})).state.roundId).toBe(second);

    const switched = waitFor(projector, "screen:switch");
    expectOk(await call(organizer, "round:activate", { roundId: first }));
    expect(await switched).toEqual({ roundId: first });
    // The leave was sent before the switch, on the same channel: it has landed.
    expect(await inRoom(rooms.round(second))).not.toContain(projector.id);
    expect(await inRoom(rooms.staff(second))).not.toContain(projector.id);

    // A projector that ignores the switch hears nothing more of the old round...
    const heard: SessionState[] = [];
    projector.on("session:state", (s) => heard.push(s));
    expectOk(await call(organizer, "session:goto", { roundId: second, candidateId: "C1" }));
    // ...and after re-joining, only the new one. Its goto is sent after the old round's, so
    // an old-round state that reached the projector would have arrived first.
    expectOk(await call(projector, "session:join", {}));
    const moved = waitFor(projector, "session:state", (s) => s.roundId === first);
    expectOk(await call(organizer, "session:goto", { roundId: first, candidateId: "C1" }));
    await moved;
    expect(heard.map((s) => s.roundId)).toEqual([first]);
  });
});
