import { ServiceUnavailableError } from '@backstage/errors';
import {
  CONTRACT_CHECK_WORKER_FILE,
  CONTRACT_CHECK_WORKER_MARK,
  ContractCheckOutcome,
  ContractCheckTask,
} from './contractCheckWorker';
import { isOutOfMemory, startWorker } from '../../lib/startWorker';

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

  constructor(limits: ContractCheckWorkerLimits) {
    this.limits = limits;
  }

  /**
   * The check's outcome. A worker over its time or memory ends in a 503
   * that names the limit; a worker that fails otherwise, in its error.
   */
  async run(task: ContractCheckTask): Promise<ContractCheckOutcome> {
    const { timeoutMs, maxMemoryMb } = this.limits;
    const worker = startWorker(
      CONTRACT_CHECK_WORKER_FILE,
      { [CONTRACT_CHECK_WORKER_MARK]: true, task },
      maxMemoryMb,
    );
    const answered = new Promise<ContractCheckOutcome>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', error =>
        reject(
          isOutOfMemory(error)
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
