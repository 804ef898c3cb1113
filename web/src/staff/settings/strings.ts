/** The location's settings' strings (English; strings.ts gathers every area's). */
export const settingStrings = {
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
