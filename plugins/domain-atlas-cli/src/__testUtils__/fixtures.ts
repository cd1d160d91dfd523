import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  analyze,
  DomainAtlasReport,
} from '@domain-atlas/plugin-domain-atlas-common';
import { parseAllDocuments } from 'yaml';
import { readCatalogFiles } from '../catalogFiles';
import { runCli } from '../program';

/** The repository root, where `npx domain-atlas` runs. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The demo organisation's catalog. */
export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The `domain-atlas` bin of this package. */
export const BIN = resolve(__dirname, '../../bin/domain-atlas');

const teams = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-b
spec:
  type: team
  children: []
`;

/**
 * A Domain and its System (`<name>-system`), as YAML; `phase` is the
 * declared migration phase.
 */
export function domainYaml(
  name: string,
  owner: string,
  title: string,
  phase?: number,
): string {
  return `
apiVersion: backstage.io/v1alpha1
kind: Domain
metadata:
  name: ${name}
  title: ${title}
${
  phase === undefined
    ? ''
    : `  annotations:\n    domain-atlas.io/migration-phase: '${phase}'\n`
}spec:
  owner: ${owner}
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: ${name}-system
spec:
  owner: ${owner}
  domain: ${name}
`;
}

/** A service Component in `github.com/acme/<repo>`, as YAML. */
export function serviceYaml(
  name: string,
  domainName: string,
  owner: string,
  repo: string,
  pipeline: boolean,
): string {
  return `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    backstage.io/source-location: url:https://github.com/acme/${repo}/tree/main/${name}
${
  pipeline
    ? `    domain-atlas.io/pipeline: https://ci.example.com/${name}\n`
    : ''
}spec:
  type: service
  lifecycle: production
  owner: ${owner}
  system: ${domainName}-system
`;
}

/**
 * A small catalog with only warnings: two domains in their own repos;
 * `cart-service` has no pipeline (independent-pipeline, a warning because
 * Shop declares phase 3).
 */
export const WARNINGS_ONLY_CATALOG = [
  teams,
  domainYaml('billing', 'team-a', 'Billing'),
  domainYaml('shop', 'team-b', 'Shop', 3),
  serviceYaml('invoice-service', 'billing', 'team-a', 'billing', true),
  serviceYaml('cart-service', 'shop', 'team-b', 'shop', false),
].join('---\n');

/**
 * The same organisation with both services in one repository: two
 * repo-per-domain errors (billing, shop) besides the warning.
 */
export const ERRORS_CATALOG = [
  teams,
  domainYaml('billing', 'team-a', 'Billing'),
  domainYaml('shop', 'team-b', 'Shop', 3),
  serviceYaml('invoice-service', 'billing', 'team-a', 'mono', true),
  serviceYaml('cart-service', 'shop', 'team-b', 'mono', false),
].join('---\n');

/**
 * Writes files (path → content) into a new temporary directory and
 * returns it with a function that removes it.
 */
export async function writeTempTree(
  files: Record<string, string>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'domain-atlas-cli-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A catalog folder as real ones are, in a new temporary directory: the
 * files of `src/__fixtures__/mixed-catalog` (entities, the API's `$text`
 * OpenAPI file, a team's notes, a Location whose target moved away, a
 * dangling owner and a dangling dependsOn), plus the two files the
 * repository cannot hold because `prettier --check .` cannot format them:
 * `broken.yaml`, with a YAML syntax error on line 4, column 9, and a
 * `.hbs` template the Location names.
 */
export async function writeMixedCatalog(): Promise<{
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const { dir, cleanup } = await writeTempTree({
    'broken.yaml': [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      '  name: billing-team: the colon makes this invalid YAML',
      'spec:',
      '  type: team',
      '',
    ].join('\n'),
    'templates/service.yaml.hbs': [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: {{name}}',
      'spec:',
      '  type: service',
      '  owner: {{owner}}',
      '',
    ].join('\n'),
  });
  await cp(resolve(__dirname, '../__fixtures__/mixed-catalog'), dir, {
    recursive: true,
  });
  return { dir, cleanup };
}

/** The report of catalog YAML text (all documents), as of `now`. */
export function reportOfYaml(
  text: string,
  now = '2026-11-21',
): DomainAtlasReport {
  return analyze(
    parseAllDocuments(text).map(document => document.toJS()),
    { now },
  );
}

/** The report of the demo organisation on its "today", 2026-11-21. */
export async function demoReport(): Promise<DomainAtlasReport> {
  const catalog = await readCatalogFiles(['examples'], { cwd: REPO_ROOT });
  return analyze(
    catalog.entities.map(found => found.entity),
    { now: '2026-11-21' },
  );
}

/** What a command wrote, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in this process, as a user in `cwd` would. */
export async function runInProcess(
  args: string[],
  cwd: string,
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: {
      write: text => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: text => {
        stderr += text;
        return true;
      },
    },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}
