import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { loadRules } from '../../src/rules/load.js';
import { detectPeriod } from '../../src/facts/period.js';
import { extractFacts, type Fact } from '../../src/facts/index.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';
import { validator } from '../../src/util/schema.js';

const rules = loadRules();

function factsOf(path: string): Fact[] {
  const text = readFileSync(path, 'utf8');
  const doc = path.endsWith('.md') ? readMarkdown(path, text) : readText(path, text);
  return extractFacts(doc, rules, detectPeriod(doc));
}

/** The figures of one row: year → value. */
function row(facts: Fact[], line: number): Record<number, number | null> {
  return Object.fromEntries(facts.filter((f) => f.line === line && f.kind === 'table').map((f) => [f.year, f.value]));
}

function at(facts: Fact[], line: number, year?: number): Fact {
  const f = facts.find((x) => x.line === line && (year === undefined || x.year === year));
  if (!f) throw new Error(`no fact at line ${line}`);
  return f;
}

describe.skipIf(!hasSharedReport)('facts of the shared report (PDF text)', () => {
  const facts = factsOf(sharedReport);

  it('reads the KPI table (附錄一) for 2022, 2023 and 2024 with metric and unit', () => {
    const expected: [number, string, string, Record<number, number | null>][] = [
      [4570, 'air.total', 'kg', { 2022: 13.97, 2023: 16.39, 2024: 15.38 }],
      [4572, 'air.nox', 'kg', { 2022: 13.23, 2023: 15.52, 2024: 14.82 }],
      [4586, 'ghg.total', 'tCO2e', { 2022: 1092.4, 2023: 805.17, 2024: 1044.39 }],
      [4588, 'ghg.scope1', 'tCO2e', { 2022: 77.1, 2023: 80.13, 2024: 50.74 }],
      [4590, 'ghg.scope2', 'tCO2e', { 2022: 1015.3, 2023: 725.04, 2024: 794.93 }],
      [4592, 'ghg.scope3', 'tCO2e', { 2022: null, 2023: null, 2024: 198.72 }],
      [4602, 'waste.total', 't', { 2022: 1.41, 2023: 67.53, 2024: 76.87 }],
      [4614, 'energy.gasoline', 'L', { 2022: 28454, 2023: 35277, 2024: 22906 }],
      [4616, 'energy.electricity', 'kWh', { 2022: 1288265, 2023: 1271334, 2024: 1281118 }],
      [4618, 'water.consumption', 't', { 2022: 6467, 2023: 6763, 2024: 6832 }],
      [4644, 'workforce.total', 'persons', { 2022: 762, 2023: 856, 2024: 870 }],
      [4685, 'workforce.turnover-rate', '%', { 2022: 23, 2023: 24.4, 2024: 25.45 }],
      [4697, 'safety.fatalities', 'persons', { 2022: 0, 2023: 0, 2024: 0 }],
      [4698, 'safety.lost-days', 'days', { 2022: 0, 2023: 123, 2024: 0 }],
      [4700, 'training.trained-headcount', 'person-times', { 2022: 1450, 2023: 5553, 2024: 3656 }],
      [4713, 'training.average-hours', 'hours', { 2022: 3.4, 2023: 5.8, 2024: 2.63 }],
      [4731, 'suppliers.total', 'items', { 2022: 706, 2023: 742, 2024: 678 }],
      [4804, 'community.investment', 'CNY', { 2023: 402924.2, 2024: 2342877.81, 2022: null }],
      [4814, 'corruption.concluded-cases', 'items', { 2022: 0, 2023: 0, 2024: 0 }],
    ];
    for (const [line, metric, unit, values] of expected) {
      expect(row(facts, line), `line ${line}`).toEqual(values);
      expect(at(facts, line).metric, `line ${line}`).toBe(metric);
      expect(at(facts, line).unit, `line ${line}`).toBe(unit);
    }
  });

  it('reads intensities whose label, unit and figures are on separate lines', () => {
    expect(at(facts, 4578, 2022)).toMatchObject({ metric: 'air.intensity', value: 0.42, unit: 'kg/100m CNY' });
    expect(at(facts, 4594, 2024)).toMatchObject({ metric: 'ghg.intensity', value: 26.58, unit: 'tCO2e/100m CNY', note: 20 });
    expect(at(facts, 4620, 2023)).toMatchObject({ metric: 'energy.gasoline-intensity', value: 9.88, unit: 'L/m CNY' });
    expect(at(facts, 4632, 2024)).toMatchObject({ metric: 'water.intensity', value: 1.74, unit: 't/m CNY' });
  });

  it('recognises footnote markers run into figures', () => {
    expect(at(facts, 4586, 2024)).toMatchObject({ value: 1044.39, note: 19, text: '1,044.3919', precision: 0.005 });
    expect(at(facts, 4700, 2024)).toMatchObject({ value: 3656, note: 23, text: '3,65623' });
    expect(at(facts, 4713, 2024)).toMatchObject({ value: 2.63, note: 24, text: '2.6324' });
    expect(at(facts, 4698, 2023)).toMatchObject({ value: 123, note: 22 });
    // The marker after a label ("無害廢棄物排放量 21 噸") is a note, not part of the unit.
    expect(at(facts, 4604, 2022)).toMatchObject({ metric: 'waste.non-hazardous', unit: 't', note: 21, value: 1.1 });
  });

  it('reads breakdown rows as shares or group values of the metric above them', () => {
    expect(at(facts, 4648, 2024)).toMatchObject({ metric: 'workforce.total', breakdown: { gender: 'male' }, share: true, value: 49.2 });
    expect(at(facts, 4674, 2023)).toMatchObject({ metric: 'workforce.total', breakdown: { 'age-group': '>=41' }, share: true, value: 8.2 });
    expect(at(facts, 4682, 2024)).toMatchObject({ metric: 'workforce.total', breakdown: { region: 'mainland-china' }, share: true });
    expect(at(facts, 4687, 2024)).toMatchObject({ metric: 'workforce.turnover-rate', breakdown: { gender: 'male' }, value: 28.31 });
    expect(at(facts, 4687, 2024).share).toBeUndefined();
    expect(at(facts, 4725, 2024)).toMatchObject({ metric: 'training.average-hours', breakdown: { 'employee-category': 'middle-management' }, value: 6.6 });
    // 東北地區: label on one line, 1.80 on the next, 0.40 0.59 on the one after.
    expect(row(facts, 4745)).toEqual({ 2022: 1.8, 2023: 0.4, 2024: 0.59 });
    // 西北地區 has two figures under three year columns: the latest two years.
    expect(row(facts, 4751)).toEqual({ 2023: 1.3, 2024: 2.07 });
    expect(at(facts, 4751, 2024).aligned).toBe('right');
  });

  it('reads 不適用 and / as not reported', () => {
    expect(at(facts, 4638, 2024)).toMatchObject({ metric: 'packaging.total', value: null, notReported: true });
    expect(at(facts, 4771, 2024)).toMatchObject({ metric: 'products.recall-percentage', value: null, notReported: true });
    expect(at(facts, 4592, 2022)).toMatchObject({ value: null, notReported: true });
  });

  it('matches the highlights page and the narrative figures to the same metrics', () => {
    expect(at(facts, 499)).toMatchObject({ kind: 'highlight', metric: 'air.total', year: 2024, value: 15.38, unit: 'kg' });
    expect(at(facts, 523)).toMatchObject({ kind: 'highlight', metric: 'energy.electricity-intensity', value: 326.01, unit: 'kWh/m CNY' });
    expect(at(facts, 3003)).toMatchObject({ kind: 'highlight', metric: 'training.average-hours', year: 2024, value: 2.63 });
    expect(at(facts, 4077)).toMatchObject({ kind: 'highlight', metric: 'ghg.total', value: 1044.39, unit: 'tCO2e' });
    expect(at(facts, 4292)).toMatchObject({ kind: 'narrative', metric: 'air.total', value: 15.38 });
    expect(at(facts, 2733)).toMatchObject({ kind: 'narrative', metric: 'workforce.total', breakdown: { gender: 'male' }, share: true, value: 49.2 });
    const gasoline = facts.find((f) => f.line === 4131 && f.change);
    expect(gasoline).toMatchObject({ metric: 'energy.gasoline', year: 2024, value: -35.07, change: { from: 2023 } });
    // "纍計參訓人數達 148 人次" is cumulative, not the year's trained headcount.
    expect(facts.some((f) => f.line === 2958)).toBe(false);
  });

  it('gives every table fact of one table the same table id and keeps unknown rows as unlisted', () => {
    const patents = at(facts, 4794, 2024);
    expect(patents).toMatchObject({ metric: 'unlisted', label: '年度新增申請專利數', value: 17, unit: 'items' });
    expect(at(facts, 4794, 2022).table).toBe(patents.table);
  });
});

