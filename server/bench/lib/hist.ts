// Latency histograms (HdrHistogram, 3 significant digits) recorded in microseconds and
// reported in milliseconds. One clock for everything: process.hrtime (CLOCK_MONOTONIC on
// Linux), which is the same clock in every process of the machine, so arrival times sent
// back by the socket-holder processes are comparable with send times taken here.
import * as hdr from "hdr-histogram-js";

/** Microseconds on the machine-wide monotonic clock. */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

export const PERCENTILES = [50, 90, 99, 99.9] as const;

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  "p99.9": number;
  max: number;
  mean: number;
}

export class Latency {
  private readonly h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  });

  /** Records a duration in microseconds (negative values, from clock noise, count as 0). */
  record(us: number): void {
    this.h.recordValue(Math.max(0, Math.round(us)));
  }

  get count(): number {
    return this.h.totalCount;
  }

  summary(): Summary {
    const ms = (us: number) => Math.round(us / 10) / 100;
    return {
      count: this.h.totalCount,
      p50: ms(this.h.getValueAtPercentile(50)),
      p90: ms(this.h.getValueAtPercentile(90)),
      p99: ms(this.h.getValueAtPercentile(99)),
      "p99.9": ms(this.h.getValueAtPercentile(99.9)),
      max: ms(this.h.maxValue),
      mean: ms(this.h.mean),
    };
  }
}

/** An empty summary for a measurement that did not run. */
export const emptySummary = (): Summary => ({ count: 0, p50: 0, p90: 0, p99: 0, "p99.9": 0, max: 0, mean: 0 });
