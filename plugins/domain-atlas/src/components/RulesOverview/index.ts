export { RulesOverview } from './RulesOverview';
