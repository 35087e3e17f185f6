import type { ReportDocument } from '../document/types.js';
import type { BlockRange } from './coverage.js';
import { physicalPages } from './pages.js';
import { foldOnce, normalize } from '../util/normalize.js';
import { width } from '../util/width.js';

/** Where a content index says something is: section names resolved to headings, and pages. */

export const PAGE_TOKEN = /(?:\bp\.?|\bpp\.?|\bpage\s*|第)\s*(\d{1,3})(?:\s*(?:-|–|—|~|至)\s*(?:p\.?\s*)?(\d{1,3}))?\s*(?:页)?/gi;
export const INDEX_TITLE = /索引|content index|index$/i;

export interface Heading {
  section: number;
  key: string;
}

export function bodyHeadings(doc: ReportDocument): Heading[] {
  const out: Heading[] = [];
  // Titles are read once here: a document with more of them than the memos hold folds them unremembered.
  const key = doc.sections.length <= COMPACT_MEMO / 2 ? compact : (title: string) => compactFolded(foldOnce(title));
  for (const s of doc.sections) {
    const block = s.blocks.map((b) => doc.blocks[b]).find((b) => b.kind === 'heading');
    if (!block || block.role !== 'body') continue;
    const k = key(s.title);
    if (k.length >= 2) out.push({ section: s.index, key: k });
  }
  return out;
}

const compacted = new Map<string, string>();
const COMPACT_MEMO = 50000;

/** A name folded and stripped of spaces and punctuation, for comparing names with headings. */
export function compact(text: string): string {
  let key = compacted.get(text);
  if (key === undefined) {
    key = compactFolded(normalize(text));
    if (compacted.size > COMPACT_MEMO) compacted.clear();
    compacted.set(text, key);
  }
  return key;
}

function compactFolded(folded: string): string {
  return folded.replace(/^#+/, '').replace(/[\s:：·・,，、()（）《》「」"'‘’“”\-–—|]+/g, '');
}

export function pagesOf(text: string): number[] {
  const pages: number[] = [];
  for (const m of normalize(text).matchAll(PAGE_TOKEN)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let p = a; p <= Math.min(b, a + 30); p++) pages.push(p);
  }
  return pages;
}


/** A table or figure cited beside a section ("5.5（表5-4）", "附錄一表A-1", "(Table 3)"): no part of its heading. */
const TABLE_REFERENCE = /[（(]?\s*(?:表|圖|图|\btable|\bfigure|\bfig\.|\bchart)\s*(?:[a-z][.\-－–]?)?\d+(?:\s*[.\-－–]\s*\d+)*[a-z]?\s*[)）]?/gi;

/** Pointers to no one heading: the report as a whole or every chapter ("各議題章節", "throughout the report"). */
const GENERAL_REFERENCE = /^(?:(?:各|所有|相關|相关).{0,6}(?:章節|章节|部分|篇章)|全文|(?:全份|整份|本)(?:報告|报告)(?:全文|各處|各处)?|(?:報告|报告)全文|(?:throughout|across) (?:the|this|our) report|(?:various|relevant|all|respective) (?:sections|chapters)(?: of (?:the|this) report)?)$/i;

/** Another document ("Annual Report — Corporate Governance Report", "our website"): not a section of this report. */
const EXTERNAL_REFERENCE = /annual report|interim report|circular|prospectus|website|年報|年报|年度報告|年度报告|中期報告|中期报告|通函|網站|网站/i;

