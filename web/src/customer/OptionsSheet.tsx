import { choiceProblem, LIMITS, type OptionDto, type OptionGroupDto, type ProductDto, unitPriceOf } from "@ordered/contract/client";
import { useId, useState } from "react";
import { Modal } from "../components/Modal";
import { t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import type { NewLine } from "./cart";
import { DietBadges } from "./DietBadges";
import { isSingleChoice, ruleText, toggleOption } from "./menu-model";
import { ProductPhoto } from "./ProductPhoto";

interface Props {
  /** The product as the menu has it now (live: an option sold out meanwhile shows so), or null once it left the menu. */
  product: ProductDto | null;
  /** The name to keep as the title should the product leave the menu while the sheet is open. */
  name: string;
  /** Why nothing can be added now (served later, an order being sent), or null. */
  blocked: string | null;
  canAdd: (item: NewLine) => boolean;
  onAdd: (item: NewLine) => void;
  onClose: () => void;
}

/**
 * Choosing a product's options before adding it: each group with its rule, a live price,
 * a note and a quantity. "Add" is enabled only when the contract's `choiceProblem` finds
 * nothing wrong; otherwise its message says what is missing.
 */
export function OptionsSheet({ product, name, blocked, canAdd, onAdd, onClose }: Props) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [quantity, setQuantity] = useState(1);
  const problemId = useId();

  if (!product) {
    return (
      <Modal title={name} onClose={onClose} className="options-sheet">
        <p className="error">{t("phoneMenu.notOnMenu")}</p>
      </Modal>
    );
  }

  const item: NewLine = { productId: product.id, options: chosen, note, quantity };
  const problem = blocked ?? choiceProblem(product, chosen) ?? (canAdd(item) ? null : t("phoneMenu.cartFull"));
  const price = formatMoney(unitPriceOf(product, chosen) * quantity, product.currency);

  return (
    <Modal title={product.name} onClose={onClose} className="options-sheet">
      <ProductPhoto product={product} variant="banner" />
      {product.description && <p className="muted sheet-desc">{product.description}</p>}
      <DietBadges product={product} />
      {product.optionGroups.map((g) => (
        <OptionGroup
          key={g.id}
          group={g}
          product={product}
          chosen={chosen}
          onToggle={(id) => setChosen((c) => toggleOption(product, c, id))}
        />
      ))}
      <label className="field sheet-note">
        <span>{t("phoneMenu.noteLabel")}</span>
        <input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t("customer.notePlaceholder")}
          maxLength={LIMITS.order.noteLength}
        />
      </label>
      <div className="sheet-foot">
        <fieldset className="stepper" aria-label={t("phoneMenu.quantity")}>
          <button
            type="button"
            className="button small"
            disabled={quantity <= 1}
            onClick={() => setQuantity((q) => q - 1)}
            aria-label={t("customer.decrease", { name: product.name })}
          >
            {t("customer.minus")}
          </button>
          <span className="qty-value" aria-live="polite">
            {quantity}
          </span>
          <button
            type="button"
            className="button small"
            disabled={quantity >= LIMITS.order.maxQuantity}
            onClick={() => setQuantity((q) => q + 1)}
            aria-label={t("customer.increase", { name: product.name })}
          >
            {t("customer.plus")}
          </button>
        </fieldset>
        <button
          type="button"
          className="button primary sheet-add"
          disabled={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onClick={() => {
            onAdd({ ...item, note: note.trim() });
            onClose();
          }}
        >
          {t("phoneMenu.addWith", { price })}
        </button>
        {problem && (
          <p id={problemId} className="choice-problem" role="status">
            {problem}
          </p>
        )}
      </div>
    </Modal>
  );
}

interface GroupProps {
  group: OptionGroupDto;
  product: ProductDto;
  chosen: string[];
  onToggle: (optionId: string) => void;
}

/** One group: radio buttons when exactly one is chosen, checkboxes otherwise (the rest disabled once the max is reached). */
export function OptionGroup({ group, product, chosen, onToggle }: GroupProps) {
  const single = isSingleChoice(group);
  const count = group.options.filter((o) => chosen.includes(o.id)).length;
  return (
    <fieldset className="pick-group">
      <legend>
        <span className="pick-group-name">{group.name}</span>
        <span className={`pick-rule${group.minChoices > 0 ? " required" : ""}`}>
          {ruleText(group)}
          {group.minChoices > 0 && ` · ${t("phoneMenu.required")}`}
        </span>
      </legend>
      {group.options.map((o) => {
        const checked = chosen.includes(o.id);
        const full = !single && !checked && count >= group.maxChoices;
        return (
          <label key={o.id} className={`pick${o.available ? "" : " sold-out"}`}>
            <input
              type={single ? "radio" : "checkbox"}
              name={single ? `${product.id}-${group.id}` : undefined}
              checked={checked}
              disabled={!o.available || full}
              onChange={() => onToggle(o.id)}
            />
            <span className="pick-name">{o.name}</span>
            <span className="pick-price">{o.available ? deltaText(o, product.currency) : t("customer.soldOut")}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** "+€1.50", "−€0.50", or nothing for a free option. */
export function deltaText(o: Pick<OptionDto, "priceDeltaCents">, currency: string): string {
  if (o.priceDeltaCents === 0) return "";
  return t("phoneMenu.delta", { sign: o.priceDeltaCents > 0 ? "+" : "−", amount: formatMoney(Math.abs(o.priceDeltaCents), currency) });
}
