import { useEffect, useRef, useState } from "react";

interface Props {
  /** The chart's name, its caption and accessible name. */
  title: string;
  /** One bar per label, in order. */
  labels: readonly string[];
  /** Integer cents per label. */
  values: readonly number[];
  formatValue: (cents: number) => string;
  loadingText: string;
  height?: number;
}

/**
 * A bar chart drawn by uPlot on a canvas. uPlot (~50 KB) and its stylesheet are imported when
 * a chart first renders, so they are a chunk of their own, fetched only on the reports page.
 * Why uPlot: a canvas chart library that small and that fast (docs/architecture.md, "Closing the day").
 */
export function BarChart({ title, labels, values, formatValue, loadingText, height = 220 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const format = useRef(formatValue);
  format.current = formatValue;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | undefined;
    let observer: ResizeObserver | undefined;
    let gone = false;
    Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([{ default: uPlot }]) => {
      if (gone) return;
      const css = getComputedStyle(el);
      const colour = css.getPropertyValue("--primary").trim() || "#2f6fde";
      const text = css.getPropertyValue("--text").trim() || css.color;
      const grid = css.getPropertyValue("--border").trim() || "#8884";
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      const xs = labels.map((_, i) => i);
      plot = new uPlot(
        {
          width: Math.max(200, el.clientWidth),
          height,
          legend: { show: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
          axes: [
            { ...axis, values: (_u, ticks) => ticks.map((i) => (Number.isInteger(i) ? (labels[i] ?? "") : "")) },
            { ...axis, size: 70, values: (_u, ticks) => ticks.map((c) => format.current(Math.round(c))) },
          ],
          series: [
            {},
            {
              label: title,
              stroke: colour,
              fill: `${colour}99`,
              width: 1,
              points: { show: false },
              paths: uPlot.paths.bars?.({ size: [0.7, 60] }),
            },
          ],
        },
        [xs, [...values]],
        el,
      );
      observer = new ResizeObserver(() => plot?.setSize({ width: Math.max(200, el.clientWidth), height }));
      observer.observe(el);
      setReady(true);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [labels, values, title, height]);

  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="report-chart-canvas" role="img" aria-label={title} />
      {!ready && <p className="muted small">{loadingText}</p>}
    </figure>
  );
}
