import { DomainAtlasReport } from '@domain-atlas/plugin-domain-atlas-common';
import {
  runInProcess,
  WARNINGS_ONLY_CATALOG,
  writeMixedCatalog,
  writeTempTree,
} from '../__testUtils__/fixtures';

const catalogFileFindings = (report: DomainAtlasReport) =>
  report.findings
    .filter(finding => finding.rule === 'catalog-file')
    .map(({ severity, entities, message }) => ({
      severity,
      entities,
      message,
    }));

describe('domain-atlas report', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const tree = async (files: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree(files);
    cleanups.push(cleanup);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });

  it('reads a real catalog folder: skips what is not an entity, reports what it cannot read, analyses the rest', async () => {
    const { dir, cleanup } = await writeMixedCatalog();
    cleanups.push(cleanup);
    const result = await runInProcess(
      ['report', '.', '--format', 'json', '--now', '2026-11-21'],
      dir,
    );
    expect(result.code).toBe(0);
    const report: DomainAtlasReport = JSON.parse(result.stdout);

    // Every file that was not read as entities, by name, as a finding.
    expect(catalogFileFindings(report)).toEqual([
      {
        severity: 'info',
        entities: [],
        message:
          'api/orders.openapi.yaml: an OpenAPI definition, not an entity: skipped',
      },
      {
        severity: 'info',
        entities: [],
        message:
          'docs/team-notes.yaml: not an entity (no apiVersion or kind): skipped',
      },
      {
        severity: 'error',
        entities: [],
        message:
          'broken.yaml:4:9: invalid YAML: Nested mappings are not allowed in compact mappings',
      },
      {
        severity: 'info',
        entities: [],
        message: 'templates/service.yaml.hbs: a template (.hbs): skipped',
      },
      {
        severity: 'error',
        entities: ['location:default/orders-catalog'],
        message:
          'catalog-info.yaml:5: Location orders-catalog points at payments/catalog-info.yaml, which does not exist',
      },
    ]);
    // One line each on stderr, in reading order.
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'notice: api/orders.openapi.yaml: an OpenAPI definition, not an entity: skipped',
      'error: broken.yaml:4:9: invalid YAML: Nested mappings are not allowed in compact mappings',
      'error: catalog-info.yaml:5: Location orders-catalog points at payments/catalog-info.yaml, which does not exist',
      'notice: templates/service.yaml.hbs: a template (.hbs): skipped',
      'notice: docs/team-notes.yaml: not an entity (no apiVersion or kind): skipped',
    ]);

    // The rest is analysed: the domain, its dangling references, and the
    // API's version from its $text definition.
    expect(report.domains.map(domain => domain.ref)).toEqual([
      'domain:default/orders',
    ]);
    expect(report.generatedFrom.entityCount).toBe(7);
    const messages = report.findings.map(finding => finding.message);
    expect(messages).toContain(
      'spec.dependsOn of component:default/orders-service refers to resource:default/orders-queue, which is not in the catalog',
    );
    expect(messages).toContain(
      'spec.owner of component:default/orders-web refers to group:default/ghost-team, which is not in the catalog',
    );
    expect(report.contracts).toEqual([
      expect.objectContaining({
        ref: 'api:default/orders-api',
        version: '2.1.0',
      }),
    ]);
  });

  it('exits 2 only when no file could be read at all, naming each', async () => {
    const broken = {
      'a.yaml': 'kind: Group\nmetadata:\n  name: a: b\n',
      'b.yaml': 'kind: [unclosed\n',
    };
    const dir = await tree(broken);
    const nothing = await runInProcess(['report', '.'], dir);
    expect(nothing).toMatchObject({ code: 2, stdout: '' });
    expect(nothing.stderr.split('\n')).toEqual([
      'domain-atlas: a.yaml:3:9: invalid YAML: Nested mappings are not allowed in compact mappings',
      expect.stringMatching(/^domain-atlas: b\.yaml:\d+:\d+: invalid YAML: /),
      '',
    ]);

    // One readable file, even one with nothing but notes, is something.
    const some = await tree({ ...broken, 'notes.yaml': 'review: quarterly\n' });
    const result = await runInProcess(['report', '.', '--format', 'csv'], some);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  describe('definition placeholders', () => {
    const api = (name: string, type: string, definition: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\nspec:\n  type: ${type}\n  lifecycle: production\n  owner: team-a\n  definition:\n    ${definition}\n`;

    it("read local $text, $json and $yaml targets relative to the entity's file, for the version", async () => {
      const dir = await tree({
        'catalog.yaml': WARNINGS_ONLY_CATALOG,
        'apis/catalog-info.yaml': [
          api('orders', 'openapi', '$text: ./specs/orders.yaml'),
          api('payments', 'openapi', '$json: ./specs/payments.json'),
          api('events', 'asyncapi', '$yaml: ../events.yaml'),
        ].join('---\n'),
        'apis/specs/orders.yaml':
          'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 1.4.0\npaths: {}\n',
        'apis/specs/payments.json': JSON.stringify({
          openapi: '3.1.0',
          info: { title: 'Payments', version: '3.2.0' },
          paths: {},
        }),
        'events.yaml':
          'asyncapi: 2.6.0\ninfo:\n  title: Events\n  version: 0.9.0\nchannels: {}\n',
      });
      const result = await runInProcess(
        ['report', 'catalog.yaml', 'apis/catalog-info.yaml', '-f', 'json'],
        dir,
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const report: DomainAtlasReport = JSON.parse(result.stdout);
      expect(
        report.contracts.map(contract => [contract.ref, contract.version]),
      ).toEqual([
        ['api:default/events', '0.9.0'],
        ['api:default/orders', '1.4.0'],
        ['api:default/payments', '3.2.0'],
      ]);
      expect(
        report.findings.filter(f => f.rule === 'contract-versioned'),
      ).toEqual([]);
    });

    it('leave a missing or remote target as it is, naming it; nothing is fetched', async () => {
      const dir = await tree({
        'catalog.yaml': WARNINGS_ONLY_CATALOG,
        'apis.yaml': [
          api('orders', 'openapi', '$text: ./specs/gone.yaml'),
          api(
            'search',
            'openapi',
            '$text: https://example.invalid/search.yaml',
          ),
        ].join('---\n'),
      });
      const result = await runInProcess(['report', '.', '-f', 'json'], dir);
      expect(result.code).toBe(0);
      expect(result.stderr.split('\n').filter(Boolean)).toEqual([
        'warning: apis.yaml:12: skipped remote $text target https://example.invalid/search.yaml of the definition of api:default/search (nothing is fetched)',
        'error: apis.yaml:1: the definition of api:default/orders points at specs/gone.yaml ($text), which does not exist; the definition is left as it is',
      ]);
      expect(catalogFileFindings(JSON.parse(result.stdout))).toEqual([
        {
          severity: 'error',
          entities: ['api:default/orders'],
          message:
            'apis.yaml:1: the definition of api:default/orders points at specs/gone.yaml ($text), which does not exist; the definition is left as it is',
        },
      ]);
    });
  });
});
