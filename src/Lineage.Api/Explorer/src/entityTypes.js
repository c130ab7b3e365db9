// How each entity type is shown: a readable label, a colour and a one-character glyph (graph, lists and legend).

const TYPES = {
  dataset: { label: 'Dataset', color: '#2f6fb2', glyph: 'D' },
  schemaField: { label: 'Column', color: '#4a8fc4', glyph: 'c' },
  mlFeature: { label: 'Feature', color: '#2e8b57', glyph: 'F' },
  mlFeatureTable: { label: 'Feature table', color: '#1b6b47', glyph: 'T' },
  mlPrimaryKey: { label: 'Primary key', color: '#6a8d2f', glyph: 'K' },
  mlModel: { label: 'Model', color: '#8e44ad', glyph: 'M' },
  mlModelGroup: { label: 'Model group', color: '#5e3370', glyph: 'G' },
  mlModelDeployment: { label: 'Deployment', color: '#c0392b', glyph: 'P' },
  dataJob: { label: 'Job', color: '#d4812a', glyph: 'J' },
  dataFlow: { label: 'Pipeline', color: '#a8641d', glyph: 'W' },
  dataProcessInstance: { label: 'Run', color: '#b8860b', glyph: 'R' },
  chart: { label: 'Chart', color: '#16808a', glyph: 'C' },
  dashboard: { label: 'Dashboard', color: '#0f5f66', glyph: 'B' },
  container: { label: 'Container', color: '#607080', glyph: 'N' },
  corpuser: { label: 'User', color: '#55606e', glyph: 'U' },
  corpGroup: { label: 'Group', color: '#55606e', glyph: 'U' },
  tag: { label: 'Tag', color: '#7a7f87', glyph: '#' },
  glossaryTerm: { label: 'Glossary term', color: '#7a7f87', glyph: 'g' },
  domain: { label: 'Domain', color: '#7a7f87', glyph: 'd' },
};

const OTHER = { label: null, color: '#6b7280', glyph: '?' };

export function typeInfo(type) {
  const known = TYPES[type];
  return known ?? { ...OTHER, label: type ?? 'Unknown' };
}

export const typeLabel = (type) => typeInfo(type).label;

/** A small coloured badge with the glyph and the type's label. */
export function typeBadge(h, type, attrs = {}) {
  const info = typeInfo(type);
  return h('span', { class: 'type-badge', style: `--type-color:${info.color}`, ...attrs },
    // The glyph comes from CSS (attr), so the badge's text is only the label.
    h('span', { class: 'glyph', 'data-glyph': info.glyph, 'aria-hidden': 'true' }), info.label);
}
