import { DocumentBuilder } from '../document/build.js';
import type { Page, ReportDocument, Segment, SourceFormat, TableRow } from '../document/types.js';
import { hasCjk } from '../util/normalize.js';

/**
 * Reads text extracted from a PDF: wrapped lines, headings as short lines, tables flattened
 * to "label unit value value…" lines, pages separated by form feeds (or marked by a
 * `pageMarker` pattern, or by the single leading space some extractors put on a page's
 * first line).
 */
export interface TextOptions {
  pageMarker?: RegExp;
}

/**
 * A line as a reader that knows the layout hands it over (the PDF reader): its page, and what
 * the layout says about it. Absent hints fall back to the line-shape heuristics.
 */
export interface LaidOutLine {
  text: string;
  /** 1-based column of the line's first character in `lines` (the document's line text). */
  column: number;
  page: number;
  pageStart: boolean;
  /** Heading level from the font (size, weight); 0 when the font says body text. */
  heading?: number;
  /** A vertical gap or an indent before the line: a new paragraph starts. */
  breakBefore?: boolean;
  /** The second line of a heading that wraps (same font, no gap). */
  continuesHeading?: boolean;
  /** Cells of a table row, where column gaps separate them. */
  cells?: string[];
  /** Running header or footer, navigation bar or page number, found from its place on the page. */
  furniture?: boolean;
}

interface Line {
  no: number;
  text: string;
  column: number;
  page?: number;
  pageStart: boolean;
  kind: 'blank' | 'furniture' | 'heading' | 'row' | 'text' | 'bullet';
  hint?: Pick<LaidOutLine, 'heading' | 'breakBefore' | 'cells' | 'continuesHeading'>;
}

