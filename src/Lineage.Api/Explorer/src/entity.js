// The entity page: what an entity is, who owns it, how it is tagged, what it links to, and each aspect's history.
import * as api from './api.js';
import { fieldsOf } from './column.js';
import { entityLink, h, nameOfUrn, notice, platformName, replace, typeOfUrn, when } from './dom.js';
import { typeBadge } from './entityTypes.js';
import { impactHash, lineageHash, searchHash } from './router.js';

/** The latest value of an aspect, or undefined. */
const value = (entity, name) => entity?.[name]?.value;

/** The entity's main properties aspect: mlModelProperties, datasetProperties, dataJobInfo, … */
function propertiesOf(entity, type) {
  for (const name of [`${type}Properties`, `${type}Info`]) if (value(entity, name)) return value(entity, name);
  const other = Object.keys(entity).find((k) => /(Properties|Info)$/.test(k) && !k.startsWith('editable') && !k.endsWith('EditableInfo'));
  return other ? value(entity, other) : undefined;
}

/** The aspect people edit in the UI (editable…Properties), whose description wins over the ingested one. */
function editableOf(entity) {
  const name = Object.keys(entity).find((k) => /^editable.*(Properties|Info)$/.test(k) || k.endsWith('EditableInfo'));
  return name ? value(entity, name) : undefined;
}

function keyOf(entity, type) {
  return value(entity, `${type}Key`) ?? {};
}

/** A section with a heading, its data-testid, and its content (or a muted "None"). */
function section(testid, title, content, { empty = 'None', cls = '' } = {}) {
  const hasContent = Array.isArray(content) ? content.length > 0 : Boolean(content);
  return h('section', { class: `section ${cls}`, 'data-testid': testid, 'aria-label': title },
    h('h2', {}, title),
    hasContent ? content : h('p', { class: 'muted' }, empty));
}

function urnList(urns, link = (u) => entityLink(u)) {
  const unique = [...new Set((urns ?? []).filter(Boolean))];
  return unique.length ? h('ul', { class: 'link-list' }, unique.map((u) => h('li', {}, link(u)))) : null;
}

/** A link to the results page filtered by one facet value, carrying the value's urn. */
function facetLink(key, urn, label = nameOfUrn(urn)) {
  return h('a', { href: searchHash({ q: '*', [key]: urn }), 'data-urn': urn, title: urn }, label);
}

function table(headers, rows) {
  return rows.length
    ? h('table', { class: 'kv' }, h('thead', {}, h('tr', {}, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c ?? ''))))))
    : null;
}

function show(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') {
    // hyperParameters values are unions: {"float": 0.1}
    const keys = Object.keys(v);
    return keys.length === 1 && typeof v[keys[0]] !== 'object' ? String(v[keys[0]]) : JSON.stringify(v);
  }
  return String(v);
}

