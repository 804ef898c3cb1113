// Prisma CLI configuration. The JS schema engine (engine: "js", through a driver adapter)
// lets `prisma migrate deploy` run without downloading a native schema engine, which fails
// on machines without internet access (Prisma 7's CLI downloads one for every command, hence
// Prisma 6.19). The adapter's workaround for prisma/orm#27403 is in
// server/src/db/migration-adapter.ts.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./server/src/db/migration-adapter.js";

// Same default as server/src/config.ts. Set on process.env too: schema.prisma reads
// env("DATABASE_URL"), and without it the CLI falls back to downloading a native engine.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/ordered";
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => createMigrationAdapter(databaseUrl),
});
