import { Worker } from 'node:worker_threads';
import { Entity } from '@backstage/catalog-model';
import {
  ContractChange,
  ContractDiff,
} from '@domain-atlas/plugin-domain-atlas-common';
import { CompareDefinitionsOptions } from '@domain-atlas/plugin-domain-atlas-node';
import { isOutOfMemory, startWorker } from '../../lib/startWorker';
import { CatalogApi } from '../ContractHistory/catalogApis';
import {
  ANALYSIS_WORKER_FILE,
  ANALYSIS_WORKER_MARK,
  AnalysisCall,
  AnalysisReply,
  AnalysisRequest,
} from './analysisThread';
import type { AnalysedCatalog, RefreshAnalysisSetup } from './RefreshAnalysis';

/**
 * The refresh's worker failed: it threw, ran out of memory or stopped.
 * The message says which, fit to show to users.
 */
export class AnalysisWorkerError extends Error {
  name = 'AnalysisWorkerError';
}

/**
 * One refresh's analysis, in a worker thread of its own (see
 * {@link RefreshAnalysis}), so that the analysis and the serialisation of
 * a large catalog's report never hold up the backend's event loop. The
 * catalog goes over page by page as it is read (no single large copy).
 * A worker per refresh: its memory is given back when the refresh ends,
 * and a worker that runs out of memory fails that refresh only.
 */
export class AnalysisWorker {
  private readonly worker: Worker;
  private readonly maxMemoryMb: number;
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  private nextId = 1;
  private failure: AnalysisWorkerError | undefined;
  private closed = false;

  constructor(setup: RefreshAnalysisSetup, maxMemoryMb: number) {
    this.maxMemoryMb = maxMemoryMb;
    this.worker = startWorker(
      ANALYSIS_WORKER_FILE,
      { [ANALYSIS_WORKER_MARK]: true, setup },
      maxMemoryMb,
    );
    this.worker.on('message', (reply: AnalysisReply) => {
      const call = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) {
        call?.reject(
          new AnalysisWorkerError(`The analysis failed: ${reply.error}`),
        );
      } else {
        call?.resolve(reply.value);
      }
    });
    this.worker.on('error', error =>
      this.fail(
        isOutOfMemory(error)
          ? `The analysis needed more than ${this.maxMemoryMb} MB of memory and was stopped (domainAtlas.refresh.maxMemoryMb)`
          : `The analysis failed: ${(error as Error)?.message}`,
      ),
    );
    this.worker.on('exit', code =>
      this.fail(`The analysis stopped (exit code ${code}) before it finished`),
    );
  }

  /** Hands one page of the catalog read over. */
  addPage(entities: Entity[]): void {
    if (!this.failure && !this.closed) {
      this.worker.postMessage({ type: 'page', entities } as AnalysisRequest);
    }
  }

  catalogApis(): Promise<CatalogApi[]> {
    return this.call('catalogApis', []);
  }

  compare(options: CompareDefinitionsOptions): Promise<ContractDiff> {
    return this.call('compare', [options]);
  }

  analyze(input: {
    contractChanges: ContractChange[];
    now: string;
  }): Promise<AnalysedCatalog> {
    return this.call('analyze', [input]);
  }

  /** Ends the worker and gives its memory back. */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  private call<T>(method: AnalysisCall, args: unknown[]): Promise<T> {
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: value => resolve(value as T),
        reject,
      });
      this.worker.postMessage({
        type: 'call',
        id,
        method,
        args,
      } as AnalysisRequest);
    });
  }

  private fail(message: string): void {
    if (this.closed || this.failure) {
      return;
    }
    this.failure = new AnalysisWorkerError(message);
    for (const call of this.pending.values()) {
      call.reject(this.failure);
    }
    this.pending.clear();
  }
}
