// The lineage view: a layered graph centred on one entity (upstream left, downstream right), expandable node by node.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import * as api from './api.js';
import { entityLink, h, nameOfUrn, notice, platformName, replace, typeOfUrn } from './dom.js';
import { typeInfo, typeLabel } from './entityTypes.js';
import { entityHash, impactHash, navigate, replaceHash } from './router.js';

cytoscape.use(dagre);

const API_DIRECTION = { up: 'upstream', down: 'downstream', both: 'both' };
const DEFAULT_N = 20;
/** Nodes past which the layout trades a little compactness for speed. */
const LARGE_GRAPH = 200;

/** The view's state as the URL holds it: #/lineage/<urn>?hops=3&dir=both&n=20&expand=<urn>,<urn> */
export function parseState(route) {
  const p = route.params;
  const dir = p.get('dir');
  return {
    urn: route.arg,
    hops: clampInt(p.get('hops'), 1, 5, 3),
    dir: ['up', 'down', 'both'].includes(dir) ? dir : 'both',
    n: clampInt(p.get('n'), 1, 10_000, DEFAULT_N),
    // Each urn is encoded on its own and the list joined with literal commas (urns themselves hold commas).
    expand: [...new Set(rawParam(route.query, 'expand').split(',').filter(Boolean).map(safeDecode))],
  };
}

