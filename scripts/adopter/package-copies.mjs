// Backstage's frontend shares state through module-level singletons (API and
// extension refs, React contexts): a second copy of
// `@backstage/frontend-plugin-api` or `@backstage/plugin-catalog-react` in an
// app makes plugins fail at runtime ("No implementation available for
// apiRef…") although everything type-checks. So the app must hold exactly one
// copy of each; this walks its node_modules trees to find every copy (faster
// and less noisy than `npm ls --all --json` over ~3,500 packages).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SINGLETON_PACKAGES = [
  '@backstage/frontend-plugin-api',
  '@backstage/plugin-catalog-react',
];

/** The package folders directly inside a node_modules folder. */
function packagesIn(nodeModules) {
  const folders = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) {
      continue;
    }
    const path = join(nodeModules, entry.name);
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      for (const scoped of readdirSync(path)) {
        folders.push(join(path, scoped));
      }
    } else {
      folders.push(path);
    }
  }
  return folders;
}

/**
 * Every installed copy of each of `names` in the app (root, workspace
 * packages, and nested node_modules at any depth): name → [{path, version}].
 * Symlinks (workspace packages) are not followed.
 */
function findCopies(appDir, names) {
  const copies = new Map(names.map(name => [name, []]));
  const pending = [join(appDir, 'node_modules')];
  for (const parent of ['packages', 'plugins']) {
    const dir = join(appDir, parent);
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      pending.push(join(dir, entry, 'node_modules'));
    }
  }
  while (pending.length > 0) {
    const nodeModules = pending.pop();
    if (!existsSync(nodeModules)) {
      continue;
    }
    for (const name of names) {
      const manifest = join(nodeModules, name, 'package.json');
      if (existsSync(manifest)) {
        const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
        copies.get(name).push({
          path: relative(appDir, join(nodeModules, name)),
          version,
        });
      }
    }
    for (const folder of packagesIn(nodeModules)) {
      const nested = join(folder, 'node_modules');
      if (existsSync(nested)) {
        pending.push(nested);
      }
    }
  }
  return copies;
}

/**
 * Throws unless the app holds exactly one copy of each SINGLETON_PACKAGES;
 * returns a line per package for the step log.
 */
export function assertSingleCopies(appDir) {
  const lines = [];
  const problems = [];
  for (const [name, found] of findCopies(appDir, SINGLETON_PACKAGES)) {
    const where = found.map(({ path, version }) => `${version} in ${path}`);
    lines.push(`${name}: ${where.join(', ') || 'not installed'}`);
    if (found.length !== 1) {
      problems.push(
        `${found.length} copies of ${name} (expected exactly one): ${
          where.join('; ') || 'none'
        }`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(problems.join('\n'));
  }
  return lines;
}
