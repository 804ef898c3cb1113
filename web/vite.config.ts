import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { messageCatalogs } from "./i18n-catalogs.ts";
import { offlineShell } from "./offline/offline-shell.ts";
import { precompress } from "./precompress.ts";

// In development the Vite server proxies the API and the sockets to the Ordered server.
const target = process.env.ORDERED_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react(), messageCatalogs(), offlineShell(), precompress()],
  server: {
    port: 5173,
    proxy: {
      "/api": target,
      "/media": target,
      "/socket.io": { target, ws: true },
    },
  },
  // "hidden": maps are written for whoever debugs a build, but no file names them and the
  // server never serves them.
  build: { outDir: "dist", sourcemap: "hidden" },
});
