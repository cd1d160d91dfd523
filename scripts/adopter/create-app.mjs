// Step 2: render the app template of today's `@backstage/create-app` by
// running its own binary, as an adopter does (`npx @backstage/create-app`).
//
// Why the binary and not a copy of its templates: the test should break when
// create-app's template or its version table changes, not when someone
// remembers to update a copy. Two things stand between the binary and CI:
// - It asks for the app's name on stdin; CI has none. create-app reads
//   BACKSTAGE_APP_NAME instead when it is set (dist/createApp.cjs.js).
// - Its prerequisite check runs `yarn -v` and refuses to go on without
//   yarn, which these machines do not have. With `--skip-install` that
//   check is the only use of yarn (no install, no `yarn tsc`), so a stub
//   `yarn` on PATH answers `-v` and fails loudly on anything else: a future
//   create-app that really runs yarn breaks this step instead of silently
//   doing nothing.
// create-app also tries to download a yarn.lock seed from GitHub (offline
// here: it gives up after 3 s and only warns; npm does not use it anyway)
// and runs `git init` in the new app when it is not inside a git work tree
// (the app then has a git history to `git diff` our changes against).

import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '../processes.mjs';

const APP_NAME = 'adopter-app';

/** The newest create-app on the registry, unless the caller names one. */
export async function createAppVersion({ logDir }) {
  if (process.env.ADOPTER_CREATE_APP_VERSION) {
    return process.env.ADOPTER_CREATE_APP_VERSION;
  }
  const stdout = await runCommand(
    'npm',
    ['view', '@backstage/create-app', 'version'],
    {
      cwd: logDir,
      logFile: join(logDir, 'create-app.log'),
      timeoutMs: 60_000,
      captureStdout: true,
    },
  );
  return stdout.trim();
}

/** Renders create-app@`version`'s default template into `appDir`. */
export async function renderTemplate({ version, appDir, workDir, logDir }) {
  const stubDir = join(workDir, 'yarn-stub');
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(
    join(stubDir, 'yarn'),
    [
      '#!/bin/sh',
      "# Answers create-app's prerequisite check only (see scripts/adopter/create-app.mjs).",
      'if [ "$1" = "-v" ] || [ "$1" = "--version" ]; then echo "4.13.0 (stub)"; exit 0; fi',
      'echo "yarn stub of the adopter test: yarn $* was called, but this machine has no yarn" >&2',
      'exit 1',
      '',
    ].join('\n'),
  );
  chmodSync(join(stubDir, 'yarn'), 0o755);

  await runCommand(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${version}`,
      '--path',
      appDir,
      '--skip-install',
    ],
    {
      cwd: workDir,
      env: {
        BACKSTAGE_APP_NAME: APP_NAME,
        PATH: `${stubDir}:${process.env.PATH}`,
      },
      logFile: join(logDir, 'create-app.log'),
      timeoutMs: 5 * 60_000,
    },
  );
  for (const file of [
    'package.json',
    'app-config.yaml',
    'packages/app/package.json',
    'packages/backend/src/index.ts',
  ]) {
    if (!existsSync(join(appDir, file))) {
      throw new Error(`create-app@${version} rendered no ${file} in ${appDir}`);
    }
  }
}
