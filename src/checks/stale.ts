import type { Block } from '../document/types.js';
import { normalize } from '../util/normalize.js';
import { firstLineWhere } from '../util/lines.js';
import type { Period } from '../facts/period.js';
import type { PeriodCondition } from '../rules/hygiene.js';
import type { Finding } from '../report/result.js';
import type { CheckContext } from './context.js';
import { excerpt, findPattern, locate, notFurniture, phraseNear, phraseWithin, sentenceAround } from './hygiene-text.js';
import { staleDataChecks } from './stale-data.js';

/**
 * The `stale` family: what survives from last year's report by accident — a period, a title
 * year or a "this year" sentence that is not this year's, and references to rules or standards
 * that have since been renamed, replaced or deleted. Every finding says what is current instead.
 */
export function staleChecks(ctx: CheckContext): Finding[] {
  return [
    ...periodMismatch(ctx),
    ...titleYear(ctx),
    ...periodSentences(ctx),
    ...supersededReferences(ctx),
    ...clauseCitations(ctx),
    ...staleDataChecks(ctx),
  ];
}

export function describePeriod(p: Period): string {
  return `${p.start} to ${p.end}`;
}

function yearsOf(p: Period): [number, number] {
  return [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))];
}

/** The period stated in the report differs from the one given as an option. */
function periodMismatch(ctx: CheckContext): Finding[] {
  const { period, detectedPeriod: stated } = ctx;
  if (!period || period.basis !== 'option' || !stated || stated.line === undefined) return [];
  if (stated.basis === 'option') return []; // front matter: the report's own setting, not its text
  if (stated.basis === 'title-year') {
    const y = Number(stated.start.slice(0, 4));
    const [from, to] = yearsOf(period);
    if (y >= from && y <= to) return [];
  } else if (stated.start === period.start && stated.end === period.end) return [];
  return [{
    ruleId: 'stale/period-mismatch',
    category: 'stale',
    severity: 'error',
    message: `The report states the period ${describePeriod(stated)} ("${stated.text ?? ''}"), but the period given for this check is ${describePeriod(period)}: the statement looks carried over from an earlier report. Current: ${describePeriod(period)}.`,
    line: stated.line,
    column: stated.column ?? 1,
    page: stated.page,
  }];
}

/** Blocks where the report's own title is: level-1 headings of Markdown, the first page of text. */
function titleBlocks(ctx: CheckContext): Block[] {
  const { doc } = ctx;
  if (doc.format === 'markdown') {
    return doc.blocks.filter((b) => b.kind === 'heading' && doc.sections[b.section].level === 1);
  }
  const firstPage = doc.pages.length > 0 ? doc.blocks.filter((b) => b.page === 1) : doc.blocks.slice(0, 15);
  return firstPage.filter((b) => b.role === 'body' || b.role === 'toc');
}

function titleYear(ctx: CheckContext): Finding[] {
  const period = ctx.period;
  if (!period) return [];
  const [from, to] = yearsOf(period);
  const findings: Finding[] = [];
  const consider = (years: number[], text: string, at: { line: number; column: number; page?: number }) => {
    if (years.some((y) => y >= from && y <= to)) return;
    const stated = ctx.detectedPeriod;
    if (period.basis !== 'option' && stated?.line === at.line) return;
    if (findings.some((f) => f.line === at.line)) return;
    if (period.basis === 'option' && stated?.basis === 'title-year' && stated.line === at.line) return; // reported as period-mismatch
    findings.push({
      ruleId: 'stale/title-year',
      category: 'stale',
      severity: 'error',
      message: `The title gives ${years.join('/')} ("${text}"), but the reporting period is ${describePeriod(period)}: the title looks carried over from an earlier report. Current: ${from === to ? from : `${from}/${String(to).slice(2)}`}.`,
      ...at,
    });
  };
  const yearsFrom = (groups: Record<string, string | undefined>): number[] => {
    const years = [Number(groups.year)];
    if (groups.end) years.push(groups.end.length === 2 ? Math.floor(years[0] / 100) * 100 + Number(groups.end) : Number(groups.end));
    return years;
  };
  const blocks = new Set(titleBlocks(ctx).map((b) => b.index));
  for (const h of findPattern(ctx.finder.index, { phrases: [], regex: ctx.rules.hygiene.period.titleYear, caseSensitive: false }, (b) => blocks.has(b.index))) {
    consider(yearsFrom(h.groups), h.text, locate(h.block, h.start));
  }
  const fmTitle = ctx.doc.frontmatter?.title;
  if (typeof fmTitle === 'string') {
    const line = firstLineWhere(ctx.doc.lines, (l) => /^title\s*:/.test(l));
    for (const re of ctx.rules.hygiene.period.titleYear) {
      for (const m of fmTitle.toLowerCase().matchAll(re)) consider(yearsFrom({ ...m.groups }), fmTitle, { line: Math.max(1, line), column: 1 });
    }
  }
  return findings;
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The days a year, month or date mention covers, as ISO dates. */
function mentionRange(groups: Record<string, string | undefined>): { from: string; to: string; what: string } | undefined {
  const year = Number(groups.year);
  if (!Number.isFinite(year)) return undefined;
  const month = groups.month ? Number(groups.month) : groups.monthName ? MONTH_NUMBER[groups.monthName.slice(0, 3)] : undefined;
  if (month === undefined) return { from: `${year}-01-01`, to: `${year}-12-31`, what: String(year) };
  if (month < 1 || month > 12) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (groups.day) {
    const day = Number(groups.day);
    if (day < 1 || day > last) return undefined;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    return { from: iso, to: iso, what: iso };
  }
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, what: `${year}-${pad(month)}` };
}

