// The lineage view: a layered graph centred on one entity (upstream left, downstream right), expandable node by node;
// a dataset can show its columns inside it, and a column's view is drawn column by column.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import * as api from './api.js';
import { columnOf, isColumn } from './columns.js';
import { displayName, entityLink, h, nameOfUrn, notice, platformName, replace, typeOfUrn } from './dom.js';
import { typeInfo, typeLabel } from './entityTypes.js';
import { COLUMN_LIMIT, loadColumns } from './lineageColumns.js';
import { elementsOf, LineageData, visibleGraph } from './lineageGraph.js';
import { renderLegend, STYLE } from './lineageStyle.js';
import { entityHash, impactHash, navigate, replaceHash } from './router.js';

cytoscape.use(dagre);

const API_DIRECTION = { up: 'upstream', down: 'downstream', both: 'both' };
const DEFAULT_N = 20;
/** Nodes past which the layout trades a little compactness for speed. */
const LARGE_GRAPH = 200;
/** The gap between layers; wider when edge labels need room (see draw). */
const RANK_SEP = 90;

/**
 * The view's state as the URL holds it: #/lineage/<urn>?hops=3&dir=both&n=20&expand=<urn>,<urn>&columns=<urn>,<urn>
 * &asOf=<ms> (columns: the datasets drawn with their columns; asOf: the moment whose graph is drawn, now when absent).
 * A column's lineage is walked column by column (the service's granularity=column: what names the column), anything
 * else's entity by entity, with columns rolled up.
 */
export function parseState(route) {
  const p = route.params;
  const dir = p.get('dir');
  return {
    urn: route.arg,
    hops: clampInt(p.get('hops'), 1, 5, 3),
    dir: ['up', 'down', 'both'].includes(dir) ? dir : 'both',
    n: clampInt(p.get('n'), 1, 10_000, DEFAULT_N),
    expand: urnList(route.query, 'expand'),
    columns: urnList(route.query, 'columns'),
    granularity: isColumn(route.arg) ? 'column' : 'entity',
    asOf: clampInt(p.get('asOf'), 0, 8_640_000_000_000_000, null),
  };
}

export function stateHash(s) {
  let hash = `#/lineage/${encodeURIComponent(s.urn)}?hops=${s.hops}&dir=${s.dir}&n=${s.n}`;
  if (s.expand.length) hash += `&expand=${s.expand.map(encodeURIComponent).join(',')}`;
  if (s.columns?.length) hash += `&columns=${s.columns.map(encodeURIComponent).join(',')}`;
  if (s.asOf !== null && s.asOf !== undefined) hash += `&asOf=${s.asOf}`;
  return hash;
}

