// Search: the header's search box with autocomplete, and the results page with facets and paging.
import * as api from './api.js';
import { entityLink, h, highlight, nameOfUrn, notice, platformName, replace } from './dom.js';
import { typeBadge, typeLabel } from './entityTypes.js';
import { entityHash, navigate, searchHash } from './router.js';

const DEBOUNCE_MS = 100;
const PAGE_SIZE = 20;

/** The facets the results page offers: the API's facet field, the URL/API parameter, and the heading. */
export const FACETS = [
  { field: 'entityType', key: 'type', param: 'types', title: 'Type' },
  { field: 'platform', key: 'platform', param: 'platform', title: 'Platform' },
  { field: 'origin', key: 'origin', param: 'origin', title: 'Origin' },
  { field: 'tags', key: 'tag', param: 'tag', title: 'Tags' },
  { field: 'glossaryTerms', key: 'term', param: 'term', title: 'Glossary terms' },
  { field: 'domain', key: 'domain', param: 'domain', title: 'Domain' },
  { field: 'owners', key: 'owner', param: 'owner', title: 'Owners' },
];

/** The search box with autocomplete, mounted into the header. */
export function mountSearchBox(host) {
  const listId = 'autocomplete-list';
  const input = h('input', {
    type: 'search', id: 'search-input', 'data-testid': 'search-input', placeholder: 'Search models, features, datasets…',
    autocomplete: 'off', spellcheck: 'false', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', { id: listId, class: 'autocomplete', role: 'listbox', 'data-testid': 'autocomplete-list', 'aria-label': 'Suggestions', hidden: true });
  const form = h('form', { class: 'search-form', onsubmit: (e) => e.preventDefault() },
    h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search'), input, list);
  replace(host, form);

  let suggestions = [];
  let active = -1;
  let timer = 0;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index) => {
    active = index;
    [...list.children].forEach((item, i) => {
      item.setAttribute('aria-selected', String(i === active));
      if (i === active) item.scrollIntoView({ block: 'nearest' });
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', list.children[active].id);
    else input.removeAttribute('aria-activedescendant');
  };

  const open = (urn) => {
    close();
    input.blur();
    navigate(entityHash(urn));
  };

  const show = (query, items) => {
    suggestions = items;
    replace(list, items.map((s, i) => h('li', {
      id: `autocomplete-item-${i}`, role: 'option', class: 'autocomplete-item', 'data-testid': 'autocomplete-item',
      'data-urn': s.urn, 'aria-selected': 'false',
      // mousedown, not click: the input must not lose focus (and close the list) first.
      onmousedown: (e) => { e.preventDefault(); open(s.urn); },
      onmousemove: () => { if (active !== i) setActive(i); },
    },
    h('span', { class: 'suggestion-name' }, highlight(s.name ?? nameOfUrn(s.urn), query)),
    h('span', { class: 'suggestion-meta' }, typeLabel(s.entityType), s.platform ? ` · ${platformName(s.platform)}` : ''))));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
  };

  const suggest = async () => {
    const query = input.value.trim();
    controller?.abort();
    if (!query) { show(query, []); return; }
    controller = new AbortController();
    try {
      const answer = await api.autocomplete(query, 10, { signal: controller.signal });
      if (input.value.trim() === query) show(query, answer.suggestions ?? []);
    } catch (e) {
      if (e.name !== 'AbortError') show(query, []);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    const count = list.hidden ? 0 : suggestions.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (count) setActive(active + 1 >= count ? 0 : active + 1);
      else if (input.value.trim()) suggest();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (count) setActive(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      controller?.abort();
      if (count && active >= 0) open(suggestions[active].urn);
      else if (input.value.trim()) {
        close();
        navigate(searchHash({ q: input.value.trim() }));
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); close(); }
      else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 0));
  input.addEventListener('focus', () => { if (suggestions.length && input.value.trim()) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } });

  return { setQuery: (q) => { input.value = q; } };
}

/** Search parameters as the API takes them, from the route's. */
function apiParams(params) {
  const out = { q: params.get('q') || '*', start: params.get('start') || 0, count: PAGE_SIZE };
  for (const f of FACETS) {
    const values = params.getAll(f.key);
    if (values.length) out[f.param] = values;
  }
  return out;
}

/** Display text for a facet value: type labels, short platform names, urn names. */
export function facetLabel(facet, value) {
  if (facet.key === 'type') return typeLabel(value);
  if (facet.key === 'platform') return platformName(value);
  if (value.startsWith('urn:li:')) return nameOfUrn(value);
  return value;
}

/** The results page: #/search?q=…&type=…&platform=…&start=… */
export async function renderSearch(root, route) {
  const params = route.params;
  const q = params.get('q') ?? '';
  const heading = h('h1', {}, q && q !== '*' ? `Results for “${q}”` : 'All entities');
  replace(root, heading, notice('Searching…'));
  let answer;
  let widened = null;
  try {
    const asked = apiParams(params);
    answer = await api.search(asked);
    // Search matches whole words, autocomplete word prefixes: a half-typed last word ("recom") finds nothing until
    // it is asked as a prefix ("recom*"), which the page then says it did.
    if (!answer.total && /^[\p{L}\p{N}_\-. ]+$/u.test(q.trim())) {
      widened = `${q.trim()}*`;
      const wider = await api.search({ ...asked, q: widened });
      if (wider.total) answer = wider; else widened = null;
    }
  } catch (e) {
    replace(root, heading, notice(`Search failed: ${e.message}`, 'error'));
    return;
  }

  const go = (mutate) => {
    const next = new URLSearchParams(params);
    mutate(next);
    next.delete('start');
    navigate(searchHash(next));
  };

  // Selected values first (even when the API no longer counts them), then the rest by count.
  const facets = FACETS.map((f) => {
    const selected = params.getAll(f.key);
    const values = answer.facets?.find((x) => x.field === f.field)?.values ?? [];
    const merged = [...selected.filter((s) => !values.some((v) => v.value === s)).map((s) => ({ value: s, count: 0 })), ...values];
    if (!merged.length) return null;
    return h('section', { class: 'facet-group', 'data-testid': 'facet-group', 'data-facet': f.key, 'aria-label': f.title },
      h('h3', {}, f.title),
      h('ul', {}, merged.map((v) => {
        const on = selected.includes(v.value);
        return h('li', {}, h('button', {
          type: 'button', class: `facet-value${on ? ' active' : ''}`, 'data-testid': 'facet-value', 'data-value': v.value,
          'aria-pressed': String(on), title: on ? `Remove filter ${v.value}` : `Filter by ${v.value}`,
          onclick: () => go((next) => {
            const rest = next.getAll(f.key).filter((x) => x !== v.value);
            next.delete(f.key);
            for (const x of on ? rest : [...rest, v.value]) next.append(f.key, x);
          }),
        }, h('span', { class: 'facet-label' }, facetLabel(f, v.value)), on ? h('span', { class: 'facet-remove', 'aria-hidden': 'true' }, '×') : h('span', { class: 'facet-count' }, String(v.count))));
      })));
  }).filter(Boolean);

  const chips = FACETS.flatMap((f) => params.getAll(f.key).map((value) => h('button', {
    type: 'button', class: 'chip', title: 'Remove this filter',
    onclick: () => go((next) => {
      const rest = next.getAll(f.key).filter((x) => x !== value);
      next.delete(f.key);
      rest.forEach((x) => next.append(f.key, x));
    }),
  }, `${f.title}: ${facetLabel(f, value)} `, h('span', { 'aria-hidden': 'true' }, '×'))));

  const start = answer.start ?? 0;
  const total = answer.total ?? 0;
  const results = answer.results ?? [];
  const first = results.length ? start + 1 : 0;
  const last = start + results.length;
  const page = (to) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('start', String(to)); else next.delete('start');
    navigate(searchHash(next));
  };

  replace(root,
    heading,
    h('div', { class: 'search-layout' },
      h('aside', { class: 'facets', 'aria-label': 'Filters' }, facets.length ? facets : h('p', { class: 'muted' }, 'No filters')),
      h('section', { class: 'results', 'aria-label': 'Results' },
        h('div', { class: 'results-head' },
          h('p', { class: 'total' }, h('strong', { 'data-testid': 'search-total' }, String(total)), total === 1 ? ' result' : ' results'),
          chips.length ? h('div', { class: 'chips' }, chips) : null),
        widened ? h('p', { class: 'muted small' }, `No whole-word match for “${q}”; showing matches for `, h('code', {}, widened), '.') : null,
        results.length
          ? h('ol', { class: 'result-list', start: String(first) }, results.map((r) => h('li', {
            class: 'search-result', 'data-testid': 'search-result', 'data-urn': r.urn,
          },
          h('div', { class: 'result-title' }, entityLink(r.urn, r.name ?? nameOfUrn(r.urn)), ' ', typeBadge(h, r.entityType),
            r.platform ? h('span', { class: 'platform' }, platformName(r.platform)) : null),
          r.description ? h('p', { class: 'snippet' }, snippet(r.description)) : null,
          h('p', { class: 'urn' }, r.urn))))
          : h('p', { class: 'empty' }, 'Nothing matches. Try fewer words or remove a filter.'),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
          h('button', { type: 'button', 'data-testid': 'pager-prev', disabled: start <= 0, onclick: () => page(Math.max(0, start - PAGE_SIZE)) }, '‹ Previous'),
          h('span', { class: 'range' }, `${first}–${last} of ${total}`),
          h('button', { type: 'button', 'data-testid': 'pager-next', disabled: last >= total, onclick: () => page(start + PAGE_SIZE) }, 'Next ›')))));
}

function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 237)}…` : flat;
}
