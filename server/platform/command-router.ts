import type { Socket } from "socket.io";
import { fail, type Result } from "../../shared/errors.ts";
import {
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandResults,
  commands,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import { isRecordsUnavailable } from "../records/db.ts";
import { errorFields, type Logger } from "./logger.ts";

export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export interface CommandContext {
  socket: AppSocket;
  principal: Principal;
}

export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  payload: CommandPayload<N>,
) => Promise<Result<CommandResults[N]>>;

export type Handlers = { [N in CommandName]: Handler<N> };

/** The round a credential is bound to (chair, observer and voter links are per round). */
export function boundRound(principal: Principal): string | null {
  return "roundId" in principal ? principal.roundId : null;
}

/**
 * Wires every command of the shared table to its handler behind the same three checks:
 * the role may send it, the payload parses, and a round-bound credential only addresses
 * its own round. Expected failures come back as codes; anything thrown is logged and
 * answered with "internal", so bad input can never crash the server.
 */
export function registerCommands(socket: AppSocket, handlers: Handlers, logger: Logger): void {
  const principal = socket.data.principal;
  for (const name of Object.keys(commands) as CommandName[]) {
    const spec = commands[name];
    socket.on(name, async (...args: unknown[]) => {
      const last = args[args.length - 1];
      if (typeof last !== "function") return; // Nobody to answer: a command needs an ack.
      const ack = last as (r: Result<unknown>) => void;
      const payload = args.length > 1 ? args[0] : undefined;
      if (!(spec.roles as readonly string[]).includes(principal.role)) {
        return ack(fail("forbidden"));
      }
      const parsed = spec.payload.safeParse(payload);
      if (!parsed.success) return ack(fail("invalid_payload"));
      const data = parsed.data as CommandPayload<typeof name>;
      const bound = boundRound(principal);
      if (bound && "roundId" in data && data.roundId !== bound) return ack(fail("forbidden"));
      try {
        const handler = handlers[name] as Handler<typeof name>;
        const result = await handler({ socket, principal }, data);
        ack(result);
      } catch (err) {
        logger.error("command failed", {
          command: name,
          role: principal.role,
          ...errorFields(err),
        });
        ack(fail(isRecordsUnavailable(err) ? "records_unavailable" : "internal"));
      }
    });
  }
}