/**
 * A sentence that speaks of the reporting year ("this year", "本年度", "報告期內") while dating
 * itself outside the period. A bare year counts only when it is before the period (later years
 * in such sentences are plans); a month or a day counts on either side.
 */
function periodSentences(ctx: CheckContext): Finding[] {
  const period = ctx.period;
  if (!period) return [];
  const { thisYear, timeOfClause, exempt } = ctx.rules.hygiene.period;
  const index = ctx.finder.index;
  const findings: Finding[] = [];
  const hits = findPattern(index, { phrases: [], regex: timeOfClause, caseSensitive: false }, (b) => b.role === 'body' && b.kind !== 'heading' && b.kind !== 'table');
  for (const h of hits) {
    const range = mentionRange(h.groups);
    if (!range) continue;
    const yearOnly = !h.groups.month && !h.groups.monthName;
    const outside = yearOnly ? range.to < period.start : range.to < period.start || range.from > period.end;
    if (!outside) continue;
    const [s, e] = sentenceAround(h.block.norm, h.start);
    if (!phraseWithin(index, h.block, s, e, thisYear)) continue;
    if (phraseWithin(index, h.block, s, e, exempt)) continue;
    const base = index.blockStarts[h.block.index];
    const phrase = thisYear.find((p) => phraseWithin(index, h.block, s, e, [p]))!;
    const at = index.find(phrase).find((o) => o >= base + s && o < base + e)! - base;
    const said = h.block.text.slice(at, at + normalize(phrase).length);
    findings.push({
      ruleId: 'stale/period-sentence',
      category: 'stale',
      severity: 'warning',
      message: `This sentence speaks of the reporting period ("${said}") but dates it ${range.what}, outside the reporting period ${describePeriod(period)}: "${excerpt(h.block.text.slice(s, e))}". It looks carried over from an earlier report. Current: ${describePeriod(period)}.`,
      ...locate(h.block, h.start),
    });
  }
  return findings;
}

export function periodMatches(when: PeriodCondition, period: Period): boolean {
  if (when.periodStartsOnOrAfter !== undefined && period.start < when.periodStartsOnOrAfter) return false;
  if (when.periodStartsBefore !== undefined && period.start >= when.periodStartsBefore) return false;
  if (when.periodEndsOnOrAfter !== undefined && period.end < when.periodEndsOnOrAfter) return false;
  return true;
}

/** Appendix 27, the "Guide" for a Code period, GRI 2016 versions, G4, TCFD for Part D periods… */
function supersededReferences(ctx: CheckContext): Finding[] {
  const period = ctx.period;
  if (!period) return [];
  const index = ctx.finder.index;
  const findings: Finding[] = [];
  const checked = new Set(ctx.editions.map((e) => e.pack.framework));
  for (const rule of ctx.rules.hygiene.superseded) {
    if (!periodMatches(rule.when, period)) continue;
    if (rule.deferToFramework && rule.framework && checked.has(rule.framework)) continue;
    const accept = (b: Block) => notFurniture(b) && (rule.blockContains.length === 0 || phraseWithin(index, b, 0, b.norm.length, rule.blockContains));
    for (const h of findPattern(index, rule, accept)) {
      if (rule.near.length > 0 && !phraseNear(index, h, rule.near, rule.window)) continue;
      if (phraseNear(index, h, rule.unlessNear, rule.window)) continue;
      findings.push({
        ruleId: 'stale/superseded-reference',
        category: 'stale',
        severity: rule.severity,
        ...(rule.framework ? { framework: rule.framework } : {}),
        message: `"${h.text}" refers to ${rule.label}, which is out of date for a reporting period of ${describePeriod(period)}. Current: ${rule.current}.`,
        ...locate(h.block, h.start),
      });
    }
  }
  return findings;
}

/**
 * Clause ids cited that the applicable edition does not have: deleted by it (an earlier edition
 * has them) or not yet in force (only a later edition has them).
 */
function clauseCitations(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const index = ctx.finder.index;
  for (const rule of ctx.rules.hygiene.clauseCitations) {
    const chosen = ctx.editions.find((e) => e.pack.framework === rule.framework)?.pack;
    if (!chosen) continue;
    const own = new Set(chosen.items.map((i) => i.id.toUpperCase()));
    const others = ctx.rules.packs.filter((p) => p.framework === rule.framework && p.edition !== chosen.edition);
    const since = chosen.applies.periodStartFrom ?? '';
    for (const h of findPattern(index, { phrases: [], regex: rule.regex, caseSensitive: false }, notFurniture)) {
      const id = h.groups.id?.toUpperCase();
      if (!id || own.has(id)) continue;
      const holder = others.find((p) => p.items.some((i) => i.id.toUpperCase() === id));
      if (!holder) continue;
      if (phraseNear(index, h, rule.unlessNear, rule.window)) continue;
      const earlier = (holder.applies.periodStartFrom ?? '') < since;
      const current = rule.replacements[id] ?? (earlier ? `the clauses of ${chosen.title}, which no longer has ${id}` : `the clauses of ${chosen.title}`);
      const title = holder.items.find((i) => i.id.toUpperCase() === id)!.title.en;
      findings.push({
        ruleId: earlier ? 'stale/deleted-clause' : 'stale/clause-not-yet-in-force',
        category: 'stale',
        severity: 'warning',
        framework: rule.framework,
        item: id,
        message: earlier
          ? `"${h.text}" cites ${id} (${title}), which ${chosen.title} (${chosen.edition}, applicable to this period) deleted. Current: ${current}.`
          : `"${h.text}" cites ${id} (${title}), which exists only from ${holder.edition}; this period is held against ${chosen.edition}. Current: ${current}.`,
        ...locate(h.block, h.start),
      });
    }
  }
  return findings;
}
