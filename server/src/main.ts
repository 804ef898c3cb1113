// The API and socket server: `node dist/main.js`. Run any number behind a sticky load balancer.
import path from "node:path";
import { createApp } from "./app.js";
import { boot, repoRoot, run, stopOnSignal } from "./boot.js";
import { assertNoDemoPassword } from "./demo/demo-guard.js";
import { serveMetrics } from "./metrics/metrics.js";

run(async () => {
  const p = await boot("server", {
    env: { WEB_DIST: path.join(repoRoot, "web/dist") },
    poolSize: (c) => c.databasePoolSize,
    redisRetries: 2,
  });
  await assertNoDemoPassword(p.prisma, p.config);
  const app = createApp(p);
  await new Promise<void>((resolve) => app.httpServer.listen(p.config.port, p.config.host, resolve));
  const metrics = await serveMetrics(app.metrics, { ...p.config.metrics, log: p.log });
  p.log.info({ url: p.config.publicUrl, port: p.config.port, metricsPort: p.config.metrics.port }, "Ordered server listening");
  // Stop accepting, close sockets and queues, then the connections.
  stopOnSignal(p, async () => {
    metrics?.close();
    await app.close();
  });
});
