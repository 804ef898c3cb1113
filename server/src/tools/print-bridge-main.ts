// `npm run print-bridge -w server`: the print bridge on a computer inside the venue, for when
// the servers cannot reach its printers (docs/architecture.md, "The print bridge"). Set
// ORDERED_URL (the servers' address), PRINT_BRIDGE_EMAIL and PRINT_BRIDGE_PASSWORD (a KITCHEN
// account made for it on the panel), and optionally PRINT_BRIDGE_ID (keeps its id across restarts).
import { startPrintBridge } from "./print-bridge.js";

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required (see the comment at the top of print-bridge-main.ts)`);
    process.exit(2);
  }
  return value;
};

const bridge = await startPrintBridge({
  url: need("ORDERED_URL"),
  email: need("PRINT_BRIDGE_EMAIL"),
  password: need("PRINT_BRIDGE_PASSWORD"),
  ...(process.env.PRINT_BRIDGE_ID ? { bridgeId: process.env.PRINT_BRIDGE_ID } : {}),
});
const stop = () => void bridge.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
