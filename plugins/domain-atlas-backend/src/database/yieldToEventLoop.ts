/**
 * Lets other work run between statements. SQLite's driver answers
 * synchronously, and awaiting its answers alone never lets timers or I/O
 * in: without this, storing or reading a large report, or thousands of API
 * definitions, would hold the event loop for its whole length.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>(resolve => setImmediate(resolve));
}
