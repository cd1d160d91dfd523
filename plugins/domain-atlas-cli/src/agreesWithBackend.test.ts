/*
 * The command line and the backend give the same findings for the same
 * catalog and configuration: the CI gate and the portal agree.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  DomainAtlasReport,
  Finding,
} from '@domain-atlas/plugin-domain-atlas-common';
// The test starts the real backend plugin and the example rule module.
/* eslint-disable @backstage/no-mixed-plugin-imports */
import domainAtlasPlugin from '@domain-atlas/plugin-domain-atlas-backend';
import domainAtlasModuleRunbook from '@domain-atlas/plugin-domain-atlas-backend-module-runbook';
/* eslint-enable @backstage/no-mixed-plugin-imports */
import request from 'supertest';
import { runAnalysis } from './analysis';
import { readCatalogFiles } from './catalogFiles';
import { resolveDefinitionPlaceholders } from './definitionPlaceholders';
import { writeMixedCatalog, writeTempTree } from './__testUtils__/fixtures';

/** What the catalog would hold: the entities of the files, resolved. */
async function catalogEntities(dir: string): Promise<Entity[]> {
  const files = await readCatalogFiles(['.'], { cwd: dir });
  const resolved = await resolveDefinitionPlaceholders(
    files.entities,
    dir,
    path => path,
  );
  return resolved.entities.map(found => found.entity as unknown as Entity);
}

async function backendReport(
  entities: Entity[],
  config: object,
  features: any[] = [],
): Promise<DomainAtlasReport> {
  const { server } = await startTestBackend({
    features: [
      domainAtlasPlugin,
      ...features,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const response = await request(server)
    .get('/api/domain-atlas/report')
    .set('Authorization', mockCredentials.user.header());
  expect(response.status).toBe(200);
  return response.body.report;
}

/**
 * The findings both can give: `catalog-file` findings are about files,
 * which only the command line reads (the catalog records its own
 * processing errors).
 */
const comparable = (report: DomainAtlasReport) =>
  report.findings
    .filter(finding => finding.rule !== 'catalog-file')
    .map(({ id, severity, waived, message }: Finding) => ({
      id,
      severity,
      waived,
      message,
    }));

describe('the command line and the backend', () => {
  it('give the same findings for a messy catalog folder, every dangling reference included', async () => {
    const { dir, cleanup } = await writeMixedCatalog();
    try {
      const cli = await runAnalysis({ paths: ['.'], configs: [], cwd: dir });
      const backend = await backendReport(await catalogEntities(dir), {});
      const dangling = comparable(cli.report).filter(finding =>
        finding.id.startsWith('invalid-reference:'),
      );
      expect(dangling.length).toBeGreaterThanOrEqual(2);
      expect(dangling.map(finding => finding.message).join('\n')).toContain(
        'which is not in the catalog',
      );
      expect(comparable(backend)).toEqual(comparable(cli.report));
    } finally {
      await cleanup();
    }
  });

  it('give the same findings for config rules, module rules and waivers that end', async () => {
    const config = {
      domainAtlas: {
        rules: { 'runbook-link': { severity: 'error' } },
        customRules: [
          {
            id: 'described',
            principle: 'The catalog is the source of truth',
            description: 'A service says what it does.',
            filter: { kind: 'Component', type: 'service' },
            require: { description: true },
          },
        ],
      },
    };
    const { dir, cleanup } = await writeTempTree({
      'app-config.yaml': JSON.stringify(config),
      'catalog.yaml': `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: orders-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata: { name: orders }
spec: { owner: orders-team }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: orders-system }
spec: { owner: orders-team, domain: orders }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-service
  annotations:
    domain-atlas.io/exemptions: 'runbook-link: paged by the platform (until 2099-12-31); independent-pipeline: old (until 2001-01-01); own-datastore: none'
spec: { type: service, lifecycle: production, owner: orders-team, system: orders-system }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders-worker
  description: Works the order queue.
spec: { type: service, lifecycle: production, owner: orders-team, system: orders-system }
`,
    });
    try {
      const cli = await runAnalysis({
        paths: ['catalog.yaml'],
        configs: ['app-config.yaml'],
        rules: ['@domain-atlas/plugin-domain-atlas-backend-module-runbook'],
        cwd: dir,
      });
      const backend = await backendReport(await catalogEntities(dir), config, [
        domainAtlasModuleRunbook,
      ]);
      const rules = new Set(cli.report.findings.map(finding => finding.rule));
      for (const rule of [
        'described',
        'runbook-link',
        'unused-exemption',
        'independent-pipeline',
      ]) {
        expect(rules).toContain(rule);
      }
      expect(comparable(backend)).toEqual(comparable(cli.report));
      expect(backend.waivers).toEqual(cli.report.waivers);
    } finally {
      await cleanup();
    }
  });
});
