// The demo backend's REST API, as a signed-in guest calls it.

export const backendUrl =
  process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';

async function guestToken() {
  // The auth backend only answers refreshes from browsers (XHR).
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = await response.json();
  return body.backstageIdentity.token;
}

/**
 * Calls a backend plugin's API (`/api/<pluginId><path>`); returns status
 * and parsed body (undefined when empty).
 */
export async function guestCall(pluginId, path, init = {}) {
  const token = await guestToken();
  const response = await fetch(`${backendUrl}/api/${pluginId}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Calls the Domain Atlas API; returns status and parsed body. */
export function domainAtlas(path, init = {}) {
  return guestCall('domain-atlas', path, init);
}

/** Asks the search backend, as the search page does; returns its results. */
export async function searchQuery(term, types = []) {
  const token = await guestToken();
  const query = new URLSearchParams({ term });
  types.forEach((type, i) => query.set(`types[${i}]`, type));
  const response = await fetch(`${backendUrl}/api/search/query?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.ok ? (await response.json()).results : [];
}
