import type { DomainAtlasRule } from './types';
import { domainOwnedRule } from './domainOwned';
import { singleOwnerRule } from './singleOwner';
import { repoPerDomainRule } from './repoPerDomain';
import { repoPerServiceRule } from './repoPerService';
import { ownDatastoreRule } from './ownDatastore';
import { noSharedCacheRule } from './noSharedCache';
import { noSharedBusinessLogicRule } from './noSharedBusinessLogic';
import { eventsBetweenDomainsRule } from './eventsBetweenDomains';
import { contractVersionedRule } from './contractVersioned';
import { breakingChangeNeedsMajorRule } from './breakingChangeNeedsMajor';
import { independentPipelineRule } from './independentPipeline';
import { teamOwnedRule } from './teamOwned';
import { emptyDomainRule } from './emptyDomain';
import { unusedExemptionRule } from './unusedExemption';
import {
  invalidAnnotationRule,
  invalidEntityRule,
  invalidReferenceRule,
  malformedDefinitionRule,
  catalogFileRule,
} from './catalogDataRules';

export type { DomainAtlasRule, RuleContext, RuleViolation } from './types';
export {
  domainOwnedRule,
  singleOwnerRule,
  repoPerDomainRule,
  repoPerServiceRule,
  ownDatastoreRule,
  noSharedCacheRule,
  noSharedBusinessLogicRule,
  eventsBetweenDomainsRule,
  contractVersionedRule,
  breakingChangeNeedsMajorRule,
  independentPipelineRule,
  teamOwnedRule,
  emptyDomainRule,
  invalidEntityRule,
  invalidReferenceRule,
  invalidAnnotationRule,
  malformedDefinitionRule,
  catalogFileRule,
  unusedExemptionRule,
};

/**
 * The built-in rules: the repo-per-domain rules of the product
 * specification, then the catalog data rules. Rules from backend modules
 * are added with the `extraRules` option of {@link analyze}.
 *
 * @public
 */
export const BUILT_IN_RULES: ReadonlyArray<DomainAtlasRule> = [
  domainOwnedRule,
  singleOwnerRule,
  repoPerDomainRule,
  repoPerServiceRule,
  ownDatastoreRule,
  noSharedCacheRule,
  noSharedBusinessLogicRule,
  eventsBetweenDomainsRule,
  contractVersionedRule,
  breakingChangeNeedsMajorRule,
  independentPipelineRule,
  teamOwnedRule,
  emptyDomainRule,
  invalidEntityRule,
  invalidReferenceRule,
  invalidAnnotationRule,
  malformedDefinitionRule,
  catalogFileRule,
  unusedExemptionRule,
];
