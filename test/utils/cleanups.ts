import { afterEach } from "vitest";
import type { TestApp } from "./test-app.ts";

/**
 * Clean-ups a test registers as it starts things (servers, Redis processes, directories),
 * run after it in reverse order, so what started last stops first.
 */
export function useCleanups() {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    defer(cleanup: () => Promise<unknown>): void {
      cleanups.push(cleanup);
    },
    /** Closes the app after the test. */
    async track(t: TestApp | Promise<TestApp>): Promise<TestApp> {
      const app = await t;
      cleanups.push(() => app.close());
      return app;
    },
  };
}
