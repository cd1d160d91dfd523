import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  ContractDiff,
  definitionVersion,
} from '@domain-atlas/plugin-domain-atlas-common';
import { compareDefinitions } from '@domain-atlas/plugin-domain-atlas-node';
import { nestingProblem } from './definitionNesting';

/** One candidate check, as the worker receives it: plain data only. */
export interface ContractCheckTask {
  /** The API's `spec.type`. */
  type: string;
  /** The newest recorded definition. */
  before: string;
  /** The candidate, within the size limit. */
  after: string;
  fromVersion: string | null;
  /** The API's version, for a candidate that declares none. */
  fallbackVersion: string | null;
  /** The diff library's size limit, in characters. */
  maxDefinitionSize: number;
}

/** The diff, or why the candidate was not compared (an input error). */
export type ContractCheckOutcome =
  | { diff: ContractDiff }
  | { rejected: string };

/**
 * Everything a check does with the candidate text: bound its nesting,
 * read its version and compare it. It runs in a worker thread, so the
 * parsing and diffing never hold up the backend's event loop.
 */
export async function runContractCheck(
  task: ContractCheckTask,
): Promise<ContractCheckOutcome> {
  const problem = nestingProblem(task.after, task.type);
  if (problem) {
    return { rejected: problem };
  }
  const toVersion =
    definitionVersion(task.type, task.after, task.maxDefinitionSize).version ??
    task.fallbackVersion;
  const diff = await compareDefinitions({
    type: task.type,
    before: task.before,
    after: task.after,
    fromVersion: task.fromVersion,
    toVersion,
    maxDefinitionSize: task.maxDefinitionSize,
  });
  return { diff };
}

/** Set in the workerData of the workers that ContractCheckWorkers starts. */
export const CONTRACT_CHECK_WORKER_MARK = 'domainAtlasContractCheck';

/** Runs the task the worker was started with and posts the outcome. */
async function serveContractCheck(): Promise<void> {
  const outcome = await runContractCheck(workerData.task as ContractCheckTask);
  parentPort!.postMessage(outcome);
}

/**
 * The file of this module, which each worker loads: `src/…/*.ts` in
 * development and tests, `dist/…/*.cjs.js` in the built package (the build
 * keeps one output file per source module).
 */
export const CONTRACT_CHECK_WORKER_FILE: string = __filename;

// Loading this module in one of those workers runs its check. It is a
// side effect rather than an exported entry point on purpose: the build
// drops exports that no other module imports, but keeps side effects.
// A failure is an unhandled rejection, which ends the worker; the parent
// receives it as the worker's `error` event.
if (!isMainThread && workerData?.[CONTRACT_CHECK_WORKER_MARK] === true) {
  serveContractCheck();
}
