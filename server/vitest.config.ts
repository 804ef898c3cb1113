import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup-log-watch.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run in parallel; each test makes its own location and Redis prefix.
    pool: "forks",
    maxWorkers: 2,
  },
});
