// Steps 5 and 6: start the app's backend, which also serves the built
// frontend, and ask Domain Atlas for the demo domains as a signed-in user.
//
// The backend runs with `backstage-cli package start` (what the template's
// `npm start` runs in packages/backend): `backstage-cli package build` of a
// backend bundles the workspace with yarn (`spawn yarn ENOENT` here).
// plugin-app-backend serves packages/app/dist because `app` is a dependency
// of the backend, so the production frontend build is what the browser gets.

import { join } from 'node:path';
import {
  logLines,
  logTail,
  startInBackground,
  stopProcessGroup,
} from '../processes.mjs';

/**
 * Polls `probe` every 2 s until it returns something truthy, or throws after
 * `timeoutMs` with `lastProblem()` (what the last probe saw) in the message.
 */
async function waitFor(description, timeoutMs, probe, lastProblem) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const result = await probe();
    if (result) {
      return result;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(
    `timed out after ${timeoutMs / 1000}s waiting for ${description}${
      lastProblem ? `: ${lastProblem()}` : ''
    }`,
  );
}

/** fetch that answers undefined instead of throwing while nothing listens. */
async function tryFetch(url, init) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch {
    return undefined;
  }
}

/** Whether anything answers HTTP on `baseUrl`. */
export async function isListening(baseUrl) {
  return (await tryFetch(baseUrl)) !== undefined;
}

/**
 * Starts the backend on `port` and waits until it is ready. Another port
 * than the template's 7007 goes in through Backstage's APP_CONFIG_*
 * environment overrides, so the app's files stay as the adopter has them.
 */
export async function startBackend({ appDir, port, logDir, timeoutMs }) {
  const baseUrl = `http://localhost:${port}`;
  if (await isListening(baseUrl)) {
    throw new Error(
      `something already listens on ${baseUrl} (another Backstage?); stop it first or set ADOPTER_PORT`,
    );
  }
  const logFile = join(logDir, 'backend.log');
  const backend = startInBackground(
    'npx',
    ['--no', 'backstage-cli', 'package', 'start'],
    {
      cwd: join(appDir, 'packages/backend'),
      logFile,
      env: {
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
        // The frontend is served by the backend, not by a dev server on :3000.
        APP_CONFIG_app_baseUrl: baseUrl,
      },
    },
  );
  let exited;
  backend.exited.then(result => (exited = result));
  // Our own readiness polls would fill the log's tail.
  const tail = () =>
    `log: ${logFile}\n${logTail(logFile, 25, /health\/v1\/readiness/)}`;
  try {
    await waitFor(
      `the backend to be ready on ${baseUrl}`,
      timeoutMs,
      async () => {
        if (exited) {
          throw new Error(
            `the backend exited (${
              exited.signal ?? exited.code
            }) before it was ready; ${tail()}`,
          );
        }
        // `backstage-cli package start` watches for changes: when the
        // backend fails to start, the process stays and answers 503.
        const lines = logLines(logFile);
        const failure = lines.findIndex(line =>
          line.includes('Backend startup failed'),
        );
        if (failure >= 0) {
          throw new Error(
            `the backend failed to start (log: ${logFile}):\n${lines
              .slice(failure, failure + 20)
              .join('\n')}`,
          );
        }
        const response = await tryFetch(
          `${baseUrl}/.backstage/health/v1/readiness`,
        );
        return response?.ok;
      },
      tail,
    );
  } catch (error) {
    await stopProcessGroup(backend);
    throw error;
  }
  return { backend, baseUrl, logFile };
}

/**
 * Checks that the backend serves the production build of the frontend: the
 * index page and the script it loads.
 */
export async function assertServesFrontend(baseUrl) {
  const response = await tryFetch(`${baseUrl}/domain-atlas`, {
    headers: { accept: 'text/html' },
  });
  const html = response?.ok ? await response.text() : '';
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  if (!script) {
    throw new Error(
      `${baseUrl}/domain-atlas did not answer with the app's index.html (status ${response?.status})`,
    );
  }
  const scriptResponse = await tryFetch(new URL(script, baseUrl));
  if (!scriptResponse?.ok) {
    throw new Error(
      `the app's script ${script} is not served (status ${scriptResponse?.status})`,
    );
  }
  return script;
}

/**
 * A guest user's Backstage token. The auth backend answers refreshes only
 * to browsers, which it recognises by `X-Requested-With`.
 */
async function guestToken(baseUrl) {
  const response = await tryFetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!response?.ok) {
    return undefined;
  }
  return (await response.json())?.backstageIdentity?.token;
}

/**
 * Waits until GET /api/domain-atlas/domains lists every domain of
 * `expected` ([{ name, title }]): the catalog ingests the demo in the
 * background and the plugin computes its first report on a schedule, so
 * until then ask for a refresh, as the README's "Refresh" does.
 */
export async function waitForDemoDomains({ baseUrl, expected, timeoutMs }) {
  let lastSeen = 'no answer yet';
  return waitFor(
    `GET /api/domain-atlas/domains to list the ${expected.length} demo domains`,
    timeoutMs,
    async () => {
      const token = await guestToken(baseUrl);
      if (!token) {
        lastSeen = 'no guest token from /api/auth/guest/refresh';
        return undefined;
      }
      const headers = { authorization: `Bearer ${token}` };
      const response = await tryFetch(`${baseUrl}/api/domain-atlas/domains`, {
        headers,
      });
      if (!response?.ok) {
        lastSeen = `status ${response?.status}: ${await response?.text()}`;
        return undefined;
      }
      const { items } = await response.json();
      const refs = new Set(items.map(item => item.ref));
      const missing = expected.filter(
        ({ name }) => !refs.has(`domain:default/${name}`),
      );
      if (missing.length === 0) {
        return items;
      }
      lastSeen = `${items.length} domains, missing ${missing
        .map(d => d.name)
        .join(', ')}`;
      await tryFetch(`${baseUrl}/api/domain-atlas/refresh`, {
        method: 'POST',
        headers,
      });
      return undefined;
    },
    () => lastSeen,
  );
}

/**
 * The warnings and errors the backend logged for plugin `pluginId` (its
 * log lines read `<time> <plugin> <level> <message>`).
 */
export function pluginProblems(logFile, pluginId) {
  const pattern = new RegExp(`^\\S+ ${pluginId} (warn|error) `);
  return logLines(logFile).filter(line => pattern.test(line));
}
