import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { loadRules } from '../../src/rules/load.js';
import { checkDocument } from '../../src/index.js';

const rules = loadRules();
const FACT_RULES = /^inconsistent\/(value-mismatch|sum-mismatch|shares-not-100|intensity-mismatch|average-outside-range|stated-change|unit-dimension|unit-mismatch)$/;

function fmt(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A report built from exact figures and printed rounded, the way an issuer prints them: every
 * relation holds exactly before rounding, so any finding would be rounding reported as an
 * inconsistency.
 */
const exactReport = fc.record({
  scopes: fc.tuple(fc.double({ min: 1, max: 50_000, noNaN: true }), fc.double({ min: 1, max: 50_000, noNaN: true }), fc.double({ min: 1, max: 5_000, noNaN: true })),
  previousTotal: fc.double({ min: 100, max: 100_000, noNaN: true }),
  revenue: fc.double({ min: 50, max: 50_000, noNaN: true }),
  water: fc.double({ min: 100, max: 1_000_000, noNaN: true }),
  people: fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000 })),
  hours: fc.tuple(fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true }), fc.double({ min: 0.5, max: 60, noNaN: true })),
  decimals: fc.integer({ min: 0, max: 2 }),
});

function render(r: fc.RecordValue<typeof exactReport>, totalError = 0): string {
  const d = r.decimals;
  const [s1, s2, s3] = r.scopes;
  const total = s1 + s2 + s3;
  const [a, b, c] = r.people;
  const employees = a + b + c;
  const totalHours = r.hours[0] * a + r.hours[1] * b + r.hours[2] * c;
  const change = ((total - r.previousTotal) / r.previousTotal) * 100;
  return [
    '# Test Co 2024 ESG Report',
    '',
    'This report covers the period from 1 January 2024 to 31 December 2024.',
    '',
    `Total GHG emissions ${change < 0 ? 'decreased' : 'increased'} by ${fmt(Math.abs(change), 1)}% compared with last year.`,
    '',
    '| Indicator | Unit | 2023 | 2024 |',
    '|---|---|---|---|',
    `| Scope 1 emissions | tCO2e | / | ${fmt(s1, d)} |`,
    `| Scope 2 emissions | tCO2e | / | ${fmt(s2, d)} |`,
    `| Scope 3 emissions | tCO2e | / | ${fmt(s3, d)} |`,
    `| Total GHG emissions | tCO2e | ${fmt(r.previousTotal, 2)} | ${fmt(total + totalError, d)} |`,
    `| GHG emissions intensity | tCO2e/HK$ million | / | ${fmt(total / r.revenue, 3)} |`,
    `| Water consumption | m³ | / | ${fmt(r.water, d)} |`,
    `| Water intensity | m³/HK$ million | / | ${fmt(r.water / r.revenue, 3)} |`,
    `| Revenue | HK$ million | / | ${fmt(r.revenue, 1)} |`,
    `| Total employees | persons | / | ${employees} |`,
    '| By age group | | | |',
    `| Under 30 | % | / | ${fmt((100 * a) / employees, d)} |`,
    `| 30-50 | % | / | ${fmt((100 * b) / employees, d)} |`,
    `| Over 50 | % | / | ${fmt((100 * c) / employees, d)} |`,
    `| Average training hours | hours | / | ${fmt(totalHours / employees, 2)} |`,
    '| By age group | | | |',
    `| Under 30 | hours | / | ${fmt(r.hours[0], 2)} |`,
    `| 30-50 | hours | / | ${fmt(r.hours[1], 2)} |`,
    `| Over 50 | hours | / | ${fmt(r.hours[2], 2)} |`,
    '',
  ].join('\n');
}

describe('rounding is never reported (property)', () => {
  it('a report whose exact figures satisfy every relation raises nothing, whatever the figures and their printed precision', () => {
    fc.assert(
      fc.property(exactReport, (r) => {
        // Intensities printed as 0.000 carry no information to check; keep them readable.
        fc.pre(total(r) / r.revenue >= 0.01 && r.water / r.revenue >= 0.01);
        const doc = readMarkdown('p.md', render(r));
        const found = checkDocument(doc, rules, { frameworks: ['hkex'] }).findings.filter((f) => FACT_RULES.test(f.ruleId));
        expect(found.map((f) => f.message)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('an error beyond rounding is always found (property)', () => {
  it('a total off by more than its parts\' rounding is a sum-mismatch naming the parts', () => {
    fc.assert(
      fc.property(exactReport, fc.boolean(), (r, up) => {
        const error = (up ? 1 : -1) * Math.max(5, total(r) * 0.01);
        fc.pre(total(r) + error > 0);
        const doc = readMarkdown('p.md', render(r, error));
        const found = checkDocument(doc, rules, { frameworks: ['hkex'] }).findings.filter((f) => f.ruleId === 'inconsistent/sum-mismatch');
        expect(found).toHaveLength(1);
        expect(found[0].line).toBe(12);
        expect(found[0].related?.map((x) => x.line)).toEqual([9, 10, 11]);
      }),
      { numRuns: 40 },
    );
  });
});

function total(r: fc.RecordValue<typeof exactReport>): number {
  return r.scopes[0] + r.scopes[1] + r.scopes[2];
}
