import { defineConfig } from "vitest/config";

// vitest 4.1.x: vitest 5 needs Node >= 22.12 and this project runs on Node 20.
export default defineConfig({
  test: {
    // A non-UTC zone so that code which silently depends on UTC shows up in tests.
    env: { TZ: "Asia/Shanghai" },
    projects: [
      {
        extends: true,
        // Some unit tests spawn the recount CLI or run property checks: room for a slow CI box.
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/utils/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/utils/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
