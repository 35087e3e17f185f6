import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { loadRules } from '../../src/rules/load.js';
import { checkDocument } from '../../src/index.js';
import type { Finding } from '../../src/report/result.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';

const rules = loadRules();

/** The rule ids of this family that read KPI facts (others in the category read the content index). */
const FACT_RULES = /^inconsistent\/(value-mismatch|sum-mismatch|shares-not-100|intensity-mismatch|average-outside-range|stated-change|unit-dimension|unit-mismatch)$/;

function findings(path: string): Finding[] {
  const text = readFileSync(path, 'utf8');
  const doc = path.endsWith('.md') ? readMarkdown(path, text) : readText(path, text);
  return checkDocument(doc, rules, { frameworks: ['hkex'] }).findings.filter((f) => FACT_RULES.test(f.ruleId));
}

/** [ruleId, line, lines that must be among the related places] for each planted inconsistency. */
type Expected = [string, number, number[]];

function expectExactly(actual: Finding[], expected: Expected[]): void {
  expect(actual.map((f) => `${f.ruleId}@${f.line}`).sort()).toEqual(expected.map(([r, l]) => `inconsistent/${r}@${l}`).sort());
  for (const [rule, line, related] of expected) {
    const f = actual.find((x) => x.ruleId === `inconsistent/${rule}` && x.line === line)!;
    expect(f.category).toBe('inconsistent');
    expect(f.related?.map((r) => r.line), `${rule}@${line}`).toEqual(expect.arrayContaining(related));
    expect(f.message.length).toBeGreaterThan(20);
  }
}

describe('planted inconsistencies are found, with both places', () => {
  it('English Markdown: one of every kind', () => {
    expectExactly(findings(fixture('facts', 'en-planted.md')), [
      ['value-mismatch', 21, [8]], // table 1,312.5 vs highlight 1,321.5
      ['sum-mismatch', 25, [23, 24]], // 2.5 + 45.0 ≠ 46.5
      ['sum-mismatch', 45, [47, 48]], // 650 + 540 ≠ 1,200
      ['shares-not-100', 50, [51, 52]], // 34.5 + 50.5 + 13.0 = 98
      ['intensity-mismatch', 36, [35, 37]], // 9,500 / 19.1 = 497 ≠ revenue 525
      ['average-outside-range', 62, [64, 65, 67, 68]], // 19.8 below 21.0, 23.2 and 20.5, 32.0
      ['stated-change', 15, [32]], // "decreased by 12%", 2,000 → 1,900 is −5%
      ['unit-dimension', 34, []], // total energy in tonnes
      ['unit-dimension', 73, [35]], // a highlight gives water in kWh; the table in m³
      ['unit-mismatch', 80, [76]], // petrol in litres in a table, in GJ in a highlight
    ]);
  });

  it('Traditional Chinese PDF text: one of every kind', () => {
    expectExactly(findings(fixture('facts', 'zh-Hant-planted.txt')), [
      ['value-mismatch', 70, [13]], // 員工總數 1,200 vs highlight 1,230人
      ['sum-mismatch', 54, [50, 52]], // 2.50 + 45.00 ≠ 46.50
      ['sum-mismatch', 70, [74, 76]], // 650 + 560 ≠ 1,200
      ['shares-not-100', 80, [82, 84]], // 34.50 + 50.50 + 17.00 = 102
      ['intensity-mismatch', 60, [58, 66]], // 1,900,000 / 3,819.05 = 497.5 ≠ 525
      ['average-outside-range', 86, [90, 92, 96, 98, 17]], // 19.80 below every group; highlight too
      ['stated-change', 27, [58]], // 下降 15.00%, actually −5%
      ['unit-dimension', 62, []], // water in 千瓦時
    ]);
  });

  it('Simplified Chinese Markdown: narrative vs table, stated increase, sums and shares', () => {
    expectExactly(findings(fixture('facts', 'zh-Hans-planted.md')), [
      ['value-mismatch', 13, [7]], // table 5,600 vs sentence 5,800
      ['stated-change', 7, [13]], // 同比增长 20%, 5,000 → 5,600 is +12%
      ['sum-mismatch', 16, [14, 15]], // 13.4 + 225.5 ≠ 248.9
      ['shares-not-100', 24, [25]], // 58.1 + 40.9 = 99.0
    ]);
  });
});

