/**
 * The menu in the guest's language (issue 35, item 3). A venue writes its menu in one language
 * (`menuLanguage`) and enters translations per language on the panel; a phone reads each text
 * in its own language, else in English, else as the venue wrote it. The kitchen and the
 * receipts keep the venue's own words (orders snapshot them). zod-free: the phone uses it.
 */
import type { CategoryDto, OptionGroupDto, ProductDto } from "./dto.js";
import type { MenuResponse } from "./responses.js";

/** The languages a menu may be translated into (the phone's languages). */
export const MENU_LANGUAGES = ["en", "de", "fr", "es", "it"] as const;
export type MenuLanguage = (typeof MENU_LANGUAGES)[number];

/** Per language, some of a thing's texts ({ it: { name: "Pane all'aglio" } }). */
export type Translations<F extends string> = Partial<Record<MenuLanguage, Partial<Record<F, string>>>>;

/** A text in `language`: its translation, else the English one (when the venue wrote in another), else the venue's own. */
export function translated<F extends string>(
  own: string,
  translations: Translations<F> | undefined,
  field: F,
  language: string,
  menuLanguage: MenuLanguage,
): string {
  if (language === menuLanguage) return own;
  const wanted = translations?.[language as MenuLanguage]?.[field]?.trim();
  if (wanted) return wanted;
  const english = menuLanguage === "en" ? undefined : translations?.en?.[field]?.trim();
  return english || own;
}

function localizeGroup(g: OptionGroupDto, language: string, base: MenuLanguage): OptionGroupDto {
  return {
    ...g,
    name: translated(g.name, g.translations, "name", language, base),
    options: g.options.map((o) => ({ ...o, name: translated(o.name, o.translations, "name", language, base) })),
  };
}

/** A category's name and description in `language`. */
export function localizeCategory(c: CategoryDto, language: string, base: MenuLanguage): CategoryDto {
  return {
    ...c,
    name: translated(c.name, c.translations, "name", language, base),
    description: translated(c.description, c.translations, "description", language, base),
  };
}

/** A product's texts (name, description, its category's name, its options) in `language`. */
export function localizeProduct(p: ProductDto, language: string, base: MenuLanguage, categories: readonly CategoryDto[] = []): ProductDto {
  const category = categories.find((c) => c.id === p.categoryId);
  return {
    ...p,
    name: translated(p.name, p.translations, "name", language, base),
    description: translated(p.description, p.translations, "description", language, base),
    category: category ? translated(category.name, category.translations, "name", language, base) : p.category,
    optionGroups: p.optionGroups.map((g) => localizeGroup(g, language, base)),
  };
}

/** The whole menu in `language` (what the phone shows and searches). */
export function localizeMenu(menu: MenuResponse, language: string): MenuResponse {
  const base = menu.menuLanguage;
  if (language === base) return menu;
  return {
    ...menu,
    categories: menu.categories.map((c) => localizeCategory(c, language, base)),
    products: menu.products.map((p) => localizeProduct(p, language, base, menu.categories)),
  };
}

/**
 * Why an order was refused, cancelled or failed, as a code with its parameters (issue 35): a
 * phone says it in its own language (`order.statusReasonCode`); `statusReason` keeps the words
 * in English for staff and older clients.
 */
export const ORDER_REASON_CODES = ["NOT_ON_MENU", "SOLD_OUT", "ONLY_LEFT", "CANCELLED", "FAILED"] as const;
export type OrderReasonCode = (typeof ORDER_REASON_CODES)[number];
