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

/** What the analysis of one catalog read gives, ready to store. */
export interface AnalysedCatalog {
  /** The report's JSON, in parts (see `reportParts`). */
  reportParts: string[];
  history: HistoryRow[];
  /** Each entity's owner, lowercase refs: whom to notify. */
  owners: Array<[entity: string, owner: string]>;
  domainCount: number;
  findingCount: number;
}

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
  private readonly entities: Entity[] = [];
  private readonly options: AnalysisOptions;
  private readonly maxDefinitionSize: number;

  constructor(setup: RefreshAnalysisSetup) {
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

  /** The read's API definitions, for the contract history. */
  catalogApis(): CatalogApi[] {
    return catalogApisOf(this.entities, this.maxDefinitionSize);
  }

  compare(options: CompareDefinitionsOptions): Promise<ContractDiff> {
    return compareDefinitions(options);
  }

  analyze(input: {
    contractChanges: ContractChange[];
    now: string;
  }): AnalysedCatalog {
    const report = analyze(this.entities, {
      ...this.options,
      contractChanges: input.contractChanges,
      // The backend parses every definition in full, so a malformed one
      // is a finding even when its version can be read.
      strictDefinitions: true,
      maxDefinitionSize: this.maxDefinitionSize,
      now: input.now,
    });
    return {
      reportParts: reportParts(report),
      history: historyRowsOf(report),
      owners: [...ownersOf(this.entities)],
      domainCount: report.domains.length,
      findingCount: report.findings.length,
    };
  }
}
