#!/usr/bin/env node
// `npm start`: on a fresh machine with PostgreSQL and Redis on their default ports, build
// everything (unless nothing changed since the last build: build-stamp.mjs), create and
// migrate the database, seed the demo when it is missing, then run one server and one
// worker until Ctrl-C.
import { spawn } from "node:child_process";
import { builtFromCurrentSources, stampBuild } from "./build-stamp.mjs";
import { defaults, generateClient, migrate, requireServices, root, run } from "./services.mjs";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
// This is the two-command path to try Ordered: with a demo venue unless told otherwise
// (SEED_DEMO=false for a real venue; the server refuses the demo's password without this).
env.SEED_DEMO ??= "true";
for (const [k, v] of Object.entries(defaults)) env[k] ??= v;
env.PORT ??= "3000";

await requireServices(env);
if (builtFromCurrentSources(root)) {
  console.log("Nothing changed since the last build: using server/dist and web/dist as they are.");
} else {
  console.log("Building server and web app…");
  generateClient(env);
  run("npm", ["run", "--silent", "build:server"], env);
  run("npm", ["run", "--silent", "build:web"], env);
  stampBuild(root);
}
console.log("Applying migrations…");
await migrate(env);
// Outside production a JWT secret is generated into .secrets/ on first start; in
// production (the default here) main.ts requires JWT_SECRET, so derive it the same way.
if (!env.JWT_SECRET) {
  const { devSecret } = await import(`${root}server/dist/secrets.js`);
  env.JWT_SECRET = devSecret(`${root}.secrets`);
}

if (env.SEED_DEMO === "true") run("node", ["server/dist/demo/seed.js"], env);

const children = [];
const start = (name, file) => {
  const child = spawn("node", [file], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${code ?? signal}); stopping.`);
      stop(code || 1);
    }
  });
  children.push(child);
};
let stopping = false;
const stop = (code = 0) => {
  stopping = true;
  for (const c of children) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 200).unref();
};
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

start("server", "server/dist/main.js");
start("worker", "server/dist/worker-main.js");
const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
console.log(`\nOrdered is starting at ${publicUrl}  (staff panel: ${publicUrl}/panel)\n`);
if (env.SEED_DEMO === "true") await printDemoPhoneLink(`http://127.0.0.1:${env.PORT}`);

/**
 * A phone page needs a seated table: a table's printed card answers "this table is free"
 * until staff seat it. So the demo gets one seated table, and its link is printed.
 */
async function printDemoPhoneLink(base) {
  const call = async (method, path, token, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}`);
    return res.json();
  };
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i === 150) return; // 30 s: the server's own output says why it is not up
      await new Promise((r) => setTimeout(r, 200)); // polling interval until the server answers
    }
    const { token } = await call("POST", "/api/auth/login", null, { email: "owner@demo.ordered", password: "ordered-demo" });
    const { sessions } = await call("GET", "/api/sessions?status=OPEN", token);
    let seated = sessions.find((s) => s.tableId);
    if (!seated) {
      const { tables } = await call("GET", "/api/tables", token);
      if (tables.length === 0) return;
      seated = (await call("POST", "/api/sessions", token, { tableId: tables[0].id })).session;
    }
    console.log(
      `A phone at the demo's ${seated.label} (seated for you): ${seated.joinUrl}\n` +
        'A table\'s printed card (/t/…) answers "this table is free" until staff seat it on the panel.\n',
    );
  } catch {
    // The demo's owner was changed or removed: nothing to print, the panel works as always.
  }
}
