import type { DomainAtlasReport, DomainSummary, Finding } from './report';
import { REPORT_SCHEMA_VERSION } from './report';
import type { RuleContext } from './rules/types';
import { AnalysisOptions, resolveOptions } from './options';
import { BUILT_IN_RULES } from './rules';
import { buildCatalogIndex } from './model/catalog';
import { buildCatalogRelations } from './model/relations';
import { CatalogProblems } from './model/problems';
import { entityRoles } from './model/entityRoles';
import { kindOfRef } from './model/refs';
import { buildDomainModel } from './domains';
import { buildOwnershipModel } from './ownership';
import { buildRepositoryIndex } from './repositories';
import { buildContractIndex, summarizeContracts } from './contracts';
import { evaluateRules } from './findings';
import { assessPhase } from './phases';
import { analyzeIsolation } from './isolation';
import { computeHealthScore, countFindings } from './score';
import { sortedUnique } from './model/ordering';

/**
 * Builds every model of the analysis once: the context the rules see.
 */
function buildContext(
  entities: ReadonlyArray<unknown>,
  options: AnalysisOptions,
): RuleContext {
  const resolved = resolveOptions(options, BUILT_IN_RULES);
  const problems = new CatalogProblems();
  const knownRuleIds = new Set(resolved.rules.map(rule => rule.id));
  const catalog = buildCatalogIndex(entities, knownRuleIds, problems);
  const relations = buildCatalogRelations(catalog, problems);
  const roles = entityRoles(resolved);
  const domains = buildDomainModel(catalog, relations, problems);
  const ownership = buildOwnershipModel(catalog, relations, domains, problems);
  const repositories = buildRepositoryIndex(catalog, roles);
  const contracts = buildContractIndex(catalog, resolved, problems);
  return {
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
  };
}

function summarizeDomain(
  context: RuleContext,
  ref: string,
  findings: ReadonlyArray<Finding>,
): DomainSummary {
  const entity = context.catalog.get(ref)!;
  const owner = context.relations.of(ref).owner;
  const ownerEntity = owner === null ? undefined : context.catalog.get(owner);
  const members = context.domains.membersOf(ref);
  const counts = countFindings(findings);
  return {
    ref,
    title: entity.title,
    ...(entity.description !== undefined
      ? { description: entity.description }
      : {}),
    ...(owner !== null ? { owner } : {}),
    ...(ownerEntity ? { ownerKind: kindOfRef(owner!) } : {}),
    parent: context.domains.parentOf(ref),
    children: [...context.domains.childrenOf(ref)],
    members,
    repositories: sortedUnique(
      members.components.flatMap(component => {
        const location = context.repositories.of(component);
        return location ? [location.id] : [];
      }),
    ),
    score: computeHealthScore(counts),
    findingCounts: counts,
    phase: assessPhase(context, ref, findings),
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
 * @public
 */
export function analyze(
  entities: ReadonlyArray<unknown>,
  options: AnalysisOptions = {},
): DomainAtlasReport {
  const context = buildContext(entities, options);
  const findings = evaluateRules(context);
  const byDomain = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.domain !== null) {
      const list = byDomain.get(finding.domain);
      if (list) {
        list.push(finding);
      } else {
        byDomain.set(finding.domain, [finding]);
      }
    }
  }
  const isolation = analyzeIsolation(context);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedFrom: {
      entityCount: Array.isArray(entities) ? entities.length : 0,
      now: context.options.now,
    },
    domains: context.domains.domains.map(ref =>
      summarizeDomain(context, ref, byDomain.get(ref) ?? []),
    ),
    unassigned: context.domains.unassigned,
    findings,
    dependencies: isolation.dependencies,
    isolation: isolation.isolation,
    blastRadius: isolation.blastRadius,
    teams: [...context.ownership.teams],
    repositories: [...context.repositories.repositories],
    contracts: summarizeContracts(
      context.catalog,
      context.relations,
      context.domains,
      context.contracts,
    ),
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
  };
}
