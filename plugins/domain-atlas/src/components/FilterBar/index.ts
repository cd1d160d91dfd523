export {
  FilterBar,
  FilterSelect,
  SearchField,
  filteredTitle,
  matchesSearch,
  NoMatch,
} from './FilterBar';
export type { FilterOption } from './FilterBar';