export async function renderEntity(root, route) {
  const urn = route.arg;
  if (!urn) { replace(root, notFound('')); return; }
  const type = typeOfUrn(urn);
  replace(root, notice('Loading…'));

  let entity;
  try {
    entity = await api.entity(urn);
  } catch (e) {
    replace(root, e.status === 404 || e.status === 400 ? notFound(urn) : notice(`Could not load ${urn}: ${e.message}`, 'error'));
    return;
  }
  const aspectNames = Object.keys(entity).filter((k) => k !== 'urn');
  if (!aspectNames.length) { replace(root, notFound(urn)); return; }

  const props = propertiesOf(entity, type) ?? {};
  const editable = editableOf(entity) ?? {};
  const key = keyOf(entity, type);
  const name = editable.name || props.name || props.displayName || key.name || nameOfUrn(urn);
  const platform = key.platform ?? value(entity, 'dataPlatformInstance')?.platform ?? props.platform;
  const origin = key.origin ?? key.env;
  const description = editable.description || props.description || '';
  const deprecation = value(entity, 'deprecation');
  const removed = value(entity, 'status')?.removed === true;

  const header = h('header', { class: 'entity-header' },
    h('div', { class: 'entity-title' },
      h('h1', { 'data-testid': 'entity-name', class: deprecation?.deprecated ? 'deprecated' : '' }, name),
      h('span', { 'data-testid': 'entity-type', 'data-type': type }, typeBadge(h, type), ' ', h('code', { class: 'type-name' }, type))),
    h('dl', { class: 'facts' },
      platform ? [h('dt', {}, 'Platform'), h('dd', { 'data-testid': 'entity-platform' }, platformName(platform))] : null,
      origin ? [h('dt', {}, 'Origin'), h('dd', { 'data-testid': 'entity-origin' }, origin)] : null,
      h('dt', {}, 'URN'), h('dd', { class: 'urn' }, urn)),
    h('nav', { class: 'entity-actions', 'aria-label': 'Views of this entity' },
      h('a', { class: 'button', href: lineageHash(urn), 'data-testid': 'open-lineage' }, 'Lineage'),
      h('a', { class: 'button', href: impactHash(urn), 'data-testid': 'open-impact' }, 'Impact')));

  const banners = [
    removed ? h('p', { class: 'banner removed', role: 'note' }, 'This entity is soft-deleted (status.removed).') : null,
    deprecation?.deprecated ? h('section', { class: 'banner deprecated', 'data-testid': 'section-deprecation', 'aria-label': 'Deprecation' },
      h('strong', {}, 'Deprecated. '), deprecation.note || 'No note given.',
      deprecation.decommissionTime ? ` Decommission: ${when(deprecation.decommissionTime)}.` : '',
      deprecation.actor ? [' (', facetLink('owner', deprecation.actor), ')'] : '',
      deprecation.replacement ? [' Use instead: ', entityLink(deprecation.replacement)] : '') : null,
  ];

  const main = [
    h('section', { class: 'section description', 'aria-label': 'Description' },
      h('h2', {}, 'Description'),
      h('p', { 'data-testid': 'entity-description', class: description ? '' : 'muted' }, description || 'No description.')),
    ...typeSections(type, props),
    type === 'dataset' ? columnsSection(urn, entity) : null,
    section('section-properties', 'Custom properties',
      table(['Name', 'Value'], Object.entries(props.customProperties ?? {}).map(([k, v]) => [k, show(v)]))),
  ];

  const models = type === 'mlModelGroup'
    ? section('section-models', 'Models in this group', notice('Loading…'))
    : null;
  if (models) main.push(models);
  const run = type === 'dataProcessInstance' ? runSection(entity, props) : null;
  if (run) main.splice(1, 0, run);

  const history = section('section-history', 'Aspect history', notice('Loading…'));
  main.push(history);

  const owners = value(entity, 'ownership')?.owners ?? [];
  const side = [
    section('section-owners', 'Owners', owners.length ? h('ul', { class: 'link-list' }, owners.map((o) => h('li', {},
      facetLink('owner', o.owner), o.type ? h('span', { class: 'muted small' }, ` ${o.type.replaceAll('_', ' ').toLowerCase()}`) : ''))) : null),
    section('section-tags', 'Tags', urnList((value(entity, 'globalTags')?.tags ?? []).map((t) => t.tag), (u) => facetLink('tag', u))),
    section('section-terms', 'Glossary terms', urnList((value(entity, 'glossaryTerms')?.terms ?? []).map((t) => t.urn), (u) => facetLink('term', u))),
    section('section-domain', 'Domain', urnList(value(entity, 'domains')?.domains, (u) => facetLink('domain', u))),
    deprecation?.deprecated ? null : section('section-deprecation', 'Deprecation', null, { empty: 'Not deprecated' }),
    section('section-links', 'Links', (value(entity, 'institutionalMemory')?.elements ?? []).length
      ? h('ul', { class: 'link-list' }, value(entity, 'institutionalMemory').elements.map((e) => h('li', {},
        h('a', { href: safeUrl(e.url), target: '_blank', rel: 'noopener noreferrer' }, e.description || e.url))))
      : null),
  ];

  replace(root, header, banners, h('div', { class: 'entity-layout' }, h('div', { class: 'entity-main' }, main), h('aside', { class: 'entity-side' }, side)));

  if (models) loadModels(models, urn);
  if (run) loadRunState(run, urn);
  loadHistory(history, urn, entity, aspectNames);
}

