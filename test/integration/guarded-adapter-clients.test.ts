import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { guardAdapterClients } from "../../server/platform/guarded-adapter-clients.ts";
import type { Logger } from "../../server/platform/logger.ts";

function recordingLogger(warnings: string[]): Logger {
  return { info() {}, error() {}, warn: (msg) => void warnings.push(msg) };
}

describe("the adapter's Redis clients", () => {
  it("publish as usual, and turn a publish on a closed connection into a logged warning", async () => {
    const warnings: string[] = [];
    const url = inject("redisUrl");
    const { pubClient, subClient } = guardAdapterClients(
      new Redis(url),
      new Redis(url),
      recordingLogger(warnings),
    );
    expect(await pubClient.publish("jingpin-test:nobody-listens", "x")).toBe(0);
    expect(warnings).toEqual([]);
    await Promise.all([pubClient.quit(), subClient.quit()]);
    // Unguarded, this rejection would be unhandled in the adapter and end the process.
    await expect(pubClient.publish("jingpin-test:nobody-listens", "x")).resolves.toBe(0);
    expect(warnings).toEqual(["redis publish failed"]);
  });

  it("unsubscribe on close without an unhandled rejection when Redis went away first", async () => {
    const warnings: string[] = [];
    const url = inject("redisUrl");
    const { subClient } = guardAdapterClients(
      new Redis(url),
      new Redis(url),
      recordingLogger(warnings),
    );
    await subClient.psubscribe("jingpin-test:guard*");
    await subClient.subscribe("jingpin-test:guard-a", "jingpin-test:guard-b");
    await subClient.quit();
    // What the adapter's close() does, fire and forget, on a connection that is gone.
    await expect(subClient.punsubscribe("jingpin-test:guard*")).resolves.toBe(0);
    await expect(
      subClient.unsubscribe("jingpin-test:guard-a", "jingpin-test:guard-b"),
    ).resolves.toBe(0);
    expect(warnings).toEqual(["redis punsubscribe failed", "redis unsubscribe failed"]);
  });
});
