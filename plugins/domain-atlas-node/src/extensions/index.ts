export {
  domainAtlasRulesExtensionPoint,
  type DomainAtlasRulesExtensionPoint,
} from './rulesExtensionPoint';
export { rulesExportedBy } from './ruleModules';
