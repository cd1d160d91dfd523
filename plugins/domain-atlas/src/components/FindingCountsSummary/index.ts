export { FindingCountsSummary } from './FindingCountsSummary';
