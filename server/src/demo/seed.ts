// `node dist/demo/seed.js`: seeds the demo location when it is missing and prints its login.
import { loadConfig } from "../config.js";
import { createPrisma } from "../db/prisma.js";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, seedDemo } from "./demo-seed.js";

const config = loadConfig(process.env, () => "seed-does-not-sign-tokens-".padEnd(32, "x"));
const prisma = createPrisma(config.databaseUrl, 2);
try {
  const created = await seedDemo(prisma);
  console.log(created ? "Demo data created." : "Demo data already present.");
  console.log(`Demo login: ${DEMO_OWNER_EMAIL} / ${DEMO_OWNER_PASSWORD}`);
} finally {
  await prisma.$disconnect();
}
