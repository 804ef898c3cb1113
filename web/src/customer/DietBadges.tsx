import { ALLERGENS, DIET_TAGS, type ProductDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import { DietIcon } from "./DietIcons";

/** A product's diet tags (tinted pills) and allergens ("Contains" and a list), each an icon with its name. */
export function DietBadges({ product }: { product: Pick<ProductDto, "tags" | "allergens"> }) {
  // In the contract's order, whatever order staff ticked them in.
  const tags = DIET_TAGS.filter((tag) => product.tags.includes(tag));
  const allergens = ALLERGENS.filter((a) => product.allergens.includes(a));
  if (tags.length === 0 && allergens.length === 0) return null;
  return (
    <div className="diet">
      {tags.length > 0 && (
        <ul className="diet-tags" aria-label={t("phoneMenu.dietTags")}>
          {tags.map((tag) => (
            <li key={tag} className={`diet-tag tag-${tag.toLowerCase()}`}>
              <DietIcon code={tag} />
              {t(`tags.${tag}`)}
            </li>
          ))}
        </ul>
      )}
      {allergens.length > 0 && (
        <ul className="allergens" aria-label={t("phoneMenu.contains")}>
          {/* In the list so the pills wrap after it, not onto a line of their own; the list's name says it. */}
          <li className="allergen-lead" aria-hidden="true">
            {t("phoneMenu.contains")}
          </li>
          {allergens.map((a) => (
            <li key={a} className="allergen">
              <DietIcon code={a} />
              {t(`allergens.${a}`)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
