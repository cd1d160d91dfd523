// Child processes of the browser and adopter tests: every command writes its
// output to a log file (the step log stays readable; the file is there when
// it fails), runs in its own process group (so a timeout or a failure stops
// npm or backstage-cli together with everything they started) and has a
// deadline.

import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';

/** A log file's lines without colour codes; none while it does not exist. */
export function logLines(logFile) {
  try {
    return readFileSync(logFile, 'utf8')
      .replace(/\x1b\[[0-9;]*m/g, '')
      .trimEnd()
      .split('\n');
  } catch {
    return [];
  }
}

/**
 * The last lines of a log file, to put into an error message; lines that
 * match `skip` (noise such as polling requests) left out.
 */
export function logTail(logFile, lines = 25, skip = undefined) {
  const kept = logLines(logFile).filter(line => !skip?.test(line));
  return kept.length > 0 ? kept.slice(-lines).join('\n') : '(empty log)';
}

/** Children that have not exited yet, for stopAllProcessGroups. */
const running = new Set();

/**
 * Starts `command args` in its own process group with its output appended
 * to `logFile`. Returns the child; stop it with stopProcessGroup.
 */
export function startInBackground(command, args, { cwd, env, logFile }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`$ (cd ${cwd} && ${[command, ...args].join(' ')})\n`);
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Two sources into one file: neither may end it on its own.
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.on('error', error => log.write(`could not start: ${error}\n`));
  // Settles once the process is gone and its output is in the file.
  running.add(child);
  child.exited = new Promise(resolve =>
    child.on('close', (code, signal) => {
      running.delete(child);
      log.end(`[exit ${signal ?? code}]\n`, () => resolve({ code, signal }));
    }),
  );
  return child;
}

/**
 * Stops a child started with startInBackground and everything it started:
 * SIGTERM to the group, SIGKILL after `graceMs`.
 */
export async function stopProcessGroup(child, graceMs = 10_000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const signal = name => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // the group is gone already
    }
  };
  signal('SIGTERM');
  const killer = setTimeout(() => signal('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(killer);
  // A grandchild may ignore SIGTERM and outlive its parent.
  signal('SIGKILL');
}

/**
 * Runs `command args` to completion within `timeoutMs`; its output goes to
 * `logFile`. Rejects with the log's tail when it fails or times out.
 * Returns the command's stdout when `captureStdout` is set.
 */
export async function runCommand(
  command,
  args,
  { cwd, env, logFile, timeoutMs, captureStdout = false },
) {
  const child = startInBackground(command, args, { cwd, env, logFile });
  let stdout = '';
  if (captureStdout) {
    child.stdout.on('data', chunk => (stdout += chunk));
  }
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stopProcessGroup(child);
  }, timeoutMs);
  const { code, signal } = await child.exited;
  clearTimeout(timer);
  const what = `\`${[command, ...args].join(' ')}\` in ${cwd}`;
  if (timedOut) {
    throw new Error(
      `${what} did not finish within ${
        timeoutMs / 1000
      }s (log: ${logFile}):\n${logTail(logFile)}`,
    );
  }
  if (code !== 0) {
    throw new Error(
      `${what} failed with ${
        signal ?? `exit code ${code}`
      } (log: ${logFile}):\n${logTail(logFile)}`,
    );
  }
  return stdout;
}

/**
 * Stops every process group started here that is still running. Own process
 * groups keep a terminal's Ctrl-C from reaching the children, so the test
 * must do it when it is interrupted.
 */
export async function stopAllProcessGroups() {
  await Promise.all([...running].map(child => stopProcessGroup(child)));
}

/**
 * The last resort when the test exits: synchronous, so SIGKILL right away.
 */
export function killAllProcessGroups() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone already
    }
  }
}
