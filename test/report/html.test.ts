import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { fixedResult } from './fixed-result.js';

describe('html formatter (structure; the browser test is html.browser.test.ts)', () => {
  const html = formatHtml(fixedResult());

  it('is one self-contained page: no external scripts, styles, images or links, and a CSP that forbids loading anything', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; img-src data:">/);
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('has a matrix row per clause with its status column marked, grouped by part', () => {
    const rows = [...html.matchAll(/<tr class="item" data-status="(\w+)" data-framework="(\w+)"[^>]*><td class="id">([^<]+)<\/td>/g)].map((m) => [m[3], m[1], m[2]]);
    expect(rows).toEqual([
      ['MDR-governance', 'addressed', 'hkex'],
      ['A1.1', 'partial', 'hkex'],
      ['A2.5', 'explained', 'hkex'],
      ['B8', 'missing', 'hkex'],
    ]);
    expect(html).toContain('<tr class="group"><th colspan="9">HKEX · hkex-esg-2020 · Part B</th></tr>');
    expect(html).toContain('<tr class="group"><th colspan="9">HKEX · hkex-esg-2020 · Part C</th></tr>');
    expect(html).toContain('<td class="mark on s-missing" title="missing">●</td>');
  });

  it('shows the evidence and its location for each verdict, and what a partial item lacks', () => {
    expect(html).toContain('“The Board oversees ESG matters.”');
    expect(html).toContain('<span class="at">line 12</span> · § Report › Board statement');
    expect(html).toContain('<div class="lacking">Not found: emissions data by type</div>');
    expect(html).toContain('<span class="none">No evidence found in the report.</span>');
  });

  it('shows the period and editions used, the findings with related places, and the accepted findings', () => {
    expect(html).toContain('2024-01-01 to 2024-12-31');
    expect(html).toContain('<strong>hkex-esg-2020</strong> — HKEX ESG Reporting Guide 2020');
    expect(html).toContain('also <span class="at">line 77</span>');
    expect(html).toContain('<h3>Accepted findings (2)</h3>');
    expect(html).toContain('covered by the annual report');
    expect(html).toContain('listed in the baseline');
    expect(html).toContain('reports/gone.md: no such file');
  });

  it('groups GRI disclosures by their standard', () => {
    const r = fixedResult();
    r.files[0].items.push({ framework: 'gri', edition: 'gri-2021', id: '305-1', title: 'Direct (Scope 1) GHG emissions', standard: 'GRI 305: Emissions 2016',
      obligation: 'comply-or-explain', status: 'missing', evidence: [] });
    const page = formatHtml(r);
    expect(page).toContain('<tr class="group"><th colspan="9">GRI · gri-2021 · GRI 305: Emissions 2016</th></tr><tr class="item" data-status="missing" data-framework="gri"');
    expect(page).toContain('data-filter="framework" data-value="gri" aria-pressed="true"><span class="dot s-gri"></span>gri (1)</button>');
  });

  it("shows GRI disclosures the report's claim does not require in a status column and filter of their own", () => {
    const r = fixedResult();
    r.files[0].items.push({ framework: 'gri', edition: 'gri-2021', id: '2-8', title: 'Workers who are not employees', standard: 'GRI 2: General Disclosures 2021',
      obligation: 'comply-or-explain', status: 'not-required', evidence: [] });
    const page = formatHtml(r);
    expect(page).toContain('<th class="c-not-required">not-required</th>');
    expect(page).toContain('data-filter="status" data-value="not-required" aria-pressed="true"><span class="dot s-not-required"></span>not-required (1)</button>');
    expect(page).toContain('<td class="mark on s-not-required" title="not-required">●</td>');
    expect(page).toContain("Not found; the report's claim does not require it.");
    // Without such items there is no such column.
    expect(html).not.toContain('data-value="not-required"');
    expect(html).not.toContain('<th class="c-not-required">');
  });

  it('escapes report text', () => {
    expect(html).toContain('13 kg in the &lt;table&gt; | &quot;KPI&quot; &amp; annex.');
    expect(html).not.toContain('<table> |');
  });

  it('has filter buttons for every status, framework and severity, with counts', () => {
    for (const [kind, value, n] of [['status', 'missing', 1], ['status', 'addressed', 1], ['framework', 'hkex', 4], ['severity', 'error', 2], ['severity', 'info', 1]] as const) {
      expect(html).toContain(`data-filter="${kind}" data-value="${value}" aria-pressed="true"><span class="dot s-${value}"></span>${value} (${n})</button>`);
    }
  });
});
