/** The stylesheet and script inlined into the HTML report (no external assets, no network). */

export const STYLE = `
:root { --addressed:#1a7f37; --partial:#b35900; --explained:#0b5cad; --missing:#c62828;
  --error:#c62828; --warning:#b35900; --info:#0b5cad; --line:#d0d7de; --muted:#57606a; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif;
  color:#1f2328; margin:0; padding:0 24px 40px; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 12px 0; z-index: 1; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 6px; word-break: break-all; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.muted { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 8px; align-items: center; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.filters legend { float: left; margin-right: 6px; font-weight: 600; }
.filters button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 14px; padding: 2px 10px; cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--bg); border-color: #8c959f; font-weight: 600; }
.filters button[aria-pressed="false"] { opacity: .55; text-decoration: line-through; }
.filters button .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px; }
#shown { margin-left: auto; }
dl.context { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dl.context dt { font-weight: 600; }
dl.context dd { margin: 0; }
.badges { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
.badge { border-radius: 4px; padding: 2px 8px; color: #fff; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: var(--bg); position: sticky; top: var(--header-h, 0); }
tr.group th { background: #eaeef2; font-weight: 600; }
td.id { white-space: nowrap; font-weight: 600; }
td.mark { text-align: center; }
thead th { font-size: 13px; }
td.mark.on { color: #fff; font-weight: 700; }
.s-addressed { background: var(--addressed); } .s-partial { background: var(--partial); }
.s-explained { background: var(--explained); } .s-missing { background: var(--missing); }
.s-error { background: var(--error); } .s-warning { background: var(--warning); } .s-info { background: var(--info); }
.s-hkex, .s-gri, .s-not-required { background: var(--muted); }
.c-not-required { color: var(--muted); }
.c-addressed { color: var(--addressed); } .c-partial { color: var(--partial); }
.c-explained { color: var(--explained); } .c-missing { color: var(--missing); }
.sev-error { color: var(--error); font-weight: 600; } .sev-warning { color: var(--warning); font-weight: 600; } .sev-info { color: var(--info); }
tr.item td:first-child { border-left: 5px solid var(--line); }
tr.item[data-status="addressed"] td:first-child { border-left-color: var(--addressed); }
tr.item[data-status="partial"] td:first-child { border-left-color: var(--partial); }
tr.item[data-status="explained"] td:first-child { border-left-color: var(--explained); }
tr.item[data-status="missing"] td:first-child { border-left-color: var(--missing); }
.excerpt { font-style: italic; }
.loc { color: var(--muted); font-size: 12px; }
.loc .at { white-space: nowrap; }
table.matrix, table.findings, table.suppressed { table-layout: fixed; }
td, th { overflow-wrap: anywhere; }
col.c-id { width: 11.5em; } col.c-title { width: 15em; } col.c-obl { width: 9.5em; } col.c-mark { width: 6.6em; } col.c-find { width: 6.6em; }
col.c-sev { width: 5.5em; } col.c-where { width: 9em; } col.c-rule { width: 14em; } col.c-kind { width: 12em; } col.c-reason { width: 18em; }
.none { color: var(--missing); font-weight: 600; }
.lacking { color: var(--partial); }
details summary { cursor: pointer; color: var(--muted); }
code { font-size: 12px; }
[hidden] { display: none !important; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { padding: 0; font-size: 10.5px; }
  header { position: static; }
  .filters { display: none; }
  thead th { position: static; font-size: 9px; }
  col.c-mark, col.c-find { width: 7em; }
  tr { break-inside: avoid; }
  h2 { break-before: page; }
  section.file:first-of-type h2 { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export const SCRIPT = `
(function () {
  var header = document.querySelector('header');
  function setHeaderHeight() { document.documentElement.style.setProperty('--header-h', header.offsetHeight + 'px'); }
  setHeaderHeight();
  window.addEventListener('resize', setHeaderHeight);
  var buttons = Array.prototype.slice.call(document.querySelectorAll('.filters button[data-filter]'));
  function selected(kind) {
    var on = {};
    buttons.forEach(function (b) { if (b.dataset.filter === kind && b.getAttribute('aria-pressed') === 'true') on[b.dataset.value] = true; });
    return on;
  }
  function apply() {
    var status = selected('status'), framework = selected('framework'), severity = selected('severity');
    var shown = 0, total = 0;
    document.querySelectorAll('tr.item').forEach(function (tr) {
      var visible = !!status[tr.dataset.status] && !!framework[tr.dataset.framework];
      tr.hidden = !visible;
      total++;
      if (visible) shown++;
    });
    document.querySelectorAll('tr.finding').forEach(function (tr) {
      tr.hidden = !(severity[tr.dataset.severity] && (!tr.dataset.framework || framework[tr.dataset.framework]));
    });
    document.querySelectorAll('tr.group').forEach(function (tr) {
      var next = tr.nextElementSibling, any = false;
      while (next && !next.classList.contains('group')) { if (!next.hidden) any = true; next = next.nextElementSibling; }
      tr.hidden = !any;
    });
    document.querySelectorAll('table.matrix, table.findings').forEach(function (table) {
      var empty = table.parentNode.querySelector('.empty[data-for="' + table.id + '"]');
      var rows = table.querySelectorAll('tbody tr.item, tbody tr.finding');
      var visible = Array.prototype.some.call(rows, function (r) { return !r.hidden; });
      if (empty) empty.hidden = visible || rows.length === 0;
    });
    var counter = document.getElementById('shown');
    if (counter) counter.textContent = 'showing ' + shown + ' of ' + total + ' clauses';
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      b.setAttribute('aria-pressed', b.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      apply();
    });
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  apply();
})();
`;
