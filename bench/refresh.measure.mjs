// What bench:refresh measures in its own process: the event loop's delay,
// the resident set size, and loopback HTTP load with latency percentiles.

import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const MiB = 1024 * 1024;

/** Starts the line with a size's figures, which a child prints for its parent. */
export const RESULT = 'bench:refresh:result ';

/**
 * Samples the RSS every 50 ms for the life of the process. `window()`
 * starts a new window and returns a function giving its peak so far.
 */
export function rssSampler() {
  const windows = new Set();
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    for (const w of windows) w.peak = Math.max(w.peak, rss);
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  return {
    window() {
      const w = { peak: process.memoryUsage.rss() };
      windows.add(w);
      return () => {
        sample();
        windows.delete(w);
        return w.peak / MiB;
      };
    },
    peakMiB: () => (sample(), peak / MiB),
    stop: () => clearInterval(timer),
  };
}

/**
 * Watches the event loop while `work()` runs: the maximum delay of
 * `monitorEventLoopDelay` (resolution 10 ms; its histogram is in ns), and
 * the stalls over 50 ms seen by a 10 ms timer, with when they began
 * (ms after the start).
 */
export async function watchEventLoop(work) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const stalls = [];
  let start = performance.now();
  let last = start;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - 10;
    if (late > 50) stalls.push({ atMs: last - start, ms: late });
    last = now;
  }, 10);
  histogram.enable();
  try {
    // The histogram's first tick only sets its clock: a stall before it
    // would go unrecorded.
    await sleep(30);
    start = performance.now();
    last = start;
    const value = await work();
    // The tick after the last stall records it.
    await sleep(30);
    return { value, start, maxDelayMs: histogram.max / 1e6, stalls };
  } finally {
    histogram.disable();
    clearInterval(timer);
  }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/**
 * Sends GETs of `paths` (in turn) from `concurrency` clients over
 * keep-alive connections (fetch's default agent), until `requests` were
 * sent or, with `until`, until that promise settles. Returns p50/p95/p99
 * and the maximum in ms, how many were answered, how many failed, and the rate.
 */
export async function load({
  baseUrl,
  authorization,
  paths,
  concurrency,
  requests = Infinity,
  until,
}) {
  let done = false;
  const stop = () => {
    done = true;
  };
  until?.then(stop, stop);
  const latencies = [];
  const errors = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!done && next < requests) {
        const path = paths[next++ % paths.length];
        const t0 = performance.now();
        try {
          const response = await fetch(`${baseUrl}${path}`, {
            headers: { authorization },
          });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${response.status}`);
          latencies.push(performance.now() - t0);
        } catch (error) {
          // Counted, not fatal: a backend that drops requests under a
          // blocked event loop is a finding, not a broken bench.
          errors.push(
            `${error.message}${
              error.cause ? ` (${error.cause.code ?? error.cause.message})` : ''
            }`,
          );
        }
      }
    }),
  );
  if (latencies.length === 0 && errors.length > 0) {
    throw new Error(`every GET ${paths[0]} failed: ${errors[0]}`);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors: errors.length,
    firstError: errors[0],
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    perSecond: latencies.length / seconds,
  };
}