describe('facts of GFM tables', () => {
  const facts = factsOf(fixture('facts', 'en-clean.md'));

  it('reads metric rows, group headers and members', () => {
    expect(row(facts, 21)).toEqual({ 2023: 1380, 2024: 1312.5 });
    expect(at(facts, 21)).toMatchObject({ metric: 'ghg.total', unit: 'tCO2e', kind: 'table' });
    expect(at(facts, 48, 2024)).toMatchObject({ metric: 'workforce.total', breakdown: { gender: 'female' }, value: 550, unit: 'persons' });
    expect(at(facts, 50, 2024)).toMatchObject({ breakdown: { 'age-group': '<30' }, share: true, value: 34.5 });
  });

  it('applies scale words: HK$ million revenue is HKD', () => {
    expect(at(facts, 37, 2024)).toMatchObject({ metric: 'finance.revenue', value: 525_000_000, unit: 'HKD', precision: 500_000 });
    expect(at(facts, 22, 2024)).toMatchObject({ metric: 'ghg.intensity', unit: 'tCO2e/m HKD', value: 2.5 });
  });

  it('reads highlights and sentences', () => {
    expect(at(facts, 8)).toMatchObject({ kind: 'highlight', metric: 'ghg.total', value: 1312.5, year: 2024 });
    expect(facts.filter((f) => f.line === 15).map((f) => [f.metric, f.value])).toEqual([
      ['ghg.scope1', 412.5],
      ['ghg.scope2', 900],
      ['energy.electricity', -5],
    ]);
  });

  it('reads "Scope 1 – diesel" as a part of scope 1 and "Scope 2 (market-based)" as a method', () => {
    const doc = readMarkdown('t.md', [
      '# 2024 report', '', '| Indicator | Unit | 2024 |', '|---|---|---|',
      '| Scope 1 – diesel | tCO2e | 40 |', '| Scope 2 (location-based) | tCO2e | 100 |', '| Scope 2 (market-based) | tCO2e | 80 |',
      '| Total Scope 1 and 2 | tCO2e | 140 |', '| Employees trained – male | % | 90.5 |', '',
    ].join('\n'));
    const f = extractFacts(doc, rules, detectPeriod(doc));
    expect(at(f, 5)).toMatchObject({ metric: 'ghg.scope1', breakdown: { part: 'diesel' } });
    expect(at(f, 6)).toMatchObject({ metric: 'ghg.scope2', breakdown: { method: 'location-based' } });
    expect(at(f, 7)).toMatchObject({ metric: 'ghg.scope2', breakdown: { method: 'market-based' } });
    expect(at(f, 8)).toMatchObject({ metric: 'ghg.scope1-2', value: 140 });
    expect(at(f, 9)).toMatchObject({ metric: 'training.trained-percentage', breakdown: { gender: 'male' }, value: 90.5 });
  });
});

