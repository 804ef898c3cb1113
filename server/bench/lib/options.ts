// Command-line flags (and BENCH_* environment variables) of `npm run bench`.
import { parseArgs } from "node:util";

export const PHASES = ["latency", "throughput", "baseline", "capacity"] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  quick: boolean;
  /** Customer sockets in the latency and baseline phases (spread over sessions). */
  sockets: number;
  phonesPerSession: number;
  locations: number;
  staffPerLocation: number;
  /** Orders per second in the latency and baseline phases. */
  rate: number;
  /** Seconds of load in the latency and baseline phases. */
  duration: number;
  workers: number;
  workerConcurrency: number;
  /** Client processes that hold the sockets which only listen. */
  holders: number;
  /** Client processes that place the orders and time them (each takes whole venues). */
  drivers: number;
  throughputRates: number[];
  /** Seconds per throughput step. */
  throughputStep: number;
  capacityMax: number;
  capacityStep: number;
  /** Broadcasts measured per capacity step. */
  capacityRounds: number;
  phases: Phase[];
  build: boolean;
  /** Write V8 CPU profiles of the servers and the worker (node --cpu-prof). */
  cpuProf: boolean;
  /** Wall-clock budget of the whole run; phases that would start after it are skipped. */
  maxMinutes: number;
  outDir: string;
  databaseUrl: string;
  redisUrl: string;
}

const HELP = `npm run bench [-- flags]
  --quick                   ~500 sockets, 10 s phases, short ramps (development)
  --sockets N               customer sockets (default 5000, quick 500)
  --phones-per-session N    customer sockets per table session (default 4)
  --locations N             venues; each has its own staff room (default 10, quick 2)
  --staff-per-location N    staff panels per venue, all on instance A (default 2)
  --rate N                  orders per second, latency + baseline phases (default 200, quick 100)
  --duration S              seconds of load, latency + baseline phases (default 30, quick 10)
  --workers N               pipeline worker processes (default 1)
  --worker-concurrency N    jobs per stage per worker (default 4, the server's default)
  --holders N               client processes holding listening sockets (default 3)
  --drivers N               client processes placing and timing orders, whole venues each (default 4)
  --throughput-rates a,b,c  ramp of order rates (default 25,50,75,100,150,200,300,400,500; quick 25,50,100,200)
  --throughput-step S       seconds per ramp step (default 10, quick 4)
  --capacity-max N          most idle sockets on one instance (default 10000, quick 2000)
  --capacity-step N         sockets added per step (default 1000, quick 500)
  --capacity-rounds N       product toggles (broadcasts) timed at each capacity step (default 6)
  --phases a,b              subset of ${PHASES.join(",")} (default all)
  --no-build                use server/dist as it is (default: npm run build:server first)
  --cpu-prof                write .cpuprofile files of servers and worker into the results folder
  --max-minutes M           time budget; later phases are skipped (default 10)
  --out DIR                 results folder (default bench-results at the repo root)
Environment: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/ordered_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379).`;

export function parseOptions(argv: string[], repoRoot: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: process.env.BENCH_QUICK === "1" },
      sockets: { type: "string" },
      "phones-per-session": { type: "string" },
      locations: { type: "string" },
      "staff-per-location": { type: "string" },
      rate: { type: "string" },
      duration: { type: "string" },
      workers: { type: "string" },
      "worker-concurrency": { type: "string" },
      holders: { type: "string" },
      drivers: { type: "string" },
      "throughput-rates": { type: "string" },
      "throughput-step": { type: "string" },
      "capacity-max": { type: "string" },
      "capacity-step": { type: "string" },
      "capacity-rounds": { type: "string" },
      phases: { type: "string" },
      "no-build": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      "max-minutes": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = values.quick;
  const int = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
    const v = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return v;
  };
  const env = (k: string) => process.env[`BENCH_${k}`];
  const phases = (values.phases ?? env("PHASES") ?? PHASES.join(","))
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  for (const p of phases) if (!PHASES.includes(p as Phase)) throw new Error(`unknown phase ${p}; known: ${PHASES.join(", ")}`);
  const rates = (values["throughput-rates"] ?? env("THROUGHPUT_RATES") ?? (quick ? "25,50,100,200" : "25,50,75,100,150,200,300,400,500"))
    .split(",")
    .map(Number);
  if (rates.some((r) => !Number.isFinite(r) || r <= 0)) throw new Error("--throughput-rates must be positive numbers");
  return {
    quick,
    sockets: int("sockets", values.sockets ?? env("SOCKETS"), quick ? 500 : 5000),
    phonesPerSession: int("phones-per-session", values["phones-per-session"], 4),
    locations: int("locations", values.locations, quick ? 2 : 10),
    staffPerLocation: int("staff-per-location", values["staff-per-location"], 2),
    rate: int("rate", values.rate ?? env("RATE"), quick ? 100 : 200),
    duration: int("duration", values.duration ?? env("DURATION"), quick ? 10 : 30),
    workers: int("workers", values.workers, 1),
    workerConcurrency: int("worker-concurrency", values["worker-concurrency"], 4),
    holders: int("holders", values.holders, 3),
    drivers: int("drivers", values.drivers, 4),
    throughputRates: rates.sort((a, b) => a - b),
    throughputStep: int("throughput-step", values["throughput-step"], quick ? 4 : 10),
    capacityMax: int("capacity-max", values["capacity-max"] ?? env("CAPACITY_MAX"), quick ? 2000 : 10_000),
    capacityStep: int("capacity-step", values["capacity-step"], quick ? 500 : 1000),
    capacityRounds: int("capacity-rounds", values["capacity-rounds"], 6),
    phases: PHASES.filter((p) => phases.includes(p)),
    build: !values["no-build"],
    cpuProf: values["cpu-prof"],
    maxMinutes: int("max-minutes", values["max-minutes"], 10),
    outDir: values.out ?? `${repoRoot}/bench-results`,
    databaseUrl: env("DATABASE_URL") ?? "postgresql://postgres@127.0.0.1:5432/ordered_bench",
    redisUrl: env("REDIS_URL") ?? "redis://127.0.0.1:6379",
  };
}
