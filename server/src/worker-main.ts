// The pipeline worker process: `node dist/worker-main.js`. Run any number of them.
import { boot, run, stopOnSignal } from "./boot.js";
import { serveMetrics } from "./metrics/metrics.js";
import { createPipelineWorker } from "./pipeline/worker.js";

run(async () => {
  // Both stages share concurrency + 2 connections (config.ts says why so few).
  const p = await boot("worker", { poolSize: (c) => c.pipeline.concurrency + 2, redisRetries: null });
  const worker = createPipelineWorker({
    prisma: p.prisma,
    redis: p.redis,
    redisTarget: p.config.redis,
    log: p.log,
    options: { prefix: p.config.redisPrefix, ...p.config.pipeline },
    printing: p.config.printing,
  });
  const metrics = await serveMetrics(worker.metrics, { ...p.config.metrics, log: p.log });
  p.log.info({ concurrency: p.config.pipeline.concurrency, metricsPort: p.config.metrics.port }, "pipeline worker running");
  // worker.close() waits for running jobs to finish, so nothing is left half done.
  stopOnSignal(
    p,
    async () => {
      metrics?.close();
      await worker.close();
    },
    15_000,
  );
});
