// Hash routing: #/, #/search?…, #/entity/<urn>, #/lineage/<urn>?…, #/impact/<urn>?… (no server fallback needed).

/** The current route: its name, the urn (or other argument) after it, its query parameters and the raw query text. */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = splitOnce(hash, '?');
  const [name, arg = ''] = splitOnce(path, '/');
  return { name: name || 'home', arg: safeDecode(arg), params: new URLSearchParams(query), query };
}

function splitOnce(text, separator) {
  const i = text.indexOf(separator);
  return i < 0 ? [text] : [text.slice(0, i), text.slice(i + 1)];
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch { return text; }
}

/** A hash for a route; params is an object (arrays repeat the parameter) or URLSearchParams. */
export function routeHash(name, arg, params) {
  let hash = `#/${name}`;
  if (arg) hash += `/${encodeURIComponent(arg)}`;
  const query = params instanceof URLSearchParams ? params : toParams(params);
  const text = query.toString();
  return text ? `${hash}?${text}` : hash;
}

function toParams(params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null && v !== '') query.append(key, v);
  }
  return query;
}

export const entityHash = (urn) => routeHash('entity', urn);
export const lineageHash = (urn, params) => routeHash('lineage', urn, params);
export const impactHash = (urn, params) => routeHash('impact', urn, params);
export const searchHash = (params) => routeHash('search', '', params);

/** Goes to a hash (a new history entry). */
export function navigate(hash) {
  location.hash = hash;
}

/** Rewrites the current URL's hash without a new entry or a re-render: for view state such as expanded nodes. */
export function replaceHash(hash) {
  history.replaceState(history.state, '', hash);
}

/**
 * Starts routing: calls views[name](container, route) on each hash change; a view may return a cleanup function,
 * called before the next view renders.
 */
export function startRouter(container, views) {
  let cleanup = null;
  let generation = 0;
  const render = async () => {
    if (typeof cleanup === 'function') cleanup();
    cleanup = null;
    const mine = ++generation;
    const route = currentRoute();
    const view = views[route.name] ?? views.notFound;
    // Each render gets its own element: a slow, superseded view then fills a detached one, never the page.
    const root = document.createElement('div');
    root.className = `view view-${route.name}`;
    container.replaceChildren(root);
    window.scrollTo(0, 0);
    const done = await view(root, route);
    if (mine === generation) cleanup = done;
    else if (typeof done === 'function') done();
  };
  window.addEventListener('hashchange', render);
  render();
}
