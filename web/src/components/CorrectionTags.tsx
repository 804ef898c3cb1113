import type { CorrectionDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";
import { formatMoney } from "../lib/money";
import "./CorrectionTags.css";

/** Whether a line was voided (the kitchen strikes it; it costs nothing). */
export const isVoided = (item: { corrections: readonly CorrectionDto[] }) => item.corrections.some((c) => c.kind === "VOID");

/**
 * A line's corrections as small tags ("Voided", "On the house", "Discount −1.25 €"), with
 * the reason and who for staff (`showReasons`). Phones, the panel, the bill and the receipt show them alike.
 */
export function CorrectionTags({
  corrections,
  currency,
  showReasons = false,
}: {
  corrections: readonly CorrectionDto[];
  currency: string;
  showReasons?: boolean;
}) {
  if (corrections.length === 0) return null;
  return (
    <span className="correction-tags">
      {corrections.map((c) => (
        <span key={c.id} className="correction" data-correction={c.kind}>
          <span className={`correction-tag correction-${c.kind.toLowerCase()}`}>
            {c.kind === "DISCOUNT" ? t("correction.DISCOUNT", { amount: formatMoney(-c.offCents, currency) }) : t(`correction.${c.kind}`)}
          </span>
          {showReasons && (c.reason || c.by) && (
            <span className="correction-why">
              {c.reason && <span className="correction-reason"> · {c.reason}</span>}
              {c.by && (
                <span className="correction-by">
                  {" "}
                  — {c.by}
                  {c.approvedBy ? `, ${t("receipt.approvedBy", { name: c.approvedBy })}` : ""}
                </span>
              )}
            </span>
          )}
        </span>
      ))}
    </span>
  );
}
