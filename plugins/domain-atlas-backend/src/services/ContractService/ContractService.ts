import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  consumerImpact,
  consumersOf,
  ContractCheckResult,
  ContractDetail,
  ContractListItem,
  ContractRevision,
  ContractSummary,
  definitionVersion,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  compareDefinitions,
  definitionText,
} from '@domain-atlas/plugin-domain-atlas-node';
import { ContractRevisionStore, StoredRevision } from '../../database';
import { domainOfEntity } from '../ReportQueries';

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

/**
 * Candidate checks running at once per instance. A diff parses two
 * definitions of up to the size limit and may run buf; more callers than
 * this get a 503 rather than a backend that stops answering.
 */
const MAX_CONCURRENT_CHECKS = 2;

/**
 * The contract catalogue: the report's contracts with their recorded
 * definition history, and "what breaks if this definition ships".
 */
export class ContractService {
  private readonly store: ContractRevisionStore;
  private readonly maxDefinitionSize: number;
  private runningChecks = 0;

  constructor(options: {
    store: ContractRevisionStore;
    maxDefinitionSize: number;
  }) {
    this.store = options.store;
    this.maxDefinitionSize = options.maxDefinitionSize;
  }

  /** Every contract with its consumer count and latest recorded change. */
  async list(report: DomainAtlasReport): Promise<ContractListItem[]> {
    const latest = new Map(
      (await this.store.getLatestRevisions()).map(r => [r.apiRef, r]),
    );
    return report.contracts.map(contract => {
      const revision = latest.get(contract.ref);
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
        latestChange: revision?.change
          ? {
              classification: revision.change.classification,
              needsMajor: revision.change.needsMajor,
              fromVersion: revision.change.fromVersion,
              toVersion: revision.change.toVersion,
              at: revision.firstSeen.toISOString(),
            }
          : null,
      };
    });
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

  /**
   * Compares a candidate definition with the newest recorded one and names
   * the consumers it would break.
   */
  async check(
    report: DomainAtlasReport,
    apiRef: string,
    candidate: unknown,
  ): Promise<ContractCheckResult> {
    if (this.runningChecks >= MAX_CONCURRENT_CHECKS) {
      throw new ServiceUnavailableError(
        `Domain Atlas is already comparing ${MAX_CONCURRENT_CHECKS} definitions; try again in a moment`,
      );
    }
    this.runningChecks++;
    try {
      return await this.compare(report, apiRef, candidate);
    } finally {
      this.runningChecks--;
    }
  }

  private async compare(
    report: DomainAtlasReport,
    apiRef: string,
    candidate: unknown,
  ): Promise<ContractCheckResult> {
    const contract = findContract(report, apiRef);
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
    const text = definitionText(candidate);
    const type = contract.type ?? current.type ?? 'unknown';
    const candidateVersion =
      definitionVersion(type, text, this.maxDefinitionSize).version ??
      // A definition without a version keeps the API's (annotation or name).
      contract.version;
    const diff = await compareDefinitions({
      type,
      before: currentText,
      after: text,
      fromVersion: current.version,
      toVersion: candidateVersion,
      maxDefinitionSize: this.maxDefinitionSize,
    });
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
