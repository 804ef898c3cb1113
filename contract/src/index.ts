export * from "./commands.js";
export * from "./dto.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./fields.js";
export * from "./limits.js";
export * from "./order-status.js";
export * from "./requests.js";
