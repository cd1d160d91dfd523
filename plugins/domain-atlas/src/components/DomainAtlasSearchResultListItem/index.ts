export {
  ContractSearchResultListItem,
  DomainAtlasSearchResultItem,
  DomainSearchResultListItem,
} from './DomainAtlasSearchResultListItem';
export type { DomainAtlasSearchResultListItemProps } from './DomainAtlasSearchResultListItem';
