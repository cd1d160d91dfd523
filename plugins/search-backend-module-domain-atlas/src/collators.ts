import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  CONTRACT_SEARCH_DOCUMENT_TYPE,
  DOMAIN_SEARCH_DOCUMENT_TYPE,
} from '@domain-atlas/plugin-domain-atlas-common';
import { Readable } from 'node:stream';
import { contractDocument, domainDocument } from './documents';
import { DomainAtlasReader } from './DomainAtlasReader';

interface CollatorOptions {
  reader: DomainAtlasReader;
  /** See `search.collators.domainAtlas.locationTemplate`. */
  locationTemplate: string;
}

/**
 * Every domain of the newest Domain Atlas report, as
 * `domain-atlas-domain` documents. Results follow `catalog.entity.read` on
 * the Domain entity, as the catalog's own results do.
 */
export class DomainCollatorFactory implements DocumentCollatorFactory {
  readonly type = DOMAIN_SEARCH_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;
  private readonly options: CollatorOptions;

  constructor(options: CollatorOptions) {
    this.options = options;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<IndexableDocument> {
    const { reader, locationTemplate } = this.options;
    const report = await reader.report();
    const teams = new Map(report.teams.map(team => [team.ref, team]));
    for (const domain of report.domains) {
      yield domainDocument(domain, teams, locationTemplate);
    }
  }
}

/**
 * Every contract (API entity) of the newest Domain Atlas report, as
 * `domain-atlas-contract` documents. Results follow `catalog.entity.read`
 * on the API entity.
 */
export class ContractCollatorFactory implements DocumentCollatorFactory {
  readonly type = CONTRACT_SEARCH_DOCUMENT_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;
  private readonly options: CollatorOptions;

  constructor(options: CollatorOptions) {
    this.options = options;
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<IndexableDocument> {
    const { reader, locationTemplate } = this.options;
    const [contracts, domainTitles] = await Promise.all([
      reader.contracts(),
      reader.domainTitles(),
    ]);
    for (const contract of contracts) {
      yield contractDocument(contract, domainTitles, locationTemplate);
    }
  }
}
