// The home page: how many entities of each type the store holds, a search box, or how to load data when empty.
import * as api from './api.js';
import { h, notice, replace } from './dom.js';
import { typeBadge } from './entityTypes.js';
import { navigate, searchHash } from './router.js';

const LOAD_EXAMPLE = 'dotnet run --project bench/Lineage.Bench -- --load-example --url http://localhost:8080';

export async function renderHome(root) {
  const heading = h('h1', {}, 'Lineage explorer');
  replace(root, heading, notice('Loading…'));
  let answer;
  try {
    answer = await api.search({ q: '*', count: 0 });
  } catch (e) {
    replace(root, heading, notice(`The service did not answer: ${e.message}`, 'error'));
    return;
  }

  if (!answer.total) {
    replace(root, heading,
      h('section', { class: 'empty-state', 'data-testid': 'empty-state' },
        h('h2', {}, 'The store is empty'),
        h('p', {}, 'Nothing has been ingested yet. Load the example ML estate (datasets, features, feature tables, models, groups and jobs) with:'),
        h('pre', {}, h('code', {}, LOAD_EXAMPLE)),
        h('p', { class: 'muted' }, 'Then reload this page. Any DataHub ingestion (the Python SDK, a recipe with the datahub-rest sink) works too.')));
    return;
  }

  const input = h('input', { type: 'search', id: 'home-search', placeholder: 'Search by name, description, tag:pii, owner:alice…', autocomplete: 'off' });
  const form = h('form', {
    class: 'home-search', role: 'search',
    onsubmit: (e) => { e.preventDefault(); navigate(searchHash({ q: input.value.trim() || '*' })); },
  }, h('label', { for: 'home-search', class: 'visually-hidden' }, 'Search'), input, h('button', { type: 'submit', class: 'primary' }, 'Search'));

  const types = answer.facets?.find((f) => f.field === 'entityType')?.values ?? [];
  replace(root, heading,
    h('p', { class: 'lead' }, `${answer.total} entities in the catalog. Find one, then follow its lineage or see what a change would break.`),
    form,
    h('section', { class: 'type-counts', 'aria-label': 'Entities by type' },
      h('h2', {}, 'By type'),
      h('ul', { class: 'count-grid' }, types.map((t) => h('li', { 'data-testid': 'type-count', 'data-type': t.value },
        h('a', { href: searchHash({ q: '*', type: t.value }) }, h('span', { class: 'count' }, String(t.count)), typeBadge(h, t.value)))))));
  // The counts arrive after the page is up: someone may already be typing in the header's search box.
  if (document.activeElement === document.body || document.activeElement === null) input.focus();
}