/** Words that go on a sentence, not open a heading: lower case, three words or more. */
const REMARK_FRAGMENT = /^[a-z][a-z'’-]*(?:\s+\S+){2,}$/;

/** A cell of page numbers alone, a hyphen joining pages: "9", "7, 12", "13-18". */
export const PAGE_LIST = /^\d{1,3}(?:\s*[-–—~至]\s*\d{1,3})?(?:\s*[,，、]\s*\d{1,3}(?:\s*[-–—~至]\s*\d{1,3})?)*$/;

/** Bare page numbers in a location ("Section 10.2, 84", "16–17"). */
export const BARE_PAGES = /^\d{1,3}(?:\s*[-–—~至]\s*\d{1,3})?$/;

/**
 * The section names of an index entry's location: cited tables and notes in brackets dropped
 * ("4.1 Product recalls (0%; explanation given)"), "see 9.2" and "Section 10.2" as "10.2", and no bare page
 * numbers, pointers to the whole report or to other documents.
 */
export function sectionCitations(names: string[]): string[] {
  return names
    .map((n) => n.replace(TABLE_REFERENCE, ' ').replace(/\s*[(（][^()（）]*[)）]\s*$/, '').replace(/^(?:(?:please\s+)?(?:see|refer\s+to)\s+|(?:詳見|详见|參見|参见|請參閱|请参阅|參閱|参阅|見|见)\s*)/i, '').replace(/^(?:sections?|chapters?|sec\.)\s+(?=\d)/i, '').trim())
    // A whole sentence ("ABC Group has reported the information cited …") is no section name, nor
    // the rest of a remark after a semicolon ("7.8.5. Not linked in 2025; link introduced from 2026").
    .filter((n) => compact(n).length > 1 && n.length <= 100 && !BARE_PAGES.test(n) && !/^[\d\s,，、]+$/.test(n) && !GENERAL_REFERENCE.test(n.replace(/\s+/g, ' ')) && !EXTERNAL_REFERENCE.test(n) && !REMARK_FRAGMENT.test(n));
}

/** The other documents a location cites ("2025年年度報告 – 企業管治報告", "Annual Report 2024, p. 45"). */
export function externalCitations(names: string[]): string[] {
  return names.map((n) => n.trim()).filter((n) => n.length <= 100 && EXTERNAL_REFERENCE.test(n));
}

/** The tables and figures a location cites ("6.3 Waste; Table P-4" → "Table P-4"). */
export function tableCitations(names: string[]): string[] {
  return names.flatMap((n) => [...n.matchAll(TABLE_REFERENCE)].map((m) => m[0].replace(/^[（(\s]+|[)）\s]+$/g, ''))).filter((t) => /\d/.test(t) && !/(?:19|20)\d\d/.test(t));
}

/**
 * Where a cited table is: the section of the line that captions it ("**Table P-4: Waste**",
 * "表 3 員工數據"); none when no line opens with its name.
 */
export function resolveTable(ref: string, doc: ReportDocument): number[] {
  const key = compact(ref);
  const found = new Set<number>();
  // "Table 3" is not "Table 30".
  for (const e of labelsStartingWith(labelLines(doc).sorted, key)) if (!/^[\d.]/.test(e.label.slice(key.length))) found.add(e.section);
  return [...found];
}

/** Splits a location at its separators, but not inside brackets ("4.1 Product recalls (0%; explanation given)"). */
export function splitLocation(text: string, separators: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
    else if (depth === 0 && separators.test(ch)) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** A name wrapped over two lines ("杜絕貪腐與舞弊" / "行爲") is one name when joined it matches a heading. */
export function joinWrapped(parts: string[], headings: Heading[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const joined = i + 1 < parts.length ? parts[i] + parts[i + 1] : undefined;
    if (joined && headings.some((h) => h.key === compact(joined))) {
      out.push(joined);
      i++;
    } else out.push(parts[i]);
  }
  return out.filter((s) => compact(s).length > 1);
}


/**
 * The sections an index's location names. `pages` are the pages the index cites with it: a
 * heading too short to match on its own ("Notes" for "data notes") is taken when it is on them.
 */
export function resolve(name: string, headings: Heading[], doc?: ReportDocument, pages: number[] = []): number[] {
  const found = resolveAnywhere(name, headings, doc);
  return found.length > 0 || !doc ? found : onCitedPages(name, headings, doc, pages);
}

function onCitedPages(name: string, headings: Heading[], doc: ReportDocument, pages: number[]): number[] {
  const physical = pages.length > 0 ? physicalPages(doc, pages) : undefined;
  if (!physical) return [];
  const key = compact(name);
  const min = /[a-z]/.test(key) ? 4 : 2;
  return headings
    .filter((h) => {
      const page = doc.sections[h.section].page;
      return page !== undefined && physical.includes(page) && h.key.length >= min && key.length >= min && (key.includes(h.key) || h.key.includes(key));
    })
    .map((h) => h.section);
}

function resolveAnywhere(name: string, headings: Heading[], doc?: ReportDocument): number[] {
  // "層面A1－一般披露", "Aspect A1 > Policies": a parent heading, then one below it.
  const parts = name.split(/\s*[－—>›»/]\s*|\s+--?\s+/).filter((p) => compact(p).length >= 2);
  if (parts.length > 1 && doc) {
    const parents = resolveOne(parts[0], headings);
    const children = resolveOne(parts[parts.length - 1], headings).filter((c) => parents.some((p) => isWithin(doc, c, p)));
    if (children.length > 0) return children;
    if (parents.length > 0) return parents;
  }
  // "10.2 Training": the part titled so within section 10.2, else section 10.2 itself — never a
  // heading elsewhere that merely reads alike ("5.4 Anti-corruption training").
  const numbered = doc ? /^(\d+(?:\.\d+)+)\.?\s+(\S.*)$/.exec(name.trim()) : null;
  if (numbered && doc) {
    const sections = resolveOne(numbered[1], headings);
    if (sections.length > 0) {
      const exact = resolveOne(name, headings).filter((c) => sections.includes(c));
      if (exact.length > 0) return exact;
      const within = [...(labelLine(numbered[2], doc) ?? []), ...resolveOne(numbered[2], headings)].filter((c) => sections.some((p) => isWithin(doc, c, p)));
      return within.length > 0 ? [...new Set(within)] : sections;
    }
  }
  const found = resolveOne(name, headings);
  if (found.length > 0 || !doc) return found;
  // Text read from a PDF knows headings only by their look: a label on a line of its own
  // ("How we review our employment practices") is where the index says too.
  return labelLine(name, doc) ?? (parts.length > 1 ? labelLine(parts[parts.length - 1], doc) : undefined) ?? [];
}

interface LabelEntry {
  label: string;
  /** Length of the label as printed. */
  length: number;
  block: number;
  section: number;
}

/** A document's label lines, made once: the first column of each block's first line, sorted; run-in labels by name. */
const labelLinesOf = new WeakMap<ReportDocument, { sorted: LabelEntry[]; runIn: Map<string, LabelEntry> }>();

function labelLines(doc: ReportDocument): { sorted: LabelEntry[]; runIn: Map<string, LabelEntry> } {
  let found = labelLinesOf.get(doc);
  if (found) return found;
  const sorted: LabelEntry[] = [];
  const runIn = new Map<string, LabelEntry>();
  for (const block of doc.blocks) {
    if (block.role !== 'body') continue;
    const line = doc.lines.at(block.segments[0].line - 1)?.trim().replace(/^[*_#>\s-]+/, '');
    if (line === undefined) continue;
    // A run-in label ("**Product recalls.** As a bank, we …") names the paragraph it opens.
    const lead = /^(.{2,80}?)(?:\*\*|__)?\s*[.:：。](?:\*\*|__)?\s/.exec(line);
    if (lead) {
      const label = compact(lead[1]);
      if (!runIn.has(label)) runIn.set(label, { label, length: lead[1].length, block: block.index, section: block.section });
    }
    const first = line.split(/\s{2,}/)[0];
    sorted.push({ label: compact(first), length: first.length, block: block.index, section: block.section });
  }
  sorted.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.block - b.block));
  found = { sorted, runIn };
  labelLinesOf.set(doc, found);
  return found;
}

/**
 * The section of a block that opens with the name as a label of its own line ("Promoting
 * environmentally preferable products and services" for "Promoting environmentally preferable
 * products"; a table's first column head), for names long enough to be a label. Looked up in the
 * document's sorted label lines, not by reading every block for every name.
 */
function labelLine(name: string, doc: ReportDocument): number[] | undefined {
  const key = compact(name);
  if (key.length < (/[a-z]/.test(key) ? 12 : 4)) return undefined;
  const { sorted, runIn } = labelLines(doc);
  let best = runIn.get(key);
  for (const e of labelsStartingWith(sorted, key)) {
    if (e.length > 3 * name.length || (e.label !== key && key.length < e.label.length / 2)) continue;
    if (!best || e.block < best.block) best = e;
  }
  return best ? [best.section] : undefined;
}

/** The label lines whose label starts with `key`, found by binary search in the sorted list. */
function labelsStartingWith(sorted: LabelEntry[], key: string): LabelEntry[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].label < key) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < sorted.length && sorted[end].label.startsWith(key)) end++;
  return sorted.slice(lo, end);
}

