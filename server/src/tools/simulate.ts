// `npm run simulate -- [--url http://localhost:3000] [--sessions 5] [--customers 3] [--interval 2000] [--no-advance]`
// Demo load against a running server, until Ctrl-C.
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
  signal: controller.signal,
  log: (line) => console.log(line),
});
const seconds = (Date.now() - started) / 1000;
console.log(
  `${result.placed} orders placed in ${seconds.toFixed(0)} s (${(result.placed / seconds).toFixed(1)}/s), ${result.failed} refused; ` +
    `accepted ${result.accepted}, rejected ${result.rejected}, delivered ${result.delivered}; ` +
    `ack p50 ${result.ackMs.p50.toFixed(1)} ms, p99 ${result.ackMs.p99.toFixed(1)} ms`,
);
