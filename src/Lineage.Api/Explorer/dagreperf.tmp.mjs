import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
cytoscape.use(dagre);
for (const n of [100, 300, 600, 1000]) {
  const els = [{ data: { id: 'root' } }];
  for (let i = 0; i < n; i++) { els.push({ data: { id: 'f' + i } }, { data: { id: 'e' + i, source: 'root', target: 'f' + i } }); }
  els.push({ data: { id: 'T' } });
  for (let i = 0; i < n * 0.8; i++) els.push({ data: { id: 't' + i, source: 'f' + i, target: 'T' } });
  const cy = cytoscape({ headless: true, elements: els, styleEnabled: true, style: [{ selector: 'node', style: { width: 200, height: 36 } }] });
  for (const ranker of ['network-simplex', 'tight-tree', 'longest-path']) {
    const t = performance.now();
    cy.layout({ name: 'dagre', rankDir: 'LR', ranker, nodeSep: 10, rankSep: 90, animate: false }).run();
    console.log(n, ranker, Math.round(performance.now() - t));
  }
}
