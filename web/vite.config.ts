import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the Vite server proxies the API and the sockets to the Ordered server.
const target = process.env.ORDERED_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": target,
      "/media": target,
      "/socket.io": { target, ws: true },
    },
  },
  build: { outDir: "dist", sourcemap: true },
});
