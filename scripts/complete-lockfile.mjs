#!/usr/bin/env node
// Completes package-lock.json with the optional platform packages that the
// registry these machines reach does not serve (it is a snapshot with
// holes: e.g. rollup's and swc's macOS and Windows builds of the newest
// versions). `npm install` skips an optional package it cannot fetch and
// leaves it out of the lockfile; `npm ci` then refuses the lockfile as out
// of sync. Recording each one with its `os`/`cpu`/`libc` lets `npm ci` skip
// it on machines it is not for, as it would with a complete registry.
//
// Run after `npm install` changes the lockfile: node scripts/complete-lockfile.mjs

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'package-lock.json',
);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const PLATFORM =
  /-(darwin|win32|linux|android|freebsd|openbsd|netbsd|openharmony|sunos|aix)-(x64|arm64|arm|ia32|ppc64|s390x|riscv64|loong64|wasm32|universal)(?:-([a-z0-9]+))?$/;

function platformOf(name) {
  const match = PLATFORM.exec(name);
  if (!match) return undefined;
  const [, os, cpu, abi = ''] = match;
  const platform = { os: [os] };
  if (cpu !== 'universal') platform.cpu = [cpu];
  if (os === 'linux')
    platform.libc = [abi.startsWith('musl') ? 'musl' : 'glibc'];
  return platform;
}

/** Where node resolution from `parentPath` finds `name`, if anywhere. */
function resolve(parentPath, name) {
  let dir = parentPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
    const index = dir.lastIndexOf('/node_modules/');
    dir = index === -1 ? '' : dir.slice(0, index);
  }
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(
    entry.optionalDependencies ?? {},
  )) {
    if (resolve(path, name)) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    const top = `node_modules/${name}`;
    const location = packages[top] ? `${path}/node_modules/${name}` : top;
    packages[location] = { version, optional: true, ...platform };
    added += 1;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) =>
      a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
    ),
  );
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(
  `complete-lockfile: recorded ${added} optional platform packages the registry does not serve`,
);
