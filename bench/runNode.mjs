// Runs a Node.js child of a bench (so that each size's memory and GC are
// its own) and collects what it prints on stdout; its stderr goes through.

import { spawn } from 'node:child_process';

/** Resolves to the child's exit code and stdout once it has ended. */
export function runNode(args) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', chunk => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', code => resolve({ code, output }));
  });
}
