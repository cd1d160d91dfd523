import { InputError, NotFoundError } from '@backstage/errors';
import {
  consumerImpact,
  consumersOf,
  ContractCheckResult,
  ContractConsumer,
  ContractDetail,
  ContractListItem,
  ContractRevision,
  ContractSummary,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { DEFAULT_MAX_DEFINITION_SIZE } from '@domain-atlas/plugin-domain-atlas-node';
import { ContractRevisionStore, StoredRevision } from '../../database';
import { domainOfEntity } from '../ReportQueries';
import {
  ContractChecksBusyError,
  DefinitionTooLargeError,
} from './contractCheckErrors';
import { ContractCheckWorkers } from './ContractCheckWorkers';
import { nestingProblem } from './definitionNesting';
import {
  ContractCheckConfig,
  DEFAULT_CONTRACT_CHECK_CONFIG,
} from './readContractCheckConfig';

function findContract(
  report: DomainAtlasReport,
  apiRef: string,
): ContractSummary {
  const contract = report.contracts.find(c => c.ref === apiRef);
  if (!contract) {
    throw new NotFoundError(
      `Domain Atlas knows no API ${apiRef}; it tracks the API entities of the catalog`,
    );
  }
  return contract;
}

function toRevision(revision: StoredRevision): ContractRevision {
  return {
    hash: revision.hash,
    version: revision.version,
    firstSeen: revision.firstSeen.toISOString(),
    lastSeen: revision.lastSeen.toISOString(),
    change: revision.change,
  };
}

/** The most recent recorded change of a contract, as lists show it. */
function latestChange(
  revision: StoredRevision | undefined,
): ContractListItem['latestChange'] {
  return revision?.change
    ? {
        classification: revision.change.classification,
        needsMajor: revision.change.needsMajor,
        fromVersion: revision.change.fromVersion,
        toVersion: revision.change.toVersion,
        at: revision.firstSeen.toISOString(),
      }
    : null;
}

/** A contract `ContractService.find` picked. */
export interface ContractMatch {
  contract: ContractSummary;
  consumers: ContractConsumer[];
  latestChange: ContractListItem['latestChange'];
}

/**
 * When a caller turned away by the concurrency cap should try again: a
 * check of a definition at the size limit takes a second or two.
 */
const RETRY_AFTER_SECONDS = 2;

/**
 * The candidate as text within the size limit. A candidate sent as JSON
 * is serialised here, after its depth is known to be safe for
 * JSON.stringify (which recurses); text is scanned in the worker.
 */
function candidateText(
  candidate: unknown,
  type: string,
  maxBytes: number,
): string {
  if (typeof candidate !== 'string') {
    const problem = nestingProblem(candidate, type);
    if (problem) {
      throw new InputError(problem);
    }
    if (candidate === undefined || candidate === null) {
      throw new InputError('The candidate definition is empty');
    }
  }
  const text =
    typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw new DefinitionTooLargeError(
      `The candidate definition is ${bytes} bytes, over the ${maxBytes}-byte limit (domainAtlas.contractCheck.maxDefinitionBytes)`,
    );
  }
  return text;
}

/**
 * The contract catalogue: the report's contracts with their recorded
 * definition history, and "what breaks if this definition ships".
 */
export class ContractService {
  private readonly store: ContractRevisionStore;
  private readonly maxDefinitionSize: number;
  private readonly limits: ContractCheckConfig;
  private readonly workers: ContractCheckWorkers;
  private runningChecks = 0;

  constructor(options: {
    store: ContractRevisionStore;
    /**
     * The diff library's limit, in characters, under which the recorded
     * definitions were read. Default: the analysis's.
     */
    maxDefinitionSize?: number;
    /** Limits of candidate checks; the defaults when left out. */
    limits?: ContractCheckConfig;
  }) {
    this.store = options.store;
    this.maxDefinitionSize =
      options.maxDefinitionSize ?? DEFAULT_MAX_DEFINITION_SIZE;
    this.limits = options.limits ?? DEFAULT_CONTRACT_CHECK_CONFIG;
    this.workers = new ContractCheckWorkers(this.limits);
  }

