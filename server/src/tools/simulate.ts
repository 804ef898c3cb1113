// `npm run simulate -- [--url http://localhost:3000] [--sessions 5] [--customers 3] [--interval 2000] [--no-advance]
//   [--kitchen [--prep-seconds 30] [--capacity 4]]`
// Demo load against a running server, until Ctrl-C. With --kitchen, simulated cooks work the
// tickets (each dish its own preparation time, a station `capacity` items at once) and the
// waiting-time estimates' error is reported (issue 35).
import { parseArgs } from "node:util";
import { DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD } from "../demo/demo-seed.js";
import { runSimulation } from "./simulator.js";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: process.env.ORDERED_URL ?? "http://localhost:3000" },
    email: { type: "string", default: DEMO_OWNER_EMAIL },
    password: { type: "string", default: DEMO_OWNER_PASSWORD },
    sessions: { type: "string", default: "5" },
    customers: { type: "string", default: "3" },
    interval: { type: "string", default: "2000" },
    "no-advance": { type: "boolean", default: false },
    kitchen: { type: "boolean", default: false },
    "prep-seconds": { type: "string", default: "30" },
    capacity: { type: "string", default: "4" },
  },
});

const controller = new AbortController();
// `on`, not `once`: Ctrl-C reaches every process of the group, and a wrapper may pass it on
// again; a second SIGINT without a listener would kill us before the summary.
process.on("SIGINT", () => {
  if (controller.signal.aborted) return;
  console.log("\nstopping: closing the simulated sessions…");
  controller.abort();
});

const started = Date.now();
const result = await runSimulation({
  url: values.url!,
  email: values.email!,
  password: values.password!,
  sessions: Number(values.sessions),
  customersPerSession: Number(values.customers),
  intervalMs: Number(values.interval),
  advance: !values["no-advance"],
  ...(values.kitchen ? { kitchen: { prepSeconds: Number(values["prep-seconds"]), capacity: Number(values.capacity) } } : {}),
  signal: controller.signal,
  log: (line) => console.log(line),
});
const seconds = (Date.now() - started) / 1000;
console.log(
  `${result.placed} orders placed in ${seconds.toFixed(0)} s (${(result.placed / seconds).toFixed(1)}/s), ${result.failed} refused; ` +
    `accepted ${result.accepted}, rejected ${result.rejected}, delivered ${result.delivered}; ` +
    `ack p50 ${result.ackMs.p50.toFixed(1)} ms, p99 ${result.ackMs.p99.toFixed(1)} ms`,
);
if (result.estimate) {
  for (const [which, e] of [
    ["every order", result.estimate.all],
    ["once the kitchen had history", result.estimate.warm],
  ] as const) {
    console.log(
      `waiting-time estimate vs actual, ${which} (${e.orders} orders): |error| p50 ${e.absP50.toFixed(1)} s, p90 ${e.absP90.toFixed(1)} s, ` +
        `bias ${e.bias >= 0 ? "+" : ""}${e.bias.toFixed(1)} s (+: later than said), relative p50 ${(e.relP50 * 100).toFixed(0)} %`,
    );
  }
}
