// The impact view: what breaks if an entity changes — everything downstream, why, who to tell, and a CSV of it.
import * as api from './api.js';
import { isColumn } from './columns.js';
import { displayName, entityLink, h, nameOfUrn, notice, replace } from './dom.js';
import { typeBadge, typeLabel } from './entityTypes.js';
import { impactHash, lineageHash, navigate } from './router.js';

const MAX_HOPS = 10;

function hopsOf(route) {
  const n = Number.parseInt(route.params.get('hops') ?? '', 10);
  return Number.isFinite(n) ? Math.min(MAX_HOPS, Math.max(1, n)) : MAX_HOPS;
}

export async function renderImpact(root, route) {
  const urn = route.arg;
  if (!urn) { replace(root, notice('No entity named.', 'error')); return undefined; }
  const hops = hopsOf(route);
  const select = h('select', { id: 'impact-hops', 'data-testid': 'impact-hops' },
    Array.from({ length: MAX_HOPS }, (_, i) => i + 1).map((n) => h('option', { value: String(n), selected: n === hops }, String(n))));
  select.addEventListener('change', () => navigate(impactHash(urn, { hops: select.value })));
  const title = h('h1', {}, 'Impact of ', entityLink(urn, nameOfUrn(urn)));
  const head = h('div', { class: 'impact-head' }, title,
    h('div', { class: 'controls' }, h('label', { for: 'impact-hops' }, 'Up to hops'), select,
      h('a', { class: 'button', href: lineageHash(urn), 'data-testid': 'open-lineage' }, 'Lineage')));
  replace(root, head, notice('Working out what is downstream…'));

  let report;
  try {
    report = await api.impact(urn, hops);
  } catch (e) {
    replace(root, head, notice(`Could not compute the impact: ${e.message}`, 'error'));
    return undefined;
  }
  const rootName = displayName(urn, report.root?.name);
  // A column is not stored on its own (its dataset's schema holds it), so only another entity can be "not found".
  replace(title, 'Impact of ', entityLink(urn, rootName),
    report.root?.exists === false && !isColumn(urn) ? h('span', { class: 'muted small' }, ' (not found)') : '');

  const affected = report.affected ?? [];
  const ownersOf = new Map();
  for (const o of report.owners ?? []) for (const e of o.entities) {
    if (!ownersOf.has(e)) ownersOf.set(e, []);
    ownersOf.get(e).push(o.owner);
  }

  const csvUrl = URL.createObjectURL(new Blob([toCsv(affected, ownersOf)], { type: 'text/csv;charset=utf-8' }));
  const csv = h('a', {
    class: 'button', href: csvUrl, download: `impact-${fileName(rootName)}.csv`, 'data-testid': 'impact-csv',
  }, 'Download CSV');

  const byDegree = groupBy(affected, (a) => a.path?.hops ?? a.entity.degree);
  const groups = [...byDegree.keys()].sort((a, b) => a - b).map((degree) => {
    const byType = groupBy(byDegree.get(degree), (a) => a.entity.entityType);
    return h('section', { class: 'impact-group', 'data-testid': 'impact-group', 'data-degree': degree, 'aria-label': hopText(degree) },
      h('h2', {}, hopText(degree), h('span', { class: 'muted small' }, ` ${byDegree.get(degree).length}`)),
      [...byType.keys()].sort().map((type) => h('div', { class: 'impact-type' },
        h('h3', {}, typeBadge(h, type), h('span', { class: 'muted small' }, ` ${byType.get(type).length}`)),
        h('ul', { class: 'impact-rows' }, byType.get(type).map((a) => row(a, degree, ownersOf))))));
  });

  const counts = Object.entries(report.countsByType ?? {});
  replace(root, head,
    h('section', { class: 'impact-summary', 'aria-label': 'Totals' },
      h('p', { class: 'big' }, h('strong', { 'data-testid': 'impact-total' }, String(report.total ?? affected.length)),
        ` downstream ${report.total === 1 ? 'entity' : 'entities'} within ${hops} hop${hops === 1 ? '' : 's'}`),
      counts.length ? h('ul', { class: 'chips static' }, counts.map(([t, n]) => h('li', { class: 'chip' }, `${typeLabel(t)}: ${n}`))) : null,
      report.deprecated ? h('p', { class: 'flag deprecated' }, `${report.deprecated} deprecated`) : null,
      report.removed ? h('p', { class: 'flag removed' }, `${report.removed} soft-deleted`) : null,
      report.truncated ? h('p', { class: 'notice warn' }, 'The answer was cut at the server’s node limit: there is more downstream.') : null,
      csv),
    affected.length
      ? h('div', { class: 'impact-layout' },
        h('div', { class: 'impact-groups' }, groups),
        h('aside', { class: 'impact-owners', 'aria-label': 'Owners to notify' },
          h('h2', {}, 'Owners to notify'),
          (report.owners ?? []).length
            ? h('ul', { class: 'owner-list' }, report.owners.map((o) => h('li', { class: 'impact-owner', 'data-testid': 'impact-owner', 'data-urn': o.owner },
              h('strong', { title: o.owner }, nameOfUrn(o.owner)), h('span', { class: 'muted small' }, ` owns ${o.entities.length}`),
              h('ul', { class: 'link-list' }, o.entities.map((e) => h('li', {}, entityLink(e)))))))
            : h('p', { class: 'muted' }, 'None of the affected entities has an owner.')))
      : h('p', { class: 'empty' }, 'Nothing is downstream: a change here breaks nothing that Lineage knows of.'));

  return () => URL.revokeObjectURL(csvUrl);
}

function row(a, degree, ownersOf) {
  const e = a.entity;
  const urns = a.path?.urns ?? [];
  const rels = a.path?.relationships ?? [];
  const path = urns.flatMap((u, i) => [
    i > 0 ? h('span', { class: 'rel' }, `→ ${rels[i - 1]} →`) : null,
    entityLink(u),
  ]);
  return h('li', { class: 'impact-row', 'data-testid': 'impact-row', 'data-urn': e.urn, 'data-degree': degree },
    h('div', { class: 'row-title' }, entityLink(e.urn, displayName(e.urn, e.name)),
      e.deprecated ? h('span', { class: 'flag deprecated' }, 'deprecated') : null,
      e.removed ? h('span', { class: 'flag removed' }, 'soft-deleted') : null,
      (ownersOf.get(e.urn) ?? []).length ? h('span', { class: 'muted small' }, ` · ${ownersOf.get(e.urn).map(nameOfUrn).join(', ')}`) : null),
    h('div', { class: 'path', 'aria-label': 'Why: the path from the changed entity' }, path));
}

function hopText(degree) {
  return degree === 1 ? '1 hop (direct)' : `${degree} hops`;
}

function groupBy(items, key) {
  const map = new Map();
  for (const item of items) {
    const k = key(item);
    if (!map.has(k)) map.set(k, []);
    map.get(k).push(item);
  }
  return map;
}

/** The affected list as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled). */
export function toCsv(affected, ownersOf) {
  const lines = [['degree', 'entityType', 'urn', 'name', 'path', 'owners']];
  for (const a of affected) {
    const urns = a.path?.urns ?? [];
    const rels = a.path?.relationships ?? [];
    const path = urns.map((u, i) => (i > 0 ? ` -[${rels[i - 1]}]-> ${u}` : u)).join('');
    lines.push([a.path?.hops ?? a.entity.degree, a.entity.entityType, a.entity.urn, displayName(a.entity.urn, a.entity.name), path,
      (ownersOf.get(a.entity.urn) ?? []).join(';')]);
  }
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value) {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function fileName(name) {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'entity';
}
