import { hashPassword } from "../auth/passwords.js";
import type { PrismaClient } from "../db/prisma.js";

export const DEMO_OWNER_EMAIL = "owner@demo.ordered";
/** Printed at start-up; a demo account on a local machine, not a secret. */
export const DEMO_OWNER_PASSWORD = "ordered-demo";

type DemoProduct = { name: string; category: string; priceCents: number; description: string; stock?: number };

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { category: "Starters", name: "Bruschetta", priceCents: 650, description: "Grilled bread, tomato, basil, garlic" },
  { category: "Starters", name: "Burrata", priceCents: 1150, description: "With cherry tomatoes and pesto", stock: 8 },
  { category: "Starters", name: "Arancini", priceCents: 750, description: "Three saffron rice balls, mozzarella heart" },
  { category: "Starters", name: "Olives", priceCents: 400, description: "Marinated Taggiasca olives" },
  { category: "Pizza", name: "Margherita", priceCents: 950, description: "Tomato, fior di latte, basil", stock: 30 },
  { category: "Pizza", name: "Diavola", priceCents: 1250, description: "Tomato, mozzarella, spicy salami" },
  { category: "Pizza", name: "Quattro Formaggi", priceCents: 1300, description: "Mozzarella, gorgonzola, fontina, parmesan" },
  { category: "Pizza", name: "Funghi", priceCents: 1150, description: "Tomato, mozzarella, mushrooms, thyme" },
  { category: "Desserts", name: "Tiramisù", priceCents: 700, description: "Mascarpone, espresso, cocoa", stock: 12 },
  { category: "Desserts", name: "Panna Cotta", priceCents: 650, description: "Vanilla, berry coulis" },
  { category: "Desserts", name: "Affogato", priceCents: 550, description: "Vanilla gelato drowned in espresso" },
  { category: "Drinks", name: "Espresso", priceCents: 250, description: "Single shot" },
  { category: "Drinks", name: "Sparkling Water", priceCents: 350, description: "75 cl bottle" },
  { category: "Drinks", name: "House Red", priceCents: 600, description: "Glass of Montepulciano" },
  { category: "Drinks", name: "Lemonade", priceCents: 450, description: "Fresh, homemade" },
];

/**
 * Creates the demo location, its owner and its menu unless the owner already exists.
 * Returns whether anything was created.
 */
export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if (await prisma.staffUser.findUnique({ where: { email: DEMO_OWNER_EMAIL } })) return false;
  const passwordHash = await hashPassword(DEMO_OWNER_PASSWORD);
  await prisma.$transaction(async (tx) => {
    const location = await tx.location.create({ data: { name: "Demo Bistro", currency: "EUR" } });
    await tx.staffUser.create({
      data: { locationId: location.id, email: DEMO_OWNER_EMAIL, passwordHash, displayName: "Demo Owner", role: "OWNER" },
    });
    await tx.product.createMany({
      data: DEMO_PRODUCTS.map((p) => ({ ...p, stock: p.stock ?? null, locationId: location.id, currency: location.currency })),
    });
  });
  return true;
}