describe('consistent reports raise nothing', () => {
  it.each([
    ['facts', 'en-clean.md'],
    ['facts', 'zh-Hant-clean.txt'],
    ['facts', 'zh-Hans-clean.md'],
    ['en', 'complete-2024.md'],
    ['zh-Hant', 'complete-2024.md'],
    ['zh-Hans', 'complete-2024.md'],
    ['zh-Hant', 'complete-2024.txt'],
    ['en', '2025-complete.md'],
  ])('%s/%s', (...parts) => {
    expect(findings(fixture(...parts))).toEqual([]);
  });

  it('rounding is never an inconsistency: three thirds printed as 33.3%, sums off by the last digit', () => {
    const doc = readMarkdown('r.md', [
      '# 2024 report', '', '| Indicator | Unit | 2024 |', '|---|---|---|',
      '| Scope 1 emissions | tCO2e | 10.26 |', '| Scope 2 emissions | tCO2e | 20.37 |', '| Total GHG emissions | tCO2e | 30.64 |',
      '| Total employees | persons | 3 |', '| By age group | | |', '| Under 30 | % | 33.3 |', '| 30-50 | % | 33.3 |', '| Over 50 | % | 33.3 |', '',
    ].join('\n'));
    // 10.26 + 20.37 = 30.63 vs 30.64, and 3 × 33.3 = 99.9: both are what rounding exact figures gives
    // (10.264 + 20.374 = 30.638; one employee in each age group is 33.33…% each).
    expect(checkDocument(doc, rules).findings.filter((f) => FACT_RULES.test(f.ruleId))).toEqual([]);
  });
});

describe('tolerance stops at rounding', () => {
  it('still sees two complementary shares that cannot both be rounded (33.3% + 66.6% of 3)', () => {
    const doc = readMarkdown('r.md', ['# 2024 report', '', '| Indicator | Unit | 2024 |', '|---|---|---|', '| Total employees | persons | 3 |', '| By gender | | |', '| Male | % | 33.3 |', '| Female | % | 66.6 |', ''].join('\n'));
    expect(checkDocument(doc, rules).findings.filter((f) => FACT_RULES.test(f.ruleId)).map((f) => f.ruleId)).toEqual(['inconsistent/shares-not-100']);
  });

});

describe('definitions the report states are respected', () => {
  const run = (rows: string[]) => {
    const doc = readMarkdown('r.md', ['# 2024 report', '', '| Indicator | Unit | 2024 |', '|---|---|---|', ...rows, ''].join('\n'));
    return checkDocument(doc, rules).findings.filter((f) => FACT_RULES.test(f.ruleId)).map((f) => `${f.ruleId}@${f.line}`);
  };

  it('a total labelled "(Scope 1 and 2)" is checked against scopes 1 and 2 only', () => {
    const rows = ['| Scope 1 emissions | tCO2e | 40 |', '| Scope 2 emissions | tCO2e | 100 |', '| Scope 3 emissions | tCO2e | 60 |'];
    expect(run([...rows, '| Total GHG emissions (Scope 1 and 2) | tCO2e | 140 |'])).toEqual([]);
    expect(run([...rows, '| Total GHG emissions | tCO2e | 140 |'])).toEqual(['inconsistent/sum-mismatch@8']);
  });

  it('group turnover rates that add up to the overall rate are shares of it, not averages', () => {
    const head = ['| Employee turnover rate | % | 20.0 |', '| By gender | | |'];
    expect(run([...head, '| Male | % | 12.0 |', '| Female | % | 8.0 |'])).toEqual([]);
    expect(run([...head, '| Male | % | 12.0 |', '| Female | % | 6.0 |'])).toEqual(['inconsistent/average-outside-range@5']);
  });
});

describe.skipIf(!hasSharedReport)('the shared report', () => {
  const found = findings(sharedReport);

  it('raises the 2024 average training hours (2.63 h overall, every group more)', () => {
    const f = found.find((x) => x.ruleId === 'inconsistent/average-outside-range');
    expect(f).toMatchObject({ line: 4713, item: 'B3.2', framework: 'hkex', severity: 'error' });
    // every gender and employee-category group, and the highlight that repeats 2.63
    expect(f!.related!.map((r) => r.line)).toEqual(expect.arrayContaining([4717, 4719, 4723, 4725, 4727, 3003]));
    expect(f!.message).toContain('2024');
  });

  it('raises the 2022 air emissions intensity, which implies another revenue than the five other intensities', () => {
    const f = found.find((x) => x.ruleId === 'inconsistent/intensity-mismatch');
    expect(f).toMatchObject({ line: 4578, item: 'A1.1' });
    expect(f!.related!.map((r) => r.line)).toEqual(expect.arrayContaining([4570, 4594, 4626]));
  });

  it('raises nothing else: every other relation of the report holds within rounding', () => {
    expect(found.map((f) => `${f.ruleId}@${f.line}`).sort()).toEqual(['inconsistent/average-outside-range@4713', 'inconsistent/intensity-mismatch@4578']);
  });
});
