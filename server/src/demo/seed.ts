// `node dist/demo/seed.js`: seeds the demo location when it is missing and prints its login;
// only when asked (SEED_DEMO, default true outside production and false in it), since the
// demo's password is public.
import { createPrisma } from "../db/prisma.js";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD, DEMO_STAFF, seedConfig, seedDemo } from "./demo-seed.js";

const config = seedConfig(process.env);
if (!config.seedDemo) {
  console.log("No demo data: SEED_DEMO is not true.");
  process.exit(0);
}
const prisma = createPrisma(config.databaseUrl, 2);
try {
  const created = await seedDemo(prisma, config.photoDir);
  console.log(created ? "Demo data created." : "Demo data already present.");
  console.log(`Demo login: ${DEMO_OWNER_EMAIL} / ${DEMO_OWNER_PASSWORD}`);
  console.log(`Also (same password): ${DEMO_STAFF.map((s) => `${s.email} (${s.role})`).join(", ")}; kitchen displays at /kitchen`);
} finally {
  await prisma.$disconnect();
}
