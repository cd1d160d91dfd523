import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ContractListItem,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';

/**
 * Reads the Domain Atlas backend's HTTP API with the search plugin's own
 * service credentials, as the catalog collator reads the catalog. A service
 * caller gets the whole report: which user may see which document is
 * decided when they search, by the document's `authorization`. The routes
 * read here answer whole lists (they do not page).
 */
export class DomainAtlasReader {
  private readonly auth: AuthService;
  private readonly discovery: DiscoveryService;

  constructor(options: { auth: AuthService; discovery: DiscoveryService }) {
    this.auth = options.auth;
    this.discovery = options.discovery;
  }

  /**
   * `GET /report?sections=domains,teams`: domains with their members, teams
   * with their titles, and none of the report's other (larger) lists. A
   * backend that does not know `sections` sends the whole report.
   */
  async report(): Promise<Pick<DomainAtlasReport, 'domains' | 'teams'>> {
    const body = await this.get<{
      report: Pick<DomainAtlasReport, 'domains' | 'teams'>;
    }>('/report?sections=domains,teams');
    return body.report;
  }

  /** `GET /contracts`: each contract with its consumers and latest change. */
  async contracts(): Promise<ContractListItem[]> {
    const body = await this.get<{ items: ContractListItem[] }>('/contracts');
    return body.items;
  }

  /** `GET /domains`: refs and titles, to name each contract's domain. */
  async domainTitles(): Promise<Map<string, string>> {
    const body = await this.get<{
      items: Array<{ ref: string; title: string }>;
    }>('/domains');
    return new Map(body.items.map(domain => [domain.ref, domain.title]));
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discovery.getBaseUrl('domain-atlas');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'domain-atlas',
    });
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      // E.g. a 503 while the backend has no report yet: this run of the
      // index fails and the search engine keeps the documents it has.
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
