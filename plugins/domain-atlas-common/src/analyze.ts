import type { DomainAtlasReport, DomainSummary, Finding } from './report';
import { REPORT_SCHEMA_VERSION } from './report';
import type { RuleContext } from './rules/types';
import { AnalysisOptions, resolveOptions } from './options';
import { BUILT_IN_RULES } from './rules';
import { buildCatalogIndex, EntityRecord } from './model/catalog';
import { AnalysisInternals, registerInternals } from './model/internals';
import { buildCatalogRelations } from './model/relations';
import { CatalogProblems } from './model/problems';
import { entityRoles } from './model/entityRoles';
import { kindOfRef } from './model/refs';
import { buildDomainModel } from './domains';
import { buildOwnershipModel } from './ownership';
import { buildRepositoryIndex } from './repositories';
import { buildContractIndex, summarizeContracts } from './contracts';
import { evaluateRules, findingsByDomain } from './findings';
import { EvidencePhases } from './evidencePhases';
import { WaiverLedger } from './waivers';
import { assessPhase, ComponentFacts } from './phases';
import { analyzeIsolation } from './isolation';
import { computeHealthScore, countFindings } from './score';
import { addSourceProblems, CatalogSources } from './catalogSources';

/**
 * Builds every model of the analysis once: the context the rules see, and
 * the same models with their records for the analysis itself.
 */
function buildContext(
  entities: ReadonlyArray<unknown>,
  options: AnalysisOptions,
  sources: CatalogSources | undefined,
): { context: RuleContext; internals: AnalysisInternals } {
  const resolved = resolveOptions(options, BUILT_IN_RULES);
  const problems = new CatalogProblems();
  addSourceProblems(sources, problems);
  const catalog = buildCatalogIndex(
    entities,
    problems,
    sources?.entityLocations,
  );
  const relations = buildCatalogRelations(catalog, problems);
  const roles = entityRoles(resolved);
  const domains = buildDomainModel(catalog, problems);
  const ownership = buildOwnershipModel(catalog, relations, domains, problems);
  const repositories = buildRepositoryIndex(catalog, roles);
  const contracts = buildContractIndex(catalog, resolved, problems);
  // Rules that read the evidence phase run last; evaluateRules tells
  // `evidence` the other rules' findings first (see EvidencePhases).
  const evidence = new EvidencePhases();
  const context: RuleContext = {
    options: resolved,
    catalog,
    relations,
    roles,
    domains,
    ownership,
    repositories,
    contracts,
    problems,
    declaredPhaseOf: domain =>
      catalog.get(domain)?.atlas.migrationPhase ?? null,
    evidencePhaseOf: domain => evidence.phaseOf(context, domain),
  };
  const internals: AnalysisInternals = {
    catalog,
    domains,
    repositories,
    evidence,
  };
  registerInternals(context, internals);
  return { context, internals };
}

function summarizeDomain(
  context: RuleContext,
  internals: AnalysisInternals,
  record: EntityRecord,
  findings: ReadonlyArray<Finding>,
): DomainSummary {
  const { entity, owner, ownerRecord } = record;
  const ref = entity.ref;
  const members = context.domains.membersOf(ref);
  const memberRecords = internals.domains.memberRecordsOf(record);
  // One walk over the components for the phase.
  const facts: ComponentFacts = {
    providesEvents: false,
    deployablesHavePipelines: true,
  };
  const { roles } = context;
  for (const component of memberRecords.components) {
    if (
      facts.deployablesHavePipelines &&
      roles.isDeployable(component.entity) &&
      !component.entity.atlas.hasPipelineEvidence
    ) {
      facts.deployablesHavePipelines = false;
    }
    if (!facts.providesEvents) {
      const provided = component.providesApis;
      for (let i = 0; i < provided.length; i++) {
        const api = provided[i];
        if (roles.apiStyle(api.entity) === 'async') {
          facts.providesEvents = true;
          break;
        }
      }
    }
  }
  const counts = countFindings(findings);
  return {
    ref,
    title: entity.title,
    ...(entity.description !== undefined
      ? { description: entity.description }
      : {}),
    ...(owner !== null ? { owner } : {}),
    ...(ownerRecord !== null ? { ownerKind: kindOfRef(owner!) } : {}),
    parent: context.domains.parentOf(ref),
    children: [...context.domains.childrenOf(ref)],
    members,
    repositories: [...internals.repositories.repositoriesOf(record)],
    score: computeHealthScore(counts),
    findingCounts: counts,
    phase: assessPhase(context, internals, record, findings, facts),
  };
}

/**
 * Turns catalog entities into the Domain Atlas report. Pure and
 * deterministic: no I/O, no clock (pass `now` for target dates), sorted
 * output, JSON-serialisable.
 *
 * `entities` are raw catalog entities as the catalog API or catalog YAML
 * files give them; `relations` are not needed. Malformed entities,
 * dangling refs, cycles and invalid annotations become findings; catalog
 * data never makes `analyze` throw. Invalid `options` do throw an `Error`
 * that says what is wrong.
 *
 * `sources` says where the entities were read, when the caller read files:
 * invalid entities are then reported at their `file:line`, and the files
 * that were not read become `catalog-file` findings.
 *
 * @public
 */
export function analyze(
  entities: ReadonlyArray<unknown>,
  options: AnalysisOptions = {},
  sources?: CatalogSources,
): DomainAtlasReport {
  const { context, internals } = buildContext(entities, options, sources);
  const waivers = new WaiverLedger(context);
  const findings = evaluateRules(context, waivers);
  const byDomain = findingsByDomain(findings);
  const isolation = analyzeIsolation(context);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedFrom: {
      entityCount: Array.isArray(entities) ? entities.length : 0,
      now: context.options.now,
    },
    domains: internals.domains.domainRecords.map(record =>
      summarizeDomain(
        context,
        internals,
        record,
        byDomain.get(record.ref) ?? [],
      ),
    ),
    unassigned: context.domains.unassigned,
    findings,
    dependencies: isolation.dependencies,
    isolation: isolation.isolation,
    blastRadius: isolation.blastRadius,
    teams: [...context.ownership.teams],
    repositories: [...context.repositories.repositories],
    contracts: summarizeContracts(internals.catalog, context.contracts),
    rules: context.options.rules.map(rule => {
      const config = context.options.ruleConfig.get(rule.id)!;
      return {
        id: rule.id,
        principle: rule.principle,
        description: rule.description,
        defaultSeverity: rule.defaultSeverity,
        severity: config.severity,
        enabled: config.enabled,
      };
    }),
    waivers: waivers.summaries(),
  };
}
