import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Entity } from '@backstage/catalog-model';
import { DefinitionOutcome } from './DefinitionOutcomes';
import { RefreshAnalysis, RefreshAnalysisSetup } from './RefreshAnalysis';

/** The calls a refresh makes of its worker, by method name. */
export type AnalysisCall =
  | 'catalogApis'
  | 'compare'
  | 'analyze'
  | 'reportParts'
  | 'ownership'
  | 'definitionOutcomes';

/** What the refresh sends its worker. */
export type AnalysisRequest =
  | { type: 'page'; entities: Entity[] }
  | { type: 'call'; id: number; method: AnalysisCall; args: unknown[] };

/** What the worker answers a call with. */
export type AnalysisReply =
  | { id: number; value: unknown }
  | { id: number; error: string };

/** Set in the workerData of the workers that AnalysisWorker starts. */
export const ANALYSIS_WORKER_MARK = 'domainAtlasRefreshAnalysis';

/**
 * The file of this module, which each worker loads: `src/…/*.ts` in
 * development and tests, `dist/…/*.cjs.js` in the built package.
 */
export const ANALYSIS_WORKER_FILE: string = __filename;

/**
 * Serves one refresh: pages are added as they arrive, calls are answered
 * in order. A failure of a call is answered; a failure outside one (the
 * rule modules do not load, the heap runs out) ends the worker, and the
 * parent receives it as the worker's `error` event.
 */
function serveRefresh(): void {
  const analysis = new RefreshAnalysis(
    workerData.setup as RefreshAnalysisSetup,
    workerData.knownDefinitions as DefinitionOutcome[],
  );
  parentPort!.on('message', async (request: AnalysisRequest) => {
    if (request.type === 'page') {
      analysis.addPage(request.entities);
      return;
    }
    let reply: AnalysisReply;
    try {
      const method = analysis[request.method] as (
        ...args: unknown[]
      ) => unknown;
      reply = {
        id: request.id,
        value: await method.apply(analysis, request.args),
      };
    } catch (error) {
      reply = { id: request.id, error: String((error as Error)?.message) };
    }
    parentPort!.postMessage(reply);
  });
}

// Loading this module in one of those workers serves the refresh. It is a
// side effect rather than an exported entry point on purpose: the build
// drops exports that no other module imports, but keeps side effects.
if (!isMainThread && workerData?.[ANALYSIS_WORKER_MARK] === true) {
  serveRefresh();
}
