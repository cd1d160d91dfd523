import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import {
  analyze,
  AnalysisOptions,
  ContractChange,
  ContractDiff,
  DomainAtlasReport,
  readAnalysisOptionsFromConfig,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  CompareDefinitionsOptions,
  compareDefinitions,
} from '@domain-atlas/plugin-domain-atlas-node';
import { DomainHistoryRow } from '../../database/DomainAtlasStore';
import { reportParts } from '../../database/reportParts';
import { CatalogApi, catalogApisOf } from '../ContractHistory/catalogApis';
import { ownersOf } from '../Notifications/recipients';
import { DefinitionOutcome, DefinitionOutcomes } from './DefinitionOutcomes';
import { loadRuleModules } from './ruleModules';

/** What a refresh's analysis is set up with: plain data, for a worker. */
export interface RefreshAnalysisSetup {
  /** The app config's `domainAtlas` block, checked at start-up already. */
  config: JsonObject | undefined;
  /** The rule modules that backend modules added. */
  ruleModules: string[];
  /** The largest definition parsed. */
  maxDefinitionSize: number;
}

/** One domain's history row, before it is stored. */
export type HistoryRow = Omit<DomainHistoryRow, 'snapshotId' | 'recordedAt'>;

/**
 * What the analysis of one catalog read gives. The report's parts and the
 * owners are large: they are fetched a page at a time afterwards, so that
 * no one message takes long to receive.
 */
export interface AnalysisSummary {
  history: HistoryRow[];
  domainCount: number;
  findingCount: number;
  /** How many parts the report's JSON has (see `reportParts`). */
  partCount: number;
  /** How many entities have an owner. */
  ownerCount: number;
}

/** An entity's owner, lowercase refs: whom to notify. */
export type Ownership = [entity: string, owner: string];

/** The per-domain history rows of one report. */
export function historyRowsOf(report: DomainAtlasReport): HistoryRow[] {
  return report.domains.map(domain => ({
    domainRef: domain.ref,
    evidencePhase: domain.phase.evidence,
    declaredPhase: domain.phase.declared,
    score: domain.score,
    errors: domain.findingCounts.error,
    warnings: domain.findingCounts.warning,
    infos: domain.findingCounts.info,
    waived: domain.findingCounts.waived,
  }));
}

/**
 * The CPU-heavy half of a refresh, which runs in a worker thread (see
 * `analysisThread`): it collects the catalog read page by page, reads the
 * API definitions, compares changed ones, analyses, and serialises the
 * report in parts. Everything it takes and gives is plain data.
 */
export class RefreshAnalysis {
  private entities: Entity[] = [];
  private readonly options: AnalysisOptions;
  private readonly maxDefinitionSize: number;
  private apis: CatalogApi[] | undefined;
  private parts: string[] = [];
  private owners: Ownership[] = [];
  private readonly definitions: DefinitionOutcomes;
  private outcomes: DefinitionOutcome[] = [];

  /**
   * @param knownDefinitions - what the refresh before found parsing each
   *   definition, which need not be parsed again
   */
  constructor(
    setup: RefreshAnalysisSetup,
    knownDefinitions: DefinitionOutcome[] = [],
  ) {
    this.definitions = new DefinitionOutcomes(knownDefinitions);
    const moduleRules = loadRuleModules(setup.ruleModules);
    const configured = readAnalysisOptionsFromConfig(
      new ConfigReader(setup.config ? { domainAtlas: setup.config } : {}),
      moduleRules.map(rule => rule.id),
    );
    this.options = {
      ...configured,
      extraRules: [...(configured.extraRules ?? []), ...moduleRules],
    };
    this.maxDefinitionSize = setup.maxDefinitionSize;
  }

  addPage(entities: Entity[]): void {
    for (const entity of entities) {
      this.entities.push(entity);
    }
  }

  /** A page of the read's API definitions, for the contract history. */
  catalogApis(offset: number, limit: number): CatalogApi[] {
    this.apis ??= catalogApisOf(this.entities, this.maxDefinitionSize);
    return this.apis.slice(offset, offset + limit);
  }

  compare(options: CompareDefinitionsOptions): Promise<ContractDiff> {
    return compareDefinitions(options);
  }

  analyze(input: {
    contractChanges: ContractChange[];
    now: string;
  }): AnalysisSummary {
    const report = analyze(this.entities, {
      ...this.options,
      contractChanges: input.contractChanges,
      // The backend parses every definition in full, so a malformed one
      // is a finding even when its version can be read.
      strictDefinitions: true,
      maxDefinitionSize: this.maxDefinitionSize,
      definitionCache: this.definitions,
      now: input.now,
    });
    this.outcomes = this.definitions.usedOutcomes();
    this.owners = [...ownersOf(this.entities)];
    // The read is analysed: its memory can go before the report is
    // serialised.
    this.entities = [];
    this.apis = undefined;
    this.parts = reportParts(report);
    return {
      history: historyRowsOf(report),
      domainCount: report.domains.length,
      findingCount: report.findings.length,
      partCount: this.parts.length,
      ownerCount: this.owners.length,
    };
  }

  /** A page of the analysed report's parts. */
  reportParts(offset: number, limit: number): string[] {
    return this.parts.slice(offset, offset + limit);
  }

  /** A page of what parsing the definitions gave, for the next refresh. */
  definitionOutcomes(offset: number, limit: number): DefinitionOutcome[] {
    return this.outcomes.slice(offset, offset + limit);
  }

  /** A page of the analysed read's owners. */
  ownership(offset: number, limit: number): Ownership[] {
    return this.owners.slice(offset, offset + limit);
  }
}
