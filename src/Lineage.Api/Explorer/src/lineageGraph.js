// The lineage graph's model: what has been fetched (merged answers, column mappings, datasets' columns), which part of
// it is drawn (a walk from the root that keeps each side to n neighbours, columns boxed in their datasets), and the
// Cytoscape elements for it. No DOM beyond a canvas to measure labels: lineage.js is the view.
import { columnOf, isColumn } from './columns.js';
import { displayName, nameOfUrn, typeOfUrn } from './dom.js';
import { typeInfo } from './entityTypes.js';
import { icon, labelWidth, tint } from './lineageStyle.js';

/**
 * Everything fetched so far, merged: the nodes, each node's upstream and downstream neighbours, how column edges map
 * (transform, confidence, via), and the columns of the datasets shown with them.
 */
export class LineageData {
  nodes = new Map();
  ups = new Map();
  downs = new Map();
  relationships = new Map();
  mappings = new Map();
  /** Edges only drawn, never walked: a shown dataset's columns to each other and to what else is on the screen. */
  sideEdges = new Map();
  columns = new Map();
  columnTotals = new Map();
  truncated = false;

  merge(answer) {
    for (const node of [answer.root, ...(answer.nodes ?? [])]) {
      const known = this.nodes.get(node.urn);
      // Keep the smallest degree seen: it is measured from the root of the first answer that saw the node.
      this.nodes.set(node.urn, known ? { ...node, degree: Math.min(known.degree, node.degree) } : node);
    }
    for (const e of answer.edges ?? []) {
      const { up, down, key } = this.#read(e);
      link(this.downs, up, down);
      link(this.ups, down, up);
      if (!this.relationships.has(key)) this.relationships.set(key, new Set());
      this.relationships.get(key).add(e.relationship);
    }
    this.truncated ||= Boolean(answer.truncated);
  }

  mergeSideEdges(answer) {
    for (const e of answer.edges ?? []) {
      const { up, down, key } = this.#read(e);
      if (!this.sideEdges.has(key)) this.sideEdges.set(key, { up, down, relationships: new Set() });
      this.sideEdges.get(key).relationships.add(e.relationship);
    }
  }

