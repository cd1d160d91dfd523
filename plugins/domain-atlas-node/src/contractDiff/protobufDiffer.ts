import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ClassifiedChange } from '@domain-atlas/plugin-domain-atlas-common';
import { checkSize, DefinitionError, definitionText } from './parseDefinition';
import type { SpecDiffer } from './types';

/** buf's JSON annotations: one per breaking change or compile error. */
interface BufAnnotation {
  path?: string;
  start_line?: number;
  type: string;
  message: string;
}

/** The FILE category: buf's strictest, source and generated code both. */
const CONFIG = JSON.stringify({ version: 'v2', breaking: { use: ['FILE'] } });
const AGAINST_CONFIG = JSON.stringify({ version: 'v2' });
const TIMEOUT_MS = 60_000;

/** @bufbuild/buf's binary package per platform, as its own launcher maps them. */
const PLATFORM_PACKAGES: Record<string, string> = {
  'darwin arm64': '@bufbuild/buf-darwin-arm64',
  'darwin x64': '@bufbuild/buf-darwin-x64',
  'linux arm64': '@bufbuild/buf-linux-aarch64',
  'linux arm': '@bufbuild/buf-linux-armv7',
  'linux x64': '@bufbuild/buf-linux-x64',
  'win32 arm64': '@bufbuild/buf-win32-arm64',
  'win32 x64': '@bufbuild/buf-win32-x64',
};

/**
 * The buf binary itself, not @bufbuild/buf's Node launcher: a timeout must
 * kill the process doing the work.
 */
function bufBinary(): string {
  const platformPackage = PLATFORM_PACKAGES[`${platform()} ${arch()}`];
  if (!platformPackage) {
    throw new DefinitionError(
      `buf has no binary for ${platform()} ${arch()}; protobuf definitions cannot be compared here`,
    );
  }
  const bufRoot = dirname(require.resolve('@bufbuild/buf/package.json'));
  return require.resolve(
    `${platformPackage}/bin/buf${platform() === 'win32' ? '.exe' : ''}`,
    { paths: [bufRoot] },
  );
}

function runBuf(
  args: string[],
  cwd: string,
  cacheDir: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      bufBinary(),
      args,
      {
        cwd,
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        // Only what buf needs: the backend's secrets stay out of its
        // environment.
        env: {
          PATH: process.env.PATH ?? '',
          BUF_CACHE_DIR: cacheDir,
          HOME: cacheDir,
        },
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

function parseAnnotations(stdout: string): BufAnnotation[] {
  return stdout
    .split('\n')
    .filter(line => line.trim().startsWith('{'))
    .map(line => JSON.parse(line) as BufAnnotation);
}

/**
 * Protobuf with `buf breaking` from @bufbuild/buf (the binary ships inside
 * the npm package). Both definitions go into a temporary module as
 * `contract.proto`; buf's well-known types resolve, other imports do not
 * (nothing is fetched), so a definition importing e.g.
 * `google/api/annotations.proto` cannot be compared. buf reports breaking changes only, so a change it
 * does not flag is non-breaking.
 */
export const protobufDiffer: SpecDiffer = {
  tool: '@bufbuild/buf',
  async diff(before, after, maxSize) {
    const oldText = definitionText(before);
    const newText = definitionText(after);
    checkSize(oldText, maxSize, 'old');
    checkSize(newText, maxSize, 'new');
    if (oldText === newText) {
      return [];
    }
    const root = await mkdtemp(join(tmpdir(), 'domain-atlas-buf-'));
    try {
      await mkdir(join(root, 'old'));
      await mkdir(join(root, 'new'));
      await writeFile(join(root, 'old', 'contract.proto'), oldText);
      await writeFile(join(root, 'new', 'contract.proto'), newText);
      const result = await runBuf(
        [
          'breaking',
          '.',
          '--against',
          '../old',
          '--config',
          CONFIG,
          '--against-config',
          AGAINST_CONFIG,
          '--error-format',
          'json',
        ],
        join(root, 'new'),
        join(root, 'cache'),
      );
      const annotations = parseAnnotations(result.stdout);
      const compileError = annotations.find(a => a.type === 'COMPILE');
      if (compileError) {
        // buf runs in new/, so the old definition's path is ../old/….
        const side = compileError.path?.startsWith('..') ? 'old' : 'new';
        throw new DefinitionError(
          `the ${side} definition does not compile: ${compileError.message} (line ${compileError.start_line})`,
        );
      }
      if (result.code !== 0 && annotations.length === 0) {
        const message = result.stderr.trim().split('\n')[0];
        throw new DefinitionError(
          `buf could not compare the definitions: ${message}`,
        );
      }
      if (annotations.length === 0) {
        return [
          {
            class: 'non-breaking',
            action: 'changed',
            path: 'contract.proto',
            message: 'Changed; buf found no breaking change (FILE rules)',
          },
        ];
      }
      return annotations.map(
        (annotation): ClassifiedChange => ({
          class: 'breaking',
          action: /DELETE/.test(annotation.type) ? 'removed' : 'changed',
          path: annotation.type,
          message: `${annotation.message} (${annotation.type}, line ${annotation.start_line})`,
        }),
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
};
