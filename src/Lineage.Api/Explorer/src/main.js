// The explorer's entry point: mounts the header search box and routes the hash to the views.
import { renderColumn } from './column.js';
import { isColumn } from './columns.js';
import { h, notice, replace } from './dom.js';
import { renderEntity } from './entity.js';
import { renderHome } from './home.js';
import { renderImpact } from './impact.js';
import { renderLineage } from './lineage.js';
import { startRouter } from './router.js';
import { mountSearchBox, renderSearch } from './search.js';

const box = mountSearchBox(document.querySelector('.search-box'));

startRouter(document.getElementById('view'), {
  home: (root) => renderHome(root),
  search: (root, route) => {
    box.setQuery(route.params.get('q') === '*' ? '' : route.params.get('q') ?? '');
    return renderSearch(root, route);
  },
  // A column has no aspects of its own to show: its page is drawn from its dataset's schema and its lineage.
  entity: (root, route) => (isColumn(route.arg) ? renderColumn(root, route) : renderEntity(root, route)),
  lineage: (root, route) => renderLineage(root, route),
  impact: (root, route) => renderImpact(root, route),
  notFound: (root) => {
    replace(root, h('h1', {}, 'Page not found'), notice('There is no such page.', 'error'), h('p', {}, h('a', { href: '#/' }, 'Home')));
  },
});
