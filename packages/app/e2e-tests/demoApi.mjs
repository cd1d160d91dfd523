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

/** Calls the Domain Atlas API; returns status and parsed body. */
export async function domainAtlas(path, init = {}) {
  const token = await guestToken();
  const response = await fetch(`${backendUrl}/api/domain-atlas${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  return { status: response.status, body: await response.json() };
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
