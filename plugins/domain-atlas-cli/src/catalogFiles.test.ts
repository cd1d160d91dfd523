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

  describe('unusable input', () => {
    const failure = async (paths: string[], cwd: string) => {
      try {
        await readCatalogFiles(paths, { cwd });
      } catch (error) {
        expect(error).toBeInstanceOf(CliInputError);
        return (error as Error).message;
      }
      throw new Error('expected readCatalogFiles to fail');
    };

    it('names a missing path', async () => {
      const dir = await tree({});
      expect(await failure(['nope.yaml'], dir)).toBe(
        'nope.yaml: no such file or directory',
      );
    });

    it('names file, line and column of invalid YAML', async () => {
      const dir = await tree({
        'bad.yaml': `${entity(
          'Group',
          'ok',
        )}---\nkind: Group\nmetadata:\n  name: a: b\n`,
      });
      expect(await failure(['bad.yaml'], dir)).toBe(
        'bad.yaml:8:9: invalid YAML: Nested mappings are not allowed in compact mappings',
      );
    });

    it('names the starting line of an entity without kind or name', async () => {
      const dir = await tree({
        'a.yaml': `${entity('Group', 'ok')}---\nmetadata:\n  name: nameless\n`,
        'b.yaml': `${entity(
          'Group',
          'ok2',
        )}---\n\nkind: Group\nmetadata:\n  title: x\n`,
        'c.yaml': '- just\n- a list\n',
      });
      expect(await failure(['a.yaml'], dir)).toBe(
        'a.yaml:6: the entity has no kind',
      );
      expect(await failure(['b.yaml'], dir)).toBe(
        'b.yaml:7: the Group entity has no metadata.name',
      );
      expect(await failure(['c.yaml'], dir)).toBe(
        'c.yaml:1: the document is not an entity (an object with kind and metadata.name)',
      );
    });

    it('names the Location whose target does not exist', async () => {
      const dir = await tree({
        'all.yaml': location('all', ['./missing.yaml']),
      });
      expect(await failure(['all.yaml'], dir)).toBe(
        'all.yaml:1: Location all points at missing.yaml, which does not exist',
      );
    });
  });
});
