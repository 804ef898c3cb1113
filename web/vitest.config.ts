import { defineConfig } from "vitest/config";

// Unit tests of the web app's logic (event ordering, live state, cart, timeline): plain
// TypeScript, no DOM. What needs a browser is covered by the Playwright suite in e2e/.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