describe('facts of PDF text tables (fixture)', () => {
  const facts = factsOf(fixture('facts', 'zh-Hant-clean.txt'));

  it('reads the year header, wrapped intensity labels and a footnote run into a figure', () => {
    expect(row(facts, 42)).toEqual({ 2023: 1380, 2024: 1312.5 });
    expect(at(facts, 42, 2024).note).toBe(18);
    expect(at(facts, 44, 2024)).toMatchObject({ metric: 'ghg.intensity', unit: 'tCO2e/m HKD', value: 2.5 });
    expect(at(facts, 66, 2024)).toMatchObject({ metric: 'finance.revenue', value: 525_000_000, unit: 'HKD' });
    expect(at(facts, 82, 2024)).toMatchObject({ breakdown: { 'age-group': '30-50' }, share: true, value: 50.5 });
  });
});

describe('facts of a flattened performance table (PDF text, English)', () => {
  const lines = [
    'Sustainability Report 2024', '', 'This report covers 1 January 2024 to 31 December 2024.', '',
    'Performance Data', '2022 2023 2024', 'Change', '(2024 vs 2023)',
    'Sulphur oxides (kg) 4.20 4.10 3.90 -4.88%',
    'GHG emissions – Scope 17 (tonnes CO2', 'e) 1,200 1,150 1,100 -4.35%',
    'GHG emissions – Scope 28 (tonnes CO2', 'e) 5,400 5,100 4,800 -5.88%',
    'Non-hazardous waste', 'General waste (tonnes) 80.5 78.2 75.0 -4.09%', 'Construction waste (tonnes) 12.0 30.5 8.2 -73.11%',
    'Hazardous waste', 'Batteries (tonnes) 1.2 1.1 1.0 -9.09%', 'Total (tonnes) 2.0 1.9 1.7 -10.53%',
    'Employee turnover rate (%) 12 10 9.5%', 'Recycling rate (%) 40 42 45 7.1%',
    '', '7 Scope 1 covers fuel burnt in our vehicles.', '8 Scope 2 covers purchased electricity.', '',
  ];
  const doc = readText('p.txt', lines.join('\n'));
  const facts = extractFacts(doc, rules, detectPeriod(doc));
  const line = (text: string) => lines.indexOf(text) + 1;

  it('reads the head of a change column under the year header as no row', () => {
    expect(facts.filter((f) => f.line === line('(2024 vs 2023)') || f.line === line('Change'))).toEqual([]);
  });

  it('drops a trailing change column instead of shifting the years', () => {
    expect(row(facts, line('Sulphur oxides (kg) 4.20 4.10 3.90 -4.88%'))).toEqual({ 2022: 4.2, 2023: 4.1, 2024: 3.9 });
    expect(at(facts, line('Sulphur oxides (kg) 4.20 4.10 3.90 -4.88%'), 2024)).toMatchObject({ metric: 'air.sox', unit: 'kg' });
  });

  it('keeps a last percentage that is a year\'s figure: unsigned and no more figures than years', () => {
    expect(row(facts, line('Employee turnover rate (%) 12 10 9.5%'))).toEqual({ 2022: 12, 2023: 10, 2024: 9.5 });
    expect(row(facts, line('Recycling rate (%) 40 42 45 7.1%'))).toEqual({ 2022: 40, 2023: 42, 2024: 45 });
  });

  it('joins a label whose bracket the row line closes, and reads "Scope 17" as Scope 1 with footnote 7', () => {
    expect(at(facts, line('e) 1,200 1,150 1,100 -4.35%'), 2024)).toMatchObject({ metric: 'ghg.scope1', value: 1100 });
    expect(at(facts, line('e) 5,400 5,100 4,800 -5.88%'), 2024)).toMatchObject({ metric: 'ghg.scope2', value: 4800 });
  });

  it('takes rows that only a group line names for parts of that metric, unless one is the total', () => {
    expect(at(facts, line('General waste (tonnes) 80.5 78.2 75.0 -4.09%'), 2024).metric).toBe('unlisted');
    expect(at(facts, line('Construction waste (tonnes) 12.0 30.5 8.2 -73.11%'), 2024).metric).toBe('unlisted');
    expect(at(facts, line('Batteries (tonnes) 1.2 1.1 1.0 -9.09%'), 2024).metric).toBe('unlisted');
    expect(at(facts, line('Total (tonnes) 2.0 1.9 1.7 -10.53%'), 2024)).toMatchObject({ metric: 'waste.hazardous', value: 1.7 });
  });
});

