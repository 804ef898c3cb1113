// The one place that runs `prisma migrate deploy`: used by `npm start` (scripts/start.mjs,
// from server/dist), the server tests' global setup, the e2e global setup and the bench.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase } from "./ensure-database.js";

/** The repository root: prisma.config.ts and prisma/ live there (same depth from src/ and dist/). */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface MigrateResult {
  /** What the Prisma CLI printed (applied migrations, or "No pending migrations"). */
  output: string;
}

/**
 * Creates the database if it is missing (`migrate deploy` does not), then applies the
 * committed migrations with the Prisma CLI (JS schema engine: see prisma.config.ts).
 * Rejects with the CLI's output if it fails.
 */
export async function migrateDatabase(databaseUrl: string): Promise<MigrateResult> {
  await ensureDatabase(databaseUrl);
  // The CLI's own entry point, run by this Node: no npx lookup, same result.
  const cli = createRequire(path.join(repoRoot, "package.json")).resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "migrate", "deploy"],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (err) reject(new Error(`prisma migrate deploy failed for ${redact(databaseUrl)}:\n${output}`));
        else resolve({ output });
      },
    );
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}
