import { join } from 'node:path';
import { readCatalogFiles } from './catalogFiles';
import { CliInputError } from './errors';
import {
  EXAMPLES_DIR,
  REPO_ROOT,
  writeTempTree,
} from './__testUtils__/fixtures';

const entity = (kind: string, name: string, spec = '') =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${
    spec ? `spec:\n${spec}` : ''
  }`;

const location = (name: string, targets: string[]) =>
  entity(
    'Location',
    name,
    `  targets:\n${targets.map(target => `    - ${target}`).join('\n')}\n`,
  );

const names = (result: Awaited<ReturnType<typeof readCatalogFiles>>) =>
  result.entities
    .map(found => found.entity.metadata as { name: string })
    .map(metadata => metadata.name);

describe('readCatalogFiles', () => {
  const cleanups: (() => Promise<void>)[] = [];
  const tree = async (files: Record<string, string>) => {
    const { dir, cleanup } = await writeTempTree(files);
    cleanups.push(cleanup);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map(cleanup => cleanup()));
  });

  it('reads every document of a file, with the line each one starts on', async () => {
    const dir = await tree({
      'catalog.yaml': `# a comment\n---\n${entity('Group', 'a')}---\n${entity(
        'Group',
        'b',
      )}---\n`,
    });
    const result = await readCatalogFiles(['catalog.yaml'], { cwd: dir });
    expect(result.entities.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: 'catalog.yaml', line: 3 },
      { file: 'catalog.yaml', line: 8 },
    ]);
    expect(names(result)).toEqual(['a', 'b']);
  });

  it('reads directories recursively, *.yaml and *.yml only, skipping dot folders', async () => {
    const dir = await tree({
      'a.yaml': entity('Group', 'a'),
      'nested/deeper/b.yml': entity('Group', 'b'),
      'nested/readme.md': '# not a catalog file',
      'nested/c.json': '{}',
      '.git/d.yaml': entity('Group', 'd'),
    });
    const result = await readCatalogFiles(['.'], { cwd: dir });
    expect(names(result)).toEqual(['a', 'b']);
    expect(result.files).toEqual(['a.yaml', join('nested', 'deeper', 'b.yml')]);
  });

  it('follows Location targets relative to the Location file, nested Locations too', async () => {
    const dir = await tree({
      'root/all.yaml': location('all', ['./teams.yaml', '../more/index.yaml']),
      'root/teams.yaml': entity('Group', 'team'),
      'more/index.yaml': entity(
        'Location',
        'more',
        '  target: ./sub/domain.yaml\n',
      ),
      'more/sub/domain.yaml': entity('Domain', 'billing', '  owner: team\n'),
    });
    const result = await readCatalogFiles(['root/all.yaml'], { cwd: dir });
    expect(names(result)).toEqual(['all', 'team', 'more', 'billing']);
    expect(result.warnings).toEqual([]);
  });

  it('expands glob targets as the catalog does, warning when one matches nothing', async () => {
    const dir = await tree({
      'all.yaml': location('all', [
        './domains/*.yaml',
        './teams/**/*.yaml',
        './none/*.yaml',
      ]),
      'domains/b.yaml': entity('Domain', 'b'),
      'domains/a.yaml': entity('Domain', 'a'),
      'domains/notes.txt': 'not yaml',
      'teams/platform/core.yaml': entity('Group', 'core'),
    });
    const result = await readCatalogFiles(['all.yaml'], { cwd: dir });
    expect(names(result)).toEqual(['all', 'a', 'b', 'core']);
    expect(result.warnings).toEqual([
      'all.yaml:1: target ./none/*.yaml of Location all matches no files',
    ]);
  });

  it('reads each file once, so Location cycles and overlapping inputs are harmless', async () => {
    const dir = await tree({
      'a.yaml': `${location('a', ['./b.yaml'])}---\n${entity('Group', 'x')}`,
      'b.yaml': location('b', ['./a.yaml', './b.yaml']),
    });
    const result = await readCatalogFiles(['a.yaml', '.', 'b.yaml'], {
      cwd: dir,
    });
    expect(names(result)).toEqual(['a', 'x', 'b']);
    expect(result.files).toEqual(['a.yaml', 'b.yaml']);
  });

  it('skips remote targets with a warning naming the Location', async () => {
    const dir = await tree({
      'all.yaml': location('all', [
        'https://github.com/acme/catalog/blob/main/all.yaml',
        'url:https://example.com/x.yaml',
        './local.yaml',
      ]),
      'local.yaml': entity('Group', 'local'),
    });
    const result = await readCatalogFiles(['all.yaml'], { cwd: dir });
    expect(names(result)).toEqual(['all', 'local']);
    expect(result.warnings).toEqual([
      'all.yaml:1: skipped remote target https://github.com/acme/catalog/blob/main/all.yaml of Location all (only local files are read)',
      'all.yaml:1: skipped remote target url:https://example.com/x.yaml of Location all (only local files are read)',
    ]);
  });

  it('reads the demo organisation once per file: 114 entities', async () => {
    const result = await readCatalogFiles(['examples'], { cwd: REPO_ROOT });
    expect(result.entities).toHaveLength(114);
    expect(result.files).toHaveLength(15);
    const viaLocation = await readCatalogFiles(
      [join(EXAMPLES_DIR, 'all.yaml')],
      { cwd: REPO_ROOT },
    );
    expect(viaLocation.entities).toHaveLength(114);
  });

  it('names a missing path (the one input it cannot read past)', async () => {
    const dir = await tree({});
    await expect(readCatalogFiles(['nope.yaml'], { cwd: dir })).rejects.toThrow(
      new CliInputError('nope.yaml: no such file or directory'),
    );
  });

  describe('what the catalog would not read as entities', () => {
    const problems = (result: Awaited<ReturnType<typeof readCatalogFiles>>) =>
      result.problems.map(problem => ({
        reason: problem.reason,
        location: problem.location,
        message: problem.message,
      }));

    it('records invalid YAML at file:line:col and reads the other documents and files', async () => {
      const dir = await tree({
        'bad.yaml': `${entity(
          'Group',
          'ok',
        )}---\nkind: Group\nmetadata:\n  name: a: b\n`,
        'good.yaml': entity('Group', 'good'),
      });
      const result = await readCatalogFiles(['.'], { cwd: dir });
      expect(names(result)).toEqual(['ok', 'good']);
      expect(problems(result)).toEqual([
        {
          reason: 'syntax-error',
          location: 'bad.yaml:8:9',
          message:
            'bad.yaml:8:9: invalid YAML: Nested mappings are not allowed in compact mappings',
        },
      ]);
      expect(result.readableFiles).toBe(2);
    });

    it('counts a file whose every document is invalid YAML as unreadable', async () => {
      const dir = await tree({ 'bad.yaml': 'kind: [unclosed\n' });
      const result = await readCatalogFiles(['bad.yaml'], { cwd: dir });
      expect(result.files).toEqual(['bad.yaml']);
      expect(result.readableFiles).toBe(0);
      expect(result.problems.map(p => p.reason)).toEqual(['syntax-error']);
    });

    it('skips documents that are not entities: API definitions, notes, lists', async () => {
      const dir = await tree({
        'api/orders.openapi.yaml':
          'openapi: 3.0.3\ninfo:\n  title: Orders\n  version: 2.1.0\npaths: {}\n',
        'docs/notes.yaml': 'owners:\n  - ana\n---\nreview: quarterly\n',
        'list.yaml': '- just\n- a list\n',
        'mixed.yaml': `${entity('Group', 'team')}---\ntodo: split this file\n`,
      });
      const result = await readCatalogFiles(['.'], { cwd: dir });
      expect(names(result)).toEqual(['team']);
      expect(problems(result)).toEqual([
        {
          reason: 'not-an-entity',
          location: join('api', 'orders.openapi.yaml'),
          message: `${join(
            'api',
            'orders.openapi.yaml',
          )}: an OpenAPI definition, not an entity: skipped`,
        },
        {
          reason: 'not-an-entity',
          location: join('docs', 'notes.yaml'),
          message: `${join(
            'docs',
            'notes.yaml',
          )}: no entities (2 documents without apiVersion or kind): skipped`,
        },
        {
          reason: 'not-an-entity',
          location: 'list.yaml',
          message: 'list.yaml: a list, not an entity: skipped',
        },
        {
          reason: 'not-an-entity',
          location: 'mixed.yaml:6',
          message:
            'mixed.yaml:6: not an entity (no apiVersion or kind): skipped',
        },
      ]);
    });

    it('skips templates: .hbs files named or targeted, ${{ }} placeholders outside a Template entity', async () => {
      const dir = await tree({
        'all.yaml': location('all', ['./service.yaml.hbs', './templates/*']),
        'service.yaml.hbs': 'kind: Component\nmetadata:\n  name: {{name}}\n',
        'templates/skeleton.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name }}\n',
        'templates/broken-skeleton.yaml':
          '{%- if values.x %}\nkind: Component\n{%- endif %}\nname: ${{ values.name }}\n',
        'templates/template.yaml':
          'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: new-service\nspec:\n  steps:\n    - id: fetch\n      input:\n        values:\n          name: ${{ parameters.name }}\n',
        // Not walked in a folder: only *.yaml and *.yml are.
        'other.hbs': 'x',
      });
      const result = await readCatalogFiles(['all.yaml'], { cwd: dir });
      expect(names(result)).toEqual(['all', 'new-service']);
      expect(problems(result)).toEqual([
        {
          reason: 'template',
          location: 'service.yaml.hbs',
          message: 'service.yaml.hbs: a template (.hbs): skipped',
        },
        {
          reason: 'template',
          location: join('templates', 'broken-skeleton.yaml'),
          message: `${join(
            'templates',
            'broken-skeleton.yaml',
          )}: a template (\${{ }} placeholders): skipped`,
        },
        {
          reason: 'template',
          location: join('templates', 'skeleton.yaml'),
          message: `${join(
            'templates',
            'skeleton.yaml',
          )}: a template (\${{ }} placeholders): skipped`,
        },
      ]);
      const walked = await readCatalogFiles(['.'], { cwd: dir });
      expect(walked.files).not.toContain('other.hbs');
    });

    it('passes documents that look like entities but have no name on to the analysis', async () => {
      const dir = await tree({
        'a.yaml': `${entity(
          'Group',
          'ok',
        )}---\nkind: Group\nmetadata:\n  title: x\n`,
      });
      const result = await readCatalogFiles(['a.yaml'], { cwd: dir });
      expect(
        result.entities.map(({ file, line }) => `${file}:${line}`),
      ).toEqual(['a.yaml:1', 'a.yaml:6']);
      expect(result.problems).toEqual([]);
    });

    it('records a Location target that does not exist, naming the Location, and reads the rest', async () => {
      const dir = await tree({
        'all.yaml': location('all', ['./moved.yaml', './here.yaml', './dir']),
        'here.yaml': entity('Group', 'here'),
        'dir/x.yaml': entity('Group', 'x'),
      });
      const result = await readCatalogFiles(['all.yaml'], { cwd: dir });
      expect(names(result)).toEqual(['all', 'here']);
      expect(result.problems).toEqual([
        {
          reason: 'missing-target',
          location: 'moved.yaml',
          message:
            'all.yaml:1: Location all points at moved.yaml, which does not exist',
          locationRef: 'location:default/all',
        },
        {
          reason: 'missing-target',
          location: 'dir',
          message:
            'all.yaml:1: Location all points at dir, which is not a file',
          locationRef: 'location:default/all',
        },
      ]);
    });
  });
});
