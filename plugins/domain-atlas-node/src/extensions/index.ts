export {
  domainAtlasRulesExtensionPoint,
  type DomainAtlasRulesExtensionPoint,
} from './rulesExtensionPoint';
