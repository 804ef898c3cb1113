/** A product as seeded: the menu of a venue before it has ids. */
export interface MenuItem {
  name: string;
  category: string;
  priceCents: number;
  description?: string;
  /** null or absent: stock not tracked. */
  stock?: number | null;
  /** Defaults to true. */
  available?: boolean;
}

/** The demo venue's menu; also the default menu of every seeded venue (tests, e2e). */
export const DEMO_PRODUCTS: readonly MenuItem[] = [
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
