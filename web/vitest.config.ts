import { defineConfig } from "vitest/config";
import { messageCatalogs } from "./i18n-catalogs.ts";

// Unit tests of the web app's logic (event ordering, live state, cart, timeline, message
// catalogs): plain TypeScript, no DOM. What needs a browser is covered by the Playwright suite in e2e/.
export default defineConfig({
  plugins: [messageCatalogs()],
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
  },
});
