/**
 * KPI tables as columns of years, built from the table facts of src/facts (facts of one table
 * share `table`; one row is the facts of one line and label). The stale checks compare a
 * table's columns; the year-over-year checks pair rows of two reports.
 */
import type { Fact } from '../report/result.js';

export interface YearCell {
  year: number;
  /** The figure as printed ('' for a blank cell). */
  raw: string;
  /** In the fact's normalised unit; null when not reported. */
  value: number | null;
  /** Half the last printed digit: the rounding tolerance. */
  precision: number;
  empty: boolean;
  notApplicable: boolean;
}

export interface YearRow {
  label: string;
  unit: string;
  metric: string;
  /** What the row is, the same in any report: metric (or label), breakdown, share, unit. */
  key: string;
  cells: Map<number, YearCell>;
  line: number;
  column: number;
  page?: number;
}

export interface YearTable {
  id: number;
  /** Every year the table has a column for, ascending. */
  years: number[];
  rows: YearRow[];
  /** Where the table starts (its first row). */
  at: { line: number; column: number; page?: number };
}

const compact = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

export function rowKey(f: Fact): string {
  const what = f.metric !== 'unlisted' ? f.metric : `label:${compact(f.label ?? '')}`;
  const breakdown = Object.entries(f.breakdown ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(',');
  return `${what}|${breakdown}|${f.share ? 'share' : ''}|${f.unit}`;
}

function cellOf(f: Fact & { year: number }): YearCell {
  const raw = f.text ?? '';
  return {
    year: f.year,
    raw,
    value: f.notReported ? null : f.value,
    precision: f.precision ?? 0,
    empty: !!f.notReported && raw.trim() === '',
    notApplicable: !!f.notReported && raw.trim() !== '',
  };
}

/** The KPI tables among the facts, in document order. */
export function yearTables(facts: Fact[]): YearTable[] {
  const tables = new Map<number, YearTable>();
  const rows = new Map<string, YearRow>();
  for (const f of facts) {
    if (f.kind !== 'table' || f.table === undefined || f.year == null || f.change) continue;
    let table = tables.get(f.table);
    if (!table) {
      table = { id: f.table, years: [], rows: [], at: { line: f.line, column: f.column ?? 1, ...(f.page ? { page: f.page } : {}) } };
      tables.set(f.table, table);
    }
    if (!table.years.includes(f.year)) table.years.push(f.year);
    const rowId = `${f.table}\u0001${f.line}\u0001${f.label ?? ''}\u0001${rowKey(f)}`;
    let row = rows.get(rowId);
    if (!row) {
      row = { label: f.label ?? '', unit: f.unit, metric: f.metric, key: rowKey(f), cells: new Map(), line: f.line, column: f.column ?? 1, ...(f.page ? { page: f.page } : {}) };
      rows.set(rowId, row);
      table.rows.push(row);
    }
    row.cells.set(f.year, cellOf(f as Fact & { year: number }));
  }
  for (const t of tables.values()) t.years.sort((a, b) => a - b);
  return [...tables.values()];
}

/** True when two printed figures are the same number within their rounding. */
export function sameFigure(a: YearCell, b: YearCell): boolean {
  if (a.value === null || b.value === null) return false;
  return Math.abs(a.value - b.value) <= Math.max(a.precision, b.precision) + 1e-9 * Math.max(1, Math.abs(a.value));
}

/** The column of the reporting year: the period's end year, or its start year if only that is printed. */
export function reportingColumn(table: YearTable, period: { start: string; end: string }): number | undefined {
  const end = Number(period.end.slice(0, 4));
  const start = Number(period.start.slice(0, 4));
  if (table.years.includes(end)) return end;
  if (start !== end && table.years.includes(start)) return start;
  return undefined;
}

/** The year before `year` among the table's columns. */
export function priorColumn(table: YearTable, year: number): number | undefined {
  const before = table.years.filter((y) => y < year);
  return before.length > 0 ? Math.max(...before) : undefined;
}
