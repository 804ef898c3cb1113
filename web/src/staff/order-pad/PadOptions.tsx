import { choiceProblem, LIMITS, type ProductDto, unitPriceOf } from "@ordered/contract/client";
import { useState } from "react";
import { toggleOption } from "../../customer/menu-model";
import { OptionGroup } from "../../customer/OptionsSheet";
import { formatMoney } from "../../lib/money";
import { strings } from "../../strings";

/**
 * A product's options on the pad, with the phone's rules (the contract's choiceProblem and
 * unitPriceOf, the phone's option groups): Add is enabled once the choice is complete.
 */
export function PadOptions({
  product,
  onAdd,
  onBack,
}: {
  product: ProductDto;
  onAdd: (options: string[], note: string, quantity: number) => void;
  onBack: () => void;
}) {
  const s = strings.pad;
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [quantity, setQuantity] = useState(1);
  const problem = choiceProblem(product, chosen);
  const price = formatMoney(unitPriceOf(product, chosen) * quantity, product.currency);
  return (
    <section className="pad-options" aria-label={s.chooseFor(product.name)}>
      <div className="pad-options-head">
        <button type="button" className="button" onClick={onBack}>
          ‹ {s.back}
        </button>
        <h3>{product.name}</h3>
      </div>
      <div className="pad-options-groups">
        {product.optionGroups.map((g) => (
          <OptionGroup
            key={g.id}
            group={g}
            product={product}
            chosen={chosen}
            onToggle={(id) => setChosen((c) => toggleOption(product, c, id))}
          />
        ))}
      </div>
      <label className="field">
        <span>{s.note}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={s.notePlaceholder} maxLength={LIMITS.order.noteLength} />
      </label>
      <div className="pad-options-foot">
        <div className="pad-stepper">
          <button
            type="button"
            className="button"
            disabled={quantity <= 1}
            onClick={() => setQuantity((q) => q - 1)}
            aria-label={s.less(product.name)}
          >
            −
          </button>
          <span className="pad-qty" aria-live="polite">
            {quantity}
          </span>
          <button
            type="button"
            className="button"
            disabled={quantity >= LIMITS.order.maxQuantity}
            onClick={() => setQuantity((q) => q + 1)}
            aria-label={s.more(product.name)}
          >
            +
          </button>
        </div>
        <button
          type="button"
          className="button primary pad-add"
          disabled={problem !== null}
          onClick={() => onAdd(chosen, note.trim(), quantity)}
        >
          {s.add(price)}
        </button>
      </div>
      {problem && (
        <p className="choice-problem" role="status">
          {problem}
        </p>
      )}
    </section>
  );
}
