import { ALLERGENS, DIET_TAGS, type ProductDto } from "@ordered/contract/client";
import { strings } from "../strings";
import { DietIcon } from "./DietIcons";

/** A product's diet tags (tinted pills) and allergens ("Contains" and a list), each an icon with its name. */
export function DietBadges({ product }: { product: Pick<ProductDto, "tags" | "allergens"> }) {
  // In the contract's order, whatever order staff ticked them in.
  const tags = DIET_TAGS.filter((t) => product.tags.includes(t));
  const allergens = ALLERGENS.filter((a) => product.allergens.includes(a));
  if (tags.length === 0 && allergens.length === 0) return null;
  return (
    <div className="diet">
      {tags.length > 0 && (
        <ul className="diet-tags" aria-label={strings.phoneMenu.dietTags}>
          {tags.map((t) => (
            <li key={t} className={`diet-tag tag-${t.toLowerCase()}`}>
              <DietIcon code={t} />
              {strings.tags[t]}
            </li>
          ))}
        </ul>
      )}
      {allergens.length > 0 && (
        <ul className="allergens" aria-label={strings.phoneMenu.contains}>
          {/* In the list so the pills wrap after it, not onto a line of their own; the list's name says it. */}
          <li className="allergen-lead" aria-hidden="true">
            {strings.phoneMenu.contains}
          </li>
          {allergens.map((a) => (
            <li key={a} className="allergen">
              <DietIcon code={a} />
              {strings.allergens[a]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
