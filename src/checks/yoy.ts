import type { Block } from '../document/types.js';
import type { Finding, Location } from '../report/result.js';
import { carriedParagraphs, type CarriedParagraph } from '../compare/paragraphs.js';
import type { PreviousReport } from '../compare/previous.js';
import { reportingColumn, sameFigure, yearTables, type YearRow, type YearTable } from '../compare/year-tables.js';
import { normalize } from '../util/normalize.js';
import type { CheckContext } from './context.js';
import { excerpt, findPattern, locate, phraseWithin, sentenceAround } from './hygiene-text.js';

/**
 * Year over year: restatement notes without a reason (always), and, against last year's report
 * (--previous), paragraphs carried over, prior-year figures that differ from what last year's
 * report published, and clauses last year's report addressed that this one does not.
 */
export function yoyChecks(ctx: CheckContext): Finding[] {
  const notes = restatementNotes(ctx);
  const findings = unreasonedNotes(ctx, notes);
  const previous = ctx.previous;
  if (previous) findings.push(...carriedOver(ctx, previous), ...priorYearFigures(ctx, previous, notes), ...droppedItems(ctx, previous));
  return findings;
}

interface RestatementNote {
  block: Block;
  start: number;
  end: number;
  /** The note's sentence (and the next one), folded. */
  sentence: string;
  reasoned: boolean;
}

/** Sentences that say a figure was restated, and whether they (or the next sentence) say why. */
function restatementNotes(ctx: CheckContext): RestatementNote[] {
  const { phrases, reasons, negations } = ctx.rules.hygiene.restatement;
  const index = ctx.finder.index;
  const notes: RestatementNote[] = [];
  for (const h of findPattern(index, { phrases, regex: [], caseSensitive: false }, (b) => b.role === 'body' && b.kind !== 'heading')) {
    const [start, end] = sentenceAround(h.block.norm, h.start);
    const clauseStart = Math.max(start, h.block.norm.lastIndexOf(',', h.start) + 1, h.block.norm.lastIndexOf('、', h.start) + 1);
    if (phraseWithin(index, h.block, clauseStart, h.start, negations)) continue;
    if (notes.some((n) => n.block === h.block && n.start === start)) continue;
    const [, next] = end < h.block.norm.length ? sentenceAround(h.block.norm, end) : [end, end];
    notes.push({
      block: h.block,
      start,
      end,
      sentence: h.block.norm.slice(start, next),
      reasoned: phraseWithin(index, h.block, start, next, reasons),
    });
  }
  return notes;
}

/** A figure precise enough to identify a restatement (not a year, not a small count). */
const FIGURE = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+\.\d{2,}(?![\d])/g;

/** Words that say nothing about which figure a note is about. */
const FILLER = new Set(['the', 'and', 'for', 'has', 'have', 'been', 'was', 'were', 'with', 'from', 'this', 'that', 'its', 'our', 'figur', 'data', 'note', 'year', 'years', '数据', '年度', '本年', '去年']);

/**
 * Latin word stems, small numbers ("Scope 1") and Chinese character pairs: enough to tell that
 * a note speaks of a given row.
 */
function topicTokens(text: string): Set<string> {
  const norm = normalize(text);
  const tokens = new Set<string>();
  for (const w of norm.match(/[a-z]{3,}|(?<![\d.,])\d{1,2}(?![\d.,])/g) ?? []) tokens.add(w.slice(0, 5));
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) tokens.add(run.slice(i, i + 2));
    // Chinese numerals tell rows apart the way digits do (範圍一 / 範圍二).
    for (const n of run.match(/[一二三四五六七八九十]/g) ?? []) tokens.add(`#${n}`);
  }
  for (const f of FILLER) tokens.delete(f);
  return tokens;
}

/**
 * True when the note names the subject (a row label): every number of it ("Scope 1" is not
 * "Scope 2") and at least half of its words.
 */
