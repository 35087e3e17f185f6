import type { Finding, Location } from '../report/result.js';
import { priorColumn, reportingColumn, yearTables, type YearRow, type YearTable } from '../compare/year-tables.js';
import type { CheckContext } from './context.js';
import { excerpt, phraseWithin } from './hygiene-text.js';

/**
 * The `stale` checks on figures: a KPI table without the reporting year (or with its column
 * empty), a reporting-year column copied from the year before, a figure that rarely stays the
 * same reported unchanged, and KPIs without the prior-year comparison the edition expects.
 * They read the KPI tables of the facts (src/compare/year-tables.ts).
 */
export function staleDataChecks(ctx: CheckContext): Finding[] {
  if (!ctx.period) return [];
  const tables = yearTables(ctx.facts);
  return [...currentYearData(ctx, tables), ...comparatives(ctx, tables), ...yearsRequired(ctx)];
}

const at = (t: YearTable): Location => ({ ...t.at });
const rowAt = (r: YearRow): Location => ({ line: r.line, column: r.column, ...(r.page ? { page: r.page } : {}) });
const quote = (rows: YearRow[], max = 3) => rows.slice(0, max).map((r) => `"${excerpt(r.label, 40)}"`).join(', ') + (rows.length > max ? ` and ${rows.length - max} more` : '');

function currentYearData(ctx: CheckContext, tables: YearTable[]): Finding[] {
  const period = ctx.period!;
  const endYear = Number(period.end.slice(0, 4));
  const startYear = Number(period.start.slice(0, 4));
  const rarelyConstant = new Set(ctx.rules.metrics.metrics.filter((m) => m.rarelyConstant).map((m) => m.id));
  const findings: Finding[] = [];
  for (const t of tables) {
    const year = reportingColumn(t, period);
    const numericIn = (y: number) => t.rows.filter((r) => r.cells.get(y)?.value != null);
    if (year === undefined) {
      const latest = Math.max(...t.years);
      if (t.years.length >= 2 && latest === startYear - 1 && numericIn(latest).length >= 2) {
        findings.push({
          ruleId: 'stale/current-year-missing',
          category: 'stale',
          severity: 'warning',
          message: `This table has figures for ${t.years.join(', ')} but no column for ${endYear}, the reporting year: it looks like last year's table. Current: add the ${endYear} figures.`,
          ...at(t),
        });
      }
      continue;
    }
    const prior = priorColumn(t, year);
    const withPrior = prior === undefined ? [] : numericIn(prior);
    const current = numericIn(year);
    if (current.length === 0 && withPrior.length >= 2) {
      findings.push({
        ruleId: 'stale/current-year-missing',
        category: 'stale',
        severity: 'error',
        message: `The ${year} column (the reporting year) of this table has no figures, while ${prior} has ${withPrior.length}: the reporting-year data has not been filled in. Current: add the ${year} figures.`,
        ...at(t),
      });
      continue;
    }
    const blank = withPrior.filter((r) => r.cells.get(year)?.empty);
    if (blank.length > 0) {
      findings.push({
        ruleId: 'stale/current-year-missing',
        category: 'stale',
        severity: 'warning',
        message: `${blank.length === 1 ? 'A row has' : `${blank.length} rows have`} a ${prior} figure but a blank ${year} cell: ${quote(blank)}. Current: give the ${year} figure, or say why it is not reported.`,
        ...rowAt(blank[0]),
        related: blank.slice(1).map(rowAt),
      });
    }
    if (prior === undefined) continue;
    const pairs = t.rows.filter((r) => r.cells.get(year)?.value != null && r.cells.get(prior)?.value != null);
    const equal = pairs.filter((r) => r.cells.get(year)!.value === r.cells.get(prior)!.value);
    const distinct = new Set(equal.map((r) => r.cells.get(year)!.value));
    const trivial = [...distinct].every((v) => v === 0 || v === 100);
    if (pairs.length >= 3 && equal.length === pairs.length && distinct.size >= 2 && !trivial) {
      findings.push({
        ruleId: 'stale/copied-column',
        category: 'stale',
        severity: 'error',
        message: `The ${year} column repeats the ${prior} column cell for cell (${pairs.length} figures: ${pairs.slice(0, 3).map((r) => r.cells.get(year)!.raw.trim()).join(', ')}…): the reporting-year figures look copied from last year. Current: the ${year} figures.`,
        ...at(t),
        related: pairs.map(rowAt),
      });
      continue;
    }
    for (const r of equal) {
      const value = r.cells.get(year)!;
      if (!rarelyConstant.has(r.metric) || value.value === 0) continue;
      findings.push({
        ruleId: 'stale/unchanged-figure',
        category: 'stale',
        severity: 'info',
        message: `"${excerpt(r.label, 40)}" is ${value.raw.trim()} in both ${prior} and ${year}; this figure (${r.metric}) rarely stays exactly the same from one year to the next. Check that the ${year} figure was updated.`,
        ...rowAt(r),
      });
    }
  }
  return findings;
}

