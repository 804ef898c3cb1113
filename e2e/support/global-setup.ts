import { type ChildProcess, spawn } from "node:child_process";
import { migrateDatabase } from "../../server/dist/db/migrate.js";
import { createApiClient } from "../../server/dist/tools/api-client.js";
import { E2E_DATABASE_URL, E2E_PORTS, repoRoot, serverEnv } from "./env.js";

/**
 * Creates and migrates the e2e database (tests seed their own locations into it), then
 * starts two server instances and a pipeline worker over the same PostgreSQL and Redis. Playwright's webServer
 * option starts before globalSetup, so the database would not exist yet; hence this.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  await migrateDatabase(E2E_DATABASE_URL);
  const children = [
    ...E2E_PORTS.map((port) => startProcess("server/dist/main.js", serverEnv(port))),
    startProcess("server/dist/worker-main.js", serverEnv(0)),
  ];
  await Promise.all(E2E_PORTS.map((port) => waitForHealth(port)));
  return async () => {
    await Promise.all(children.map(stopProcess));
  };
}

function startProcess(file: string, env: Record<string, string>): ChildProcess {
  const child = spawn("node", [file], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  child.on("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM") console.error(`${file} (port ${env.PORT}) exited with ${code ?? signal}`);
  });
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function waitForHealth(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await createApiClient(`http://127.0.0.1:${port}`).request("GET", "/api/health")).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval until the server answers
  }
  throw new Error(`server on port ${port} did not become healthy`);
}
