// How the lineage graph looks: each node's icon and fill, Cytoscape's stylesheet, and the legend beside the graph.
import { h, replace } from './dom.js';
import { typeInfo } from './entityTypes.js';

/** An SVG disc with the type's glyph, drawn at the left of each node. */
const icons = new Map();
export function icon(type) {
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

/** A pale version of a type colour for a node's fill: `share` of the colour over white. */
export function tint(hex, share = 0.12) {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c) => Math.round(255 - (255 - c) * share);
  return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const EDGE_FONT_SIZE = 10;

let measure;
/** How wide an edge label is drawn, so it can be placed clear of the nodes and the layers spaced to hold it. */
export function labelWidth(text) {
  measure ??= document.createElement('canvas').getContext('2d');
  measure.font = `${EDGE_FONT_SIZE}px ${FONT}`;
  return Math.ceil(measure.measureText(text).width);
}

/** A box around a dataset's columns: the dataset's own node once its columns are shown, or a group in a column view. */
const BOX = {
  'text-valign': 'top', 'text-halign': 'center', 'text-margin-x': 0, 'text-margin-y': -4, 'text-max-width': '240px',
  'background-image': 'none', 'background-color': 'data(box)', padding: '12px', 'font-weight': 'bold',
};

export const STYLE = [
  {
    selector: 'node[kind = "entity"]',
    style: {
      shape: 'round-rectangle', width: 200, height: 36,
      'background-color': 'data(fill)', 'border-width': 2, 'border-color': 'data(color)',
      'background-image': 'data(icon)', 'background-width': '22px', 'background-height': '22px',
      'background-position-x': '7px', 'background-position-y': '50%', 'background-fit': 'none', 'background-clip': 'none',
      label: 'data(display)', 'font-size': 12, 'font-family': FONT,
      color: '#1f2937', 'text-valign': 'center', 'text-halign': 'center', 'text-wrap': 'ellipsis',
      'text-max-width': '152px', 'text-margin-x': 12,
    },
  },
  // Columns sit in their dataset's box: smaller, so a wide table still fits on the screen.
  {
    selector: 'node[entityType = "schemaField"]',
    style: { width: 170, height: 28, 'font-size': 11, 'background-width': '18px', 'background-height': '18px', 'text-max-width': '128px', 'text-margin-x': 10 },
  },
  { selector: 'node[kind = "entity"]:parent', style: BOX },
  {
    selector: 'node[kind = "group"]',
    style: {
      ...BOX, shape: 'round-rectangle', 'border-width': 1, 'border-style': 'dashed', 'border-color': 'data(color)',
      label: 'data(display)', 'font-size': 12, 'font-family': FONT, color: '#1f2937',
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
  { selector: 'edge[?columns]', style: { 'line-color': '#7fa9cf', 'target-arrow-color': '#7fa9cf' } },
  // A column edge's transform and confidence, on a white ground so it reads across other lines. It sits in the gap
  // after the upstream end (lineage.js sets the offset): an edge that spans layers would have its middle, and a
  // middle label, under a node of the layer it crosses (as a job's column edge crosses the job).
  {
    selector: 'edge[label]',
    style: {
      'source-label': 'data(label)', 'source-text-offset': 'data(labelOffset)', 'font-size': EDGE_FONT_SIZE, 'font-family': FONT, color: '#374151',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': '2px',
    },
  },
  { selector: 'edge[kind = "more"]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
  { selector: 'edge.near', style: { width: 2.5, 'line-color': '#4b5563', 'target-arrow-color': '#4b5563' } },
];

export function renderLegend(host, cy) {
  const types = [...new Set(cy.nodes('[kind = "entity"]').map((n) => n.data('entityType')))].sort();
  const boxes = cy.nodes('[kind = "group"], [kind = "entity"]:parent').nonempty();
  const labelled = cy.edges('[label]').nonempty();
  replace(host, h('h2', {}, 'Legend'),
    h('ul', { class: 'legend-list' },
      types.map((t) => {
        const info = typeInfo(t);
        return h('li', {}, h('span', { class: 'swatch', style: `--type-color:${info.color}` }, info.glyph), info.label);
      }),
      boxes ? h('li', {}, h('span', { class: 'swatch box' }), 'A dataset, around its columns') : null,
      h('li', {}, h('span', { class: 'swatch deprecated' }), 'Deprecated (dashed, ⚠)'),
      h('li', {}, h('span', { class: 'swatch removed' }), 'Soft-deleted (grey, dotted)'),
      h('li', {}, h('span', { class: 'swatch more' }, '+k'), 'More neighbours: click to show'),
      h('li', {}, h('span', { class: 'swatch root' }), 'The entity in the centre')),
    h('p', { class: 'muted small' }, 'Edges point from upstream to downstream.',
      labelled ? ' A column edge is labelled with its transform and confidence; click an edge for its details.' : ''));
}
