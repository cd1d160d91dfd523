// Polls until a probe gives a value: the benches wait for a backend to
// start and for the catalog to process their entities.

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The first truthy value of `probe()`, tried every 2 s; a probe that throws
 * counts as "not yet". Throws once `timeoutMs` has passed.
 */
export async function waitFor(what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(2000);
  }
}
