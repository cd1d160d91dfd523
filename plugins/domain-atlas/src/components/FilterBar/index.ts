export {
  FilterBar,
  FilterSelect,
  SearchField,
  matchesSearch,
} from './FilterBar';
export type { FilterOption } from './FilterBar';
