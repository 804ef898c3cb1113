import { type ChildProcess, spawn } from "node:child_process";
import { createApiClient } from "../../src/tools/api-client.js";
import { freePort } from "../../src/tools/free-port.js";
import { repoRoot } from "../support/global-setup.js";
import { freshPrefix } from "../support/harness.js";
import { describe, expect, it } from "../support/kit.js";

// The README's first command, `npm start` (scripts/start.mjs), as a newcomer runs it: on a
// database that does not exist yet. `npm test` builds first and stamps the build, so start
// uses it as it is (that is part of what is tested); run alone, start builds (minutes).

/** Runs start.mjs until `until` appears in its output; resolves with the output so far. */
function startUntil(env: Record<string, string>, until: RegExp, timeoutMs: number): { child: ChildProcess; output: Promise<string> } {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const output = new Promise<string>((resolve, reject) => {
    // A deadline, not a wait: resolves as soon as the line is printed.
    const timer = setTimeout(() => reject(new Error(`npm start did not print ${until} in time:\n${text}`)), timeoutMs);
    const onData = (d: Buffer) => {
      text += d;
      if (until.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${text}`));
    });
  });
  return { child, output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe("npm start", () => {
  it("creates and migrates the database, seeds the demo, and prints the panel and a seated table's phone link that work", async ({
    scratchDatabase,
    resources,
  }) => {
    const port = await freePort();
    const env = {
      DATABASE_URL: scratchDatabase(),
      PORT: String(port),
      REDIS_PREFIX: freshPrefix(),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    const { child, output } = startUntil(env, /A phone at the demo's .*: (\S+)\n/, 240_000);
    resources.add(child, stop);
    const printed = await output;

    expect(printed).toContain(`Ordered is starting at http://127.0.0.1:${port}  (staff panel: http://127.0.0.1:${port}/panel)`);
    expect(printed).toContain("Demo login: owner@demo.ordered / ordered-demo");
    expect(printed).toContain('answers "this table is free" until staff seat it');
    const link = /A phone at the demo's .*: (\S+)\n/.exec(printed)![1]!;
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/s/`));

    // The link is a seated table's: a phone joins with its code and is not asked for a PIN.
    const api = createApiClient(`http://127.0.0.1:${port}`);
    const joined = await api.joinSession(link.slice(link.lastIndexOf("/") + 1), "Newcomer");
    expect(joined.customer.displayName).toBe("Newcomer");
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/panel`)).status).toBe(200);
    const { token } = await api.login({ email: "owner@demo.ordered", password: "ordered-demo" });
    expect(token).toBeTruthy();
  }, 300_000);
});
