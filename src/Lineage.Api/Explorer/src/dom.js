// Small DOM helpers: element creation, urn display names, links to entity pages.
import { columnOf, isColumn } from './columns.js';
import { entityHash } from './router.js';

/** Creates an element: attrs may hold class, text, on<Event> handlers and any attribute; children may nest. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** The entity type named by an urn: urn:li:<type>:… */
export function typeOfUrn(urn) {
  return /^urn:li:([^:]+):/.exec(urn)?.[1] ?? 'unknown';
}

/**
 * A readable name from the urn alone (the key's name part), for when nothing better is loaded. A column reads as
 * <dataset>.<fieldPath>: its field path alone (country) would not say which table it is in.
 */
export function nameOfUrn(urn) {
  const column = columnOf(urn);
  if (column) return `${nameOfUrn(column.dataset)}.${column.fieldPath}`;
  const key = urn.replace(/^urn:li:[^:]+:/, '');
  if (!key.startsWith('(')) return key;
  // Split the tuple at top-level commas only: parts may themselves be urns with tuples.
  const parts = [];
  let depth = 0, start = 1;
  for (let i = 1; i < key.length; i++) {
    const c = key[i];
    if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) { parts.push(key.slice(start, i)); break; }
    else if (c === ',' && depth === 0) { parts.push(key.slice(start, i)); start = i + 1; }
  }
  const plain = parts.filter((p) => !p.startsWith('urn:') && !/^(PROD|DEV|QA|TEST|UAT|EI|PRE|STG|NON_PROD|CORP|RVW|PRD|TST|SIT|SBX|SANDBOX)$/.test(p));
  return plain.at(-1) ?? parts.at(-1) ?? key;
}

/**
 * The name to show for an entity the service named: its name, else one from its urn. A column keeps its dataset in
 * front, as the service names a column by its field path alone.
 */
export function displayName(urn, name) {
  return isColumn(urn) ? nameOfUrn(urn) : name ?? nameOfUrn(urn);
}

/** A platform urn's short name: urn:li:dataPlatform:feast → feast. */
export function platformName(platform) {
  return platform ? platform.replace(/^urn:li:dataPlatform:/, '') : '';
}

/** A link to an entity's page, carrying data-urn. */
export function entityLink(urn, label = nameOfUrn(urn), attrs = {}) {
  return h('a', { href: entityHash(urn), 'data-urn': urn, title: urn, ...attrs }, label);
}

/** A formatted date and time from epoch milliseconds or an ISO string. */
export function when(value) {
  if (value === undefined || value === null || value === '') return '';
  const d = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString();
}

/**
 * The text with the matched part wrapped in <mark>: the typed text where it occurs whole, else each typed word
 * where it starts a word of the text (autocomplete also matches word prefixes: "churn mod" → "Churn model").
 */
export function highlight(text, part) {
  const needle = (part ?? '').trim().toLowerCase();
  if (!needle) return [text];
  const hay = text.toLowerCase();
  const whole = hay.indexOf(needle);
  const ranges = [];
  if (whole >= 0) ranges.push([whole, whole + needle.length]);
  else {
    for (const word of needle.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
      const at = wordStart(hay, word, ranges);
      if (at >= 0) ranges.push([at, at + word.length]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
  }
  const out = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) out.push(text.slice(at, from));
    out.push(h('mark', {}, text.slice(from, to)));
    at = to;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Where `word` starts a word of `hay` (after a separator or a lower-to-upper case change) outside taken ranges. */
function wordStart(hay, word, taken) {
  for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) {
    const boundary = i === 0 || /[^\p{L}\p{N}]/u.test(hay[i - 1]);
    if (boundary && !taken.some(([a, b]) => i < b && i + word.length > a)) return i;
  }
  for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) {
    if (!taken.some(([a, b]) => i < b && i + word.length > a)) return i;
  }
  return -1;
}

/** A status line for loading and errors inside a view. */
export function notice(text, kind = 'info') {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}