  /** An edge's upstream and downstream ends (whichever way the relationship points), keeping its column mapping. */
  #read(e) {
    const up = e.upstream;
    const down = e.downstream ?? (e.source === up ? e.target : e.source);
    const key = `${up}\n${down}`;
    if (e.mapping) this.mappings.set(key, e.mapping);
    return { up, down, key };
  }

  neighbours(urn, side) {
    return [...((side === 'up' ? this.ups : this.downs).get(urn) ?? [])];
  }

  name(urn) {
    return displayName(urn, this.nodes.get(urn)?.name);
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
export function visibleGraph(data, state, view) {
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
  const { columns, parents, groups } = columnBoxes(data, state, shown);
  const drawn = new Set([...shown, ...columns]);
  const edges = [];
  for (const up of shown) {
    for (const down of data.downs.get(up) ?? []) {
      if (shown.has(down)) edges.push({ up, down, relationships: [...data.relationships.get(`${up}\n${down}`)] });
    }
  }
  for (const [key, e] of data.sideEdges) {
    if (drawn.has(e.up) && drawn.has(e.down) && !data.relationships.has(key)) edges.push({ ...e, relationships: [...e.relationships] });
  }
  for (const e of edges) e.mapping = data.mappings.get(`${e.up}\n${e.down}`);
  return { shown: [...shown], columns, parents, groups, edges, more, hiddenCount: hiddenUrns.size };
}

/**
 * Which box each drawn column sits in, and the columns drawn besides the walked nodes. A column's box is its dataset:
 * the dataset's own node when the lineage shows it, else a group drawn only to hold its columns (a column view walks
 * columns, not datasets). A dataset shown with its columns adds them all, walked or not.
 */
function columnBoxes(data, state, shown) {
  const parents = new Map();
  for (const urn of shown) {
    const column = columnOf(urn);
    if (column) parents.set(urn, column.dataset);
  }
  const boxes = new Set([...shown, ...parents.values()]);
  const columns = [];
  for (const dataset of state.columns) {
    if (!boxes.has(dataset)) continue;
    for (const urn of data.columns.get(dataset) ?? []) {
      parents.set(urn, dataset);
      if (!shown.has(urn)) columns.push(urn);
    }
  }
  const groups = [...new Set(parents.values())].filter((d) => !shown.has(d));
  return { columns, parents, groups };
}

/** What an edge's label says: a column edge's transform and confidence (UPPER · 0.9), else nothing. */
export function mappingLabel(mapping) {
  if (!mapping) return undefined;
  const parts = [mapping.transformOperation, mapping.confidenceScore].filter((p) => p !== null && p !== undefined && p !== '');
  return parts.length ? parts.join(' · ') : undefined;
}

/**
 * The Cytoscape elements for what is drawn: entity nodes (a column inside its dataset's box), group boxes, "+k more"
 * nodes, and the edges, a column edge labelled with its mapping.
 */
export function elementsOf(data, state, visible) {
  const expanded = new Set(state.expand);
  const walked = new Set(visible.shown);
  const entity = (urn) => {
    const node = data.nodes.get(urn) ?? {};
    const type = node.entityType ?? typeOfUrn(urn);
    const info = typeInfo(type);
    const parent = visible.parents.get(urn);
    // Inside its dataset's box a column needs only its field path.
    const name = parent ? columnOf(urn).fieldPath : data.name(urn);
    return {
      group: 'nodes',
      data: {
        id: urn, kind: 'entity', entityType: type, label: name, platform: node.platform ?? null, parent,
        // A column has no aspects of its own (its dataset's schema describes it), so the service calls it not stored.
        removed: Boolean(node.removed), deprecated: Boolean(node.deprecated), exists: node.exists !== false || isColumn(urn),
        // Only walked nodes expand on a click: a dataset's columns were listed, not walked, at this granularity.
        root: urn === state.urn, expanded: expanded.has(urn), walked: walked.has(urn),
        display: `${name}${node.deprecated ? ' ⚠' : ''}`, color: info.color, fill: tint(info.color), box: tint(info.color, 0.05),
        icon: icon(type),
      },
    };
  };
  const groups = visible.groups.map((urn) => {
    const info = typeInfo(typeOfUrn(urn));
    return {
      group: 'nodes',
      data: {
        id: urn, kind: 'group', entityType: typeOfUrn(urn), label: nameOfUrn(urn), display: nameOfUrn(urn),
        color: info.color, box: tint(info.color, 0.05),
      },
    };
  });
  // Boxes before what they hold: Cytoscape sets a node's parent as it adds the node.
  const nodes = [...groups, ...visible.shown.filter((u) => !isColumn(u)).map(entity),
    ...visible.shown.filter(isColumn).map(entity), ...visible.columns.map(entity)];
  const more = visible.more.map((m) => ({
    group: 'nodes',
    data: { id: m.id, kind: 'more', side: m.side, of: m.urn, hidden: m.hidden, label: `+${m.hidden} more` },
  }));
  const edges = visible.edges.map((e) => {
    const label = mappingLabel(e.mapping);
    const width = label ? labelWidth(label) : 0;
    return {
      group: 'edges',
      data: {
        id: `edge:${e.up}\n${e.down}`, source: e.up, target: e.down, relationship: e.relationships.join(', '),
        columns: isColumn(e.up) && isColumn(e.down), label, labelWidth: width, labelOffset: 0,
        transformOperation: e.mapping?.transformOperation ?? undefined, confidenceScore: e.mapping?.confidenceScore ?? undefined,
        via: e.mapping?.via ?? undefined,
      },
    };
  });
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
