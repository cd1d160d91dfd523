import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import type {
  ContractCheckResult,
  ContractDetail,
  ContractListItem,
  Finding,
  RuleSummary,
  WaiverSummary,
} from '@domain-atlas/plugin-domain-atlas-common';
import {
  DomainAtlasApi,
  DomainDetail,
  DomainListItem,
  EntityFindings,
  FindingsFilter,
  IsolationOverview,
  MigrationOverview,
  TeamDetail,
  TeamsOverview,
} from './DomainAtlasApi';

/** The largest page the findings route serves. */
const FINDINGS_PAGE_SIZE = 500;

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

  async getTeams(): Promise<TeamsOverview> {
    return this.get<TeamsOverview>('/teams');
  }

  async getMigration(
    options: { days?: number } = {},
  ): Promise<MigrationOverview> {
    const query = options.days === undefined ? '' : `?days=${options.days}`;
    return this.get<MigrationOverview>(`/migration${query}`);
  }

  async getIsolation(): Promise<IsolationOverview> {
    return this.get<IsolationOverview>('/isolation');
  }

  async listRules(): Promise<RuleSummary[]> {
    const body = await this.get<{ items: RuleSummary[] }>('/rules');
    return body.items;
  }

  async listFindings(filter: FindingsFilter = {}): Promise<Finding[]> {
    const findings: Finding[] = [];
    for (;;) {
      const params = new URLSearchParams();
      if (filter.domain) params.set('domain', filter.domain);
      if (filter.rule) params.set('rule', filter.rule);
      if (filter.severity) params.set('severity', filter.severity);
      if (filter.waived !== undefined)
        params.set('waived', String(filter.waived));
      params.set('offset', String(findings.length));
      params.set('limit', String(FINDINGS_PAGE_SIZE));
      const page = await this.get<{ items: Finding[]; totalCount: number }>(
        `/findings?${params}`,
      );
      findings.push(...page.items);
      if (page.items.length === 0 || findings.length >= page.totalCount) {
        return findings;
      }
    }
  }

  async listWaivers(): Promise<WaiverSummary[]> {
    const body = await this.get<{ items: WaiverSummary[] }>('/waivers');
    return body.items;
  }

  async listContracts(): Promise<ContractListItem[]> {
    const body = await this.get<{ items: ContractListItem[] }>('/contracts');
    return body.items;
  }

  async getContract(apiRef: string): Promise<ContractDetail> {
    return this.get<ContractDetail>(`/contracts/${refPath(apiRef, 'api')}`);
  }

  async checkContract(
    apiRef: string,
    definition: string,
  ): Promise<ContractCheckResult> {
    return this.post<ContractCheckResult>(
      `/contracts/${refPath(apiRef, 'api')}/check`,
      { definition },
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

  private async post<T>(path: string, body: unknown): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('domain-atlas');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
