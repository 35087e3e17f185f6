import { describe, expect, it } from 'vitest';
import { priorColumn, reportingColumn, rowKey, sameFigure, yearTables, type YearCell } from '../../src/compare/year-tables.js';
import type { Fact } from '../../src/report/result.js';

const cell = (value: number | null, precision: number, raw = String(value)): YearCell => ({ year: 2023, raw, value, precision, empty: false, notApplicable: value === null });

describe('sameFigure: rounding is never a change', () => {
  it('within the coarser printed precision', () => {
    expect(sameFigure(cell(1092.4, 0.05, '1,092.4'), cell(1092, 0.5, '1,092'))).toBe(true);
    expect(sameFigure(cell(805.17, 0.005), cell(805.2, 0.05))).toBe(true);
    expect(sameFigure(cell(2140, 0.5), cell(2190, 0.5))).toBe(false);
    expect(sameFigure(cell(13.97, 0.005), cell(13.98, 0.005))).toBe(false);
  });
  it('not reported is never equal to a figure', () => {
    expect(sameFigure(cell(null, 0, '/'), cell(0, 0.5))).toBe(false);
  });
});

describe('yearTables: the facts of one table as year columns', () => {
  const base = { unit: 'tCO2e', kind: 'table' as const, table: 0, column: 1 };
  const facts: Fact[] = [
    { ...base, metric: 'ghg.scope1', label: 'Scope 1', year: 2023, value: 2140, text: '2,140', precision: 0.5, line: 10 },
    { ...base, metric: 'ghg.scope1', label: 'Scope 1', year: 2024, value: 2050, text: '2,050', precision: 0.5, line: 10 },
    { ...base, metric: 'ghg.scope2', label: 'Scope 2', year: 2023, value: 1075, text: '1,075', precision: 0.5, line: 11 },
    { ...base, metric: 'ghg.scope2', label: 'Scope 2', year: 2024, value: null, text: '', notReported: true, line: 11 },
    { ...base, metric: 'workforce.total', unit: 'persons', label: 'Male', breakdown: { gender: 'male' }, year: 2024, value: 210, text: '210', line: 12, table: 1 },
    { metric: 'ghg.scope1', year: 2024, value: 2050, unit: 'tCO2e', kind: 'narrative', line: 30 },
  ];
  it('groups rows by line, keeps blank cells as empty, leaves other facts out', () => {
    const [t0, t1] = yearTables(facts);
    expect(t0.years).toEqual([2023, 2024]);
    expect(t0.rows.map((r) => r.label)).toEqual(['Scope 1', 'Scope 2']);
    expect(t0.rows[1].cells.get(2024)).toMatchObject({ value: null, empty: true, notApplicable: false });
    expect(t0.at).toEqual({ line: 10, column: 1 });
    expect(t1.rows[0].key).toBe('workforce.total|gender=male||persons');
    expect(yearTables(facts)).toHaveLength(2);
  });
  it('a row is known by metric and breakdown, or by its label when no metric is known', () => {
    expect(rowKey({ metric: 'unlisted', label: 'Refrigerant leakage (kg)', unit: 'kg', value: 1, line: 1 })).toBe('label:refrigerantleakagekg|||kg');
  });
  it('the reporting column and the one before it', () => {
    const [t0] = yearTables(facts);
    expect(reportingColumn(t0, { start: '2024-01-01', end: '2024-12-31' })).toBe(2024);
    expect(reportingColumn(t0, { start: '2023-04-01', end: '2024-03-31' })).toBe(2024);
    expect(reportingColumn(t0, { start: '2025-01-01', end: '2025-12-31' })).toBeUndefined();
    expect(priorColumn(t0, 2024)).toBe(2023);
    expect(priorColumn(t0, 2023)).toBeUndefined();
  });
});
