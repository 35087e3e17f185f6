import { DocumentBuilder } from '../document/build.js';
import { width } from '../util/width.js';
import type { DocumentLines, Page, ReportDocument, Segment, SourceFormat, TableRow } from '../document/types.js';
import { TextLines } from '../util/lines.js';
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

type Hint = Pick<LaidOutLine, 'heading' | 'breakBefore' | 'cells' | 'continuesHeading'>;

const BLANK = 0;
const FURNITURE = 1;
const HEADING = 2;
const ROW = 3;
const TEXT = 4;
const BULLET_LINE = 5;

/**
 * The input's lines, one column per property (a large text has hundreds of thousands of lines:
 * one object per line would be most of the reader's memory). Line i is numbered i + 1.
 */
interface Lines {
  count: number;
  /** Trimmed text. */
  text: string[];
  column: Int32Array;
  /** 1-based page; 0 where the input has no pages. */
  page: Int32Array;
  pageStart: Uint8Array;
  kind: Uint8Array;
  /** What the layout says about each line (PDF), absent for plain text. */
  hints?: Hint[];
}

const TERMINAL = /[。！？!?；;:：]$|[.](?:["”’)）]?)$/;
const CONTINUES = /[，,、（(《「『“‘\-–]$/;
const VALUE_TOKEN = /^(?:[-−–]?[\d,]+(?:\.\d+)?%?\d*|\/|-|—|–|n\/?a|不適用|不适用|無|无|nil)$/i;
const BULLET = /^[•●○■□◆◇▪▫·‧∙*-]\s*/;
const PAGE_NUMBER = /^\d{1,3}$/;

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The value tokens that end a line ("120.5 110.2"), counted from the end, and whether other
 * tokens come before them — what `text.trim().split(/\s+/)` would give, without the split.
 */
function trailingValues(text: string): { values: number; more: boolean } {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let first = 0;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  let values = 0;
  while (end > first) {
    let start = end;
    while (start > first && !isSpace(text.charCodeAt(start - 1))) start--;
    if (!VALUE_TOKEN.test(text.slice(start, end))) return { values, more: true };
    values++;
    end = start;
    while (end > first && isSpace(text.charCodeAt(end - 1))) end--;
  }
  // An empty line is one empty token, which is no value.
  return values === 0 ? { values: 0, more: true } : { values, more: false };
}

function valueTokenCount(text: string): number {
  return trailingValues(text).values;
}

function isRow(text: string): boolean {
  const { values, more } = trailingValues(text);
  return values >= 2 && more;
}

/** The end of a sentence or of a block that can close a page: . ! ? 。 ！ ？ : ) and closing quotes. */
const SENTENCE_END = /[.!?。！？:：)）"”’」』]$/;

function detectPages(source: string, lines: string[], options: TextOptions): { starts: Uint8Array; formFeeds: boolean } {
  const starts = new Uint8Array(lines.length);
  if (source.includes('\f')) {
    for (let i = 0; i < lines.length; i++) starts[i] = lines[i].includes('\f') ? 1 : 0;
    return { starts, formFeeds: true };
  }
  if (options.pageMarker) {
    for (let i = 0; i < lines.length; i++) starts[i] = options.pageMarker.test(lines[i]) ? 1 : 0;
    return { starts, formFeeds: false };
  }
  let nonEmpty = 0;
  let count = 0;
  const marked = new Uint8Array(lines.length);
  let previous = '';
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    // A lower-case word after a line that ends mid-sentence continues that sentence: the
    // extractor broke the line (after a superscript, say), the page did not start there.
    if (/^ \S/.test(lines[i]) && !(/^ [a-z]/.test(lines[i]) && !SENTENCE_END.test(previous))) {
      marked[i] = 1;
      count++;
    }
    if (trimmed !== '') {
      nonEmpty++;
      previous = trimmed;
    }
  }
  if (count >= 2 && count <= nonEmpty * 0.2) return { starts: marked, formFeeds: false };
  return { starts: runningHeaderPages(lines) ?? starts, formFeeds: false };
}

/**
 * Pages from a running header or footer: a short line repeated on many pages with a printed
 * page number next to it (within two lines), the numbers increasing from one to the next. Each
 * of its occurrences starts a page. Undefined when no line is corroborated that way.
 */
function runningHeaderPages(lines: string[]): Uint8Array | undefined {
  const occurrences = new Map<string, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t.length < 4 || t.length > 80 || !/\p{L}/u.test(t)) continue;
    const list = occurrences.get(t);
    if (list) list.push(i);
    else occurrences.set(t, [i]);
  }
  let best: number[] | undefined;
  for (const list of occurrences.values()) {
    if (list.length < 3 || (best && list.length <= best.length)) continue;
    const numbers: number[] = [];
    for (const i of list) {
      const near = [i - 1, i + 1, i - 2, i + 2].find((j) => j >= 0 && j < lines.length && PAGE_NUMBER.test(lines[j].trim()));
      if (near !== undefined) numbers.push(Number(lines[near].trim()));
    }
    let rising = 0;
    for (let k = 1; k < numbers.length; k++) if (numbers[k] > numbers[k - 1]) rising++;
    // Most occurrences carry a page number, and the numbers mostly rise.
    if (numbers.length >= 3 && numbers.length >= list.length * 0.6 && rising >= (numbers.length - 1) * 0.8) best = list;
  }
  if (!best) return undefined;
  const starts = new Uint8Array(lines.length);
  for (const i of best) {
    // The page number printed just above the header is on the header's page.
    const above = i > 0 && PAGE_NUMBER.test(lines[i - 1].trim()) ? i - 1 : i;
    starts[above] = 1;
  }
  return starts;
}

