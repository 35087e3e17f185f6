import { createHash } from 'node:crypto';
import type { FileResult, Finding, Result, ResultEvidence, ResultItem, Severity } from './result.js';
import { ruleDoc } from './rule-docs.js';
import { SCRIPT, STYLE } from './html-assets.js';
import { statusesOf, type Status } from './statuses.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

function location(at: { line: number; column: number; page?: number; pageLabel?: string; path?: string }): string {
  const page = at.page ? ` · p. ${at.page}${at.pageLabel && at.pageLabel !== String(at.page) ? ` (printed ${esc(at.pageLabel)})` : ''}` : '';
  return `<span class="at">${at.path ? `${esc(at.path)}, ` : ''}line ${at.line}${page}</span>`;
}

function evidenceHtml(e: ResultEvidence): string {
  return `<div><span class="excerpt">“${esc(e.text)}”</span><br><span class="loc">${location(e)}${e.section ? ` · § ${esc(e.section)}` : ''}</span></div>`;
}

function evidenceCell(item: ResultItem): string {
  const parts: string[] = [];
  if (item.evidence.length === 0) {
    parts.push(item.status === 'not-required'
      ? '<span class="muted">Not found; the report\'s claim does not require it.</span>'
      : '<span class="none">No evidence found in the report.</span>');
  }
  else {
    parts.push(evidenceHtml(item.evidence[0]));
    if (item.evidence.length > 1) {
      parts.push(`<details><summary>${item.evidence.length - 1} more</summary>${item.evidence.slice(1).map(evidenceHtml).join('')}</details>`);
    }
  }
  const lacking = (item.elements ?? []).filter((e) => !e.found && !e.optional);
  if (item.status === 'partial' && lacking.length > 0) {
    parts.push(`<div class="lacking">Not found: ${lacking.map((e) => esc(e.label)).join('; ')}</div>`);
  }
  return parts.join('');
}

function groupOf(item: ResultItem): string {
  const part = item.standard ?? (item.part ? (item.part.length <= 2 ? `Part ${item.part}` : item.part) : '');
  return [item.framework.toUpperCase(), item.edition, part].filter(Boolean).join(' · ');
}

function matrix(file: FileResult, index: number, findingsByItem: Map<string, Finding[]>, statuses: Status[]): string {
  const cols = '<colgroup><col class="c-id"><col class="c-title"><col class="c-obl">' + statuses.map(() => '<col class="c-mark">').join('') + '<col><col class="c-find"></colgroup>';
  const head = `${cols}<thead><tr><th>Clause</th><th>Title</th><th>Obligation</th>${statuses.map((s) => `<th class="c-${s}">${s}</th>`).join('')}<th>Evidence (excerpt and location)</th><th>Findings</th></tr></thead>`;
  const rows: string[] = [];
  let group = '';
  for (const item of file.items) {
    const g = groupOf(item);
    if (g !== group) {
      rows.push(`<tr class="group"><th colspan="${statuses.length + 5}">${esc(g)}</th></tr>`);
      group = g;
    }
    const marks = statuses.map((s) => (s === item.status ? `<td class="mark on s-${s}" title="${s}">●</td>` : '<td class="mark"></td>')).join('');
    const findings = findingsByItem.get(`${item.framework}:${item.id}`) ?? [];
    const findingsCell = findings.length
      ? findings.map((f) => `<div class="sev-${f.severity}">${f.severity}</div>`).join('')
      : '';
    rows.push(`<tr class="item" data-status="${item.status}" data-framework="${item.framework}" data-obligation="${item.obligation}">`
      + `<td class="id">${esc(item.id)}</td><td>${esc(item.title ?? '')}</td><td>${item.obligation}</td>${marks}`
      + `<td>${evidenceCell(item)}</td><td>${findingsCell}</td></tr>`);
  }
  const id = `matrix-${index}`;
  return `<table class="matrix" id="${id}">${head}<tbody>${rows.join('')}</tbody></table>`
    + `<p class="empty muted" data-for="${id}" hidden>No clause matches the filters.</p>`;
}

