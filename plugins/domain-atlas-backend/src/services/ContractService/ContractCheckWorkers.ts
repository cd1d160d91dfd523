import { Worker } from 'node:worker_threads';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  CONTRACT_CHECK_WORKER_FILE,
  CONTRACT_CHECK_WORKER_MARK,
  ContractCheckOutcome,
  ContractCheckTask,
} from './contractCheckWorker';

/**
 * What a worker loads first. The built package's module is plain
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

/** The limits each worker runs under. */
export interface ContractCheckWorkerLimits {
  /** Wall-clock time of one check, worker start included. */
  timeoutMs: number;
  /** The worker's heap (V8 old generation). */
  maxMemoryMb: number;
}

const duration = (ms: number) =>
  ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;

/**
 * Runs each contract check in a worker thread of its own, started for the
 * check and ended with it. A fresh worker per check keeps the limits
 * simple and exact: the heap limit is one check's, a check that runs over
 * its time is stopped with `terminate()` and leaves nothing behind (no
 * half-used parser state to reuse), and an idle backend holds no threads.
 * The price is the start: about 0.2 s from the built package, mostly
 * loading the diff libraries, against a second or more for a large diff.
 */
export class ContractCheckWorkers {
  private readonly limits: ContractCheckWorkerLimits;
  private readonly file: string;
  private readonly transform: string | undefined;

  constructor(limits: ContractCheckWorkerLimits) {
    this.limits = limits;
    this.file = CONTRACT_CHECK_WORKER_FILE;
    this.transform = transformFor(this.file);
  }

  /**
   * The check's outcome. A worker over its time or memory ends in a 503
   * that names the limit; a worker that fails otherwise, in its error.
   */
  async run(task: ContractCheckTask): Promise<ContractCheckOutcome> {
    const { timeoutMs, maxMemoryMb } = this.limits;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        [CONTRACT_CHECK_WORKER_MARK]: true,
        file: this.file,
        transform: this.transform,
        task,
      },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb },
    });
    const answered = new Promise<ContractCheckOutcome>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', error =>
        reject(
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ServiceUnavailableError(
                `Comparing the definitions needed more than ${maxMemoryMb} MB of memory and was stopped (domainAtlas.contractCheck.maxMemoryMb)`,
              )
            : error,
        ),
      );
      worker.once('exit', code =>
        reject(
          new Error(
            `The contract check worker stopped with exit code ${code} before it answered`,
          ),
        ),
      );
    });
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new ServiceUnavailableError(
              `Comparing the definitions took longer than ${duration(
                timeoutMs,
              )} and was stopped (domainAtlas.contractCheck.timeout)`,
            ),
          ),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([answered, expired]);
    } finally {
      clearTimeout(timer);
      // Ends a worker over its time at once; one that answered is ending.
      worker.terminate().catch(() => {});
    }
  }
}