export function readText(path: string, source: string, options: TextOptions = {}): ReportDocument {
  const rawLines = source.split('\n');
  const { starts, formFeeds } = detectPages(source, rawLines, options);
  const hasPages = starts.includes(1);
  const pages: Page[] = hasPages ? [{ index: 1, startLine: 1 }] : [];
  let page = hasPages ? 1 : 0;
  let seenContent = false;

  const count = rawLines.length;
  const lines: Lines = {
    count,
    text: new Array<string>(count),
    column: new Int32Array(count),
    page: new Int32Array(count),
    pageStart: starts,
    kind: new Uint8Array(count),
  };
  // The document's lines are read from the source (without form feeds) where they start.
  const lineStarts = new Int32Array(count);
  for (let i = 0, offset = 0; i < count; i++) {
    if (starts[i] && seenContent) {
      page++;
      pages.push({ index: page, startLine: i + 1 });
    }
    const raw = rawLines[i];
    lineStarts[i] = offset;
    offset += raw.length + 1;
    const withoutFeeds = formFeeds ? raw.replace(/\f/g, '') : raw;
    const text = withoutFeeds.trim();
    if (text !== '') seenContent = true;
    const lead = withoutFeeds.length - withoutFeeds.trimStart().length;
    lines.column[i] = 1 + lead + (raw.length - withoutFeeds.length);
    lines.text[i] = text;
    lines.page[i] = page;
    lines.kind[i] = text ? TEXT : BLANK;
  }

  const doc = assemble(path, 'text', new TextLines(source, lineStarts, formFeeds), lines, pages);
  return hasPages && !formFeeds && !options.pageMarker ? { ...doc, pagesInferred: true } : doc;
}

/**
 * Builds a document from lines already laid out in reading order (one per entry of `lines`,
 * numbered from 1), with their pages. `pages[i].label` may hold a label the reader found.
 */
export function readLaidOutLines(path: string, source: SourceFormat, laidOut: LaidOutLine[], pages: Page[]): ReportDocument {
  const count = laidOut.length;
  const lines: Lines = {
    count,
    text: laidOut.map((l) => l.text.trim()),
    column: Int32Array.from(laidOut, (l) => l.column),
    page: Int32Array.from(laidOut, (l) => l.page),
    pageStart: Uint8Array.from(laidOut, (l) => (l.pageStart ? 1 : 0)),
    kind: Uint8Array.from(laidOut, (l) => (l.furniture ? FURNITURE : l.text.trim() ? TEXT : BLANK)),
    hints: laidOut.map((l) => ({ heading: l.heading, breakBefore: l.breakBefore, cells: l.cells, continuesHeading: l.continuesHeading })),
  };
  return assemble(path, source, laidOut.map((l) => ' '.repeat(Math.max(0, l.column - 1)) + l.text.trim()), lines, pages);
}

