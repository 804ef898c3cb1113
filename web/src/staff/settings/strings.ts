/** The location's settings' strings (English; strings.ts gathers every area's). */
export const settingStrings = {
  /** /panel/settings: the location's receipts and time zone (issue 33). */
  settingsPage: {
    title: "Settings",
    navLink: "Settings",
  },
  receipts: {
    title: "Receipts",
    intro: "Who issues your receipts, printed on each one as the law asks.",
    legalName: "Legal name",
    legalNamePlaceholder: "e.g. Trattoria Roma GmbH",
    address: "Address",
    addressHint: "One line each: street, postcode and town, country.",
    taxId: "Tax id",
    taxIdPlaceholder: "e.g. DE123456789",
    taxIdHint: "Your VAT number or tax number.",
    save: "Save receipt details",
    saved: "Saved",
    nothingChanged: "Nothing changed.",
    notSet: "not set",
  },
  onlinePayments: {
    title: "Payments on phones",
    intro:
      "With a Stripe account, guests pay their share, the whole bill or an amount, with a tip, on their phone (Stripe's own page: cards, Apple Pay, Google Pay). Without, staff record cash and card payments.",
    on: (hint: string, test: boolean) => `On: Stripe ${test ? "test mode " : ""}(key ${hint})`,
    off: "Off: payments are recorded by staff.",
    updated: (who: string | null) => (who ? `Keys set by ${who}` : "Keys set"),
    secretKey: "Secret key",
    secretKeyHint: "From Stripe's dashboard: Developers → API keys (sk_live_… or a restricted rk_live_… key). Never shown again here.",
    webhookSecret: "Webhook signing secret",
    webhookHint:
      "In Stripe's dashboard, add a webhook endpoint at this address for the checkout.session events, then paste its signing secret (whsec_…):",
    save: "Save Stripe keys",
    saved: "Saved: guests can pay on their phones.",
    remove: "Turn off payments on phones",
    removed: "Turned off.",
    confirmRemove: "Guests will no longer pay on their phones; payments already made stay recorded.",
  },
  timeZone: {
    title: "Time zone",
    intro: "The venue's time zone: categories' serving times, the day's takings and receipts use it.",
    current: (zone: string) => `Now: ${zone}`,
    filter: "Find a time zone",
    filterPlaceholder: "e.g. Berlin or New York",
    select: "Time zone",
    matches: (n: number) => (n === 1 ? "1 match" : `${n} matches`),
    save: "Save time zone",
    saved: "Saved",
  },
  dayCutoff: {
    title: "Business day",
    hour: "The day starts at",
    hint: (hour: string) =>
      `Receipts closed before ${hour} count to the day before, so a late night stays on one Z report. Receipts already closed keep their day.`,
    save: "Save start of day",
    saved: "Saved",
  },
  /** The language paper tickets print in (issue 34). */
  kitchenLanguage: {
    title: "Kitchen tickets",
    language: "Kitchen tickets' language",
    hint: "Printed tickets and void slips use this language, whatever language the guests ordered in.",
    save: "Save language",
    saved: "Saved",
  },
  /** The language the menu's own texts are written in (issue 35). */
  menuLanguage: {
    title: "Menu language",
    language: "Language the menu is written in",
    hint: "The language of your products', categories' and options' own names. Phones in this language show them as they are; phones in other languages show the translations entered under Translations.",
    save: "Save menu language",
    saved: "Saved",
  },
  serviceCharge: {
    title: "Service charge",
    percent: "Percent of each bill",
    hint: "Added to every bill after its discounts, as its own line on the bill, the phones and the receipt. Tables seated from now on take it; open bills keep theirs.",
    save: "Save service charge",
    saved: "Saved",
    invalid: (max: number) => `Use a percent from 0 to ${max}, in hundredths at most (e.g. 12.5).`,
  },
  /** Net or gross prices (issue 33). */
  taxPrices: {
    title: "Prices and tax",
    intro: "Whether your menu's prices include tax, or the bill adds it per rate.",
    gross: "Prices include tax",
    grossHint: "As in most of Europe: the receipt shows the tax contained in each rate's total.",
    net: "Tax is added to prices",
    netHint: "As in the US and Canada: the bill adds each rate's tax on top of the prices.",
    warning: (gross: boolean) =>
      gross
        ? "This changes how future orders are billed: tables seated from now on pay the menu's prices with tax included. Open tables and closed receipts keep theirs."
        : "This changes how future orders are billed: tables seated from now on pay the menu's prices plus tax. Open tables and closed receipts keep theirs.",
    save: "Save prices and tax",
    saved: "Saved",
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