describe('facts follow the result contract', () => {
  it.each([['facts', 'en-planted.md'], ['facts', 'zh-Hant-planted.txt'], ['facts', 'zh-Hans-planted.md']])('%s/%s', (...parts) => {
    const validate = validator('result.schema.json');
    const result = { tool: { name: 'esglint', version: '0' }, files: [{ path: 'r', period: null, editions: [], items: [], facts: factsOf(fixture(...parts)), findings: [] }], summary: { errors: 0, warnings: 0, infos: 0 } };
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('facts of another PDF-text report (fixture zh-Hant/complete-2024.txt)', () => {
  const facts = factsOf(fixture('zh-Hant', 'complete-2024.txt'));

  it('reads per-employee intensities and 千個千瓦時 as thousands of kWh', () => {
    expect(at(facts, 515, 2024)).toMatchObject({ metric: 'ghg.intensity', unit: 'tCO2e/persons', value: 1.47 });
    expect(at(facts, 527, 2024)).toMatchObject({ metric: 'energy.electricity', unit: 'kWh', value: 2_520_000, precision: 500 });
    expect(at(facts, 545, 2024)).toMatchObject({ metric: 'workforce.total', value: 676 });
    expect(at(facts, 563, 2024)).toMatchObject({ metric: 'workforce.total', breakdown: { 'age-group': '30-50' }, value: 418 });
  });
});

describe('highlights', () => {
  it('take the year their label or section names', () => {
    const doc = readText('h.txt', ['2024 年環境、社會及管治報告', '', '報告期為 2024 年 1 月 1 日至 2024 年 12 月 31 日。', '', '2023 年溫室氣體排放總量', '805.17噸二氧化碳當量', '', '員工總數', '870人', ''].join('\n'));
    const facts = extractFacts(doc, rules, detectPeriod(doc));
    expect(facts.map((f) => [f.metric, f.year, f.value])).toEqual([['ghg.total', 2023, 805.17], ['workforce.total', 2024, 870]]);
  });

  it('are not levels when their label speaks of a change', () => {
    const doc = readText('h.txt', [
      'ESG Report 2024', '', 'This report covers 1 January 2024 to 31 December 2024.', '',
      'Electricity consumption', 'decreased more than', '12.9 GWh', '',
      '溫室氣體排放總量', '較去年減少', '85.2噸二氧化碳當量', '',
      'Total water consumption', '9,500 m³', '',
    ].join('\n'));
    const facts = extractFacts(doc, rules, detectPeriod(doc));
    expect(facts.map((f) => [f.metric, f.year, f.value])).toEqual([['water.consumption', 2024, 9500]]);
  });
});