function isWithin(doc: ReportDocument, section: number, ancestor: number): boolean {
  for (let s: number | null = section; s !== null; s = doc.sections[s].parent) if (s === ancestor) return true;
  return false;
}

function resolveOne(name: string, headings: Heading[]): number[] {
  const key = compact(name);
  if (key.length < 2) return [];
  // A section number ("5.5", "4.4.1"): the headings numbered so, not "5.50" or "15.5".
  if (/^\d+(?:\.\d+)+$/.test(key)) {
    return headings.filter((h) => h.key.startsWith(key) && !/^[\d.]/.test(h.key.slice(key.length))).map((h) => h.section);
  }
  const latin = /[a-z]/.test(key);
  const min = latin ? 8 : 3;
  // "6.5 Energy" is the section an index calls "Energy".
  const exact = headings.filter((h) => h.key === key || (/^\d/.test(h.key) && h.key.replace(/^\d+(?:\.\d+)*/, '') === key));
  if (exact.length > 0) return exact.map((h) => h.section);
  const containing = headings.filter(
    (h) => (key.length >= min && h.key.includes(key)) || (h.key.length >= min && key.includes(h.key)) || (!latin && h.key.endsWith(key)),
  );
  if (containing.length > 0) return containing.map((h) => h.section);
  // Paraphrased titles ("檢討招聘慣例的措施" for "檢討招聘慣例以避免童工…的措施"): most bigrams shared.
  if (key.length < 4) return [];
  const grams = bigrams(key);
  if (grams.size === 0) return [];
  // Only headings sharing a bigram can score; counted through an index of the headings' bigrams
  // (one pass per name, not one comparison per heading), in heading order for ties.
  const shared = new Map<number, number>();
  const index = bigramIndex(headings);
  for (const g of grams) for (const h of index.get(g) ?? []) shared.set(h, (shared.get(h) ?? 0) + 1);
  let best: { score: number; section: number } | undefined;
  for (const h of [...shared.keys()].sort((x, y) => x - y)) {
    const score = shared.get(h)! / grams.size;
    if (score >= 0.6 && (!best || score > best.score)) best = { score, section: headings[h].section };
  }
  return best ? [best.section] : [];
}

