// Step 3: make create-app's yarn template install and run under npm on these
// machines, and bring it from the create-app release's Backstage line to the
// newest one on the registry.
//
// TEMPLATE_CHANGES below is the one list of what this test changes in the
// stock template before installing it (the README documents it from here).
// Wiring Domain Atlas into the app is not in it: that is add-domain-atlas.mjs,
// which follows our README as an adopter would.

import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { runCommand } from '../processes.mjs';

const execFileAsync = promisify(execFile);

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** The app's package.json files: the root and every workspace package. */
function manifestFiles(appDir) {
  const files = [join(appDir, 'package.json')];
  for (const parent of ['packages', 'plugins']) {
    const dir = join(appDir, parent);
    for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
      const file = join(dir, entry, 'package.json');
      if (existsSync(file)) {
        files.push(file);
      }
    }
  }
  return files;
}

/** Applies `change(manifest)` to every package.json of the app. */
function editManifests(appDir, change) {
  for (const file of manifestFiles(appDir)) {
    const manifest = readJson(file);
    change(manifest, file);
    writeJson(file, manifest);
  }
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'overrides'];

/**
 * The newest version on the registry of every `@backstage/*` package the
 * app depends on, a few `npm view`s at a time.
 */
async function newestBackstageVersions(appDir) {
  const names = new Set();
  for (const file of manifestFiles(appDir)) {
    const manifest = readJson(file);
    for (const field of DEPENDENCY_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (name.startsWith('@backstage/')) {
          names.add(name);
        }
      }
    }
  }
  const queue = [...names];
  const newest = new Map();
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      // Short and many, eight at a time: execFile keeps each one's output
      // apart (one shared log file would interleave them).
      const { stdout } = await execFileAsync('npm', ['view', name, 'version'], {
        cwd: appDir,
        timeout: 60_000,
      }).catch(error => {
        throw new Error(
          `npm view ${name} version failed: ${error.stderr || error.message}`,
        );
      });
      newest.set(name, stdout.trim());
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return newest;
}

/**
 * What this test changes in create-app's default template, in order; each
 * `change` is the line the README shows.
 *
 * Not needed (checked 2026-12): toolchain.md's `@yarnpkg/core` 4.9.1 pin.
 * The app's only path to it is a peer dependency of
 * `@backstage/cli-module-package-manager-yarn`, which legacy-peer-deps does
 * not install, and 4.9.3 has dropped the `patch:` dependency npm could not
 * read. Nor does anything in the template's backend need removing: on
 * SQLite `search-backend-module-pg` skips itself with a warning, and
 * kubernetes-backend only warns that it has no clusters configured.
 */
export const TEMPLATE_CHANGES = [
  {
    change:
      'Remove the yarn files: `.yarnrc.yml`, `.yarn/`, `yarn.lock` and the root `packageManager` field (it names yarn: where corepack is enabled, it refuses to run npm in the app).',
    apply({ appDir }) {
      for (const path of ['.yarnrc.yml', '.yarn', 'yarn.lock']) {
        rmSync(join(appDir, path), { recursive: true, force: true });
      }
      editManifests(appDir, manifest => delete manifest.packageManager);
    },
  },
  {
    change:
      "Turn the root `resolutions` (yarn's) into `overrides` (npm's), with the same entries.",
    apply({ appDir }) {
      editManifests(appDir, manifest => {
        if (manifest.resolutions) {
          manifest.overrides = {
            ...manifest.resolutions,
            ...manifest.overrides,
          };
          delete manifest.resolutions;
        }
      });
    },
  },
  {
    change:
      'Turn `link:` dependencies into `*` (the backend\'s `"app": "link:../app"`): npm has no `link:` protocol and resolves `*` to the workspace package.',
    apply({ appDir }) {
      editManifests(appDir, manifest => {
        for (const field of DEPENDENCY_FIELDS) {
          for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
            if (typeof spec === 'string' && spec.startsWith('link:')) {
              manifest[field][name] = '*';
            }
          }
        }
      });
    },
  },
  {
    change:
      "`better-sqlite3` ^13.2.0, the backend's dependency and in root `overrides` (`@backstage/backend-defaults` 0.19 still names ^12 as a peer): 12.x crashes under Node 24.19 and later.",
    apply({ appDir }) {
      editManifests(appDir, (manifest, file) => {
        if (manifest.dependencies?.['better-sqlite3']) {
          manifest.dependencies['better-sqlite3'] = '^13.2.0';
        }
        if (file === join(appDir, 'package.json')) {
          manifest.overrides = {
            ...manifest.overrides,
            'better-sqlite3': '^13.2.0',
          };
        }
      });
    },
  },
  {
    change:
      'Root `allowScripts` for `esbuild`, `@swc/core` and `better-sqlite3`: npm 11 runs no dependency install scripts that are not allowed there. (better-sqlite3 13 ships its prebuilt addons and has no install script; 12 compiles its addon in one.)',
    apply({ appDir }) {
      const file = join(appDir, 'package.json');
      const manifest = readJson(file);
      manifest.allowScripts = {
        ...manifest.allowScripts,
        'better-sqlite3': true,
        esbuild: true,
        '@swc/core': true,
      };
      writeJson(file, manifest);
    },
  },
  {
    change:
      '`.npmrc` with `legacy-peer-deps=true`: `@material-ui/core` 4 declares a React 16/17 peer while Backstage runs it with React 18 (the app lists react, react-dom and react-router-dom itself).',
    apply({ appDir }) {
      writeFileSync(join(appDir, '.npmrc'), 'legacy-peer-deps=true\n');
    },
  },
  {
    change:
      'Bump every `@backstage/*` dependency in every package.json to the newest version on the registry, keeping its range operator (what `backstage-cli versions:bump` does; create-app pins the Backstage line it was released with).',
    async apply({ appDir, logDir, log }) {
      const newest = await newestBackstageVersions(appDir);
      const bumps = [];
      editManifests(appDir, (manifest, file) => {
        for (const field of DEPENDENCY_FIELDS) {
          for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
            const match = /^([\^~]?)\d/.exec(spec);
            if (newest.has(name) && match) {
              manifest[field][name] = `${match[1]}${newest.get(name)}`;
              bumps.push(
                `${relative(appDir, file)} ${name}: ${spec} -> ${
                  manifest[field][name]
                }`,
              );
            }
          }
        }
      });
      writeFileSync(
        join(logDir, 'backstage-versions.log'),
        `${bumps.join('\n')}\n`,
      );
      log(
        `${newest.size} @backstage/* packages at their newest (backstage-versions.log)`,
      );
    },
  },
];

/** Applies TEMPLATE_CHANGES in order, logging each. */
export async function adaptTemplate({ appDir, logDir, log }) {
  for (const [index, { change, apply }] of TEMPLATE_CHANGES.entries()) {
    await apply({ appDir, logDir, log });
    log(`change ${index + 1}: ${change}`);
  }
}

/**
 * `npm install` in the app. The cache is npm's default one, so the next run
 * (and the adopter's) reuses what this one downloaded.
 */
export async function npmInstall({ appDir, logDir, logName }) {
  await runCommand('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: appDir,
    logFile: join(logDir, logName),
    timeoutMs: 20 * 60_000,
  });
}