const TERMINAL = /[。！？!?；;:：]$|[.](?:["”’)）]?)$/;
const CONTINUES = /[，,、（(《「『“‘\-–]$/;
const VALUE_TOKEN = /^(?:[-−–]?[\d,]+(?:\.\d+)?%?\d*|\/|-|—|–|n\/?a|不適用|不适用|無|无|nil)$/i;
const BULLET = /^[•●○■□◆◇▪▫·‧∙*-]\s*/;
const PAGE_NUMBER = /^\d{1,3}$/;

/** Display width: CJK counts double, the way a page lays it out. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function valueTokenCount(text: string): number {
  const tokens = text.trim().split(/\s+/);
  let count = 0;
  for (let i = tokens.length - 1; i >= 0 && VALUE_TOKEN.test(tokens[i]); i--) count++;
  return count;
}

function isRow(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  const values = valueTokenCount(text);
  return values >= 2 && tokens.length > values;
}

function detectPages(lines: string[], options: TextOptions): { starts: boolean[]; formFeeds: boolean } {
  const starts = lines.map(() => false);
  if (lines.some((l) => l.includes('\f'))) {
    lines.forEach((l, i) => (starts[i] = l.includes('\f')));
    return { starts, formFeeds: true };
  }
  if (options.pageMarker) {
    lines.forEach((l, i) => (starts[i] = options.pageMarker!.test(l)));
    return { starts, formFeeds: false };
  }
  const nonEmpty = lines.filter((l) => l.trim() !== '').length;
  const marked = lines.map((l) => /^ \S/.test(l));
  const count = marked.filter(Boolean).length;
  if (count >= 2 && count <= nonEmpty * 0.2) {
    marked.forEach((m, i) => (starts[i] = m));
  }
  return { starts, formFeeds: false };
}

export function readText(path: string, source: string, options: TextOptions = {}): ReportDocument {
  const rawLines = source.split('\n');
  const { starts, formFeeds } = detectPages(rawLines, options);
  const hasPages = starts.some(Boolean);
  const pages: Page[] = hasPages ? [{ index: 1, startLine: 1 }] : [];
  let page = hasPages ? 1 : 0;
  let seenContent = false;

  const lines: Line[] = rawLines.map((raw, i) => {
    if (starts[i] && seenContent) {
      page++;
      pages.push({ index: page, startLine: i + 1 });
    }
    const withoutFeeds = raw.replace(/\f/g, '');
    if (withoutFeeds.trim() !== '') seenContent = true;
    const lead = withoutFeeds.length - withoutFeeds.trimStart().length;
    const column = 1 + lead + (raw.length - withoutFeeds.length);
    const text = withoutFeeds.trim();
    return { no: i + 1, text, column, page: hasPages ? page : undefined, pageStart: starts[i], kind: text ? 'text' : 'blank' };
  });

  const doc = assemble(path, 'text', rawLines.map((l) => l.replace(/\f/g, '')), lines, pages);
  return hasPages && !formFeeds && !options.pageMarker ? { ...doc, pagesInferred: true } : doc;
}

/**
 * Builds a document from lines already laid out in reading order (one per entry of `lines`,
 * numbered from 1), with their pages. `pages[i].label` may hold a label the reader found.
 */
export function readLaidOutLines(path: string, source: SourceFormat, laidOut: LaidOutLine[], pages: Page[]): ReportDocument {
  const lines: Line[] = laidOut.map((l, i) => ({
    no: i + 1,
    text: l.text.trim(),
    column: l.column,
    page: l.page,
    pageStart: l.pageStart,
    kind: l.furniture ? 'furniture' : l.text.trim() ? 'text' : 'blank',
    hint: { heading: l.heading, breakBefore: l.breakBefore, cells: l.cells, continuesHeading: l.continuesHeading },
  }));
  return assemble(path, source, laidOut.map((l) => ' '.repeat(Math.max(0, l.column - 1)) + l.text.trim()), lines, pages);
}

function assemble(path: string, source: SourceFormat, rawLines: string[], lines: Line[], pages: Page[]): ReportDocument {
  // A PDF's furniture is found from where text sits on the page; repeated body lines (the
  // "General disclosure" heading of every aspect) are content there.
  if (source !== 'pdf') markFurniture(lines, pages);
  keepConsistentLabels(pages);
  if (source === 'pdf') interpolateLabels(pages);
  classify(lines);
  const doc = build(path, rawLines, lines, pages);
  return source === 'text' ? doc : { ...doc, source };
}

/** Running headers, navigation bars and printed page numbers are furniture, not content. */
function markFurniture(lines: Line[], pages: Page[]): void {
  if (pages.length >= 3) {
    const seen = new Map<string, Set<number>>();
    for (const l of lines) {
      if (l.kind === 'blank' || isRow(l.text) || /^[\d\s.,%]+$/.test(l.text) || l.text.length > 80) continue;
      const key = l.text.replace(/\s+/g, ' ');
      const set = seen.get(key) ?? new Set<number>();
      set.add(l.page ?? 0);
      seen.set(key, set);
    }
    const threshold = Math.max(3, Math.floor(pages.length * 0.15));
    for (const l of lines) {
      if (l.kind !== 'blank' && (seen.get(l.text.replace(/\s+/g, ' '))?.size ?? 0) >= threshold) l.kind = 'furniture';
    }
  }
  // A number alone at the edge of a page (next to the page break or to furniture) is the
  // printed page number.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind !== 'text' || !PAGE_NUMBER.test(l.text) || l.page === undefined) continue;
    const before = neighbour(lines, i, -1);
    const after = neighbour(lines, i, 1);
    const edge = (n: Line | undefined, side: 'before' | 'after') =>
      !n || n.kind === 'furniture' || n.page !== l.page || (side === 'after' && n.pageStart) || (side === 'before' && l.pageStart);
    if (edge(before, 'before') || edge(after, 'after')) {
      l.kind = 'furniture';
      const p = pages[l.page - 1];
      if (p && p.label === undefined) p.label = l.text;
    }
  }
}

/**
 * Chapter numbers ("01") can pass for page numbers; keep only labels that agree with the
 * offset between printed and physical pages that most labels share.
 */
function keepConsistentLabels(pages: Page[]): void {
  const offsets = new Map<number, number>();
  for (const p of pages) if (p.label) offsets.set(p.index - Number(p.label), (offsets.get(p.index - Number(p.label)) ?? 0) + 1);
  let mode: number | undefined;
  let count = 0;
  for (const [offset, n] of offsets) if (n > count) [mode, count] = [offset, n];
  const labelled = pages.filter((p) => p.label).length;
  for (const p of pages) {
    if (p.label === undefined) continue;
    if (labelled >= 3 && (count < 2 || p.index - Number(p.label) !== mode)) p.label = undefined;
  }
}

/**
 * A page without a printed number (a full-page photo) between two numbered pages that agree on
 * the offset is numbered like them. Only where page breaks are exact (PDF).
 */
function interpolateLabels(pages: Page[]): void {
  let last: Page | undefined;
  for (const p of pages) {
    if (p.label === undefined || !/^\d+$/.test(p.label)) continue;
    if (last && p.index - Number(p.label) === last.index - Number(last.label)) {
      for (let i = last.index + 1; i < p.index; i++) pages[i - 1].label = String(i - (p.index - Number(p.label)));
    }
    last = p;
  }
}

function neighbour(lines: Line[], i: number, step: number): Line | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (lines[j].kind !== 'blank') return lines[j];
  return undefined;
}

function classify(lines: Line[]): void {
  let previous: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    const fontHeading = l.hint?.heading;
    if (l.hint?.continuesHeading && previous?.kind === 'heading') l.kind = 'heading';
    else if (fontHeading && fontHeading > 0 && !isRow(l.text) && headingShaped(l)) l.kind = 'heading';
    else if (isRow(l.text)) l.kind = 'row';
    else if (BULLET.test(l.text) && l.text.length > 2) l.kind = 'bullet';
    else if (fontHeading === undefined && looksLikeHeading(l, previous)) l.kind = 'heading';
    previous = l;
  }
  // A short label between two table rows ("By gender") belongs to the table.
  const content = lines.filter((l) => l.kind !== 'blank' && l.kind !== 'furniture');
  for (let i = 1; i < content.length - 1; i++) {
    const l = content[i];
    if (l.kind === 'heading' && !l.hint?.heading && content[i + 1].kind === 'row' && rowNearBefore(content, i)) l.kind = 'row';
  }
}

