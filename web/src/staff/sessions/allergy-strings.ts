/**
 * A table's declared allergies on the panel (issue 35): the sheet's section, the form staff
 * record a seat's (or correct a phone's) with, the tag on an order's lines and the kitchen's
 * acknowledgement. English; sessions/strings.ts carries them as `staffAllergies`.
 */
export const allergyStrings = {
  heading: "Allergies",
  sectionLabel: (table: string) => `Allergies at ${table}`,
  none: "No allergies or diets declared at this table.",
  seat: (n: number) => `Seat ${n}`,
  unknownPhone: "A phone",
  /** Who last changed it: a staff member, or the guest on their phone. */
  byGuest: (time: string) => `declared by the guest · ${time}`,
  byStaff: (name: string, time: string) => `recorded by ${name} · ${time}`,
  note: "Note",
  record: "Record allergies",
  recordLabel: (table: string) => `Record allergies at ${table}`,
  edit: "Change",
  editLabel: (guest: string) => `Change the allergies of ${guest}`,
  /** The form (AllergyDialog). */
  dialogTitle: (table: string) => `Allergies at ${table}`,
  editTitle: (guest: string) => `Allergies of ${guest}`,
  whose: "Whose",
  aSeat: "A seat (a guest without a phone)",
  aPhone: "A phone",
  seatNumber: "Seat number",
  seatHint: "1 to 99, as on the order pad",
  phone: "Phone",
  choosePhone: "Choose a phone…",
  allergens: "Allergens",
  diets: "Diets",
  noteField: "Note (optional)",
  notePlaceholder: "e.g. severe, carries an EpiPen",
  save: "Save",
  saving: "Saving…",
  clear: "Clear all",
  clearHint: "Clearing removes this guest's declaration: the kitchen is no longer warned.",
  cancel: "Cancel",
  pickPhone: "Choose the phone whose allergies these are.",
  badSeat: "The seat must be a number from 1 to 99.",
  noteTooLong: (max: number) => `The note can be at most ${max} characters.`,
  saved: (guest: string) => `Allergies of ${guest} saved`,
  cleared: (guest: string) => `Allergies of ${guest} cleared`,
  loadFailed: (message: string) => `The table's allergies could not be loaded: ${message}`,
  /** On an order's line (StaffOrderCard). */
  lineTag: (what: string) => `⚠ ${what}`,
  lineOf: (guest: string) => `Allergy of ${guest}: `,
  contains: (allergens: string) => `contains ${allergens}`,
  notDiet: (diet: string) => `not ${diet}`,
  /** The kitchen read the declaration on the order's ticket before starting it. */
  readBy: (who: string, time: string) => `Allergies read by the kitchen: ${who}, ${time}`,
  readByStation: (station: string, who: string, time: string) => `Allergies read by ${station}: ${who}, ${time}`,
  readSomeone: "someone",
  readStale: "changed since: not read again yet",
};
