// A dataset's columns in the lineage graph: which columns it has (its HasSchemaField edges) and the column edges that
// join them to what else is drawn (other shown columns, the features built from them, the jobs reading them).
import * as api from './api.js';

/** The most columns a dataset shows in the graph; each costs one lineage call for its edges. */
export const COLUMN_LIMIT = 100;

/**
 * Loads the columns of each dataset into data.columns (and data.columnTotals), then each column's one-hop column
 * lineage as side edges: drawn only where both ends are on the screen, never walked, so showing a dataset's columns
 * adds no other entities to the graph.
 */
export async function loadColumns(data, datasets, signal) {
  const pending = datasets.filter((d) => !data.columns.has(d));
  const pages = await Promise.all(pending.map((d) =>
    api.relationships(d, 'OUTGOING', 'HasSchemaField', COLUMN_LIMIT, { signal }).catch((e) => {
      if (e.name === 'AbortError') throw e;
      return { relationships: [], total: 0 };
    })));
  const columns = [];
  pending.forEach((dataset, i) => {
    const urns = (pages[i].relationships ?? []).map((r) => r.entity);
    data.columns.set(dataset, urns);
    data.columnTotals.set(dataset, pages[i].total ?? urns.length);
    columns.push(...urns);
  });
  const answers = await Promise.all(columns.map((urn) =>
    api.lineage(urn, { direction: 'both', maxHops: 1, granularity: 'column', includeRemoved: true }, { signal }).catch((e) => {
      if (e.name === 'AbortError') throw e;
      return null;
    })));
  for (const answer of answers) if (answer) data.mergeSideEdges(answer);
}
