// Step 1: build our plugins and pack them as they would be published, then
// check that every entry point each tarball's package.json names is in the
// tarball. A plain `npm pack` of a Backstage package keeps `main`/`types` on
// src/*.ts (only `backstage-cli package prepack` rewrites them to dist/), and
// an adopter's install of such a tarball fails far from the cause.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../processes.mjs';

/** What an adopter's app installs; the CLI is not part of an app. */
const PLUGIN_PACKAGES = [
  '@domain-atlas/plugin-domain-atlas',
  '@domain-atlas/plugin-domain-atlas-backend',
  '@domain-atlas/plugin-domain-atlas-common',
  '@domain-atlas/plugin-domain-atlas-node',
];

/** The workspace folder of each of PLUGIN_PACKAGES, by package name. */
function pluginFolders(repoRoot) {
  const folders = new Map();
  for (const entry of readdirSync(join(repoRoot, 'plugins'))) {
    try {
      const { name } = JSON.parse(
        readFileSync(join(repoRoot, 'plugins', entry, 'package.json'), 'utf8'),
      );
      folders.set(name, join('plugins', entry));
    } catch {
      // not a package
    }
  }
  return folders;
}

/**
 * Builds every package (`npm run build:all`) and packs each plugin into
 * `destDir`. Returns the tarball paths by package name.
 */
export async function buildAndPack({ repoRoot, destDir, logDir, log }) {
  await runCommand('npm', ['run', 'build:all'], {
    cwd: repoRoot,
    logFile: join(logDir, 'build-all.log'),
    timeoutMs: 15 * 60_000,
  });
  log('built (npm run build:all)');

  const folders = pluginFolders(repoRoot);
  const tarballs = new Map();
  for (const name of PLUGIN_PACKAGES) {
    const folder = folders.get(name);
    if (!folder) {
      throw new Error(`no package named ${name} under plugins/`);
    }
    // `npm pack` runs the package's prepack/postpack around the packing.
    const stdout = await runCommand(
      'npm',
      ['pack', '--workspace', folder, '--pack-destination', destDir, '--json'],
      {
        cwd: repoRoot,
        logFile: join(logDir, 'pack.log'),
        timeoutMs: 5 * 60_000,
        captureStdout: true,
      },
    );
    // Lifecycle scripts may print before npm's JSON, which starts with a
    // line of its own: `[`.
    const [{ filename }] = JSON.parse(stdout.slice(stdout.search(/^\[$/m)));
    tarballs.set(name, join(destDir, filename));
  }
  return tarballs;
}

/** Every file path inside a tarball, without the leading `package/`. */
function tarballFiles(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(path => path.replace(/^package\//, ''));
}

function tarballManifest(tarball) {
  return JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

/** The string leaves of an `exports`-like value, with where they sit. */
function* targets(value, where) {
  if (typeof value === 'string') {
    yield [where, value];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield* targets(item, `${where}[${index}]`);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      // backstage-cli's `backstage` export condition names the kind of
      // feature the entry point exports (`@backstage/FrontendPlugin`), not a
      // file.
      if (key !== 'backstage') {
        yield* targets(item, `${where}["${key}"]`);
      }
    }
  }
}

/** Every entry point a manifest names: [field, path] pairs. */
function entryPoints(manifest) {
  const points = [];
  for (const field of ['main', 'module', 'browser', 'types', 'typings']) {
    if (typeof manifest[field] === 'string') {
      points.push([field, manifest[field]]);
    }
  }
  if (typeof manifest.configSchema === 'string') {
    points.push(['configSchema', manifest.configSchema]);
  }
  if (manifest.exports !== undefined) {
    points.push(...targets(manifest.exports, 'exports'));
  }
  if (manifest.typesVersions) {
    points.push(...targets(manifest.typesVersions, 'typesVersions'));
  }
  if (typeof manifest.bin === 'string') {
    points.push(['bin', manifest.bin]);
  } else if (manifest.bin) {
    points.push(...targets(manifest.bin, 'bin'));
  }
  return points;
}

/** Whether `path` (which may hold `*` patterns) names a file in `files`. */
function inTarball(path, files) {
  const normalized = path.replace(/^\.\//, '');
  if (!normalized.includes('*')) {
    return files.has(normalized);
  }
  const pattern = new RegExp(
    `^${normalized
      .split('*')
      .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );
  return [...files].some(file => pattern.test(file));
}

/**
 * Checks every tarball's entry points; throws one error listing every
 * missing one. Returns a line per package for the step log.
 */
export function verifyEntryPoints(tarballs) {
  const problems = [];
  const summary = [];
  for (const [name, tarball] of tarballs) {
    const files = new Set(tarballFiles(tarball));
    const manifest = tarballManifest(tarball);
    const points = entryPoints(manifest);
    const prepackHint =
      ' (still the source entry point: was the package packed without `backstage-cli package prepack`?)';
    for (const [field, path] of points) {
      if (!inTarball(path, files)) {
        const hint = /^(\.\/)?src\//.test(path) ? prepackHint : '';
        problems.push(
          `${name}: ${field} = "${path}" is not in ${tarball}${hint}`,
        );
      } else if (/\.tsx?$/.test(path) && !/\.d\.ts$/.test(path)) {
        // npm packs the `main` file even when `files` leaves it out, so a
        // source entry point can be there and still be unusable.
        problems.push(
          `${name}: ${field} = "${path}" is TypeScript source${prepackHint}`,
        );
      }
    }
    if (
      !points.some(([field]) => field === 'main' || field.startsWith('exports'))
    ) {
      problems.push(`${name}: its package.json names no main or exports`);
    }
    summary.push(`${name}: ${points.length} entry points, ${files.size} files`);
  }
  if (problems.length > 0) {
    throw new Error(
      `entry points missing from the packed tarballs:\n  ${problems.join(
        '\n  ',
      )}`,
    );
  }
  return summary;
}
