export { PhaseSummary, PHASE_NAMES } from './PhaseSummary';