function speaksOf(note: string, subject: string): boolean {
  const mine = [...topicTokens(subject)];
  if (mine.length === 0) return false;
  const theirs = topicTokens(note);
  const numbers = mine.filter((t) => /^[\d#]/.test(t));
  const words = mine.filter((t) => !/^[\d#]/.test(t));
  return numbers.every((t) => theirs.has(t)) && words.filter((t) => theirs.has(t)).length >= Math.ceil(words.length / 2);
}

/**
 * A note without a reason is fine when a reasoned note explains it: one about the same figure
 * anywhere (a "(restated)" row label and the consistency principle that says why), or, for a
 * row label, the note just under its table.
 */
function unreasonedNotes(ctx: CheckContext, notes: RestatementNote[]): Finding[] {
  const findings: Finding[] = [];
  const restated = ctx.rules.hygiene.restatement.phrases.map((p) => normalize(p));
  for (const n of notes) {
    if (n.reasoned) continue;
    if (n.block.kind === 'table' && notes.some((o) => o.reasoned && o.block.index > n.block.index && o.block.index <= n.block.index + 2)) continue;
    let subject = n.block.norm.slice(n.start, n.end);
    for (const p of restated) subject = subject.split(p).join(' ');
    // Explained by a reasoned note about the same figure: its words, or one of its figures ("7,402").
    const figures = subject.match(FIGURE) ?? [];
    if (notes.some((o) => o.reasoned && (speaksOf(o.sentence, subject) || figures.some((f) => o.sentence.includes(f))))) continue;
    // A column head ("2024 (restated)"): explained by a reasoned note about one of the table's rows.
    if (n.block.kind === 'table' && !n.block.norm.slice(0, n.start).includes('\n')) {
      const rows = (n.block.rows ?? []).slice(1).map((r) => r.cells[0] ?? '').filter((label) => label.trim() !== '');
      if (rows.some((label) => notes.some((o) => o.reasoned && speaksOf(o.sentence, label)))) continue;
    }
    findings.push({
      ruleId: 'inconsistent/restatement-without-reason',
      category: 'inconsistent',
      severity: 'warning',
      message: `This note says a figure was restated or adjusted ("${excerpt(n.block.text.slice(n.start, n.end), 70)}") but not why: give the reason (a correction, a change of method, boundary or factor) and its effect (GRI 2-4; the consistency principle of the HKEX Guide/Code).`,
      ...locate(n.block, n.start),
    });
  }
  return findings;
}

function withPath(path: string, at: Location): Location {
  return { ...at, path };
}

function blockAt(block: Block): Location {
  return { line: block.line, column: block.column, ...(block.page ? { page: block.page } : {}) };
}

/** Paragraphs carried over from last year, listed for review, one finding per section. */
function carriedOver(ctx: CheckContext, previous: PreviousReport): Finding[] {
  const carried = carriedParagraphs(ctx.doc, previous.doc, ctx.rules.hygiene.carriedOver.minWidth);
  const groups = new Map<string, CarriedParagraph[]>();
  // A lone level-1 heading is the report's title, not a section worth grouping by.
  const skip = ctx.doc.sections.filter((s) => s.level === 1).length === 1 ? 1 : 0;
  for (const c of carried) {
    const key = ctx.doc.sections[c.block.section].path.slice(skip, skip + 2).join(' › ') || '(top)';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines = (list: CarriedParagraph[]) => list.map((c) => c.block.line).join(', ');
  const year = ctx.period?.end.slice(0, 4);
  const findings: Finding[] = [];
  for (const [section, list] of groups) {
    const unchanged = list.filter((c) => c.carry === 'unchanged');
    const figures = list.filter((c) => c.carry === 'figures-changed');
    const parts = [
      unchanged.length > 0 ? `word for word at line${unchanged.length > 1 ? 's' : ''} ${lines(unchanged)}` : '',
      figures.length > 0 ? `with only years or figures changed at line${figures.length > 1 ? 's' : ''} ${lines(figures)}` : '',
    ].filter(Boolean);
    const lastYear = [...new Set(list.map((c) => c.previous.line))].join(', ');
    findings.push({
      ruleId: 'stale/carried-over',
      category: 'stale',
      severity: 'info',
      message: `${list.length} paragraph${list.length > 1 ? 's' : ''} in "${section}" ${list.length > 1 ? 'are' : 'is'} carried over from last year's report (${previous.doc.path}, line${list.length > 1 ? 's' : ''} ${lastYear}): ${parts.join('; ')}. Check that ${list.length > 1 ? 'they' : 'it'} still describe${list.length > 1 ? '' : 's'} ${year ?? 'this year'}.`,
      ...blockAt(list[0].block),
      related: [...list.slice(1).map((c) => blockAt(c.block)), ...list.map((c) => withPath(previous.doc.path, blockAt(c.previous)))],
    });
  }
  return findings;
}

/** A row label without notes, footnote markers and restatement words. */
function cleanLabel(label: string, restated: string[]): string {
  let out = normalize(label).replace(/\([^)]*\)|\[\^?\w+\]|\*+/g, ' ');
  for (const p of restated) out = out.split(p).join(' ');
  return out;
}

/**
 * Each row of a report's KPI tables by what it is (metric, breakdown, unit); a row that
 * appears more than once with different figures pairs with nothing.
 */
function rowsByKey(tables: YearTable[]): Map<string, YearRow | null> {
  const map = new Map<string, YearRow | null>();
  for (const t of tables) {
    for (const r of t.rows) {
      const seen = map.get(r.key);
      if (seen === undefined) map.set(r.key, r);
      else if (seen !== null && [...r.cells.values()].some((c) => { const o = seen.cells.get(c.year); return o && !sameFigure(o, c) && (o.value !== null || c.value !== null); })) map.set(r.key, null);
    }
  }
  return map;
}

/** The blocks a table's rows are in. */
function tableBlocks(ctx: CheckContext, t: YearTable): Block[] {
  const lines = t.rows.map((r) => r.line);
  const first = Math.min(...lines);
  const last = Math.max(...lines);
  return ctx.doc.blocks.filter((b) => b.endLine >= first && b.line <= last);
}

/**
 * Prior-year figures in this draft that differ from what last year's report published for the
 * same metric, breakdown and year, with no restatement note on the row, its table or beside it.
 */
function priorYearFigures(ctx: CheckContext, previous: PreviousReport, notes: RestatementNote[]): Finding[] {
  const restated = ctx.rules.hygiene.restatement.phrases.map((p) => normalize(p));
  const current = yearTables(ctx.facts);
  const before = rowsByKey(yearTables(previous.facts));
  const mine = rowsByKey(current);
  // Restatement words inside a table mark their own row only.
  const prose = notes.filter((n) => n.block.kind !== 'table');
  const findings: Finding[] = [];
  for (const t of current) {
    const year = (ctx.period && reportingColumn(t, ctx.period)) ?? Math.max(...t.years);
    const blocks = tableBlocks(ctx, t);
    const sections = new Set(blocks.map((b) => b.section));
    const lastBlock = Math.max(...blocks.map((b) => b.index));
    // A note beside the table (in its section, or just under it) that names none of its rows covers them all.
    const beside = prose.filter((n) => sections.has(n.block.section) || (n.block.index > lastBlock && n.block.index <= lastBlock + 2));
    const tableNoted = beside.some((n) => !t.rows.some((r) => speaksOf(n.sentence, cleanLabel(r.label, restated))));
    for (const r of t.rows) {
      const p = before.get(r.key);
      if (!p || mine.get(r.key) === null) continue;
      const changed = [...r.cells.values()].filter((c) => {
        const old = p.cells.get(c.year);
        return c.year < year && c.value != null && old?.value != null && !sameFigure(c, old);
      });
      if (changed.length === 0) continue;
      const rowText = normalize(ctx.doc.lines.at(r.line - 1) ?? '');
      const marked = restated.some((ph) => rowText.includes(ph));
      const noted = marked || tableNoted || prose.some((n) => speaksOf(n.sentence, cleanLabel(r.label, restated)));
      if (noted) continue;
      const what = changed.map((c) => `${c.year}: ${c.raw.trim()} here, ${p.cells.get(c.year)!.raw.trim()} last year`).join('; ');
      findings.push({
        ruleId: 'inconsistent/prior-year-changed',
        category: 'inconsistent',
        severity: 'error',
        message: `"${excerpt(r.label, 50)}" differs from the figure last year's report (${previous.doc.path}, line ${p.line}) published for the same year (${what}), and no note says it was restated. Restate it with the reason (GRI 2-4), or correct it.`,
        line: r.line,
        column: r.column,
        ...(r.page ? { page: r.page } : {}),
        related: [withPath(previous.doc.path, { line: p.line, column: p.column, ...(p.page ? { page: p.page } : {}) })],
      });
    }
  }
  return findings;
}

/** Clauses last year's report addressed (or explained) that this year's does not. */
function droppedItems(ctx: CheckContext, previous: PreviousReport): Finding[] {
  const findings: Finding[] = [];
  for (const { coverage, obligation } of ctx.covered) {
    const now = coverage.status;
    if (now !== 'missing' && now !== 'partial') continue;
    const before = previous.cover(coverage.pack, coverage.item);
    const dropped = now === 'missing' ? before.status !== 'missing' : before.status === 'addressed';
    if (!dropped) continue;
    const where = before.evidence[0] ?? before.headings[0];
    if (!where) continue;
    const { item, pack } = coverage;
    const page = where.page !== undefined ? `, page ${previous.doc.pages[where.page - 1]?.label ?? where.page}` : '';
    findings.push({
      ruleId: 'missing/dropped-since-last-year',
      category: 'missing',
      severity: obligation === 'voluntary' ? 'info' : 'warning',
      framework: pack.framework,
      item: item.id,
      message: `${item.id} (${item.title.en}) was ${before.status === 'explained' ? 'explained' : 'addressed'} in last year's report (${previous.doc.path}, line ${where.line}${page}, "${excerpt(where.section.split(' › ').pop() ?? '', 50)}") but is ${now === 'missing' ? 'not addressed' : 'only partly addressed'} in this one: carry the disclosure forward with this year's information.`,
      ...(coverage.evidence[0] ? { line: coverage.evidence[0].line, column: coverage.evidence[0].column, ...(coverage.evidence[0].page ? { page: coverage.evidence[0].page } : {}) } : { line: 1, column: 1 }),
      related: [withPath(previous.doc.path, { line: where.line, column: where.column, ...(where.page ? { page: where.page } : {}) })],
    });
  }
  return findings;
}