/** A moment (ms) as a datetime-local input shows it: the browser's local time, to the second. */
function localInputValue(ms) {
  if (ms === null) return '';
  const local = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

/** A list of urns: each encoded on its own and joined with literal commas (urns themselves hold commas). */
function urnList(query, name) {
  return [...new Set(rawParam(query, name).split(',').filter(Boolean).map(safeDecode))];
}

function clampInt(text, min, max, fallback) {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

function rawParam(query, name) {
  for (const part of (query ?? '').split('&')) {
    const i = part.indexOf('=');
    if ((i < 0 ? part : part.slice(0, i)) === name) return i < 0 ? '' : part.slice(i + 1);
  }
  return '';
}

function safeDecode(text) {
  try { return decodeURIComponent(text); } catch { return text; }
}

export async function renderLineage(root, route) {
  const state = parseState(route);
  if (!state.urn) { replace(root, notice('No entity named.', 'error')); return undefined; }
  const view = { showAll: new Set(), filters: new Map() };
  let data = new LineageData();
  let generation = 0;
  let selected = null;
  let openMore = null;
  const controller = new AbortController();

  const hops = h('select', { id: 'lineage-hops', 'data-testid': 'lineage-hops' },
    [1, 2, 3, 4, 5].map((n) => h('option', { value: String(n), selected: n === state.hops }, String(n))));
  const direction = h('select', { id: 'lineage-direction', 'data-testid': 'lineage-direction' },
    [['up', 'Upstream'], ['down', 'Downstream'], ['both', 'Both']].map(([v, t]) => h('option', { value: v, selected: v === state.dir }, t)));
  // The time control: the graph as it stood at a moment, rebuilt by the service from its edge history; empty is now.
  const asOf = h('input', {
    type: 'datetime-local', step: '1', id: 'lineage-as-of', 'data-testid': 'lineage-as-of', value: localInputValue(state.asOf),
    title: 'Draw the lineage as it stood at this moment',
  });
  const now = h('button', { type: 'button', 'data-testid': 'lineage-now', disabled: state.asOf === null }, 'Now');
  const status = h('span', { class: 'lineage-status', 'data-testid': 'lineage-status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const heading = state.granularity === 'column' ? 'Column lineage of ' : 'Lineage of ';
  const title = h('h1', { 'data-testid': 'lineage-title' }, heading, entityLink(state.urn, nameOfUrn(state.urn)));
  const container = h('div', { class: 'lineage-graph', 'data-testid': 'lineage-graph', role: 'img', 'aria-label': 'Lineage graph: upstream on the left, downstream on the right' });
  const details = h('section', { class: 'lineage-details', 'aria-label': 'Selected entity' }, h('p', { class: 'muted' }, 'Click a node to see it and expand its neighbours; double-click to open its page.'));
  const legend = h('section', { class: 'legend', 'aria-label': 'Legend' });
  const canvasWrap = h('div', { class: 'lineage-canvas' }, container);

  replace(root,
    h('div', { class: 'lineage-head' }, title,
      h('div', { class: 'controls' },
        h('label', { for: 'lineage-hops' }, 'Hops'), hops,
        h('label', { for: 'lineage-direction' }, 'Direction'), direction,
        h('label', { for: 'lineage-as-of' }, 'As of'), asOf, now,
        h('button', { type: 'button', onclick: () => cy.fit(undefined, 30) }, 'Fit'),
        h('a', { class: 'button', href: impactHash(state.urn), 'data-testid': 'open-impact' }, 'Impact'),
        status)),
    h('div', { class: 'lineage-layout' }, canvasWrap, h('aside', { class: 'lineage-side' }, details, legend)));

  const cy = cytoscape({
    container, style: STYLE, elements: [], minZoom: 0.03, maxZoom: 1.6, boxSelectionEnabled: false,
    selectionType: 'single', autoungrabify: false,
  });
  window.lineageGraph = cy;

  const saveUrl = () => replaceHash(stateHash(state));
  /** The walk's parameters: the view's granularity throughout, so a feature in a column view links to columns. */
  const walk = (direction, maxHops) => ({ direction, maxHops, granularity: state.granularity, includeRemoved: true, asOf: state.asOf });

  /** Lays out and renders the visible part of what is loaded; marks the draw done for the tests and the clock. */
  const draw = () => {
    const started = performance.now();
    document.body.dataset.lineageReady = 'false';
    const visible = visibleGraph(data, state, view);
    const elements = elementsOf(data, state, visible);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const entityCount = visible.shown.length + visible.columns.length;
    const hidden = visible.hiddenCount;
    const cut = state.columns.filter((d) => (data.columnTotals.get(d) ?? 0) > (data.columns.get(d)?.length ?? 0));
    status.textContent = `${entityCount} nodes, ${visible.edges.length} edges`
      + (state.asOf !== null ? ` · as of ${new Date(state.asOf).toLocaleString()}` : '')
      + (hidden ? ` · ${hidden} hidden` : '') + (data.truncated ? ' · truncated by the server' : '')
      + (cut.length ? ` · the first ${COLUMN_LIMIT} columns of ${cut.map(nameOfUrn).join(', ')}` : '');
    renderLegend(legend, cy);
    // The status line may have wrapped the controls onto another line and moved the canvas: cytoscape keeps the
    // canvas's place on the page between events, and would map clicks to where it was.
    cy.resize();
    const mine = ++generation;
    // dagre's default ranker (network simplex) packs layers best but grows steeply with size; past a few hundred
    // nodes the longest-path ranker keeps a wide view drawing in well under the 2 s budget.
    const ranker = entityCount > LARGE_GRAPH ? 'longest-path' : 'network-simplex';
    // Layers far enough apart for the widest edge label to sit between them, and each label in the middle of the gap
    // after its upstream end (a box's padding included): where an edge between neighbouring layers has its middle.
    const labelled = cy.edges('[label]');
    const rankSep = Math.max(RANK_SEP, ...labelled.map((e) => e.data('labelWidth') + 24));
    labelled.data('labelOffset', Math.round(rankSep / 2) + 8);
    const layout = cy.layout({ name: 'dagre', rankDir: 'LR', ranker, nodeSep: 10, rankSep, edgeSep: 6, animate: false, fit: true, padding: 30 });
    layout.one('layoutstop', () => {
      if (selected && cy.getElementById(selected).nonempty()) cy.getElementById(selected).select();
      highlightNear();
      requestAnimationFrame(() => {
        if (mine !== generation || cy.destroyed()) return;
        window.lineageDrawMs = performance.now() - started;
        document.body.dataset.lineageReady = 'true';
      });
    });
    layout.run();
  };

  const fail = (e) => {
    if (e.name === 'AbortError') return;
    status.textContent = `Could not load the lineage: ${e.message}`;
    status.classList.add('error');
    document.body.dataset.lineageReady = 'true';
  };

  /** Loads the root's lineage and every expanded node's neighbours, then draws. */
  const load = async () => {
    document.body.dataset.lineageReady = 'false';
    status.textContent = 'Loading…';
    status.classList.remove('error');
    try {
      const [main, ...expansions] = await Promise.all([
        api.lineage(state.urn, walk(API_DIRECTION[state.dir], state.hops), { signal: controller.signal }),
        ...state.expand.map((u) => api.lineage(u, walk('both', 1), { signal: controller.signal }).catch(() => null)),
      ]);
      const loaded = new LineageData();
      loaded.merge(main);
      for (const answer of expansions) if (answer) loaded.merge(answer);
      await loadColumns(loaded, state.columns, controller.signal);
      data = loaded;
      // A column is "not found" to the service (it has no aspects of its own) but its dataset's schema holds it.
      if (main.root) replace(title, heading, entityLink(state.urn, displayName(state.urn, main.root.name)),
        main.root.exists === false && !isColumn(state.urn) ? h('span', { class: 'muted small' }, ' (not found)') : '');
      draw();
    } catch (e) {
      fail(e);
    }
  };

  /** Fetches one node's neighbours (one hop, both ways), merges them, and redraws. */
  const expand = async (urn) => {
    if (state.expand.includes(urn)) return;
    state.expand.push(urn);
    saveUrl();
    document.body.dataset.lineageReady = 'false';
    status.textContent = 'Expanding…';
    try {
      data.merge(await api.lineage(urn, walk('both', 1), { signal: controller.signal }));
      draw();
    } catch (e) {
      fail(e);
    }
  };

  /** Draws a dataset with its columns inside it (and their edges to what is shown), or folds them away again. */
  const toggleColumns = async (dataset) => {
    const hiding = state.columns.includes(dataset);
    state.columns = hiding ? state.columns.filter((d) => d !== dataset) : [...state.columns, dataset];
    saveUrl();
    if (selected) showDetails(selected);
    if (hiding) { draw(); return; }
    document.body.dataset.lineageReady = 'false';
    status.textContent = 'Loading the columns…';
    try {
      await loadColumns(data, [dataset], controller.signal);
      draw();
      if (!data.columns.get(dataset)?.length) status.textContent += ` · ${nameOfUrn(dataset)} has no columns in its schema`;
    } catch (e) {
      fail(e);
    }
  };

  const highlightNear = () => {
    cy.edges().removeClass('near');
    if (selected) cy.getElementById(selected).connectedEdges().addClass('near');
  };

  const showDetails = (urn) => {
    const node = data.nodes.get(urn) ?? {};
    const type = node.entityType ?? typeOfUrn(urn);
    const column = columnOf(urn);
    const shown = state.columns.includes(urn);
    replace(details,
      h('h2', {}, displayName(urn, node.name)),
      h('p', {}, h('span', { class: 'type-dot', style: `background:${typeInfo(type).color}` }), typeLabel(type),
        node.platform ? ` · ${platformName(node.platform)}` : ''),
      column ? h('p', {}, 'Column ', h('code', {}, column.fieldPath), ' of ', entityLink(column.dataset)) : null,
      node.deprecated ? h('p', { class: 'flag deprecated' }, 'Deprecated') : null,
      node.removed ? h('p', { class: 'flag removed' }, 'Soft-deleted') : null,
      node.exists === false && !column ? h('p', { class: 'flag removed' }, 'Not stored (only referenced)') : null,
      h('p', { class: 'urn' }, urn),
      type === 'dataset' ? h('p', {}, h('button', {
        type: 'button', 'data-testid': 'lineage-columns', 'aria-pressed': String(shown), onclick: () => toggleColumns(urn),
      }, shown ? 'Hide its columns' : 'Show its columns')) : null,
      h('ul', { class: 'link-list' },
        h('li', {}, entityLink(urn, 'Open its page', { 'data-testid': 'lineage-open-entity' })),
        h('li', {}, h('a', { href: stateHash({ ...state, urn, expand: [], columns: [] }) }, column ? 'Its column lineage' : 'Centre the lineage here')),
        h('li', {}, h('a', { href: impactHash(urn) }, 'What breaks if it changes'))));
  };

  /** An edge's ends, relationship and, for a column edge, how the downstream column is made from the upstream one. */
  const edgeText = (edge) => {
    const d = edge.data();
    return [
      `${data.name(d.source)} → ${data.name(d.target)}`, d.relationship,
      d.transformOperation ? `transform: ${d.transformOperation}` : null,
      d.confidenceScore !== undefined ? `confidence: ${d.confidenceScore}` : null,
      d.via ? `via: ${data.name(d.via)}` : null,
    ].filter(Boolean);
  };

  const showEdge = (edge) => {
    const d = edge.data();
    replace(details,
      h('h2', {}, 'Edge'),
      h('p', {}, entityLink(d.source), ' → ', entityLink(d.target)),
      h('dl', { class: 'facts', 'data-testid': 'edge-details' },
        h('dt', {}, 'Relationship'), h('dd', {}, d.relationship),
        d.transformOperation ? [h('dt', {}, 'Transform'), h('dd', { 'data-testid': 'edge-transform' }, d.transformOperation)] : null,
        d.confidenceScore !== undefined ? [h('dt', {}, 'Confidence'), h('dd', { 'data-testid': 'edge-confidence' }, String(d.confidenceScore))] : null,
        d.via ? [h('dt', {}, 'Via'), h('dd', {}, entityLink(d.via))] : null));
  };

  const closeMore = () => {
    openMore?.remove();
    openMore = null;
  };

  const showMore = (node) => {
    closeMore();
    const { side, of, hidden } = node.data();
    const key = `${side}:${of}`;
    const input = h('input', {
      type: 'search', id: 'more-filter', 'data-testid': 'more-filter', placeholder: 'Name contains…', autocomplete: 'off',
      value: view.filters.get(key) ?? '',
    });
    let timer = 0;
    const apply = () => {
      clearTimeout(timer);
      const text = input.value.trim();
      if (text) view.filters.set(key, text); else view.filters.delete(key);
      draw();
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(apply, 200);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') closeMore();
      if (e.key === 'Enter') apply();
    });
    const panel = h('div', { class: 'more-panel', 'data-testid': 'more-panel', role: 'dialog', 'aria-label': 'More neighbours' },
      h('p', {}, `${hidden} more ${side === 'up' ? 'upstream of' : 'downstream of'} `, h('strong', {}, data.name(of))),
      h('button', {
        type: 'button', class: 'primary', 'data-testid': 'more-show-all',
        onclick: () => { view.showAll.add(key); view.filters.delete(key); closeMore(); draw(); },
      }, `Show all ${data.neighbours(of, side).length}`),
      h('label', { for: 'more-filter' }, 'or show those whose name contains'), input,
      h('button', { type: 'button', class: 'close', 'aria-label': 'Close', onclick: closeMore }, '×'));
    const at = node.renderedPosition();
    panel.style.left = `${Math.max(8, Math.min(at.x + 20, canvasWrap.clientWidth - 280))}px`;
    panel.style.top = `${Math.max(8, Math.min(at.y - 20, canvasWrap.clientHeight - 170))}px`;
    canvasWrap.append(panel);
    input.focus();
  };

  cy.on('tap', 'node[kind = "entity"], node[kind = "group"]', (e) => {
    closeMore();
    selected = e.target.id();
    highlightNear();
    showDetails(selected);
    // Only what the walk reached expands: a dataset's box or its columns were drawn, not walked, at this granularity.
    if (e.target.data('walked')) expand(selected);
  });
  cy.on('tap', 'node[kind = "more"]', (e) => showMore(e.target));
  cy.on('dbltap', 'node[kind = "entity"], node[kind = "group"]', (e) => navigate(entityHash(e.target.id())));
  cy.on('tap', 'edge[kind != "more"]', (e) => { closeMore(); showEdge(e.target); });
  // The canvas has no elements to hover: its title is the tooltip, set while the pointer is on an edge.
  cy.on('mouseover', 'edge[kind != "more"]', (e) => { container.title = edgeText(e.target).join('\n'); });
  cy.on('mouseout', 'edge', () => container.removeAttribute('title'));
  cy.on('tap', (e) => {
    if (e.target !== cy) return;
    closeMore();
    selected = null;
    highlightNear();
  });

  hops.addEventListener('change', () => { state.hops = Number(hops.value); saveUrl(); load(); });
  direction.addEventListener('change', () => { state.dir = direction.value; saveUrl(); load(); });
  const setAsOf = (ms) => {
    state.asOf = Number.isFinite(ms) ? ms : null;
    asOf.value = localInputValue(state.asOf);
    now.disabled = state.asOf === null;
    saveUrl();
    load();
  };
  asOf.addEventListener('change', () => setAsOf(asOf.value ? new Date(asOf.value).getTime() : null));
  now.addEventListener('click', () => setAsOf(null));

  saveUrl();
  load();

  return () => {
    controller.abort();
    generation++;
    cy.destroy();
    if (window.lineageGraph === cy) window.lineageGraph = null;
    delete document.body.dataset.lineageReady;
  };
}