/** Sections only some types have: model metrics and hyper-parameters, features, keys, groups, sources. */
function typeSections(type, props) {
  const out = [];
  if (type === 'mlModel') {
    const metrics = [...(props.trainingMetrics ?? []), ...(props.onlineMetrics ?? [])];
    out.push(section('section-metrics', 'Metrics', table(['Name', 'Value', 'Description'], metrics.map((m) => [m.name, show(m.value), m.description]))));
    const params = [
      ...(props.hyperParams ?? []).map((p) => [p.name, show(p.value), p.description]),
      ...Object.entries(props.hyperParameters ?? {}).map(([k, v]) => [k, show(v), '']),
    ];
    out.push(section('section-hyperparams', 'Hyper-parameters', table(['Name', 'Value', 'Description'], params)));
    out.push(section('section-features', 'Features', urnList(props.mlFeatures)));
    out.push(section('section-groups', 'Groups', urnList(props.groups)));
  }
  if (type === 'mlFeatureTable') {
    out.push(section('section-features', 'Features', urnList(props.mlFeatures)));
    out.push(section('section-keys', 'Primary keys', urnList(props.mlPrimaryKeys)));
  }
  if (type === 'mlFeature' || type === 'mlPrimaryKey') {
    if (props.dataType) out.push(h('p', { class: 'fact' }, h('strong', {}, 'Data type: '), props.dataType));
    out.push(section('section-sources', 'Sources', urnList(props.sources)));
  }
  return out;
}