/** KPI tables with the reporting year only, for metrics with no earlier figure anywhere. */
function comparatives(ctx: CheckContext, tables: YearTable[]): Finding[] {
  const period = ctx.period!;
  const expecting = ctx.editions.map((e) => e.pack.edition).filter((e) => ctx.rules.hygiene.comparatives.editions.includes(e));
  if (expecting.length === 0) return [];
  const findings: Finding[] = [];
  const hasPrior = (metric: string, year: number) =>
    ctx.facts.some((f) => f.metric === metric && f.year != null && f.year < year && f.value != null && !f.notReported && !f.change);
  for (const t of tables) {
    const year = reportingColumn(t, period);
    if (year === undefined || t.years.length !== 1) continue;
    const lacking = t.rows.filter((r) => r.metric !== 'unlisted' && r.cells.get(year)?.value != null && !hasPrior(r.metric, year));
    if (lacking.length === 0) continue;
    findings.push({
      ruleId: 'stale/no-comparatives',
      category: 'stale',
      severity: 'warning',
      message: `This table gives ${year} figures only, with no earlier year anywhere in the report for ${quote(lacking)}; the consistency principle of ${expecting.join(', ')} expects figures that can be compared over time. Current: add the prior-year figures.`,
      ...at(t),
    });
  }
  return findings;
}

/** Items that need several years (B2.1: each of the past three years including the reporting year). */
function yearsRequired(ctx: CheckContext): Finding[] {
  const period = ctx.period!;
  const year = Number(period.end.slice(0, 4));
  const findings: Finding[] = [];
  const index = ctx.finder.index;
  for (const req of ctx.rules.hygiene.comparatives.yearsRequired) {
    const covered = ctx.covered.find((c) => c.coverage.item.id === req.item && (c.coverage.status === 'addressed' || c.coverage.status === 'partial'));
    if (!covered) continue;
    const wanted = new Set(Array.from({ length: req.years }, (_, i) => year - i));
    const given = new Set<number>();
    for (const f of ctx.facts) {
      if (req.metrics.includes(f.metric) && f.value != null && !f.notReported && !f.change && f.year != null && wanted.has(f.year)) given.add(f.year);
    }
    if (given.size >= req.years) continue;
    // In words: "no fatalities in the past three years", or the years named next to the evidence.
    const evidence = covered.coverage.evidence[0];
    const blocks = ctx.doc.blocks.filter((b) => b.role === 'body' && evidence && b.line <= evidence.line && b.endLine >= evidence.line);
    const section = blocks[0] ? ctx.doc.sections[blocks[0].section].blocks.map((i) => ctx.doc.blocks[i]) : [];
    const inWords = [...blocks, ...section].some((b) => phraseWithin(index, b, 0, b.norm.length, req.phrases) ||
      [...wanted].every((y) => b.norm.includes(String(y))));
    if (inWords) continue;
    const where = evidence ?? { line: 1, column: 1 };
    const first = year - req.years + 1;
    findings.push({
      ruleId: 'stale/years-missing',
      category: 'stale',
      severity: 'warning',
      framework: covered.coverage.pack.framework,
      item: req.item,
      message: `${req.item} (${covered.coverage.item.title.en}) needs ${req.years} years, ${first} to ${year}; the report gives ${given.size === 0 ? 'no year-by-year figures' : `only ${[...given].sort().join(', ')}`}. Current: give each year from ${first} to ${year}, or say in words that the figure covers them all.`,
      line: where.line,
      column: where.column,
      ...(where.page ? { page: where.page } : {}),
    });
  }
  return findings;
}