function findingsTable(file: FileResult, index: number): string {
  if (file.findings.length === 0) return '<p class="muted">No findings.</p>';
  const rows = file.findings.map((f) => {
    const related = f.related?.length ? `<br><span class="loc">also ${f.related.map(location).join('; ')}</span>` : '';
    return `<tr class="finding" data-severity="${f.severity}"${f.framework ? ` data-framework="${f.framework}"` : ''}>`
      + `<td class="sev-${f.severity}">${f.severity}</td><td class="loc">${location(f)}</td>`
      + `<td class="id">${f.item ? esc(`${f.framework ?? ''} ${f.item}`.trim()) : '—'}</td>`
      + `<td>${esc(f.message)}${related}</td><td><code title="${esc(ruleDoc(f.ruleId).help)}">${esc(f.ruleId)}</code></td></tr>`;
  });
  const id = `findings-${index}`;
  return `<table class="findings" id="${id}"><colgroup><col class="c-sev"><col class="c-where"><col class="c-id"><col><col class="c-rule"></colgroup><thead><tr><th>Severity</th><th>Where</th><th>Clause</th><th>Finding</th><th>Rule</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    + `<p class="empty muted" data-for="${id}" hidden>No finding matches the filters.</p>`;
}

function suppressedTable(file: FileResult): string {
  const list = file.suppressed ?? [];
  if (list.length === 0) return '';
  const rows = list.map((s) => `<tr><td>${s.kind}${s.line ? ` (comment at line ${s.line})` : ''}</td><td>${esc(s.reason ?? (s.kind === 'baseline' ? 'listed in the baseline' : '—'))}</td>`
    + `<td class="loc">${location(s.finding)}</td><td>${esc(s.finding.message)}</td><td><code>${esc(s.finding.ruleId)}</code></td></tr>`);
  return `<h3>Accepted findings (${list.length})</h3><table class="suppressed"><colgroup><col class="c-kind"><col class="c-reason"><col class="c-where"><col><col class="c-rule"></colgroup><thead><tr><th>Accepted by</th><th>Reason</th><th>Where</th><th>Finding</th><th>Rule</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function context(file: FileResult): string {
  const p = file.period;
  const period = p
    ? `${p.start} to ${p.end} <span class="muted">(${p.source === 'option' ? 'given as an option' : `stated in the report${p.line ? `, ${location({ line: p.line, column: p.column ?? 1, page: p.page })}` : ''}`}${p.text && p.source !== 'option' ? `: “${esc(p.text)}”` : ''})</span>`
    : '<span class="none">not found</span>';
  const editions = (file.editionDetails ?? file.editions.map((id) => ({ id, title: '', reason: '' })))
    .map((e) => `<div><strong>${esc(e.id)}</strong>${e.title ? ` — ${esc(e.title)}` : ''}${e.reason ? `<br><span class="muted">${esc(e.reason)}</span>` : ''}</div>`).join('');
  const issuer = file.issuer ? `${file.issuer.board === 'gem' ? 'GEM' : 'Main Board'}${file.issuer.largeCap ? ', LargeCap' : ''}` : '';
  return `<dl class="context"><dt>Reporting period</dt><dd>${period}</dd><dt>Held against</dt><dd>${editions || '—'}</dd>`
    + (issuer ? `<dt>Issuer</dt><dd>${issuer}</dd>` : '')
    + (file.pages ? `<dt>Pages</dt><dd>${file.pages}</dd>` : '')
    + '</dl>';
}

function fileSection(file: FileResult, index: number, statuses: Status[]): string {
  if (file.error) return `<section class="file"><h2>${esc(file.path)}</h2><p class="none">${esc(file.error)}</p></section>`;
  const counts = statuses.map((s) => `<span class="badge s-${s}">${file.items.filter((i) => i.status === s).length} ${s}</span>`).join('');
  const findingsByItem = new Map<string, Finding[]>();
  for (const f of file.findings) {
    if (!f.item) continue;
    for (const fw of f.framework ? [f.framework] : ['hkex', 'gri']) {
      const key = `${fw}:${f.item}`;
      findingsByItem.set(key, [...(findingsByItem.get(key) ?? []), f]);
    }
  }
  return `<section class="file"><h2>${esc(file.path)}</h2>${context(file)}<div class="badges">${counts}</div>`
    + `<h3>Clauses</h3>${matrix(file, index, findingsByItem, statuses)}`
    + `<h3>Findings (${file.findings.length})</h3>${findingsTable(file, index)}${suppressedTable(file)}</section>`;
}

function filterButtons(kind: string, values: readonly string[], counts: Record<string, number>): string {
  const buttons = values.map((v) => `<button type="button" data-filter="${kind}" data-value="${v}" aria-pressed="true">`
    + `<span class="dot s-${v}"></span>${v} (${counts[v] ?? 0})</button>`).join('');
  return `<fieldset><legend>${kind[0].toUpperCase()}${kind.slice(1)}</legend>${buttons}</fieldset>`;
}

/**
 * One self-contained HTML page for a compliance officer: per report the period and editions
 * used, a clause × status matrix with the evidence for each verdict, the findings and the
 * accepted findings; filters by status, framework and severity; a printable layout.
 */
export function formatHtml(result: Result, _options: Record<string, unknown> = {}): string {
  const files = result.files;
  const statuses = statusesOf(files);
  const statusCounts: Record<string, number> = {};
  const frameworkCounts: Record<string, number> = {};
  const severityCounts: Record<string, number> = {};
  for (const f of files) {
    for (const i of f.items) {
      statusCounts[i.status] = (statusCounts[i.status] ?? 0) + 1;
      frameworkCounts[i.framework] = (frameworkCounts[i.framework] ?? 0) + 1;
    }
    for (const x of f.findings) severityCounts[x.severity] = (severityCounts[x.severity] ?? 0) + 1;
  }
  const frameworks = Object.keys(frameworkCounts).sort();
  const { errors, warnings, infos } = result.summary;
  // The page may run only its own inline style and script, and load nothing.
  const csp = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="esglint ${esc(result.tool.version)}">
<title>ESG report gap analysis — esglint</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>ESG report gap analysis</h1>
<div class="muted">esglint ${esc(result.tool.version)}${result.tool.rulesHash ? ` · rules ${esc(result.tool.rulesHash)}` : ''} · ${files.length} report${files.length === 1 ? '' : 's'} ·
<span class="sev-error">${errors} error${errors === 1 ? '' : 's'}</span>, <span class="sev-warning">${warnings} warning${warnings === 1 ? '' : 's'}</span>, <span class="sev-info">${infos} info</span>${result.summary.suppressed ? ` · ${result.summary.suppressed} accepted` : ''}</div>
<nav class="filters" aria-label="Filters">
${filterButtons('status', statuses, statusCounts)}
${filterButtons('framework', frameworks, frameworkCounts)}
${filterButtons('severity', SEVERITIES, severityCounts)}
<span id="shown" class="muted"></span>
</nav>
</header>
<main>
${files.map((f, i) => fileSection(f, i, statuses)).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
