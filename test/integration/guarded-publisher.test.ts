import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { guardPublish } from "../../server/platform/guarded-publisher.ts";
import type { Logger } from "../../server/platform/logger.ts";

describe("the adapter's publisher", () => {
  it("publishes as usual, and turns a publish on a closed connection into a logged warning", async () => {
    const warnings: string[] = [];
    const logger: Logger = { info() {}, error() {}, warn: (msg) => void warnings.push(msg) };
    const client = guardPublish(new Redis(inject("redisUrl")), logger);
    expect(await client.publish("jingpin-test:nobody-listens", "x")).toBe(0);
    expect(warnings).toEqual([]);
    await client.quit();
    // Unguarded, this rejection would be unhandled in the adapter and end the process.
    await expect(client.publish("jingpin-test:nobody-listens", "x")).resolves.toBe(0);
    expect(warnings).toEqual(["redis publish failed"]);
  });
});
