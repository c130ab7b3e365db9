import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
cytoscape.use(dagre);
const els = [{ data: { id: 'r' } }];
let level = ['r'];
for (const w of [10, 7, 6]) {
  const next = [];
  for (const p of level) for (let i = 0; i < w; i++) { const id = `${p}_${i}`; next.push(id); els.push({ data: { id } }, { data: { id: `e${id}`, source: p, target: id } }); }
  level = next;
}
const cy = cytoscape({ headless: true, elements: els, styleEnabled: true, style: [{ selector: 'node', style: { width: 200, height: 36 } }] });
for (let round = 0; round < 3; round++) for (const ranker of ['network-simplex', 'tight-tree', 'longest-path']) {
  const t = performance.now();
  cy.layout({ name: 'dagre', rankDir: 'LR', ranker, nodeSep: 10, rankSep: 90, edgeSep: 6, animate: false }).run();
  console.log(round, ranker, Math.round(performance.now() - t));
}
