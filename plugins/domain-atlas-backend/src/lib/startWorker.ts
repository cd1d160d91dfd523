import { Worker } from 'node:worker_threads';

/**
 * What a worker loads first. The built package's modules are plain
 * CommonJS. From TypeScript sources (`backstage-cli package start`, and
 * jest, which does not transform worker threads) Backstage's Node transform
 * compiles them, as it does for the backend itself; a worker inherits the
 * `--require` of `package start` anyway, so requiring it again is a no-op.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.transform) require(workerData.transform);
require(workerData.file);
`;

function transformFor(file: string): string | undefined {
  if (!/\.[cm]?tsx?$/.test(file)) {
    return undefined;
  }
  try {
    // Running from source, where @backstage/cli (which brings
    // @backstage/cli-node) is installed.
    return require.resolve('@backstage/cli-node/config/nodeTransform.cjs');
  } catch {
    // Another TypeScript loader: the worker inherits it with execArgv.
    return undefined;
  }
}

/**
 * Starts a worker thread that loads the module `file` (its `__filename`:
 * `src/…/*.ts` in development and tests, `dist/…/*.cjs.js` in the built
 * package, as the build keeps one output file per source module) with
 * `workerData`, its heap limited to `maxMemoryMb`.
 */
export function startWorker(
  file: string,
  workerData: Record<string, unknown>,
  maxMemoryMb: number,
): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...workerData, file, transform: transformFor(file) },
    resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
  });
}

/** Whether a worker's `error` is its running out of memory. */
export function isOutOfMemory(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}
