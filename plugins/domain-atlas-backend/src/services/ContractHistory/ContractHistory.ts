import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ContractChange,
  ContractDiff,
  definitionVersion,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  CompareDefinitionsOptions,
  compareDefinitions,
} from '@domain-atlas/plugin-domain-atlas-node';
import { CatalogApi, catalogApisOf, sha256 } from './catalogApis';
import {
  ContractRevisionStore,
  NewRevision,
  StoredRevision,
} from '../../database';

/**
 * An earlier definition of an API to start its history with, from
 * `domainAtlas.contractHistory.backfill` (for example the last release
 * before Domain Atlas was installed).
 */
export interface BackfilledDefinition {
  api: string;
  definition: string;
  seenAt: Date;
  version?: string;
}

/**
 * Records every distinct definition of every API at each refresh and
 * classifies each new one against the one before, with the spec type's
 * diff library. What it returns feeds `breaking-change-needs-major`.
 */
export class ContractHistory {
  private readonly store: ContractRevisionStore;
  private readonly logger: LoggerService;
  private readonly backfill: BackfilledDefinition[];
  private readonly maxDefinitionSize: number;

  constructor(options: {
    store: ContractRevisionStore;
    logger: LoggerService;
    backfill?: BackfilledDefinition[];
    maxDefinitionSize: number;
  }) {
    this.store = options.store;
    this.logger = options.logger;
    this.backfill = options.backfill ?? [];
    this.maxDefinitionSize = options.maxDefinitionSize;
  }

  /**
   * Records the definitions of `entities` seen at `seenAt`; returns the
   * newest recorded change of every API in the catalog.
   */
  async record(entities: Entity[], seenAt: Date): Promise<ContractChange[]> {
    return this.recordApis(
      catalogApisOf(entities, this.maxDefinitionSize),
      seenAt,
    );
  }

  /**
   * {@link ContractHistory.record} of APIs read from the catalog already,
   * comparing definitions with `compare` (the refresh's worker thread
   * passes its own).
   */
  async recordApis(
    apis: CatalogApi[],
    seenAt: Date,
    compare: (
      options: CompareDefinitionsOptions,
    ) => Promise<ContractDiff> = compareDefinitions,
  ): Promise<ContractChange[]> {
    const latest = new Map<string, StoredRevision>();
    for (const revision of await this.store.getLatestRevisions()) {
      latest.set(revision.apiRef, revision);
    }
    await this.applyBackfill(apis, latest);

    const seen: number[] = [];
    const added: NewRevision[] = [];
    for (const api of apis) {
      const previous = latest.get(api.ref);
      if (previous?.hash === api.hash) {
        seen.push(previous.id);
        continue;
      }
      const change = previous
        ? await compare({
            type: api.type ?? 'unknown',
            before: (await this.store.getDefinition(previous.id)) ?? '',
            after: api.text,
            fromVersion: previous.version,
            toVersion: api.version,
            maxDefinitionSize: this.maxDefinitionSize,
          })
        : null;
      if (change?.classification === 'breaking') {
        this.logger.info(
          `Domain Atlas recorded a breaking change of ${api.ref} (${change.fromVersion} → ${change.toVersion})`,
        );
      }
      const revision: NewRevision = {
        apiRef: api.ref,
        previousId: previous?.id ?? 0,
        hash: api.hash,
        type: api.type,
        version: api.version,
        definition: api.text,
        firstSeen: seenAt,
        lastSeen: seenAt,
        change,
      };
      added.push(revision);
      latest.set(api.ref, { ...revision, id: -1 });
    }
    await this.store.addRevisions(added);
    await this.store.markSeen(seen, seenAt);

    const changes: ContractChange[] = [];
    for (const api of apis) {
      const change = latest.get(api.ref)?.change;
      if (change) {
        changes.push({
          api: api.ref,
          fromVersion: change.fromVersion,
          toVersion: change.toVersion,
          breaking: change.classification === 'breaking',
        });
      }
    }
    return changes;
  }

  /** Starts the history of APIs that have none with their backfilled definition. */
  private async applyBackfill(
    apis: CatalogApi[],
    latest: Map<string, StoredRevision>,
  ): Promise<void> {
    const types = new Map(apis.map(api => [api.ref, api.type]));
    const first: NewRevision[] = [];
    for (const entry of this.backfill) {
      if (latest.has(entry.api) || !types.has(entry.api)) {
        continue;
      }
      const type = types.get(entry.api) ?? null;
      first.push({
        apiRef: entry.api,
        previousId: 0,
        hash: sha256(entry.definition),
        type,
        version:
          entry.version ??
          definitionVersion(type, entry.definition, this.maxDefinitionSize)
            .version ??
          null,
        definition: entry.definition,
        firstSeen: entry.seenAt,
        lastSeen: entry.seenAt,
        change: null,
      });
    }
    if (first.length === 0) {
      return;
    }
    await this.store.addRevisions(first);
    for (const revision of await this.store.getLatestRevisions()) {
      latest.set(revision.apiRef, revision);
    }
  }
}
