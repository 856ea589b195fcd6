import type { Redis } from "ioredis";
import { errorFields, type Logger } from "./logger.ts";

/**
 * The socket.io Redis adapter fires some Redis commands and drops the returned promise:
 * every broadcast is a PUBLISH, and it (un)subscribes when it starts and when the server
 * closes. When Redis is gone (a crash, a restart, a shutdown) ioredis rejects those
 * commands with nobody listening, and an unhandled rejection ends the process. A broadcast
 * that cannot be published is lost either way (clients resync when they rejoin), and
 * ioredis resubscribes by itself on reconnect, so each failure is logged and the node
 * carries on.
 */
export function guardAdapterClients(
  pubClient: Redis,
  subClient: Redis,
  logger: Logger,
): { pubClient: Redis; subClient: Redis } {
  guard(pubClient, ["publish"], logger);
  guard(subClient, ["subscribe", "psubscribe", "unsubscribe", "punsubscribe"], logger);
  return { pubClient, subClient };
}

type Guarded = "publish" | "subscribe" | "psubscribe" | "unsubscribe" | "punsubscribe";

function guard(client: Redis, methods: Guarded[], logger: Logger): void {
  for (const method of methods) {
    const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
    const guarded = (...args: unknown[]) =>
      original(...args).catch((err: unknown) => {
        logger.warn(`redis ${method} failed`, errorFields(err));
        return 0;
      });
    Object.assign(client, { [method]: guarded });
  }
}