export function stateHash(s) {
  let hash = `#/lineage/${encodeURIComponent(s.urn)}?hops=${s.hops}&dir=${s.dir}&n=${s.n}`;
  if (s.expand.length) hash += `&expand=${s.expand.map(encodeURIComponent).join(',')}`;
  return hash;
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

/** Everything fetched so far, merged: the nodes, and each node's upstream and downstream neighbours. */
class LineageData {
  nodes = new Map();
  ups = new Map();
  downs = new Map();
  relationships = new Map();
  truncated = false;

  merge(answer) {
    for (const node of [answer.root, ...(answer.nodes ?? [])]) {
      const known = this.nodes.get(node.urn);
      // Keep the smallest degree seen: it is measured from the root of the first answer that saw the node.
      this.nodes.set(node.urn, known ? { ...node, degree: Math.min(known.degree, node.degree) } : node);
    }
    for (const e of answer.edges ?? []) {
      const up = e.upstream;
      const down = e.downstream ?? (e.source === up ? e.target : e.source);
      link(this.downs, up, down);
      link(this.ups, down, up);
      const key = `${up}\n${down}`;
      if (!this.relationships.has(key)) this.relationships.set(key, new Set());
      this.relationships.get(key).add(e.relationship);
    }
    this.truncated ||= Boolean(answer.truncated);
  }

  neighbours(urn, side) {
    return [...((side === 'up' ? this.ups : this.downs).get(urn) ?? [])];
  }

  name(urn) {
    return this.nodes.get(urn)?.name ?? nameOfUrn(urn);
  }
}

function link(map, from, to) {
  if (!map.has(from)) map.set(from, new Set());
  map.get(from).add(to);
}

/**
 * Which nodes to draw: a walk from the root over the known edges in which a node with more than n neighbours on
 * one side shows n of them (expanded and already shown ones first, then the nearest, then by name) — or all of them,
 * or those whose name matches a filter — and the rest are counted in a "+k more" node.
 */
function visibleGraph(data, state, view) {
  const shown = new Set([state.urn]);
  const queue = [state.urn];
  const expanded = new Set(state.expand);
  const rank = (u) => [shown.has(u) || expanded.has(u) ? 0 : 1, data.nodes.get(u)?.degree ?? 99, data.name(u).toLowerCase()];
  const compare = (a, b) => {
    const ra = rank(a), rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
  };
  for (let i = 0; i < queue.length; i++) {
    const urn = queue[i];
    for (const side of ['up', 'down']) {
      const neighbours = data.neighbours(urn, side);
      const key = `${side}:${urn}`;
      let picked = neighbours;
      if (neighbours.length > state.n && !view.showAll.has(key)) {
        const filter = view.filters.get(key)?.toLowerCase();
        picked = filter
          ? neighbours.filter((u) => shown.has(u) || data.name(u).toLowerCase().includes(filter))
          : neighbours.sort(compare).slice(0, state.n);
      }
      for (const u of picked) if (!shown.has(u)) { shown.add(u); queue.push(u); }
    }
  }

  const more = [];
  const hiddenUrns = new Set();
  for (const urn of shown) {
    for (const side of ['up', 'down']) {
      const hidden = data.neighbours(urn, side).filter((u) => !shown.has(u));
      hidden.forEach((u) => hiddenUrns.add(u));
      if (hidden.length > 0) more.push({ id: `more:${side}:${urn}`, side, urn, hidden: hidden.length });
    }
  }
  const edges = [];
  for (const up of shown) {
    for (const down of data.downs.get(up) ?? []) {
      if (shown.has(down)) edges.push({ up, down, relationships: [...data.relationships.get(`${up}\n${down}`)] });
    }
  }
  return { shown: [...shown], edges, more, hiddenCount: hiddenUrns.size };
}

/** An SVG disc with the type's glyph, drawn at the left of each node. */
const icons = new Map();
function icon(type) {
  if (!icons.has(type)) {
    const { color, glyph } = typeInfo(type);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><circle cx="12" cy="12" r="11" fill="${color}"/><text x="12" y="16.5" font-family="Arial, Helvetica, sans-serif" font-size="13" font-weight="bold" fill="#fff" text-anchor="middle">${escapeXml(glyph)}</text></svg>`;
    icons.set(type, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  }
  return icons.get(type);
}

function escapeXml(text) {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tint(hex) {
  // A pale version of the type colour for the node's fill: 12% colour over white.
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c) => Math.round(255 - (255 - c) * 0.12);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

function elementsOf(data, state, visible) {
  const expanded = new Set(state.expand);
  const nodes = visible.shown.map((urn) => {
    const node = data.nodes.get(urn) ?? {};
    const type = node.entityType ?? typeOfUrn(urn);
    const info = typeInfo(type);
    const name = data.name(urn);
    return {
      group: 'nodes',
      data: {
        id: urn, kind: 'entity', entityType: type, label: name, platform: node.platform ?? null,
        removed: Boolean(node.removed), deprecated: Boolean(node.deprecated), exists: node.exists !== false,
        root: urn === state.urn, expanded: expanded.has(urn),
        display: `${name}${node.deprecated ? ' ⚠' : ''}`, color: info.color, fill: tint(info.color), icon: icon(type),
      },
    };
  });
  const more = visible.more.map((m) => ({
    group: 'nodes',
    data: { id: m.id, kind: 'more', side: m.side, of: m.urn, hidden: m.hidden, label: `+${m.hidden} more` },
  }));
  const edges = visible.edges.map((e) => ({
    group: 'edges',
    data: { id: `edge:${e.up}\n${e.down}`, source: e.up, target: e.down, relationship: e.relationships.join(', ') },
  }));
  const moreEdges = visible.more.map((m) => ({
    group: 'edges',
    data: {
      id: `edge:${m.id}`, kind: 'more',
      source: m.side === 'up' ? m.id : m.urn, target: m.side === 'up' ? m.urn : m.id,
    },
  }));
  // Dagre orders each layer by the edges' order, last first: "+k more" edges first and the others by name descending
  // put siblings in name order from the top, with the "+k more" node below them.
  const byName = (e) => `${data.name(e.data.source)}\n${data.name(e.data.target)}`.toLowerCase();
  edges.sort((a, b) => (byName(a) < byName(b) ? 1 : byName(a) > byName(b) ? -1 : 0));
  return [...nodes, ...more, ...moreEdges, ...edges];
}

const STYLE = [
  {
    selector: 'node[kind = "entity"]',
    style: {
      shape: 'round-rectangle', width: 200, height: 36,
      'background-color': 'data(fill)', 'border-width': 2, 'border-color': 'data(color)',
      'background-image': 'data(icon)', 'background-width': '22px', 'background-height': '22px',
      'background-position-x': '7px', 'background-position-y': '50%', 'background-fit': 'none', 'background-clip': 'none',
      label: 'data(display)', 'font-size': 12, 'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      color: '#1f2937', 'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'ellipsis',
      'text-max-width': '152px', 'text-margin-x': 12,
    },
  },
  { selector: 'node[?root]', style: { 'border-width': 4, 'font-weight': 'bold' } },
  { selector: 'node[?expanded]', style: { 'border-width': 3 } },
  { selector: 'node[?deprecated]', style: { 'border-style': 'dashed', color: '#92400e' } },
  {
    selector: 'node[?removed]',
    style: { 'background-color': '#eef0f3', 'border-style': 'dotted', 'border-color': '#9aa3af', color: '#7b8494', opacity: 0.85 },
  },
  { selector: 'node[!exists]', style: { 'border-style': 'dotted', color: '#7b8494' } },
  {
    selector: 'node[kind = "more"]',
    style: {
      shape: 'round-rectangle', width: 96, height: 28, 'background-color': '#f3f4f6', 'border-width': 1,
      'border-style': 'dashed', 'border-color': '#9ca3af', label: 'data(label)', 'font-size': 12, color: '#374151',
      'text-valign': 'center', 'text-halign': 'center',
    },
  },
  { selector: 'node:selected', style: { 'border-color': '#111827', 'border-width': 4, 'overlay-opacity': 0 } },
  { selector: 'node:active', style: { 'overlay-opacity': 0.08 } },
  {
    selector: 'edge',
    style: {
      width: 1.5, 'line-color': '#b3bcc8', 'target-arrow-color': '#b3bcc8', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9, 'curve-style': 'bezier',
      // Out of the right side, into the left: the layers read left to right.
      'source-endpoint': '90deg', 'target-endpoint': '270deg',
    },
  },
  { selector: 'edge[kind = "more"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
  { selector: 'edge.near', style: { width: 2.5, 'line-color': '#4b5563', 'target-arrow-color': '#4b5563' } },
];

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
  const status = h('span', { class: 'lineage-status', 'data-testid': 'lineage-status', role: 'status', 'aria-live': 'polite' }, 'Loading…');
  const title = h('h1', {}, 'Lineage of ', entityLink(state.urn, nameOfUrn(state.urn)));
  const container = h('div', { class: 'lineage-graph', 'data-testid': 'lineage-graph', role: 'img', 'aria-label': 'Lineage graph: upstream on the left, downstream on the right' });
  const details = h('section', { class: 'lineage-details', 'aria-label': 'Selected entity' }, h('p', { class: 'muted' }, 'Click a node to see it and expand its neighbours; double-click to open its page.'));
  const legend = h('section', { class: 'legend', 'aria-label': 'Legend' });
  const canvasWrap = h('div', { class: 'lineage-canvas' }, container);

  replace(root,
    h('div', { class: 'lineage-head' }, title,
      h('div', { class: 'controls' },
        h('label', { for: 'lineage-hops' }, 'Hops'), hops,
        h('label', { for: 'lineage-direction' }, 'Direction'), direction,
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
    const entityCount = visible.shown.length;
    const hidden = visible.hiddenCount;
    status.textContent = `${entityCount} nodes, ${visible.edges.length} edges`
      + (hidden ? ` · ${hidden} hidden` : '') + (data.truncated ? ' · truncated by the server' : '');
    renderLegend(legend, cy);
    const mine = ++generation;
    // dagre's default ranker (network simplex) packs layers best but grows steeply with size; past a few hundred
    // nodes the longest-path ranker keeps a wide view drawing in well under the 2 s budget.
    const ranker = entityCount > LARGE_GRAPH ? 'longest-path' : 'network-simplex';
    const layout = cy.layout({ name: 'dagre', rankDir: 'LR', ranker, nodeSep: 10, rankSep: 90, edgeSep: 6, animate: false, fit: true, padding: 30 });
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
        api.lineage(state.urn, { direction: API_DIRECTION[state.dir], maxHops: state.hops, includeRemoved: true }, { signal: controller.signal }),
        ...state.expand.map((u) => api.lineage(u, { direction: 'both', maxHops: 1, includeRemoved: true }, { signal: controller.signal }).catch(() => null)),
      ]);
      data = new LineageData();
      data.merge(main);
      for (const answer of expansions) if (answer) data.merge(answer);
      if (main.root) replace(title, 'Lineage of ', entityLink(state.urn, main.root.name ?? nameOfUrn(state.urn)),
        main.root.exists === false ? h('span', { class: 'muted small' }, ' (not found)') : '');
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
      data.merge(await api.lineage(urn, { direction: 'both', maxHops: 1, includeRemoved: true }, { signal: controller.signal }));
      draw();
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
    replace(details,
      h('h2', {}, data.name(urn)),
      h('p', {}, h('span', { class: 'type-dot', style: `background:${typeInfo(type).color}` }), typeLabel(type),
        node.platform ? ` · ${platformName(node.platform)}` : ''),
      node.deprecated ? h('p', { class: 'flag deprecated' }, 'Deprecated') : null,
      node.removed ? h('p', { class: 'flag removed' }, 'Soft-deleted') : null,
      node.exists === false ? h('p', { class: 'flag removed' }, 'Not stored (only referenced)') : null,
      h('p', { class: 'urn' }, urn),
      h('ul', { class: 'link-list' },
        h('li', {}, entityLink(urn, 'Open its page', { 'data-testid': 'lineage-open-entity' })),
        h('li', {}, h('a', { href: stateHash({ ...state, urn, expand: [] }) }, 'Centre the lineage here')),
        h('li', {}, h('a', { href: impactHash(urn) }, 'What breaks if it changes'))));
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

  cy.on('tap', 'node[kind = "entity"]', (e) => {
    closeMore();
    selected = e.target.id();
    highlightNear();
    showDetails(selected);
    expand(selected);
  });
  cy.on('tap', 'node[kind = "more"]', (e) => showMore(e.target));
  cy.on('dbltap', 'node[kind = "entity"]', (e) => navigate(entityHash(e.target.id())));
  cy.on('tap', (e) => {
    if (e.target !== cy) return;
    closeMore();
    selected = null;
    highlightNear();
  });

  hops.addEventListener('change', () => { state.hops = Number(hops.value); saveUrl(); load(); });
  direction.addEventListener('change', () => { state.dir = direction.value; saveUrl(); load(); });

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

function renderLegend(host, cy) {
  const types = [...new Set(cy.nodes('[kind = "entity"]').map((n) => n.data('entityType')))].sort();
  replace(host, h('h2', {}, 'Legend'),
    h('ul', { class: 'legend-list' },
      types.map((t) => {
        const info = typeInfo(t);
        return h('li', {}, h('span', { class: 'swatch', style: `--type-color:${info.color}` }, info.glyph), info.label);
      }),
      h('li', {}, h('span', { class: 'swatch deprecated' }), 'Deprecated (dashed, ⚠)'),
      h('li', {}, h('span', { class: 'swatch removed' }), 'Soft-deleted (grey, dotted)'),
      h('li', {}, h('span', { class: 'swatch more' }, '+k'), 'More neighbours: click to show'),
      h('li', {}, h('span', { class: 'swatch root' }), 'The entity in the centre')),
    h('p', { class: 'muted small' }, 'Edges point from upstream to downstream.'));
}
