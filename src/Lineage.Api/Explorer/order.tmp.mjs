import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
cytoscape.use(dagre);
function run(label, nodes, edges) {
  const cy = cytoscape({ headless: true, elements: [...nodes, ...edges], styleEnabled: true, style: [{ selector: 'node', style: { width: 200, height: 36 } }] });
  cy.layout({ name: 'dagre', rankDir: 'LR', nodeSep: 10, rankSep: 90, animate: false }).run();
  console.log(label, cy.nodes().sort((a, b) => a.position('y') - b.position('y')).map((n) => n.id()).join(' '));
}
const kids = Array.from({ length: 5 }, (_, i) => `c${i}`);
const n = (id) => ({ data: { id } }); const e = (s, t) => ({ data: { id: `${s}>${t}`, source: s, target: t } });
run('asc', [n('r'), ...kids.map(n), n('more')], [...kids.map((k) => e('r', k)), e('r', 'more')]);
run('rev', [n('r'), n('more'), ...[...kids].reverse().map(n)], [e('r', 'more'), ...[...kids].reverse().map((k) => e('r', k))]);
run('revnodes', [n('r'), n('more'), ...[...kids].reverse().map(n)], [...kids.map((k) => e('r', k)), e('r', 'more')]);
