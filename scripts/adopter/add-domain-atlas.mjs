// Step 4: install Domain Atlas into the app the way our README tells an
// adopter to (new frontend system):
// - `@domain-atlas/plugin-domain-atlas` in packages/app: the template's
//   `app.packages: all` discovers its `/alpha` plugin, no code;
// - `@domain-atlas/plugin-domain-atlas-backend` in packages/backend and
//   `backend.add(import('@domain-atlas/plugin-domain-atlas-backend'));`;
// - app-config.yaml: Domain entities allowed in `catalog.rules`, our plugin
//   in `backend.actions.pluginSources`, and our demo catalog as a location.
// The only difference from a registry install: our packages are not
// published, so root `overrides` point all four (the app and backend
// plugins, and -common and -node, which those two depend on at ^0.1.0) at
// the tarballs of step 1; the app and backend package.json files keep the
// `^0.1.0` an `npm install` from the registry would write.

import {
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
// `yaml` edits app-config.yaml keeping its comments, as a person would; it
// comes from our own repo's dependencies (the common package uses it).
import { parseAllDocuments, parseDocument } from 'yaml';

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const BACKEND_LINE =
  "backend.add(import('@domain-atlas/plugin-domain-atlas-backend'));";

/** Where our demo catalog goes in the app, next to the template's examples. */
const EXAMPLES_DIR = 'examples/domain-atlas';

function addDependency(packageJson, name, spec) {
  const manifest = readJson(packageJson);
  manifest.dependencies = Object.fromEntries(
    Object.entries({ ...manifest.dependencies, [name]: spec }).sort(
      ([a], [b]) => a.localeCompare(b),
    ),
  );
  writeJson(packageJson, manifest);
}

/** Adds `line` to packages/backend/src/index.ts before `backend.start()`. */
function addBackendLine(appDir) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes('backend.start();')) {
    throw new Error(
      `${file} has no \`backend.start();\` to add our plugin before`,
    );
  }
  writeFileSync(
    file,
    source.replace(
      'backend.start();',
      `// Domain Atlas\n${BACKEND_LINE}\n\nbackend.start();`,
    ),
  );
}

/** The Domain entities of our demo catalog: [{ name, title }]. */
function demoDomains(examplesDir) {
  const files = [
    ...readdirSync(examplesDir).map(name => join(examplesDir, name)),
    ...readdirSync(join(examplesDir, 'domains')).map(name =>
      join(examplesDir, 'domains', name),
    ),
  ].filter(file => file.endsWith('.yaml'));
  const domains = [];
  for (const file of files) {
    for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
      const entity = document.toJS();
      if (entity?.kind === 'Domain') {
        domains.push({
          name: entity.metadata.name,
          title: entity.metadata.title ?? entity.metadata.name,
        });
      }
    }
  }
  return domains;
}

/** The app-config.yaml changes the README asks for, plus our demo catalog. */
function editAppConfig(appDir) {
  const file = join(appDir, 'app-config.yaml');
  const config = parseDocument(readFileSync(file, 'utf8'));

  // README: "The catalog must allow Domain entities (catalog.rules)".
  const rules = config.getIn(['catalog', 'rules']);
  const allowAll = rules?.items?.find(rule => rule.get('allow'))?.get('allow');
  if (!allowAll) {
    throw new Error(`${file} has no catalog.rules allow list to add Domain to`);
  }
  if (!allowAll.items.some(kind => String(kind.value ?? kind) === 'Domain')) {
    allowAll.add('Domain');
  }

  // Domain Atlas's actions for MCP clients (plugin-mcp-actions-backend).
  const sources = config.getIn(['backend', 'actions', 'pluginSources']);
  if (!sources) {
    throw new Error(`${file} has no backend.actions.pluginSources`);
  }
  sources.add('domain-atlas');

  // Our demo organisation. File targets are relative to the backend's
  // working directory (packages/backend); the rules are the ones
  // examples/all.yaml documents for itself (it brings Groups and Users).
  const allow = config.createNode([
    'Location',
    'Domain',
    'System',
    'Component',
    'API',
    'Resource',
    'Group',
    'User',
  ]);
  allow.flow = true;
  config.getIn(['catalog', 'locations']).add(
    config.createNode({
      type: 'file',
      target: `../../${EXAMPLES_DIR}/all.yaml`,
      rules: [{ allow }],
    }),
  );
  // Written in the template's own style: `[a, b]`, no line folding.
  writeFileSync(
    file,
    config.toString({ flowCollectionPadding: false, lineWidth: 0 }),
  );
}

/**
 * Wires Domain Atlas into the app (see the top of this file). Returns the
 * demo domains the backend should report.
 */
export function addDomainAtlas({ appDir, repoRoot, tarballs }) {
  const packagesDir = join(appDir, 'domain-atlas-packages');
  mkdirSync(packagesDir, { recursive: true });
  const overrides = {};
  for (const [name, tarball] of tarballs) {
    copyFileSync(tarball, join(packagesDir, basename(tarball)));
    // Absolute: npm resolves an override's relative `file:` path from the
    // workspace package that has the dependency, not from the root.
    overrides[name] = `file:${join(packagesDir, basename(tarball))}`;
  }
  const rootJson = join(appDir, 'package.json');
  const root = readJson(rootJson);
  root.overrides = { ...root.overrides, ...overrides };
  writeJson(rootJson, root);

  addDependency(
    join(appDir, 'packages/app/package.json'),
    '@domain-atlas/plugin-domain-atlas',
    '^0.1.0',
  );
  addDependency(
    join(appDir, 'packages/backend/package.json'),
    '@domain-atlas/plugin-domain-atlas-backend',
    '^0.1.0',
  );
  addBackendLine(appDir);

  // all.yaml lists its files relative to itself (./org.yaml,
  // ./domains/*.yaml); history/ holds a definition the README's
  // contractHistory example reads. Copy the folder whole.
  cpSync(join(repoRoot, 'examples'), join(appDir, EXAMPLES_DIR), {
    recursive: true,
  });
  editAppConfig(appDir);
  return demoDomains(join(appDir, EXAMPLES_DIR));
}
