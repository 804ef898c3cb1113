import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { migrateDatabase } from "../../src/db/migrate.js";
import { createPrisma } from "../../src/db/prisma.js";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD } from "../../src/demo/demo-seed.js";
import { seedVenue } from "../../src/demo/seed-venue.js";
import { describe, expect, it } from "../support/kit.js";

// Issue 30, item 15: a production deployment never ships the demo's public password. The seed
// command seeds only when asked, and a production server refuses to start while a demo
// account still opens with it (unless the deployment asked for the demo).

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

describe("the demo in production", () => {
  it("is seeded only when asked, and a production server refuses to start with its password", async ({
    scratchDatabase,
    spawnServer,
    resources,
  }) => {
    const url = scratchDatabase();
    await migrateDatabase(url);
    const prisma = resources.add(createPrisma(url, 1), (p) => p.$disconnect());
    const photos = resources.add(await mkdtemp(path.join(tmpdir(), "ordered-demo-")), (d) => rm(d, { recursive: true, force: true }));
    const seed = (env: Record<string, string>) =>
      run(process.execPath, ["--import", "tsx", "src/demo/seed.ts"], {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: url, PHOTO_DIR: photos, ...env },
      });

    expect((await seed({ NODE_ENV: "production" })).stdout).toContain("No demo data: SEED_DEMO is not true.");
    expect(await prisma.staffUser.count()).toBe(0);
    // As a deployment that once seeded the demo has it (the menu and photos do not matter here).
    await seedVenue(prisma, { owner: { email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD }, products: [] });

    await expect(spawnServer({ NODE_ENV: "production", DATABASE_URL: url })).rejects.toThrow(
      /refusing to start in production: owner@demo\.ordered still open with the demo's public password/,
    );
    // A public demo site says so, and starts.
    const demo = await spawnServer({ NODE_ENV: "production", DATABASE_URL: url, SEED_DEMO: "true" });
    expect(demo.process.exitCode).toBeNull();
  }, 90_000);
});
