import type { OrderDto, ProductDto } from "@ordered/contract/client";
import { t } from "../i18n/i18n";

/**
 * Why an order was refused, cancelled or failed, in the phone's language (issue 35): its code
 * and parameters, the product named as this phone's menu names it; the server's English words
 * for an order stored before reasons had codes.
 */
export function reasonText(
  order: Pick<OrderDto, "statusReason" | "statusReasonCode">,
  products: ReadonlyMap<string, Pick<ProductDto, "name">>,
): string | null {
  const reason = order.statusReasonCode;
  if (!reason) return order.statusReason;
  const product = (reason.productId && products.get(reason.productId)?.name) || reason.product || "";
  switch (reason.code) {
    case "NOT_ON_MENU":
      return t("reason.notOnMenu", { product });
    case "SOLD_OUT":
      return t("reason.soldOut", { product });
    case "ONLY_LEFT":
      return t("reason.onlyLeft", { product, n: reason.left ?? 0 });
    case "CANCELLED":
      // Staff's own words, as they typed them (the timeline already says it was cancelled).
      return reason.note || t("reason.cancelled");
    case "FAILED":
      return t("reason.failed");
  }
}
