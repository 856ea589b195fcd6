import { io, type Socket } from "socket.io-client";
import { type ErrorCode, fail, type Result } from "../../../shared/errors.ts";
import type {
  ClientToServerEvents,
  CommandName,
  CommandResults,
  ServerToClientEvents,
} from "../../../shared/protocol/index.ts";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Payload<N extends CommandName> = Parameters<ClientToServerEvents[N]>[0];

export interface Connection {
  socket: AppSocket;
  /** Reactive: online/offline, why the server refused us, and the clock offset. */
  readonly state: { status: "connecting" | "online" | "offline"; refused: ErrorCode | null };
  call<N extends CommandName>(
    event: N,
    payload: Payload<N>,
    timeoutMs?: number,
  ): Promise<Result<CommandResults[N]>>;
  /** The server's clock, for countdowns that agree on every screen. */
  serverNow(): number;
}

/**
 * One socket per page. socket.io reconnects by itself with backoff (slow hall Wi-Fi);
 * a refusal by the auth middleware is final and shown to the user instead.
 */
export function connect(token: string): Connection {
  const socket: AppSocket = io({
    auth: { token },
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
    timeout: 10_000,
  });
  const state = $state({
    status: "connecting" as "connecting" | "online" | "offline",
    refused: null as ErrorCode | null,
  });
  let offsetMs = 0;

  async function call<N extends CommandName>(
    event: N,
    payload: Payload<N>,
    timeoutMs = 8000,
  ): Promise<Result<CommandResults[N]>> {
    if (!socket.connected) return fail("offline");
    try {
      // socket.io's typings cannot follow a generic event name through emitWithAck.
      const emit = socket.timeout(timeoutMs).emitWithAck as unknown as (
        e: N,
        p: Payload<N>,
      ) => Promise<Result<CommandResults[N]>>;
      return await emit.call(socket.timeout(timeoutMs), event, payload);
    } catch {
      return fail(socket.connected ? "timeout" : "offline");
    }
  }

  async function syncClock(): Promise<void> {
    const sent = Date.now();
    const res = await call("time:sync", {}, 5000);
    if (res.ok) offsetMs = res.data.serverNow - (sent + Date.now()) / 2;
  }

  socket.on("connect", () => {
    state.status = "online";
    state.refused = null;
    void syncClock();
  });
  socket.on("disconnect", () => {
    state.status = "offline";
  });
  socket.on("connect_error", (err) => {
    state.status = "offline";
    if (!socket.active)
      state.refused = err.message === "unauthorized" ? "unauthorized" : "internal";
  });

  return { socket, state, call, serverNow: () => Date.now() + offsetMs };
}
