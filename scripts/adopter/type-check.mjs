// Part of step 5: our published type declarations, compiled from the
// adopter's side. With feature discovery the app's own sources never import
// the frontend plugin, so the app's tsc alone would not notice a broken
// dist/alpha.d.ts, or declarations that name a package the tarball does not
// depend on. This file imports every entry point the way the README's
// non-discovery wiring (`createApp({ features: [...] })`) and a backend
// would, and compiles with the app's compiler options plus
// `skipLibCheck: false`, so the declarations themselves are checked. It
// lives in its own folder of the app, outside the app's packages.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../processes.mjs';

const ENTRY_POINTS = `// Written by the Domain Atlas adopter test (scripts/adopter/type-check.mjs).
import type { FrontendFeature } from '@backstage/frontend-plugin-api';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import domainAtlasPlugin from '@domain-atlas/plugin-domain-atlas/alpha';
import * as frontend from '@domain-atlas/plugin-domain-atlas';
import domainAtlasBackend from '@domain-atlas/plugin-domain-atlas-backend';
import * as common from '@domain-atlas/plugin-domain-atlas-common';
import * as node from '@domain-atlas/plugin-domain-atlas-node';

export const features: FrontendFeature[] = [domainAtlasPlugin];
export const backendFeatures: BackendFeature[] = [domainAtlasBackend];
export const modules = [frontend, common, node];
`;

export async function typeCheckEntryPoints({ appDir, logDir }) {
  const dir = join(appDir, 'domain-atlas-entry-points');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.ts'), ENTRY_POINTS);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        extends: '../tsconfig.json',
        include: ['index.ts'],
        compilerOptions: {
          noEmit: true,
          incremental: false,
          skipLibCheck: false,
        },
      },
      null,
      2,
    )}\n`,
  );
  await runCommand('npx', ['--no', '--', 'tsc', '--project', dir], {
    cwd: appDir,
    logFile: join(logDir, 'tsc-entry-points.log'),
    timeoutMs: 10 * 60_000,
  });
}
