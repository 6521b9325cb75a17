/**
 * The report's script (plain ES2017, no libraries, no network): filters cards by verdict, category,
 * failure reason and text; sorts them; keeps the state in the URL hash so a filtered view can be
 * shared; toggles the subject outline and the fabric marks (left-out regions, swatch point); opens a
 * larger preview on click.
 */
export const QC_REPORT_SCRIPT = `
(function () {
  var grid = document.getElementById('cards');
  var cards = Array.prototype.slice.call(grid.querySelectorAll('article.card'));
  var state = { verdict: 'all', category: '', reason: '', q: '', sort: 'worst' };
  var $ = function (id) { return document.getElementById(id); };
  var defaults = { verdict: 'all', category: '', reason: '', q: '', sort: 'worst' };
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    Object.keys(defaults).forEach(function (k) { state[k] = p.has(k) ? p.get(k) : defaults[k]; });
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (state.verdict !== 'all') p.set('verdict', state.verdict);
    if (state.category) p.set('category', state.category);
    if (state.reason) p.set('reason', state.reason);
    if (state.q) p.set('q', state.q);
    if (state.sort !== 'worst') p.set('sort', state.sort);
    var s = p.toString();
    history.replaceState(null, '', s ? '#' + s : location.pathname + location.search);
  }
  function num(card, key, missing) { var v = card.dataset[key]; return v === '' || v === undefined ? missing : parseFloat(v); }
  var sorters = {
    worst: function (a, b) { return a.dataset.rank - b.dataset.rank || b.dataset.fails - a.dataset.fails || a.dataset.order - b.dataset.order; },
    file: function (a, b) { return a.dataset.file < b.dataset.file ? -1 : a.dataset.file > b.dataset.file ? 1 : a.dataset.order - b.dataset.order; },
    sku: function (a, b) { return a.dataset.sku < b.dataset.sku ? -1 : a.dataset.sku > b.dataset.sku ? 1 : a.dataset.order - b.dataset.order; },
    'de-desc': function (a, b) { return num(b, 'de', -1) - num(a, 'de', -1) || a.dataset.order - b.dataset.order; },
    'blur-desc': function (a, b) { return num(b, 'blur', -Infinity) - num(a, 'blur', -Infinity) || a.dataset.order - b.dataset.order; },
    category: function (a, b) { return a.dataset.category < b.dataset.category ? -1 : a.dataset.category > b.dataset.category ? 1 : a.dataset.rank - b.dataset.rank || a.dataset.order - b.dataset.order; }
  };
  function visible(card) {
    if (state.verdict !== 'all' && card.dataset.verdict !== state.verdict) return false;
    if (state.category && card.dataset.category !== state.category) return false;
    if (state.reason && (' ' + card.dataset.reasons + ' ').indexOf(' ' + state.reason + ' ') < 0) return false;
    if (state.q) {
      var q = state.q.toLowerCase();
      if (card.dataset.file.indexOf(q) < 0 && card.dataset.sku.indexOf(q) < 0) return false;
    }
    return true;
  }
  var sortedBy = null;
  function apply() {
    var shown = 0;
    if (sortedBy !== state.sort) {
      // Reordering moves every card: only when the sort changes, not on every filter.
      cards.sort(sorters[state.sort] || sorters.worst);
      var frag = document.createDocumentFragment();
      cards.forEach(function (card) { frag.appendChild(card); });
      grid.appendChild(frag);
      sortedBy = state.sort;
    }
    cards.forEach(function (card) {
      var v = visible(card);
      if (card.hidden === v) card.hidden = !v;
      if (v) shown++;
    });
    $('showing').textContent = 'Showing ' + shown + ' of ' + cards.length;
    $('empty').hidden = shown !== 0;
    Array.prototype.forEach.call(document.querySelectorAll('.chip[data-verdict]'), function (chip) {
      chip.setAttribute('aria-pressed', String(chip.dataset.verdict === state.verdict));
    });
    $('f-category').value = state.category;
    $('f-reason').value = state.reason;
    $('f-sort').value = state.sort;
    if ($('f-q').value !== state.q) $('f-q').value = state.q;
    writeHash();
  }
  function set(key, value) { state[key] = value; apply(); }
  function focusList() { var bar = document.querySelector('.toolbar'); if (bar.getBoundingClientRect().top > 80) bar.scrollIntoView({ behavior: 'smooth' }); }
  document.addEventListener('click', function (e) {
    var t = e.target.closest('[data-set-verdict],[data-set-category],[data-set-reason],.chip[data-verdict],.thumb,.reset');
    if (!t) return;
    if (t.classList.contains('reset')) { state = { verdict: 'all', category: '', reason: '', q: '', sort: state.sort }; apply(); return; }
    if (t.classList.contains('chip')) return set('verdict', t.dataset.verdict);
    if (t.dataset.setVerdict) { state.verdict = t.dataset.setVerdict; state.reason = ''; apply(); return focusList(); }
    if (t.dataset.setCategory !== undefined) { state.category = t.dataset.setCategory; apply(); return focusList(); }
    if (t.dataset.setReason) { state.reason = t.dataset.setReason; state.verdict = 'all'; apply(); return focusList(); }
    if (t.classList.contains('thumb') && !t.classList.contains('empty')) {
      var dialog = $('zoom');
      if (dialog.open) return dialog.close();
      dialog.innerHTML = '';
      dialog.appendChild(t.cloneNode(true));
      dialog.showModal();
    }
  });
  $('zoom').addEventListener('click', function () { $('zoom').close(); });
  document.querySelector('.categories') && document.querySelector('.categories').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.dataset.setCategory !== undefined) { set('category', e.target.dataset.setCategory); focusList(); }
  });
  $('f-category').addEventListener('change', function (e) { set('category', e.target.value); });
  $('f-reason').addEventListener('change', function (e) { set('reason', e.target.value); });
  $('f-sort').addEventListener('change', function (e) { set('sort', e.target.value); });
  $('f-q').addEventListener('input', function (e) { set('q', e.target.value.trim()); });
  $('f-outline').addEventListener('change', function (e) { document.body.classList.toggle('no-outline', !e.target.checked); });
  $('f-fabric').addEventListener('change', function (e) { document.body.classList.toggle('no-fabric', !e.target.checked); });
  window.addEventListener('hashchange', function () { readHash(); apply(); });
  readHash();
  apply();
})();
`;
