import type { Redis } from "ioredis";
import { errorFields, type Logger } from "./logger.ts";

/**
 * The socket.io Redis adapter publishes broadcasts and drops the returned promise. When
 * Redis is gone (a restart, a shutdown) that promise rejects with nobody listening, and an
 * unhandled rejection would end the process. A broadcast that cannot be published is lost
 * either way (clients resync when they rejoin), so it is logged and the node carries on.
 */
export function guardPublish(client: Redis, logger: Logger): Redis {
  const publish = client.publish.bind(client) as (
    channel: string,
    message: string,
  ) => Promise<number>;
  const guarded = (channel: string, message: string) =>
    publish(channel, message).catch((err: unknown) => {
      logger.warn("redis publish failed", errorFields(err));
      return 0;
    });
  Object.assign(client, { publish: guarded });
  return client;
}
