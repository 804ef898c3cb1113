import type { Allergen, DietTag } from "@ordered/contract";

/** An option group as seeded. */
export interface MenuOptionGroup {
  name: string;
  minChoices: number;
  maxChoices: number;
  options: { name: string; priceDeltaCents: number }[];
}

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
  allergens?: readonly Allergen[];
  tags?: readonly DietTag[];
  optionGroups?: readonly MenuOptionGroup[];
}

/**
 * The demo venue's menu; also the default menu of every seeded venue (tests, e2e). Categories
 * come in the order first named here. Options are added for the demo only (DEMO_OPTIONS), so
 * tests that add a product with one tap keep doing so.
 */
export const DEMO_PRODUCTS: readonly MenuItem[] = [
  {
    category: "Starters",
    name: "Bruschetta",
    priceCents: 650,
    description: "Grilled bread, tomato, basil, garlic",
    allergens: ["GLUTEN"],
    tags: ["VEGAN"],
  },
  {
    category: "Starters",
    name: "Burrata",
    priceCents: 1150,
    description: "With cherry tomatoes and pesto",
    stock: 8,
    allergens: ["MILK", "NUTS"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Starters",
    name: "Arancini",
    priceCents: 750,
    description: "Three saffron rice balls, mozzarella heart",
    allergens: ["GLUTEN", "MILK", "EGGS"],
    tags: ["VEGETARIAN"],
  },
  { category: "Starters", name: "Olives", priceCents: 400, description: "Marinated Taggiasca olives", tags: ["VEGAN"] },
  {
    category: "Pizza",
    name: "Margherita",
    priceCents: 950,
    description: "Tomato, fior di latte, basil",
    stock: 30,
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Pizza",
    name: "Diavola",
    priceCents: 1250,
    description: "Tomato, mozzarella, spicy salami",
    allergens: ["GLUTEN", "MILK"],
    tags: ["SPICY"],
  },
  {
    category: "Pizza",
    name: "Quattro Formaggi",
    priceCents: 1300,
    description: "Mozzarella, gorgonzola, fontina, parmesan",
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Pizza",
    name: "Funghi",
    priceCents: 1150,
    description: "Tomato, mozzarella, mushrooms, thyme",
    allergens: ["GLUTEN", "MILK"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Desserts",
    name: "Tiramisù",
    priceCents: 700,
    description: "Mascarpone, espresso, cocoa",
    stock: 12,
    allergens: ["GLUTEN", "MILK", "EGGS"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Desserts",
    name: "Panna Cotta",
    priceCents: 650,
    description: "Vanilla, berry coulis",
    allergens: ["MILK"],
    tags: ["VEGETARIAN"],
  },
  {
    category: "Desserts",
    name: "Affogato",
    priceCents: 550,
    description: "Vanilla gelato drowned in espresso",
    allergens: ["MILK", "EGGS"],
    tags: ["VEGETARIAN"],
  },
  { category: "Drinks", name: "Espresso", priceCents: 250, description: "Single shot", tags: ["VEGAN"] },
  { category: "Drinks", name: "Sparkling Water", priceCents: 350, description: "75 cl bottle", tags: ["VEGAN"] },
  {
    category: "Drinks",
    name: "House Red",
    priceCents: 600,
    description: "Glass of Montepulciano",
    allergens: ["SULPHITES"],
    tags: ["VEGAN"],
  },
  { category: "Drinks", name: "Lemonade", priceCents: 450, description: "Fresh, homemade", tags: ["VEGAN"] },
];

const PIZZA_OPTIONS: readonly MenuOptionGroup[] = [
  {
    name: "Size",
    minChoices: 1,
    maxChoices: 1,
    options: [
      { name: "Regular", priceDeltaCents: 0 },
      { name: "Large", priceDeltaCents: 300 },
    ],
  },
  {
    name: "Extras",
    minChoices: 0,
    maxChoices: 3,
    options: [
      { name: "Extra mozzarella", priceDeltaCents: 150 },
      { name: "Spicy salami", priceDeltaCents: 200 },
      { name: "Rocket", priceDeltaCents: 100 },
      { name: "Gluten-free base", priceDeltaCents: 250 },
    ],
  },
];

/** Options of the demo's menu (pizzas get a size and extras; espresso a few ways). */
export const DEMO_OPTIONS: Readonly<Record<string, readonly MenuOptionGroup[]>> = {
  Margherita: PIZZA_OPTIONS,
  Diavola: PIZZA_OPTIONS,
  "Quattro Formaggi": PIZZA_OPTIONS,
  Funghi: PIZZA_OPTIONS,
  Espresso: [
    {
      name: "Style",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { name: "Single", priceDeltaCents: 0 },
        { name: "Double", priceDeltaCents: 100 },
        { name: "Macchiato", priceDeltaCents: 50 },
      ],
    },
  ],
};
