// Summarises V8 .cpuprofile files (from `npm run bench -w server -- --cpu-prof`): self time
// by package (node_modules/<name>, our dist/, node internals) and the hottest functions.
//   npx tsx server/bench/cpu-profile-summary.ts [--window FROM_US,TO_US] bench-results/<run>/cpu-profiles/*.cpuprofile
// --window keeps only samples in that span of the monotonic clock (V8's profile clock is the
// same CLOCK_MONOTONIC as process.hrtime): use a phase's procs.windowUs from the results JSON.
import { readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function bucket(url: string): string {
  if (!url) return "(native / GC / idle)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return "node internals";
  const dist = url.indexOf("/server/dist/");
  if (dist >= 0) return `ordered: ${url.slice(dist + "/server/dist/".length).split("/")[0]}`;
  return path.basename(url);
}

const top = Number(process.env.TOP ?? 15);
const args = process.argv.slice(2);
let window: [number, number] | null = null;
if (args[0] === "--window") {
  const [from, to] = args[1]!.split(",").map(Number);
  window = [from!, to!];
  args.splice(0, 2);
}
for (const file of args) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    if (window && (t < window[0] || t > window[1])) return;
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) => ["(idle)", "(program)"].includes(byId.get(id)!.callFrame.functionName))
    .reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const pkgs = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)" || f.functionName === "(program)") continue;
    const b = f.functionName === "(garbage collector)" ? "(garbage collector)" : bucket(f.url);
    pkgs.set(b, (pkgs.get(b) ?? 0) + t);
    const key = `${f.functionName || "(anonymous)"}  ${bucket(f.url)}${f.url ? `:${f.lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + t);
  }
  const pct = (t: number) => `${((100 * t) / Math.max(1, busy)).toFixed(1).padStart(5)}%`;
  console.log(
    `\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s on CPU (${((100 * busy) / Math.max(1, total)).toFixed(0)}%)`,
  );
  console.log("  self time by package (share of CPU time):");
  for (const [k, t] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(t)}  ${k}`);
  console.log("  hottest functions:");
  for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${pct(t)}  ${k}`);
}
