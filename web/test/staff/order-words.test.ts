import { ORDER_VIEW_WORDS, TICKET_STATUSES } from "@ordered/contract/client";
import { describe, expect, test } from "vitest";
import { statusText } from "../../src/components/OrderStatusBadge";
import { currentStep } from "../../src/customer/timeline-steps";
import { AT, BAR, order, ticket } from "../support/fixtures";

// One set of words on every staff screen: the panel's badges (cards, the session's unfinished
// list, the feed) and the kitchen display's columns both come from the contract's ORDER_VIEW_WORDS,
// and the phone's stage follows the same rule in its own language.
describe("the staff screens' words for an order", () => {
  const withTickets = (...statuses: ("NEW" | "PREPARING" | "READY")[]) =>
    order(1, "preparing", {
      tickets: statuses.map((status, i) =>
        ticket(i, { status, stationId: i === 0 ? ticket(0).stationId : BAR, startedAt: status === "NEW" ? null : AT, movedAt: AT }),
      ),
    });

  test("an accepted order nobody started is New, not Preparing, on the panel and on the phone", () => {
    const accepted = withTickets("NEW", "NEW");
    expect(statusText(accepted)).toBe("New");
    expect(currentStep(accepted)).toBe("accepted");
  });

  test("one station starting makes it Preparing; all ready makes it Ready", () => {
    expect(statusText(withTickets("PREPARING", "NEW"))).toBe("Preparing");
    expect(currentStep(withTickets("PREPARING", "NEW"))).toBe("preparing");
    expect(statusText(withTickets("READY", "NEW"))).toBe("Preparing");
    expect(statusText(order(1, "ready", { tickets: [ticket(1, { status: "READY", readyAt: AT, movedAt: AT })] }))).toBe("Ready");
    expect(statusText(order(1, "delivered"))).toBe("Delivered");
    expect(statusText(order(1))).toBe("Placed");
    expect(statusText(order(1, "cancelled"))).toBe("Cancelled");
  });

  test("a single-station order's badge says what the kitchen display's column says, at every step", () => {
    for (const status of TICKET_STATUSES) {
      const o =
        status === "READY" ? order(1, "ready", { tickets: [ticket(1, { status, readyAt: AT, movedAt: AT })] }) : withTickets(status);
      // KitchenDisplay titles its columns ORDER_VIEW_WORDS[ticket.status].
      expect(statusText(o)).toBe(ORDER_VIEW_WORDS[status]);
    }
  });
});