function rowNearBefore(content: Line[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (content[j].kind === 'row') return true;
    if (content[j].kind !== 'heading') return false;
  }
  return false;
}

function looksLikeHeading(l: Line, previous: Line | undefined): boolean {
  const t = l.text;
  const max = l.pageStart ? 72 : 60;
  if (width(t) > max || t.length < 2) return false;
  if (TERMINAL.test(t) || CONTINUES.test(t)) return false;
  if (/^[\d\s.,%/()-]+$/.test(t)) return false;
  if (/^[a-z]/.test(t)) return false;
  if (/[，,。；;]/.test(t) && !l.pageStart) return false;
  if (!hasCjk(t)) {
    const words = t.split(/\s+/);
    if (words.length > 10) return false;
    if (/^(?:to|and|or|of|the|for|in|with|by|at|a|an|from|as|on)$/i.test(words[words.length - 1])) return false;
    const capitalised = words.filter((w) => /^[A-Z0-9(]/.test(w)).length;
    if (words.length > 4 && capitalised < words.length / 2) return false;
  }
  if (!previous) return true;
  if (previous.kind === 'heading' || previous.kind === 'row' || previous.kind === 'bullet') return true;
  if (l.page !== previous.page) return true;
  return TERMINAL.test(previous.text);
}

/** A line the font marks as a heading still has to read like one (not a sentence, not a number). */
function headingShaped(l: Line): boolean {
  const t = l.text;
  if (t.length < 2 || width(t) > 120) return false;
  if (/^[\d\s.,%/()-]+$/.test(t)) return false;
  return !/[。；;，,]$/.test(t);
}

function headingLevel(l: Line): number {
  if (l.hint?.heading) return l.hint.heading;
  const t = l.text;
  if (/^(第[一二三四五六七八九十百\d]+[章部篇]|part\s+[ivx\d]+|chapter\s+\d+)/i.test(t)) return 1;
  if (/^\d+\.\d+\.\d+\s/.test(t)) return 4;
  if (/^\d+\.\d+\s/.test(t) || /^[（(][一二三四五六七八九十]+[）)]/.test(t)) return 3;
  if (/^[一二三四五六七八九十]+[、.]/.test(t) || /^\d+[.、]\s*\D/.test(t)) return 2;
  if (l.pageStart) return 1;
  return 2;
}

function joiner(prev: string, next: string): string {
  const a = prev[prev.length - 1] ?? '';
  const b = next[0] ?? '';
  return hasCjk(a) || hasCjk(b) ? '' : ' ';
}

function build(path: string, rawLines: string[], lines: Line[], pages: Page[]): ReportDocument {
  const builder = new DocumentBuilder();
  let para: { text: string; segments: Segment[]; end: number; page?: number } | undefined;
  let table: { rows: TableRow[]; text: string; segments: Segment[]; end: number; page?: number } | undefined;

  let heading: { text: string; segments: Segment[]; line: Line } | undefined;
  const flushHeading = () => {
    if (heading) builder.heading(heading.text, headingLevel(heading.line), heading.line.no, heading.line.column, heading.line.page, { text: heading.text, segments: heading.segments });
    heading = undefined;
  };
  const flushPara = () => {
    if (para) builder.block('paragraph', para.text, para.segments, para.end, { page: para.page });
    para = undefined;
  };
  const flushTable = () => {
    if (table) builder.block('table', table.text, table.segments, table.end, { page: table.page, rows: table.rows });
    table = undefined;
  };

  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    const segment = (offset: number): Segment => ({ offset, line: l.no, column: l.column, page: l.page });
    if (l.kind === 'heading') {
      flushPara();
      flushTable();
      if (heading && l.hint?.continuesHeading) {
        const join = joiner(heading.text, l.text);
        heading.segments.push(segment(heading.text.length + join.length));
        heading.text += join + l.text;
        continue;
      }
      flushHeading();
      heading = { text: l.text, segments: [segment(0)], line: l };
      continue;
    }
    flushHeading();
    if (l.kind === 'row') {
      flushPara();
      table ??= { rows: [], text: '', segments: [], end: l.no, page: l.page };
      const offset = table.text.length === 0 ? 0 : table.text.length + 1;
      table.text += (table.text.length === 0 ? '' : '\n') + l.text;
      table.segments.push(segment(offset));
      table.rows.push({ cells: l.hint?.cells && l.hint.cells.length > 1 ? l.hint.cells : splitRow(l.text), line: l.no });
      table.end = l.no;
      continue;
    }
    flushTable();
    if (l.kind === 'bullet') {
      flushPara();
      para = { text: l.text, segments: [segment(0)], end: l.no, page: l.page };
      continue;
    }
    if (para && !TERMINAL.test(para.text) && !l.hint?.breakBefore) {
      const join = joiner(para.text, l.text);
      para.text += join;
      para.segments.push(segment(para.text.length));
      para.text += l.text;
      para.end = l.no;
    } else {
      flushPara();
      para = { text: l.text, segments: [segment(0)], end: l.no, page: l.page };
    }
  }
  flushHeading();
  flushPara();
  flushTable();
  return builder.finish(path, 'text', rawLines, pages);
}

/** Splits a flattened row into a label and its trailing value cells. */
export function splitRow(text: string): string[] {
  const tokens = text.trim().split(/\s+/);
  const values = valueTokenCount(text);
  const label = tokens.slice(0, tokens.length - values).join(' ');
  return values > 0 ? [label, ...tokens.slice(tokens.length - values)] : [label];
}
