/**
 * The command line as a real process: `node bin/domain-atlas …` from the
 * repository root, so the bin wiring (on-the-fly TypeScript, the workspace
 * common package) is covered along with exit codes and messages.
 */
import { execFile } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  BIN,
  domainYaml,
  ERRORS_CATALOG,
  REPO_ROOT,
  serviceYaml,
  WARNINGS_ONLY_CATALOG,
  writeTempTree,
} from './__testUtils__/fixtures';

jest.setTimeout(60_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { cwd?: string; bin?: string } = {}) {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  return new Promise<Run>(done => {
    execFile(
      options.bin ?? process.execPath,
      options.bin ? args : [BIN, ...args],
      { cwd: options.cwd ?? REPO_ROOT, env },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : -1;
        }
        done({
          code,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('domain-atlas (process)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const tree = async (files: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree(files);
    cleanups.push(cleanup);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });

  it('answers --help and --version, also through the linked npx bin', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: domain-atlas/);
    expect(help.stdout).toMatch(/report \[options\] <paths\.\.\.>/);
    expect(help.stdout).toMatch(/check \[options\] <paths\.\.\.>/);

    const reportHelp = await run(['report', '--help']);
    expect(reportHelp.code).toBe(0);
    expect(reportHelp.stdout).toMatch(/--format <format>/);

    const version = await run(['--version'], {
      bin: join(REPO_ROOT, 'node_modules/.bin/domain-atlas'),
    });
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('prints the demo report as a table on stdout, nothing on stderr', async () => {
    const result = await run([
      'report',
      'examples',
      '--format',
      'table',
      '--now',
      '2026-11-21',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Coupons +legacy-team \(missing\) +0 +1 ahead +1 by 2026-09-30 +overdue 52d +39 /m,
    );
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('exits 2 naming a missing path', async () => {
    const result = await run(['report', 'no/such/catalog.yaml']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'domain-atlas: no/such/catalog.yaml: no such file or directory\n',
    });
  });

  it('exits 2 naming file and line of invalid YAML', async () => {
    const dir = await tree({
      'catalog.yaml': 'kind: Group\nmetadata:\n  name: a: b\n',
    });
    const result = await run(['report', 'catalog.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'domain-atlas: catalog.yaml:3:9: invalid YAML: Nested mappings are not allowed in compact mappings\n',
    );
  });

  it('reports an entity without a name at its file:line and analyses the rest', async () => {
    const dir = await tree({
      'catalog.yaml': `${WARNINGS_ONLY_CATALOG}---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: nameless\n`,
    });
    const lines = WARNINGS_ONLY_CATALOG.split('\n').length;
    const result = await run(['report', 'catalog.yaml', '--format', 'json'], {
      cwd: dir,
    });
    expect(result.code).toBe(0);
    const findings: { rule: string; message: string }[] = JSON.parse(
      result.stdout,
    ).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'invalid-entity',
        message: expect.stringMatching(
          `^The entity at catalog\\.yaml:${
            lines + 1
          } has no valid metadata\\.name`,
        ),
      }),
    );
    expect(findings.map(finding => finding.rule)).toContain(
      'independent-pipeline',
    );
  });

  it('exits 2 on a usage error and an invalid --now', async () => {
    const format = await run(['report', 'examples', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/argument 'xml' is invalid/);
    const now = await run(['report', 'examples', '--now', 'tomorrow']);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/--now: 'tomorrow' is not an ISO date/);
  });

  describe('check', () => {
    it('exits 1 on error findings, printing them and a summary', async () => {
      const dir = await tree({ 'catalog.yaml': ERRORS_CATALOG });
      const result = await run(['check', '.'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /Billing \(domain:billing\)\n {2}error +repo-per-domain +github\.com\/acme\/mono hosts components of 2 domains/,
      );
      expect(result.stdout).not.toContain('independent-pipeline');
      expect(result.stdout.trimEnd().split('\n').pop()).toBe(
        'check failed: 2 error findings (1 below error, 0 waived).',
      );
    });

    it('exits 0 with only warnings, 1 with --fail-on warning', async () => {
      const dir = await tree({ 'catalog.yaml': WARNINGS_ONLY_CATALOG });
      const passed = await run(['check', 'catalog.yaml'], { cwd: dir });
      expect(passed.code).toBe(0);
      expect(passed.stdout).toBe(
        'check passed: no error findings (1 below error, 0 waived).\n',
      );
      const failed = await run(
        ['check', 'catalog.yaml', '--fail-on', 'warning'],
        { cwd: dir },
      );
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(
        'warning  independent-pipeline  component:cart-service has no pipeline of its own',
      );
    });

    /**
     * A directory with the errors catalog, `report.json` (its report, taken
     * as the baseline) and `tax.yaml`: what was added since.
     */
    const laterThanBaseline = async (taxYaml: string) => {
      const dir = await tree({ 'catalog.yaml': ERRORS_CATALOG });
      const baseline = await run(['report', '.', '--format', 'json'], {
        cwd: dir,
      });
      expect(baseline.code).toBe(0);
      return tree({
        'report.json': baseline.stdout,
        'catalog.yaml': ERRORS_CATALOG,
        'tax.yaml': taxYaml,
      });
    };

    it('lets the findings of a baseline report pass and fails on new ones', async () => {
      // A new domain whose owner is not in the catalog: a new error.
      const later = await laterThanBaseline(
        [
          domainYaml('tax', 'group:nobody', 'Tax'),
          serviceYaml('tax-service', 'tax', 'team-a', 'tax', true),
        ].join('---\n'),
      );
      const known = await run(['check', 'catalog.yaml', '-b', 'report.json'], {
        cwd: later,
      });
      expect(known.code).toBe(0);
      expect(known.stdout).toBe(
        'check passed: no new error findings (2 known in the baseline, 1 below error, 0 waived, 0 fixed since the baseline).\n',
      );
      const grown = await run(['check', '.', '--baseline', 'report.json'], {
        cwd: later,
      });
      expect(grown.code).toBe(1);
      expect(grown.stdout).toMatch(
        /^Tax \(domain:tax\)\n {2}error +domain-owned +domain:tax is owned by group:nobody, which is not in the catalog\n\n/,
      );
      // The two other new findings are warnings: spec.owner of the Tax
      // domain and system names a group that is not in the catalog.
      expect(grown.stdout.trimEnd().split('\n').pop()).toBe(
        'check failed: 1 new error finding (2 known in the baseline, 3 below error, 0 waived, 0 fixed since the baseline).',
      );
    });

    it('keeps knowing a baseline finding when another domain joins its repository', async () => {
      // A further domain, well owned, with a service in the shared
      // repository: billing's and shop's findings now name tax too.
      const later = await laterThanBaseline(
        [
          domainYaml('tax', 'team-a', 'Tax'),
          serviceYaml('tax-service', 'tax', 'team-a', 'mono', true),
        ].join('---\n'),
      );
      const result = await run(['check', '.', '--baseline', 'report.json'], {
        cwd: later,
      });
      expect(result.code).toBe(1);
      // The one new finding is the joining domain's; billing's and shop's
      // keep their ids although they name tax now, and stay known.
      expect(result.stdout).toMatch(
        /^Tax \(domain:tax\)\n {2}error +repo-per-domain +github\.com\/acme\/mono hosts components of 3 domains; component:tax-service of domain:tax\n/,
      );
      expect(result.stdout.match(/repo-per-domain/g)).toHaveLength(1);
      expect(result.stdout.trimEnd().split('\n').pop()).toBe(
        'check failed: 1 new error finding (2 known in the baseline, 1 below error, 0 waived, 0 fixed since the baseline).',
      );
    });

    it('re-levels a rule from --config, later files winning', async () => {
      const dir = await tree({
        'catalog.yaml': WARNINGS_ONLY_CATALOG,
        'app-config.yaml':
          'domainAtlas:\n  rules:\n    independent-pipeline:\n      severity: error\n',
        'app-config.local.yaml':
          'domainAtlas:\n  rules:\n    independent-pipeline:\n      severity: info\n',
      });
      const raised = await run(
        ['check', 'catalog.yaml', '--config', 'app-config.yaml'],
        { cwd: dir },
      );
      expect(raised.code).toBe(1);
      expect(raised.stdout).toContain('error    independent-pipeline');
      const lowered = await run(
        [
          'check',
          'catalog.yaml',
          '-c',
          'app-config.yaml',
          '-c',
          'app-config.local.yaml',
          '--fail-on',
          'warning',
        ],
        { cwd: dir },
      );
      expect(lowered.code).toBe(0);
    });

    it('exits 2 naming the key of an invalid config value', async () => {
      const dir = await tree({
        'catalog.yaml': WARNINGS_ONLY_CATALOG,
        'app-config.yaml':
          'domainAtlas:\n  rules:\n    own-datastore:\n      severity: critical\n',
      });
      const result = await run(
        ['check', 'catalog.yaml', '--config', 'app-config.yaml'],
        { cwd: dir },
      );
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr:
          "domain-atlas: Invalid Domain Atlas configuration at 'domainAtlas.rules.own-datastore.severity': 'critical' is not one of error, warning, info\n",
      });
    });
  });

  describe('remote Location targets', () => {
    let server: Server;
    let requests = 0;
    let port = 0;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        requests += 1;
        res.end(
          'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: remote\n',
        );
      });
      await new Promise<void>(listening =>
        server.listen(0, '127.0.0.1', listening),
      );
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise(closed => server.close(closed));
    });

    it('are skipped with a warning and never fetched', async () => {
      const dir = await tree({
        'all.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Location',
          'metadata:',
          '  name: all',
          'spec:',
          `  target: http://127.0.0.1:${port}/catalog-info.yaml`,
          '  targets:',
          `    - url:http://127.0.0.1:${port}/more.yaml`,
          '    - ./catalog.yaml',
          '',
        ].join('\n'),
        'catalog.yaml': WARNINGS_ONLY_CATALOG,
      });
      const result = await run(['report', 'all.yaml', '--format', 'csv'], {
        cwd: dir,
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(
        [
          `warning: all.yaml:1: skipped remote target http://127.0.0.1:${port}/catalog-info.yaml of Location all (only local files are read)`,
          `warning: all.yaml:1: skipped remote target url:http://127.0.0.1:${port}/more.yaml of Location all (only local files are read)`,
          '',
        ].join('\n'),
      );
      // The local target was read: its one finding is in the report.
      expect(result.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);
      expect(requests).toBe(0);
    });
  });
});

