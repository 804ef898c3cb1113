/**
 * `@ordered/contract/client`: what a browser needs at run time, without zod. The schemas
 * (commands, dto, events, fields, requests, responses, the route table) stay out; their inferred types come along as
 * types only (`export type *`), which vanish from the bundle. The web app imports from
 * here so a guest's phone never downloads a schema library it does not run, whatever the
 * bundler's tree-shaking would have made of `@ordered/contract`.
 */
export * from "./allergies.js";
export * from "./allergy-notes.js";
export * from "./bill.js";
export * from "./bill-split.js";
export * from "./brand-color.js";
export * from "./business-day.js";
export type * from "./commands.js";
export * from "./corrections.js";
export type * from "./day-report.js";
export type * from "./dto.js";
export * from "./errors.js";
export * from "./event-names.js";
export type * from "./events.js";
export type * from "./fields.js";
export * from "./kitchen.js";
export * from "./limits.js";
export * from "./menu.js";
export * from "./menu-language.js";
export * from "./order-status.js";
export * from "./printers.js";
export * from "./receipt-mail.js";
export type * from "./requests.js";
export type * from "./responses.js";
export * from "./rest.js";
export * from "./route-def.js";
export * from "./session-kinds.js";
export * from "./split.js";
export * from "./staff-roles.js";
export * from "./tax.js";