  /** Every contract with its consumer count and latest recorded change. */
  async list(report: DomainAtlasReport): Promise<ContractListItem[]> {
    const latest = await this.latestRevisions();
    return report.contracts.map(contract => {
      const consumers = consumersOf(contract, ref =>
        domainOfEntity(report, ref),
      );
      return {
        ref: contract.ref,
        title: contract.title,
        domain: contract.domain,
        type: contract.type,
        version: contract.version,
        family: contract.family,
        lifecycle: contract.lifecycle,
        consumerCount: consumers.length,
        unsatisfiedPins: contract.pins.filter(pin => pin.satisfied === false)
          .length,
        latestChange: latestChange(latest.get(contract.ref)),
      };
    });
  }

  /**
   * The report's contracts that `matches` picks, each with its consumers
   * and latest recorded change.
   */
  async find(
    report: DomainAtlasReport,
    matches: (contract: ContractSummary) => boolean,
  ): Promise<ContractMatch[]> {
    const found = report.contracts.filter(matches);
    if (found.length === 0) {
      return [];
    }
    const latest = await this.latestRevisions();
    return found.map(contract => ({
      contract,
      consumers: consumersOf(contract, ref => domainOfEntity(report, ref)),
      latestChange: latestChange(latest.get(contract.ref)),
    }));
  }

  /** One contract: family, history with classified changes, consumers and pins. */
  async detail(
    report: DomainAtlasReport,
    apiRef: string,
  ): Promise<ContractDetail> {
    const contract = findContract(report, apiRef);
    return {
      contract,
      family: report.contracts
        .filter(c => c.family === contract.family)
        .map(c => ({ ref: c.ref, version: c.version, lifecycle: c.lifecycle })),
      history: (await this.store.getRevisions(apiRef)).map(toRevision),
      consumers: consumersOf(contract, ref => domainOfEntity(report, ref)),
    };
  }

  private async latestRevisions(): Promise<Map<string, StoredRevision>> {
    return new Map(
      (await this.store.getLatestRevisions()).map(r => [r.apiRef, r]),
    );
  }

  /**
   * Compares a candidate definition with the newest recorded one and names
   * the consumers it would break. The comparison runs in a worker thread
   * under the configured limits: a candidate over the size limit is a
   * DefinitionTooLargeError (413), one nested too deeply an InputError,
   * and a caller beyond `maxConcurrent` checks at once a
   * ContractChecksBusyError (503).
   */
  async check(
    report: DomainAtlasReport,
    apiRef: string,
    candidate: unknown,
  ): Promise<ContractCheckResult> {
    const contract = findContract(report, apiRef);
    const text = candidateText(
      candidate,
      contract.type ?? 'unknown',
      this.limits.maxDefinitionBytes,
    );
    const { maxConcurrent } = this.limits;
    if (this.runningChecks >= maxConcurrent) {
      throw new ContractChecksBusyError(
        `Domain Atlas is already comparing ${maxConcurrent} definitions; try again in a moment`,
        RETRY_AFTER_SECONDS,
      );
    }
    this.runningChecks++;
    try {
      return await this.compare(report, contract, text);
    } finally {
      this.runningChecks--;
    }
  }

  private async compare(
    report: DomainAtlasReport,
    contract: ContractSummary,
    text: string,
  ): Promise<ContractCheckResult> {
    const apiRef = contract.ref;
    const revisions = await this.store.getRevisions(apiRef);
    const current = revisions[revisions.length - 1];
    const currentText = current
      ? await this.store.getDefinition(current.id)
      : undefined;
    if (!current || currentText === undefined) {
      throw new InputError(
        `${apiRef} has no recorded definition to compare with; Domain Atlas records definitions at each refresh`,
      );
    }
    const outcome = await this.workers.run({
      type: contract.type ?? current.type ?? 'unknown',
      before: currentText,
      after: text,
      fromVersion: current.version,
      // A definition without a version keeps the API's (annotation or name).
      fallbackVersion: contract.version,
      // The candidate is within its own limit already (and a character is
      // at least a byte); the recorded definition within the analysis's.
      maxDefinitionSize: Math.max(
        this.maxDefinitionSize,
        this.limits.maxDefinitionBytes,
      ),
    });
    if ('rejected' in outcome) {
      throw new InputError(outcome.rejected);
    }
    const { diff } = outcome;
    const consumers = consumerImpact(
      consumersOf(contract, ref => domainOfEntity(report, ref)),
      diff,
    );
    return {
      api: apiRef,
      diff,
      consumers,
      breaks: consumers.filter(c => c.breaks).map(c => c.ref),
    };
  }
}