describe('domain-atlas contract-diff (process)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const tree = async (files: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree(files);
    cleanups.push(cleanup);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });

  it("classifies the demo's 2.2.0 → 2.3.0 change as breaking without a major version: exit 1", async () => {
    // The new side is the demo's catalog file as it is: several entities,
    // the API picked by name.
    const result = await run([
      'contract-diff',
      'examples/history/orders-api-v2-2.2.0.openapi.json',
      'examples/domains/orders.yaml',
      '--api',
      'orders-api-v2',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'openapi 2.2.0 → 2.3.0: breaking (api-smart-diff)',
    );
    expect(result.stdout).toMatch(
      /^ {2}breaking +\[Removed\] operation GET \/orders\/\{orderId\}\/invoice$/m,
    );
    expect(result.stdout).toContain(
      'A breaking change needs a new major version; the version went 2.2.0 → 2.3.0.',
    );
  });

  it('prints JSON and exits 0 for additive changes and a new major version', async () => {
    const proto = (pkg: string, rpcs: string) =>
      `syntax = "proto3";\npackage ${pkg};\nservice Payments {\n${rpcs}}\nmessage Req { string id = 1; }\nmessage Res { string id = 1; }\n`;
    const dir = await tree({
      'v1.proto': proto('acme.payments.v1', '  rpc Pay(Req) returns (Res);\n'),
      'v1-more.proto': proto(
        'acme.payments.v1',
        '  rpc Pay(Req) returns (Res);\n  rpc Refund(Req) returns (Res);\n',
      ),
      'v2.proto': proto(
        'acme.payments.v2',
        '  rpc Charge(Req) returns (Res);\n',
      ),
      'old.graphql': 'type Query { order(id: ID!): String }\n',
      'new.graphql': 'type Query { order(id: ID!): String orders: [String] }\n',
    });

    const additive = await run(
      ['contract-diff', 'v1.proto', 'v1-more.proto', '--format', 'json'],
      { cwd: dir },
    );
    expect(additive.code).toBe(0);
    expect(JSON.parse(additive.stdout)).toMatchObject({
      type: 'grpc',
      tool: '@bufbuild/buf',
      classification: 'non-breaking',
      needsMajor: false,
    });

    const major = await run(['contract-diff', 'v1.proto', 'v2.proto'], {
      cwd: dir,
    });
    expect(major.code).toBe(0);
    expect(major.stdout).toContain('grpc 1 → 2 (new major version): breaking');

    const graphql = await run(
      ['contract-diff', 'old.graphql', 'new.graphql', '-f', 'json'],
      { cwd: dir },
    );
    expect(graphql.code).toBe(0);
    expect(JSON.parse(graphql.stdout).changes).toEqual([
      expect.objectContaining({
        class: 'non-breaking',
        message: "Field 'orders' was added to object type 'Query'",
      }),
    ]);
  });

  it('reads catalog-info files: $text definitions resolved, several APIs need --api', async () => {
    const entity = (name: string, definition: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: ${name}\nspec:\n  type: graphql\n  lifecycle: production\n  owner: team\n  definition:\n    ${definition}\n`;
    const dir = await tree({
      'old/catalog-info.yaml': entity('search', '$text: ./schema.graphql'),
      'old/schema.graphql': 'type Query { search(q: String): [String] }\n',
      'new/catalog-info.yaml': `${entity(
        'search',
        '$text: ./schema.graphql',
      )}---\n${entity('other', '$text: https://example.com/schema.graphql')}`,
      'new/schema.graphql': 'type Query { find(q: String): [String] }\n',
    });

    const ambiguous = await run(
      ['contract-diff', 'old/catalog-info.yaml', 'new/catalog-info.yaml'],
      { cwd: dir },
    );
    expect(ambiguous).toMatchObject({
      code: 2,
      stderr:
        'domain-atlas: new/catalog-info.yaml has 2 API entities (search, other); pass --api <name>\n',
    });

    const search = await run(
      [
        'contract-diff',
        'old/catalog-info.yaml',
        'new/catalog-info.yaml',
        '--api',
        'search',
      ],
      { cwd: dir },
    );
    expect(search.code).toBe(1);
    expect(search.stdout).toContain(
      "breaking      Field 'search' was removed from object type 'Query'",
    );

    const remote = await run(
      [
        'contract-diff',
        'new/catalog-info.yaml',
        'new/catalog-info.yaml',
        '--api',
        'other',
      ],
      { cwd: dir },
    );
    expect(remote).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "the definition's $text target https://example.com/schema.graphql is not a local file (nothing is fetched)",
      ),
    });
  });

  it('exits 2 naming unreadable input', async () => {
    const dir = await tree({
      'good.yaml':
        'openapi: 3.0.3\ninfo: { title: x, version: 1.0.0 }\npaths: {}\n',
      'broken.yaml': 'openapi: 3.0.3\ninfo: [unclosed\n',
      'notes.txt': 'just text',
    });
    const missing = await run(['contract-diff', 'good.yaml', 'gone.yaml'], {
      cwd: dir,
    });
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'domain-atlas: cannot read gone.yaml: ENOENT\n',
    });

    const broken = await run(
      ['contract-diff', 'good.yaml', 'broken.yaml', '--type', 'openapi'],
      { cwd: dir },
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^domain-atlas: cannot compare good.yaml with broken.yaml: the new definition does not parse: /,
    );

    const unknown = await run(['contract-diff', 'notes.txt', 'notes.txt'], {
      cwd: dir,
    });
    expect(unknown).toMatchObject({
      code: 2,
      stderr:
        'domain-atlas: cannot tell the spec type of notes.txt; pass --type openapi|asyncapi|grpc|graphql\n',
    });
  });
});
