// Calls to the Lineage API: sends the session's token, and on a 401 asks for one and retries.
import { askForToken, getToken } from './auth.js';
import { typeOfUrn } from './dom.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null && v !== '') query.append(key, v);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function send(target, token, signal, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body === undefined) return fetch(target, { headers, signal });
  headers['Content-Type'] = 'application/json';
  return fetch(target, { method: 'POST', headers, signal, body: JSON.stringify(body) });
}

/** Whether the API accepts a token: one cheap read. */
async function accepts(token) {
  const res = await send(url('/api/v1/search', { q: '*', count: 0 }), token);
  return res.status !== 401;
}

/**
 * GETs JSON from the API (or POSTs a body, for the reads Rest.li makes actions); throws ApiError for any other status
 * than 2xx (after a 401 was answered with a token).
 */
export async function get(path, params, { signal, body } = {}) {
  const target = url(path, params);
  let res = await send(target, getToken(), signal, body);
  while (res.status === 401) {
    const message = await errorMessage(res);
    await askForToken(accepts, getToken() ? `The token was refused: ${message}` : undefined);
    res = await send(target, getToken(), signal, body);
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return res.json();
}

async function errorMessage(res) {
  try {
    const body = await res.json();
    return body.message ?? `${res.status} ${res.statusText}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

export const search = (params, options) => get('/api/v1/search', params, options);
export const autocomplete = (q, limit = 10, options) => get('/api/v1/autocomplete', { q, limit }, options);
export const lineage = (urn, params, options) => get('/api/v1/lineage', { urn, ...params }, options);
// The view lists and exports every affected entity: the whole list (up to the default node cap), not the API's first page.
export const impact = (urn, maxHops, options) => get('/api/v1/impact', { urn, maxHops, count: 10000 }, options);
export const entity = (urn, options) =>
  get(`/openapi/v3/entity/${encodeURIComponent(typeOfUrn(urn))}/${encodeURIComponent(urn)}`, { systemMetadata: true }, options);
export const relationships = (urn, direction, types, count = 1000, options) =>
  get('/relationships', { urn, direction, types, count }, options);
export const history = (urn, options) => get('/api/v1/history', { urn }, options);

/** A timeseries aspect's values, newest first, each parsed from the JSON text Rest.li wraps it in. */
export async function timeseries(urn, aspect, limit = 20, options = {}) {
  const answer = await get('/aspects', { action: 'getTimeseriesAspectValues' },
    { ...options, body: { urn, entity: typeOfUrn(urn), aspect, limit } });
  return (answer.value?.values ?? []).map((v) => JSON.parse(v.aspect.value));
}
