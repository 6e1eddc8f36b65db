// The index page: filters, sorting and paging over window.GOVDOCS_INDEX.rows, all in the browser,
// so the page opens from disk. Only one page of rows is in the DOM at a time; filter and sort
// state live in the URL fragment, so the back button from a document returns to the same view.
(() => {
  var PAGE = 100;
  var F = {
    file: 0,
    code: 1,
    region: 2,
    place: 3,
    year: 4,
    kind: 5,
    dept: 6,
    title: 7,
    tables: 8,
    facts: 9,
    errors: 10,
    warnings: 11,
    infos: 12,
    families: 13,
    path: 14,
  };
  var rows = window.GOVDOCS_INDEX?.rows || [];
  var form = document.getElementById('filters');
  var body = document.querySelector('#documents tbody');
  var status = document.getElementById('status');
  var pager = document.querySelector('#pager span');
  var state = { region: '', year: '', kind: '', family: '', text: '', sort: F.region, dir: 1, page: 0 };
  var view = rows;

  function fill(name, values) {
    var select = form.elements[name];
    values.forEach((v) => {
      var o = document.createElement('option');
      o.value = o.textContent = v;
      select.appendChild(o);
    });
  }
  function distinct(i, split) {
    var seen = {};
    rows.forEach((r) => {
      (split ? String(r[i]).split(' ') : [r[i]]).forEach((v) => {
        if (v !== '' && v !== null) seen[v] = 1;
      });
    });
    return Object.keys(seen).sort();
  }
  fill('year', distinct(F.year).reverse());
  fill('kind', distinct(F.kind));
  fill('family', distinct(F.families, true));

  function readHash() {
    var h = new URLSearchParams(location.hash.slice(1));
    ['region', 'year', 'kind', 'family', 'text'].forEach((k) => {
      state[k] = h.get(k) || '';
      if (form.elements[k]) form.elements[k].value = state[k];
    });
    state.sort = h.has('sort') ? Number(h.get('sort')) : F.region;
    state.dir = h.get('dir') === '-1' ? -1 : 1;
    state.page = Number(h.get('page') || 0);
  }
  function writeHash() {
    var h = new URLSearchParams();
    ['region', 'year', 'kind', 'family', 'text'].forEach((k) => {
      if (state[k]) h.set(k, state[k]);
    });
    h.set('sort', state.sort);
    h.set('dir', state.dir);
    if (state.page) h.set('page', state.page);
    history.replaceState(null, '', `#${h.toString()}`);
  }
  function matches(r) {
    if (state.region) {
      const q = state.region.toLowerCase();
      if (`${r[F.code]} ${r[F.region]} ${r[F.place]}`.toLowerCase().indexOf(q) < 0) return false;
    }
    if (state.year && String(r[F.year]) !== state.year) return false;
    if (state.kind && r[F.kind] !== state.kind) return false;
    if (state.family === '-' && r[F.families]) return false;
    if (state.family && state.family !== '-' && ` ${r[F.families]} `.indexOf(` ${state.family} `) < 0) return false;
    if (state.text) {
      const t = state.text.toLowerCase();
      if (`${r[F.dept]} ${r[F.title]} ${r[F.path]}`.toLowerCase().indexOf(t) < 0) return false;
    }
    return true;
  }
  function compare(a, b) {
    var x = a[state.sort],
      y = b[state.sort];
    if (x === y) return a[F.file] < b[F.file] ? -1 : 1;
    if (x === null || x === '') return 1;
    if (y === null || y === '') return -1;
    return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * state.dir;
  }
  function cell(text, cls) {
    var td = document.createElement('td');
    td.textContent = text === null ? '—' : text;
    if (cls) td.className = cls;
    return td;
  }
  function render() {
    view = rows.filter(matches).sort(compare);
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    state.page = Math.min(Math.max(0, state.page), pages - 1);
    body.textContent = '';
    view.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach((r) => {
      var tr = document.createElement('tr');
      var region = cell('');
      var a = document.createElement('a');
      a.href = `docs/${r[F.file]}`;
      a.textContent = (r[F.region] || '(no region)') + (r[F.code] ? ` ${r[F.code]}` : '');
      a.title = r[F.path];
      region.appendChild(a);
      tr.appendChild(region);
      tr.appendChild(cell(r[F.year], 'n'));
      tr.appendChild(cell(r[F.kind]));
      var dept = cell(r[F.dept] || r[F.title]);
      dept.title = r[F.title];
      tr.appendChild(dept);
      tr.appendChild(cell(r[F.tables], 'n'));
      tr.appendChild(cell(r[F.facts], 'n'));
      tr.appendChild(cell(r[F.errors], r[F.errors] ? 'n err' : 'n'));
      tr.appendChild(cell(r[F.warnings], r[F.warnings] ? 'n warn' : 'n'));
      tr.appendChild(cell(r[F.infos], 'n'));
      tr.appendChild(cell(r[F.families]));
      body.appendChild(tr);
    });
    status.textContent = `${view.length} of ${rows.length} documents`;
    pager.textContent = `page ${state.page + 1} of ${pages}`;
    document.querySelectorAll('#documents th').forEach((th) => {
      th.className = Number(th.dataset.sort) === state.sort ? (state.dir > 0 ? 'asc' : 'desc') : '';
    });
    writeHash();
  }
  form.addEventListener('input', (e) => {
    state[e.target.name] = e.target.value;
    state.page = 0;
    render();
  });
  document.querySelectorAll('#documents th').forEach((th) => {
    th.addEventListener('click', () => {
      var i = Number(th.dataset.sort);
      state.dir = state.sort === i ? -state.dir : 1;
      state.sort = i;
      state.page = 0;
      render();
    });
  });
  document.querySelectorAll('#pager button').forEach((b) => {
    b.addEventListener('click', () => {
      state.page += Number(b.dataset.go);
      render();
    });
  });
  readHash();
  render();
})();
