import { Worker } from 'node:worker_threads';
import { Entity } from '@backstage/catalog-model';
import {
  ContractChange,
  ContractDiff,
} from '@domain-atlas/plugin-domain-atlas-common';
import { CompareDefinitionsOptions } from '@domain-atlas/plugin-domain-atlas-node';
import { isOutOfMemory, startWorker } from '../../lib/startWorker';
import { CatalogApi } from '../ContractHistory/catalogApis';
import { DefinitionOutcome } from './DefinitionOutcomes';
import {
  ANALYSIS_WORKER_FILE,
  ANALYSIS_WORKER_MARK,
  AnalysisCall,
  AnalysisReply,
  AnalysisRequest,
} from './analysisThread';
import type {
  AnalysisSummary,
  Ownership,
  RefreshAnalysisSetup,
} from './RefreshAnalysis';

/**
 * Items per page of what comes back from the worker: receiving a message
 * copies it on this thread, which should take a few milliseconds.
 */
const API_PAGE = 250;
const PART_PAGE = 4;
const OWNER_PAGE = 2500;
const OUTCOME_PAGE = 2500;

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

  /**
   * @param knownDefinitions - what the refresh before found parsing each
   *   definition (see {@link DefinitionOutcomes})
   */
  constructor(
    setup: RefreshAnalysisSetup,
    maxMemoryMb: number,
    knownDefinitions: DefinitionOutcome[] = [],
  ) {
    this.maxMemoryMb = maxMemoryMb;
    this.worker = startWorker(
      ANALYSIS_WORKER_FILE,
      { [ANALYSIS_WORKER_MARK]: true, setup, knownDefinitions },
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

  /** The read's API definitions, fetched a page at a time. */
  async catalogApis(): Promise<CatalogApi[]> {
    return this.paged<CatalogApi>('catalogApis', API_PAGE);
  }

  compare(options: CompareDefinitionsOptions): Promise<ContractDiff> {
    return this.call('compare', [options]);
  }

  analyze(input: {
    contractChanges: ContractChange[];
    now: string;
  }): Promise<AnalysisSummary> {
    return this.call('analyze', [input]);
  }

  /** The analysed report's parts, fetched a page at a time. */
  reportParts(): Promise<string[]> {
    return this.paged<string>('reportParts', PART_PAGE);
  }

  /** What parsing the definitions gave, for the next refresh's worker. */
  definitionOutcomes(): Promise<DefinitionOutcome[]> {
    return this.paged<DefinitionOutcome>('definitionOutcomes', OUTCOME_PAGE);
  }

  /** The analysed read's owners, fetched a page at a time. */
  async owners(): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    await this.paged<Ownership>('ownership', OWNER_PAGE, page => {
      for (const [entity, owner] of page) {
        owners.set(entity, owner);
      }
    });
    return owners;
  }

  /** Ends the worker and gives its memory back. */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker.terminate();
  }

  /**
   * Every item of a paged method, one page per message; each page is
   * handed to `onPage`, or else collected.
   */
  private async paged<T>(
    method: AnalysisCall,
    limit: number,
    onPage?: (page: T[]) => void,
  ): Promise<T[]> {
    const items: T[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await this.call<T[]>(method, [offset, limit]);
      if (onPage) {
        onPage(page);
      } else {
        for (const item of page) {
          items.push(item);
        }
      }
      if (page.length < limit) {
        return items;
      }
    }
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
