import { describe, expect, it } from 'vitest';
import { readHtmlTable } from '../../src/ingest/html-table.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { loadRules } from '../../src/rules/load.js';
import { detectPeriod } from '../../src/facts/period.js';
import { extractFacts } from '../../src/facts/index.js';

const TABLE = `<table>
<thead>
<tr><th colspan="2">指标</th><th>2024年</th><th>2025年</th></tr>
</thead>
<tbody>
<tr><td colspan="2">员工总数（人）</td><td>1,000</td><td>1,100</td></tr>
<tr><td rowspan="2">按性别（人）</td><td>男性</td><td>600</td><td>640</td></tr>
<tr><td>女性</td><td>400</td><td>460</td></tr>
<tr><td rowspan="2">按地区（人）</td><td>香港</td><td>700</td><td>760</td></tr>
<tr><td>中国内地&nbsp;<br/>其他</td><td>300</td><td>340</td></tr>
</tbody>
</table>`;

describe('an HTML table inside Markdown', () => {
  it('repeats a cell over the rows and columns it spans, with its lines', () => {
    const t = readHtmlTable(TABLE, 10)!;
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['指标', '指标', '2024年', '2025年'],
      ['员工总数（人）', '员工总数（人）', '1,000', '1,100'],
      ['按性别（人）', '男性', '600', '640'],
      ['按性别（人）', '女性', '400', '460'],
      ['按地区（人）', '香港', '700', '760'],
      ['按地区（人）', '中国内地 其他', '300', '340'],
    ]);
    expect(t.rows.map((r) => r.line)).toEqual([12, 15, 16, 17, 18, 19]);
    expect(readHtmlTable('<p>no table rows</p>', 1)).toBeUndefined();
  });

  it('is a table of the report: a group column and a member column give a breakdown', () => {
    const doc = readMarkdown('r.md', `# ESG Report 2025\n\nThis report covers 1 January 2025 to 31 December 2025.\n\n${TABLE}\n`);
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows).toHaveLength(6);
    const facts = extractFacts(doc, loadRules(), detectPeriod(doc)).filter((f) => f.year === 2025);
    expect(facts.map((f) => [f.metric, f.value, f.breakdown])).toEqual([
      ['workforce.total', 1100, undefined],
      ['workforce.total', 640, { gender: 'male' }],
      ['workforce.total', 460, { gender: 'female' }],
      ['workforce.total', 760, { region: 'hong-kong' }],
      ['workforce.total', 340, { region: '中国内地其他' }],
    ]);
  });
});

describe('an HTML report (or a Word one, through its HTML) with merged cells', () => {
  it('repeats a merged cell in every row and column it spans, as in Markdown', async () => {
    const { readHtml } = await import('../../src/ingest/html.js');
    const doc = readHtml('r.html', `<html><body><h1>ESG Report 2025</h1>\n${TABLE}\n</body></html>`);
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows!.map((r) => r.cells)).toEqual(readHtmlTable(TABLE, 1)!.rows.map((r) => r.cells));
    // The row's text holds its cells in order, carried ones included.
    expect(table.text.split('\n')[3]).toBe('按性别（人） | 女性 | 400 | 460');
  });
});
