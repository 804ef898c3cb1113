#!/usr/bin/env node
// `npm start`: on a fresh machine with PostgreSQL and Redis on their default ports, build
// everything, create and migrate the database, seed the demo when it is missing, then run
// one server and one worker until Ctrl-C.
import { spawn } from "node:child_process";
import { defaults, generateClient, migrate, requireServices, root, run } from "./services.mjs";

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
for (const [k, v] of Object.entries(defaults)) env[k] ??= v;
env.PORT ??= "3000";

await requireServices(env);
console.log("Building server and web app…");
generateClient(env);
run("npm", ["run", "--silent", "build:server"], env);
run("npm", ["run", "--silent", "build:web"], env);
console.log("Applying migrations…");
await migrate(env);
// Outside production a JWT secret is generated into .secrets/ on first start; in
// production (the default here) main.ts requires JWT_SECRET, so derive it the same way.
if (!env.JWT_SECRET) {
  const { devSecret } = await import(`${root}server/dist/secrets.js`);
  env.JWT_SECRET = devSecret(`${root}.secrets`);
}

if (env.SEED_DEMO !== "false") run("node", ["server/dist/demo/seed.js"], env);

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