function assemble(path: string, source: SourceFormat, sourceLines: DocumentLines, lines: Lines, pages: Page[]): ReportDocument {
  // A PDF's furniture is found from where text sits on the page; repeated body lines (the
  // "General disclosure" heading of every aspect) are content there.
  const rows = rowFlags(lines);
  if (source !== 'pdf') markFurniture(lines, rows, pages);
  keepConsistentLabels(pages);
  if (source === 'pdf') interpolateLabels(pages);
  classify(lines, rows);
  const doc = build(path, sourceLines, lines, pages);
  return source === 'text' ? doc : { ...doc, source };
}

/** Which non-blank lines read as flattened table rows (asked several times per line). */
function rowFlags(lines: Lines): Uint8Array {
  const rows = new Uint8Array(lines.count);
  for (let i = 0; i < lines.count; i++) if (lines.kind[i] !== BLANK && isRow(lines.text[i])) rows[i] = 1;
  return rows;
}

/** Runs of white space as one space; the text itself (no copy) when it has none but single spaces. */
function spacesCollapsed(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Running headers, navigation bars and printed page numbers are furniture, not content. */
function markFurniture(lines: Lines, rows: Uint8Array, pages: Page[]): void {
  const { text, kind, page } = lines;
  if (pages.length >= 3) {
    // Per distinct line (spaces collapsed): on how many pages it appears. Pages only grow
    // from line to line, so a page differing from the last one seen is a new one.
    const ids = new Map<string, number>();
    const lastPage: number[] = [];
    const pageCount: number[] = [];
    const idOf = new Int32Array(lines.count).fill(-1);
    const leadOf = new Int32Array(lines.count).fill(-1);
    const count = (key: string, i: number): number => {
      let id = ids.get(key);
      if (id === undefined) {
        id = lastPage.length;
        ids.set(key, id);
        lastPage.push(page[i]);
        pageCount.push(1);
      } else if (lastPage[id] !== page[i]) {
        lastPage[id] = page[i];
        pageCount[id]++;
      }
      return id;
    };
    // A table printed one cell per line (pdftotext without -layout) repeats its year heads and row
    // labels ("FY2024/25", "Unit", "Total") over many pages: a year head or "Unit" alone, or a label
    // followed by two figures (perhaps after its unit), is a cell, not page furniture.
    const figure = (n: number) => n >= 0 && /^[\d\s.,%()\-–]+$/.test(text[n]) && /\d/.test(text[n]);
    const cellOfRow = (i: number): boolean => {
      if (YEAR_CELL.test(text[i].trim()) || /^(?:units?|單位|单位)$/i.test(text[i].trim())) return true;
      const next = neighbour(lines, i, 1);
      if (next < 0) return false;
      if (figure(next) && figure(neighbour(lines, next, 1))) return true;
      // Or a label, its unit ("Total" / "tonnes"), then figures.
      const after = neighbour(lines, next, 1);
      return text[next].trim().length <= 20 && figure(after) && figure(neighbour(lines, after, 1));
    };
    for (let i = 0; i < lines.count; i++) {
      const t = text[i];
      if (kind[i] === BLANK || rows[i] || /^[\d\s.,%]+$/.test(t) || yearHeads(t) || cellOfRow(i)) continue;
      const key = spacesCollapsed(t);
      if (key.length > 120) continue;
      if (key.length <= 80) idOf[i] = count(key, i);
      // A running header that names the chapter ("Company  ESG Report 2024/25  |  Social
      // Performance"): its fixed part repeats even where each chapter is too short to.
      const lead = runningLead(t);
      if (lead) leadOf[i] = count(`\u0000${lead}`, i);
    }
    const threshold = Math.max(3, Math.floor(pages.length * 0.15));
    for (let i = 0; i < lines.count; i++) {
      if (kind[i] === BLANK) continue;
      const id = idOf[i] >= 0 ? idOf[i] : ids.get(spacesCollapsed(text[i]));
      if ((id !== undefined && pageCount[id] >= threshold) || (leadOf[i] >= 0 && pageCount[leadOf[i]] >= threshold)) kind[i] = FURNITURE;
    }
  }
  // A number alone at the edge of a page (next to the page break or to furniture) is the
  // printed page number.
  for (let i = 0; i < lines.count; i++) {
    if (kind[i] !== TEXT || !PAGE_NUMBER.test(text[i]) || page[i] === 0) continue;
    const before = neighbour(lines, i, -1);
    const after = neighbour(lines, i, 1);
    const edge = (n: number, side: 'before' | 'after') =>
      n < 0 || kind[n] === FURNITURE || page[n] !== page[i] || (side === 'after' && lines.pageStart[n] === 1) || (side === 'before' && lines.pageStart[i] === 1);
    if (edge(before, 'before') || edge(after, 'after')) {
      kind[i] = FURNITURE;
      const p = pages[page[i] - 1];
      if (p && p.label === undefined) p.label = text[i];
    }
  }
}

/** A year head alone on its line: "FY2024/25", "2024", "2024年". */
const YEAR_CELL = /^(?:fy\s*)?(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\s*(?:年度?)?$/i;

/** Column heads of years ("指標  單位  2022年  2023年  2024年"): repeated over many tables, yet no page furniture. */
function yearHeads(line: string): boolean {
  return new Set(line.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? []).size >= 2;
}

/** The fixed part of a header line that ends in a chapter name after "|" or a wide gap, if long enough to be a header's. */
function runningLead(line: string): string | undefined {
  const cut = Math.max(line.lastIndexOf(' | '), line.lastIndexOf('｜'), line.search(/\S {3,}\S(?!.* {3,}\S)/) + 1);
  if (cut <= 0) return undefined;
  const lead = spacesCollapsed(line.slice(0, cut)).trim();
  return lead.length >= 20 && /[a-z\u3400-\u9fff]/i.test(lead) ? lead : undefined;
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

/** The nearest non-blank line before (step -1) or after (step 1) line i, or -1. */
function neighbour(lines: Lines, i: number, step: number): number {
  for (let j = i + step; j >= 0 && j < lines.count; j += step) if (lines.kind[j] !== BLANK) return j;
  return -1;
}

function classify(lines: Lines, rows: Uint8Array): void {
  const { kind, hints } = lines;
  let previous = -1;
  for (let i = 0; i < lines.count; i++) {
    if (kind[i] === BLANK || kind[i] === FURNITURE) continue;
    const hint = hints?.[i];
    const fontHeading = hint?.heading;
    if (hint?.continuesHeading && previous >= 0 && kind[previous] === HEADING) kind[i] = HEADING;
    else if (fontHeading && fontHeading > 0 && !rows[i] && headingShaped(lines.text[i])) kind[i] = HEADING;
    else if (rows[i]) kind[i] = ROW;
    else if (BULLET.test(lines.text[i]) && lines.text[i].length > 2) kind[i] = BULLET_LINE;
    else if (fontHeading === undefined && looksLikeHeading(lines, i, previous)) kind[i] = HEADING;
    previous = i;
  }
  // A short label between two table rows ("By gender") belongs to the table.
  const content: number[] = [];
  for (let i = 0; i < lines.count; i++) if (kind[i] !== BLANK && kind[i] !== FURNITURE) content.push(i);
  tableHeadRows(lines, content);
  for (let c = 1; c < content.length - 1; c++) {
    const i = content[c];
    if (kind[i] === HEADING && !hints?.[i]?.heading && kind[content[c + 1]] === ROW && rowNearBefore(kind, content, c)) kind[i] = ROW;
  }
}

/** A line of dashes or equals signs alone: the rule under a table's column heads. */
const RULE_LINE = /^[-=_─━]{10,}$/;

/**
 * A table set out with a rule under its column heads ("Training   % of employees trained   Average
 * training hours" / "------" / rows): the heads are the table's first rows, the rule is dropped.
 */
function tableHeadRows(lines: Lines, content: number[]): void {
  const { kind, text, page } = lines;
  const spread = (t: string) => (t.match(/\S {3,}(?=\S)/g)?.length ?? 0) >= 2;
  // Words, not figures: at most a year or a unit in brackets ("（%）").
  const wordsOnly = (t: string) => !/\d[\d,.]*\s*(?:\s|$)/.test(t.replace(/(?:19|20)\d{2}(?:\/\d{2,4})?/g, ''));
  for (let c = 1; c + 1 < content.length; c++) {
    const at = content[c];
    if (RULE_LINE.test(text[at]) && kind[content[c + 1]] === ROW) {
      kind[at] = FURNITURE;
      for (let j = c - 1; j >= Math.max(0, c - 3); j--) {
        const head = content[j];
        // Heads are set out in columns, on the rule's page, right above it.
        if (page[head] !== page[at] || at - head > c - j + 1 || !/\S {3,}\S/.test(text[head]) || kind[head] === BULLET_LINE) break;
        kind[head] = ROW;
      }
    } else if (kind[at] === TEXT && spread(text[at]) && wordsOnly(text[at])) {
      // Without a rule: three or more heads spaced out in columns, then rows right below (a blank
      // line between at most), the heads' second line ("（%）   （小時）") as well.
      let last = c;
      if (c + 1 < content.length && kind[content[c + 1]] === TEXT && content[c + 1] === at + 1 && /\S {3,}\S/.test(text[content[c + 1]]) && wordsOnly(text[content[c + 1]])) last = c + 1;
      const next = content[last + 1];
      if (next === undefined || kind[next] !== ROW || next - content[last] > 2 || page[next] !== page[at]) continue;
      for (let j = c; j <= last; j++) kind[content[j]] = ROW;
      c = last;
    }
  }
}

function rowNearBefore(kind: Uint8Array, content: number[], c: number): boolean {
  for (let j = c - 1; j >= Math.max(0, c - 3); j--) {
    if (kind[content[j]] === ROW) return true;
    if (kind[content[j]] !== HEADING) return false;
  }
  return false;
}

function looksLikeHeading(lines: Lines, i: number, previous: number): boolean {
  const t = lines.text[i];
  const max = lines.pageStart[i] ? 72 : 60;
  if (t.length < 2 || width(t) > max) return false;
  if (TERMINAL.test(t) || CONTINUES.test(t)) return false;
  if (/^[\d\s.,%/()-]+$/.test(t)) return false;
  if (/^[a-z]/.test(t)) return false;
  if (/[，,。；;]/.test(t) && !lines.pageStart[i]) return false;
  if (!hasCjk(t)) {
    const words = t.split(/\s+/);
    if (words.length > 10) return false;
    if (/^(?:to|and|or|of|the|for|in|with|by|at|a|an|from|as|on)$/i.test(words[words.length - 1])) return false;
    const capitalised = words.filter((w) => /^[A-Z0-9(]/.test(w)).length;
    if (words.length > 4 && capitalised < words.length / 2) return false;
  }
  if (previous < 0) return true;
  const before = lines.kind[previous];
  if (before === HEADING || before === ROW || before === BULLET_LINE) return true;
  if (lines.page[i] !== lines.page[previous]) return true;
  return TERMINAL.test(lines.text[previous]);
}

/** A line the font marks as a heading still has to read like one (not a sentence, not a number). */
function headingShaped(t: string): boolean {
  if (t.length < 2 || width(t) > 120) return false;
  if (/^[\d\s.,%/()-]+$/.test(t)) return false;
  return !/[。；;，,]$/.test(t);
}

function headingLevel(lines: Lines, i: number): number {
  const fontHeading = lines.hints?.[i]?.heading;
  if (fontHeading) return fontHeading;
  const t = lines.text[i];
  if (/^(第[一二三四五六七八九十百\d]+[章部篇]|part\s+[ivx\d]+|chapter\s+\d+)/i.test(t)) return 1;
  if (/^\d+\.\d+\.\d+\s/.test(t)) return 4;
  if (/^\d+\.\d+\s/.test(t) || /^[（(][一二三四五六七八九十]+[）)]/.test(t)) return 3;
  if (/^[一二三四五六七八九十]+[、.]/.test(t) || /^\d+[.、]\s*\D/.test(t)) return 2;
  if (lines.pageStart[i]) return 1;
  return 2;
}

function joiner(prev: string, next: string): string {
  const a = prev[prev.length - 1] ?? '';
  const b = next[0] ?? '';
  return hasCjk(a) || hasCjk(b) ? '' : ' ';
}

function build(path: string, sourceLines: DocumentLines, lines: Lines, pages: Page[]): ReportDocument {
  const { text: texts, kind, hints } = lines;
  // Every line of content is a segment of one block.
  let segments = 0;
  for (let i = 0; i < lines.count; i++) if (kind[i] !== BLANK && kind[i] !== FURNITURE) segments++;
  const builder = new DocumentBuilder(segments);
  const pageOf = (i: number) => (lines.page[i] === 0 ? undefined : lines.page[i]);
  // `tail`: the paragraph's last two characters, all that TERMINAL and joiner read — testing the
  // growing text itself re-read (and flattened) it at every line, quadratic in a long paragraph.
  let para: { text: string; tail: string; segments: Segment[]; end: number; page?: number } | undefined;
  let table: { rows: TableRow[]; text: string; segments: Segment[]; end: number; page?: number } | undefined;

  let heading: { text: string; segments: Segment[]; line: number } | undefined;
  const flushHeading = () => {
    if (heading) {
      const i = heading.line;
      builder.heading(heading.text, headingLevel(lines, i), i + 1, lines.column[i], pageOf(i), { text: heading.text, segments: heading.segments });
    }
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

  for (let i = 0; i < lines.count; i++) {
    const k = kind[i];
    if (k === BLANK || k === FURNITURE) continue;
    const text = texts[i];
    const no = i + 1;
    const page = pageOf(i);
    const hint = hints?.[i];
    const segment = (offset: number): Segment => ({ offset, line: no, column: lines.column[i], page });
    if (k === HEADING) {
      flushPara();
      flushTable();
      if (heading && hint?.continuesHeading) {
        const join = joiner(heading.text, text);
        heading.segments.push(segment(heading.text.length + join.length));
        heading.text += join + text;
        continue;
      }
      flushHeading();
      heading = { text, segments: [segment(0)], line: i };
      continue;
    }
    flushHeading();
    if (k === ROW) {
      flushPara();
      table ??= { rows: [], text: '', segments: [], end: no, page };
      const offset = table.text.length === 0 ? 0 : table.text.length + 1;
      table.text += (table.text.length === 0 ? '' : '\n') + text;
      table.segments.push(segment(offset));
      table.rows.push({ cells: hint?.cells && hint.cells.length > 1 ? hint.cells : splitRow(text), line: no });
      table.end = no;
      continue;
    }
    flushTable();
    if (k === BULLET_LINE) {
      flushPara();
      para = { text, tail: text.slice(-2), segments: [segment(0)], end: no, page };
      continue;
    }
    if (para && !TERMINAL.test(para.tail) && !hint?.breakBefore) {
      const join = joiner(para.tail, text);
      para.text += join;
      para.segments.push(segment(para.text.length));
      para.text += text;
      para.tail = (para.tail + join + text).slice(-2);
      para.end = no;
    } else {
      flushPara();
      para = { text, tail: text.slice(-2), segments: [segment(0)], end: no, page };
    }
  }
  flushHeading();
  flushPara();
  flushTable();
  return builder.finish(path, 'text', sourceLines, pages);
}

/** Splits a flattened row into a label and its trailing value cells. */
export function splitRow(text: string): string[] {
  const tokens = text.trim().split(/\s+/);
  const values = valueTokenCount(text);
  const label = tokens.slice(0, tokens.length - values).join(' ');
  return values > 0 ? [label, ...tokens.slice(tokens.length - values)] : [label];
}
