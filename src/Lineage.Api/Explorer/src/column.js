// The column page: a column (schemaField) of a dataset, named by both, with its field from the dataset's schema and the
// columns, features and jobs one hop upstream and downstream of it. The service stores no aspect of a column itself.
import * as api from './api.js';
import { columnOf, columnUrn } from './columns.js';
import { displayName, entityLink, h, nameOfUrn, notice, replace } from './dom.js';
import { typeBadge } from './entityTypes.js';
import { impactHash, lineageHash } from './router.js';

export async function renderColumn(root, route) {
  const urn = route.arg;
  const column = columnOf(urn);
  if (!column) { replace(root, notice(`${urn} is not a column urn.`, 'error')); return; }
  const { dataset, fieldPath } = column;

  const datasetLink = entityLink(dataset, nameOfUrn(dataset), { 'data-testid': 'column-dataset' });
  const header = h('header', { class: 'entity-header' },
    h('div', { class: 'entity-title' },
      h('h1', { 'data-testid': 'entity-name' }, fieldPath),
      h('span', { 'data-testid': 'entity-type', 'data-type': 'schemaField' }, typeBadge(h, 'schemaField'), ' of ', datasetLink)),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Dataset'), h('dd', {}, dataset),
      h('dt', {}, 'Field path'), h('dd', {}, h('code', {}, fieldPath)),
      h('dt', {}, 'URN'), h('dd', { class: 'urn' }, urn)),
    h('nav', { class: 'entity-actions', 'aria-label': 'Views of this column' },
      h('a', { class: 'button', href: lineageHash(urn), 'data-testid': 'open-lineage' }, 'Column lineage'),
      h('a', { class: 'button', href: impactHash(urn), 'data-testid': 'open-impact' }, 'Impact')));
  const field = h('section', { class: 'section', 'data-testid': 'section-field', 'aria-label': 'Field' }, h('h2', {}, 'Field'), notice('Loading…'));
  const ups = h('section', { class: 'section', 'data-testid': 'section-upstream', 'aria-label': 'Upstream' }, h('h2', {}, 'Upstream'), notice('Loading…'));
  const downs = h('section', { class: 'section', 'data-testid': 'section-downstream', 'aria-label': 'Downstream' }, h('h2', {}, 'Downstream'), notice('Loading…'));
  replace(root, header, h('div', { class: 'column-page' }, field, ups, downs));

  await Promise.all([loadField(field, dataset, fieldPath, datasetLink), loadNeighbours(ups, downs, urn)]);
}

/** The field as the dataset's schema describes it; an edited description (editableSchemaMetadata) wins. */
async function loadField(host, dataset, fieldPath, datasetLink) {
  const title = h('h2', {}, 'Field');
  let entity;
  try {
    entity = await api.entity(dataset);
  } catch (e) {
    replace(host, title, h('p', { class: 'muted' }, e.status === 404 ? 'The dataset is not stored.' : `Could not load the dataset: ${e.message}`));
    return;
  }
  const name = entity.datasetProperties?.value?.name;
  if (name) datasetLink.textContent = name;
  const f = fieldsOf(entity).find((x) => x.fieldPath === fieldPath);
  if (!f) { replace(host, title, h('p', { class: 'muted' }, `Not in ${nameOfUrn(dataset)}'s schema: only lineage names it.`)); return; }
  replace(host, title, h('dl', { class: 'facts' },
    h('dt', {}, 'Type'), h('dd', { 'data-testid': 'field-type' }, f.type || '—'),
    h('dt', {}, 'Description'), h('dd', { 'data-testid': 'field-description', class: f.description ? '' : 'muted' }, f.description || 'No description.'),
    f.tags.length ? [h('dt', {}, 'Tags'), h('dd', {}, f.tags.map(nameOfUrn).join(', '))] : null));
}

/**
 * A dataset's fields from its schemaMetadata: path, column urn, type (the native one, else the schema type's short
 * name), description (the edited one first) and tags, in the schema's order.
 */
export function fieldsOf(entity) {
  const urn = entity.urn;
  const edited = new Map((entity.editableSchemaMetadata?.value?.editableSchemaFieldInfo ?? []).map((e) => [e.fieldPath, e]));
  return (entity.schemaMetadata?.value?.fields ?? []).filter((f) => f.fieldPath).map((f) => ({
    fieldPath: f.fieldPath,
    urn: columnUrn(urn, f.fieldPath),
    type: f.nativeDataType || Object.keys(f.type?.type ?? {})[0]?.replace(/^.*\./, '').replace(/Type$/, '') || '',
    description: edited.get(f.fieldPath)?.description || f.description || '',
    tags: [...(f.globalTags?.tags ?? []), ...(edited.get(f.fieldPath)?.globalTags?.tags ?? [])].map((t) => t.tag),
  }));
}

/** One hop of column lineage both ways: each neighbour, the relationship, and a column edge's transform and confidence. */
async function loadNeighbours(ups, downs, urn) {
  let answer;
  try {
    answer = await api.lineage(urn, { direction: 'both', maxHops: 1, granularity: 'column' });
  } catch (e) {
    for (const host of [ups, downs]) host.append(notice(`Could not load the lineage: ${e.message}`, 'error'));
    return;
  }
  const names = new Map((answer.nodes ?? []).map((n) => [n.urn, n]));
  const rows = { up: [], down: [] };
  for (const e of answer.edges ?? []) {
    const up = e.upstream;
    const down = e.downstream ?? (e.source === up ? e.target : e.source);
    // The answer holds the edges among its neighbours too (a job to the column it writes): only this column's count.
    if (up === urn && down !== urn) rows.down.push({ urn: down, node: names.get(down), relationship: e.relationship, mapping: e.mapping });
    else if (down === urn && up !== urn) rows.up.push({ urn: up, node: names.get(up), relationship: e.relationship, mapping: e.mapping });
  }
  replace(ups, h('h2', {}, 'Upstream'), neighbourTable(rows.up, 'Nothing upstream names this column.'));
  replace(downs, h('h2', {}, 'Downstream'), neighbourTable(rows.down, 'Nothing downstream names this column.'));
}

function neighbourTable(rows, empty) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', { class: 'kv' },
    h('thead', {}, h('tr', {}, ['Name', 'Type', 'Relationship', 'Transform', 'Confidence', 'Via'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-testid': 'column-neighbour', 'data-urn': r.urn },
      h('td', {}, entityLink(r.urn, displayName(r.urn, r.node?.name))),
      h('td', {}, typeBadge(h, r.node?.entityType ?? r.urn.split(':')[2])),
      h('td', {}, r.relationship),
      h('td', {}, r.mapping?.transformOperation ?? ''),
      h('td', {}, r.mapping?.confidenceScore ?? ''),
      h('td', {}, r.mapping?.via ? entityLink(r.mapping.via) : '')))));
}
