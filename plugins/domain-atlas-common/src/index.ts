/**
 * The Domain Atlas analysis: catalog entities in, report out. Pure and
 * isomorphic (browser, backend, CLI).
 *
 * @packageDocumentation
 */

export { analyze } from './analyze';
export { MINIMAL_DOMAIN_EXAMPLE_YAML } from './minimalDomainExample';
export type {
  CatalogSources,
  CatalogSourceProblem,
  CatalogSourceProblemReason,
} from './catalogSources';
export * from './report';
export type {
  AnalysisOptions,
  ContractChange,
  ResolvedAnalysisOptions,
  RuleConfig,
} from './options';
export * from './rules';
export {
  ANNOTATIONS,
  CI_ANNOTATIONS,
  SHARED_CONTRACT_LABEL,
} from './model/annotations';
export type {
  AtlasAnnotations,
  ContractPinSpec,
  Exemption,
} from './model/annotations';
export type {
  CatalogEntity,
  CatalogEntityLink,
  CatalogIndex,
} from './model/catalog';
export type { CatalogRelations, EntityRelations } from './model/relations';
export type { EntityRoles } from './model/entityRoles';
export { CatalogProblems } from './model/problems';
export type { DomainModel } from './domains';
export type { OwnershipModel } from './ownership';
export type { RepositoryIndex } from './repositories';
export { parseRepositoryUrl, repositoryOfAnnotations } from './repositoryUrls';
export type { RepositoryLocation } from './repositoryUrls';
export type { ContractIndex, ContractInfo } from './contracts';
export { contractVersionOfEntity } from './contracts';
export { definitionVersion } from './contractDefinitions';
export { DEFAULT_MAX_DEFINITION_SIZE } from './options';
export type { DefinitionCache, DefinitionVersion } from './contractDefinitions';
export * from './contractChanges';
export { satisfiesRange } from './versionRanges';
export { computeHealthScore, countFindings, SCORE_PENALTIES } from './score';
export { EXPIRING_WAIVER_DAYS } from './waivers';
export {
  AT_RISK_DAYS,
  DECOMMISSION_THRESHOLD,
  PHASE_CRITERIA,
  targetStatus,
} from './phases';
export type { IsolationAnalysis } from './isolation';
export type { PhaseCriterionSpec } from './phases';
export * from './permissions';
export * from './search';
export { readAnalysisOptionsFromConfig } from './configuredOptions';
export type { ConfiguredAnalysisOptions } from './configuredOptions';
