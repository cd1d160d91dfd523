import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  DomainAtlasApi,
  DomainDetail,
  DomainListItem,
  EntityFindings,
  TeamDetail,
} from './DomainAtlasApi';

/** `namespace/name` of an entity ref, each part URL-encoded. */
function refPath(ref: string, defaultKind: string): string {
  const { namespace, name } = parseEntityRef(ref, { defaultKind });
  return `${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/**
 * The default {@link DomainAtlasApi}: calls `/api/domain-atlas` through
 * Backstage's discovery and fetch APIs, so auth and base URLs come from the
 * app.
 *
 * @public
 */
export class DomainAtlasClient implements DomainAtlasApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listDomains(): Promise<DomainListItem[]> {
    const body = await this.get<{ items: DomainListItem[] }>('/domains');
    return body.items;
  }

  async getDomain(domainRef: string): Promise<DomainDetail> {
    return this.get<DomainDetail>(`/domains/${refPath(domainRef, 'domain')}`);
  }

  async getTeam(groupRef: string): Promise<TeamDetail> {
    return this.get<TeamDetail>(`/teams/${refPath(groupRef, 'group')}`);
  }

  async getEntityFindings(entityRef: string): Promise<EntityFindings> {
    const { kind } = parseEntityRef(entityRef);
    return this.get<EntityFindings>(
      `/entities/${encodeURIComponent(
        kind.toLocaleLowerCase('en-US'),
      )}/${refPath(entityRef, kind)}/findings`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('domain-atlas');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
