// Columns as urns: urn:li:schemaField:(<dataset urn>,<fieldPath>). A column's dataset is in its urn, so the page and
// the graph can name and group a column without asking the service (which stores no aspect of a column of its own).

const START = 'urn:li:schemaField:(';

export const isColumn = (urn) => typeof urn === 'string' && urn.startsWith(START);

/**
 * The dataset and field path of a column urn, or null when the urn is not a column. The dataset ends at the first
 * comma outside parentheses (the dataset's own commas are inside its tuple); the field path is decoded as the service
 * encodes key text (only , ( and ) are escaped, as %2C %28 %29: Lineage.Graph's UrnText).
 */
export function columnOf(urn) {
  if (!isColumn(urn) || !urn.endsWith(')')) return null;
  let depth = 0;
  for (let i = START.length; i < urn.length; i++) {
    const c = urn[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      return { dataset: urn.slice(START.length, i), fieldPath: unescapeKey(urn.slice(i + 1, -1)) };
    }
  }
  return null;
}

/** A column's urn from its dataset and field path, escaped as the service builds it (so it matches HasSchemaField's). */
export function columnUrn(dataset, fieldPath) {
  return `${START}${dataset},${escapeKey(fieldPath)})`;
}

function escapeKey(text) {
  return text.replaceAll(',', '%2C').replaceAll('(', '%28').replaceAll(')', '%29');
}

function unescapeKey(text) {
  return text.replace(/%2C/gi, ',').replace(/%28/gi, '(').replace(/%29/gi, ')');
}
