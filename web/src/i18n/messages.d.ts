// Compiled message catalogs, from i18n-catalogs.ts (a Vite plugin).
declare module "virtual:ordered-messages/*" {
  import type { Messages } from "@lingui/core";

  const messages: Messages;
  export default messages;
}