/** The distinct character bigrams of a string. */
function bigrams(t: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

const bigramIndexes = new WeakMap<Heading[], Map<string, number[]>>();

/** For each bigram, the positions of the headings that have it (built once per heading list). */
function bigramIndex(headings: Heading[]): Map<string, number[]> {
  let index = bigramIndexes.get(headings);
  if (!index) {
    index = new Map();
    headings.forEach((h, i) => {
      for (const g of bigrams(h.key)) {
        const list = index!.get(g);
        if (list) list.push(i);
        else index!.set(g, [i]);
      }
    });
    bigramIndexes.set(headings, index);
  }
  return index;
}

/**
 * The blocks a claimed section spans: its subtree in Markdown; in flat PDF text, from its
 * heading over as many pages as the index cites (plus one), or to the next top-level heading.
 */
export function extent(doc: ReportDocument, sectionIndex: number, pages: number[]): BlockRange {
  const section = doc.sections[sectionIndex];
  const from = section.blocks[0] ?? 0;
  let to = doc.blocks.length;
  if (doc.format === 'markdown') {
    for (let s = sectionIndex + 1; s < doc.sections.length; s++) {
      if (doc.sections[s].level <= section.level && doc.sections[s].blocks.length > 0) {
        to = doc.sections[s].blocks[0];
        break;
      }
    }
    return { from, to };
  }
  const span = pages.length > 0 ? Math.max(...pages) - Math.min(...pages) : 0;
  const startPage = doc.blocks[from]?.page;
  for (let b = from + 1; b < doc.blocks.length; b++) {
    const block = doc.blocks[b];
    if (block.role !== 'body') {
      to = b;
      break;
    }
    if (startPage !== undefined && block.page !== undefined ? block.page > startPage + span + 1 : block.kind === 'heading' && doc.sections[block.section].level <= 1) {
      to = b;
      break;
    }
  }
  return { from, to };
}

export function pageList(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  return sorted.length > 1 && sorted[sorted.length - 1] - sorted[0] === sorted.length - 1 ? `${sorted[0]}–${sorted[sorted.length - 1]}` : sorted.join(', ');
}

export interface Columns {
  starts: number[];
  /** The section (location) column, or -1 when the heads have none. */
  section: number;
  page: number;
}

/**
 * A line of column heads of a laid-out index: two or more, spaced apart, one of them the page
 * column ("Disclosure   Page"), perhaps one the section column ("Aspect / KPI   Description
 * Section   Page").
 */
export function columnHeads(raw: string): Columns | undefined {
  const chunks = chunksOf(raw);
  if (chunks.length < 2) return undefined;
  const norm = chunks.map((c) => normalize(c.text));
  // One column may hold both ("章節╱頁碼", "Section / Page": "董事會聲明，6").
  const both = norm.findIndex((t) => /^(?:章節|章节|section|chapter|location)\s*[/／╱、及與与&]\s*(?:頁碼|页码|頁|页|pages?)$/.test(t));
  if (both >= 0) return { starts: chunks.map((c) => c.at), section: both, page: both };
  const page = norm.findIndex((t) => /^(?:page|pages|頁|页|頁碼|页码|頁數|页数)$/.test(t));
  if (page < 0) return undefined;
  const section = norm.findIndex((t, i) => i !== page && /section|chapter|location|explanation|reference|章節|章节|位置|說明|说明/.test(t));
  return { starts: chunks.map((c) => c.at), section, page };
}

/** The runs of text of a laid-out line, split at gaps of two spaces or more, with their columns. */
export function chunksOf(raw: string): { at: number; end: number; index: number; text: string }[] {
  const out: { at: number; end: number; index: number; text: string }[] = [];
  // Columns are where the page puts them (`at`, `end`): Chinese characters take two places.
  for (const m of raw.matchAll(/\S+(?: \S+)*/g)) {
    const at = width(raw.slice(0, m.index));
    out.push({ at, end: at + width(m[0]), index: m.index, text: m[0] });
  }
  return out;
}

/** A page column holds bare numbers ("62-63"); the page reader wants them marked as pages. */
export function bareToPages(cell: string): string {
  return /^[\d\s,，、\-–—~至]+$/.test(cell) ? cell.replace(/(\d+)/g, 'p$1') : cell;
}
