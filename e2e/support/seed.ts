import { randomUUID } from "node:crypto";
import { hashPassword } from "../../server/dist/auth/passwords.js";
import { createPrisma } from "../../server/dist/db/prisma.js";
import { DEMO_PRODUCTS } from "../../server/dist/demo/demo-seed.js";
import { E2E_DATABASE_URL } from "./env.js";

export interface SeededVenue {
  locationId: string;
  email: string;
  password: string;
}

/** A fresh location with an owner and the demo menu, so every test has its own data. */
export async function seedVenue(): Promise<SeededVenue> {
  const prisma = createPrisma(E2E_DATABASE_URL, 2);
  try {
    const tag = randomUUID().slice(0, 8);
    const password = `pw-${tag}-secret`;
    const email = `owner-${tag}@e2e.ordered`;
    const location = await prisma.location.create({ data: { name: `Bistro ${tag}`, currency: "EUR" } });
    await prisma.staffUser.create({
      data: { locationId: location.id, email, passwordHash: await hashPassword(password), displayName: `Owner ${tag}`, role: "OWNER" },
    });
    await prisma.product.createMany({
      data: DEMO_PRODUCTS.map((p) => ({ ...p, stock: p.stock ?? null, locationId: location.id, currency: "EUR" })),
    });
    return { locationId: location.id, email, password };
  } finally {
    await prisma.$disconnect();
  }
}
