import { io, type Socket } from "socket.io-client";
import type { Result } from "../../shared/errors.ts";
import type {
  ClientToServerEvents,
  CommandName,
  CommandResults,
  ServerToClientEvents,
} from "../../shared/protocol/index.ts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Payload<N extends CommandName> = Parameters<ClientToServerEvents[N]>[0];
type EventArg<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Connects as the holder of `token`; resolves once connected, rejects on refusal. */
export function connectClient(
  url: string,
  token: string,
  opts: { reconnection?: boolean } = {},
): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    const socket: ClientSocket = io(url, {
      auth: { token },
      transports: ["websocket"],
      forceNew: true,
      reconnection: opts.reconnection ?? false,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Sends a command and resolves with its ack (rejects if none comes in time). */
export function call<N extends CommandName>(
  socket: ClientSocket,
  event: N,
  payload: Payload<N>,
  timeoutMs = 10_000,
): Promise<Result<CommandResults[N]>> {
  const emit = socket.timeout(timeoutMs).emitWithAck as unknown as (
    e: N,
    p: Payload<N>,
  ) => Promise<Result<CommandResults[N]>>;
  return emit.call(socket.timeout(timeoutMs), event, payload);
}

/** Sends raw arguments, for tests of malformed input. */
export function callRaw(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
  const s = socket as unknown as Socket;
  return s.timeout(5000).emitWithAck(event, ...args);
}

/** The data of an ok result; throws with the error code otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
}

/** Waits for an event whose payload satisfies `until` (event-driven, never a sleep). */
export function waitFor<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  until: (payload: EventArg<E>) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<EventArg<E>> {
  return new Promise((resolve, reject) => {
    const s = socket as unknown as Socket;
    const timer = setTimeout(() => {
      s.off(event as string, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (arg: unknown) => {
      const payload = arg as EventArg<E>;
      if (!until(payload)) return;
      clearTimeout(timer);
      s.off(event as string, listener);
      resolve(payload);
    };
    s.on(event as string, listener);
  });
}
