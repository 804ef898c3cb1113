/** The location's settings' strings (English; strings.ts gathers every area's). */
export const settingStrings = {
  serviceCharge: {
    title: "Service charge",
    percent: "Percent of each bill",
    hint: "Added to every bill after its discounts, as its own line on the bill, the phones and the receipt. Tables seated from now on take it; open bills keep theirs.",
    save: "Save service charge",
    saved: "Saved",
    invalid: (max: number) => `Use a percent from 0 to ${max}, in hundredths at most (e.g. 12.5).`,
  },
  ticketSettings: {
    title: "Kitchen ticket timing",
    amber: "Amber after (minutes)",
    red: "Red after (minutes)",
    hint: "A ticket on a kitchen display turns amber, then red, when it waits this long.",
    save: "Save timing",
    saved: "Saved",
    order: "Amber must come before red.",
    whole: (max: number) => `Use whole minutes from 1 to ${max}.`,
    ownerOnly: "The owner sets these.",
  },
};