/** A dataset's columns from its schema, each a link to its page, and a way to see them in the lineage graph. */
function columnsSection(urn, entity) {
  const fields = fieldsOf(entity);
  return section('section-columns', 'Columns', fields.length ? [
    h('table', { class: 'kv' },
      h('thead', {}, h('tr', {}, ['Column', 'Type', 'Description'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, fields.map((f) => h('tr', {},
        h('td', {}, entityLink(f.urn, f.fieldPath, { 'data-testid': 'dataset-column' })), h('td', {}, f.type), h('td', {}, f.description))))),
    h('p', { class: 'small section-foot' }, h('a', { href: lineageHash(urn, { columns: urn }), 'data-testid': 'open-lineage-columns' }, 'Show the columns in the lineage graph')),
  ] : null, { empty: 'No schema.' });
}

/**
 * A run (dataProcessInstance): its state from the run events, when it ran, the experiment (its container) and the
 * job it is a run of, its metrics and parameters (mlTrainingRunProperties), and what it read and wrote.
 */
function runSection(entity, props) {
  const training = value(entity, 'mlTrainingRunProperties') ?? {};
  const relations = value(entity, 'dataProcessInstanceRelationships') ?? {};
  const input = value(entity, 'dataProcessInstanceInput') ?? {};
  const output = value(entity, 'dataProcessInstanceOutput') ?? {};
  const experiment = value(entity, 'container')?.container;
  const edges = (list) => (list ?? []).map((e) => e.destinationUrn);
  return h('div', { class: 'run' },
    section('section-run', 'Run', h('dl', { class: 'facts' },
      h('dt', {}, 'State'), h('dd', { 'data-testid': 'run-state' }, notice('Loading…')),
      props.created?.time ? [h('dt', {}, 'Started'), h('dd', { 'data-testid': 'run-started' }, when(props.created.time))] : null,
      experiment ? [h('dt', {}, 'Experiment'), h('dd', { 'data-testid': 'run-experiment' }, entityLink(experiment))] : null,
      relations.parentTemplate ? [h('dt', {}, 'Run of'), h('dd', { 'data-testid': 'run-template' }, entityLink(relations.parentTemplate))] : null,
      training.id ? [h('dt', {}, 'Run id'), h('dd', {}, h('code', {}, training.id))] : null)),
    section('section-run-metrics', 'Metrics', table(['Name', 'Value', 'Description'],
      (training.trainingMetrics ?? []).map((m) => [m.name, show(m.value), m.description]))),
    section('section-run-params', 'Parameters', table(['Name', 'Value', 'Description'],
      (training.hyperParams ?? []).map((p) => [p.name, show(p.value), p.description]))),
    section('section-run-inputs', 'Inputs', urnList([...(input.inputs ?? []), ...edges(input.inputEdges)])),
    section('section-run-outputs', 'Outputs', urnList([...(output.outputs ?? []), ...edges(output.outputEdges)])));
}

/** The latest run event says where the run is: started, or complete with its result and how long it took. */
async function loadRunState(host, urn) {
  const target = host.querySelector('[data-testid="run-state"]');
  try {
    const [latest] = await api.timeseries(urn, 'dataProcessInstanceRunEvent', 1);
    if (!latest) { replace(target, h('span', { class: 'muted' }, 'No run events')); return; }
    const result = latest.result?.type ? ` · ${latest.result.type.toLowerCase()}` : '';
    const took = latest.durationMillis ? ` · ${(latest.durationMillis / 1000).toFixed(1)} s` : '';
    replace(target, h('span', { 'data-state': latest.status }, `${latest.status.toLowerCase()}${result}${took}`),
      h('span', { class: 'muted small' }, ` (${when(latest.timestampMillis)})`));
  } catch (e) {
    replace(target, notice(`Could not load the run events: ${e.message}`, 'error'));
  }
}

async function loadModels(host, urn) {
  try {
    const page = await api.relationships(urn, 'INCOMING', 'MemberOf');
    const urns = (page.relationships ?? []).map((r) => r.entity);
    replace(host, h('h2', {}, 'Models in this group'),
      urns.length ? urnList(urns) : h('p', { class: 'muted' }, 'No models'),
      page.total > urns.length ? h('p', { class: 'muted' }, `${urns.length} of ${page.total} shown`) : null);
  } catch (e) {
    replace(host, h('h2', {}, 'Models in this group'), notice(`Could not load the models: ${e.message}`, 'error'));
  }
}

async function loadHistory(host, urn, entity, aspectNames) {
  const title = h('h2', {}, 'Aspect history');
  let answer;
  try {
    answer = await api.history(urn);
  } catch (e) {
    // The history endpoint may be missing (older service): say so, and still show each aspect's current value.
    replace(host, title,
      h('p', { class: 'muted', 'data-testid': 'history-unavailable' }, e.status === 404 ? 'History unavailable.' : `History unavailable: ${e.message}`),
      aspectNames.map((name) => h('details', { class: 'aspect', 'data-aspect': name },
        h('summary', {}, h('code', {}, name), entity[name]?.systemMetadata?.version ? h('span', { class: 'muted small' }, ` version ${entity[name].systemMetadata.version}`) : ''),
        h('pre', { class: 'json' }, JSON.stringify(entity[name]?.value, null, 2)))));
    return;
  }
  const aspects = answer.aspects ?? [];
  replace(host, title, aspects.length ? aspects.map((a) => {
    const versions = a.versions ?? [];
    const latest = versions[0];
    return h('details', { class: 'aspect', 'data-aspect': a.name },
      h('summary', {}, h('code', {}, a.name),
        h('span', { class: 'muted small' }, ` ${versions.length} version${versions.length === 1 ? '' : 's'}`,
          latest?.createdAt ? `, last changed ${when(latest.createdAt)}` : '', latest?.createdBy ? ` by ${nameOfUrn(latest.createdBy)}` : '')),
      h('table', { class: 'kv history' },
        h('thead', {}, h('tr', {}, ['Version', 'Revision', 'When', 'By', 'Value'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, versions.map((v) => h('tr', { 'data-version': v.version },
          h('td', {}, v.version === 0 ? '0 (latest)' : String(v.version)),
          h('td', {}, v.revision ?? ''),
          h('td', {}, when(v.createdAt)),
          h('td', {}, v.createdBy ? h('span', { title: v.createdBy }, nameOfUrn(v.createdBy)) : ''),
          h('td', {}, h('details', {}, h('summary', {}, 'value'), h('pre', { class: 'json' }, JSON.stringify(v.value, null, 2)))))))));
  }) : h('p', { class: 'muted' }, 'No history recorded.'));
}

function notFound(urn) {
  return h('section', { class: 'not-found', 'data-testid': 'entity-not-found' },
    h('h1', {}, 'Entity not found'),
    h('p', {}, urn ? ['Nothing is stored for ', h('code', {}, urn), '.'] : 'No entity was named.'),
    h('p', {}, h('a', { href: '#/' }, 'Home')));
}

function safeUrl(url) {
  // Links come from metadata; only web and mail links are followed.
  return /^(https?:|mailto:)/i.test(url ?? '') ? url : '#';
}
