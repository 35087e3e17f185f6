import type { ReportDocument } from '../document/types.js';
import type { Framework, RulePack } from '../rules/types.js';
import { normalize } from '../util/normalize.js';

/** One entry of the report's own content index: what it claims about some items. */
export interface IndexClaim {
  framework: Framework;
  /** Item ids the entry names (ranges expanded, Part B labels resolved). */
  ids: string[];
  /** Section names the entry points to, resolved to body sections where a heading matches. */
  sections: { name: string; sections: number[] }[];
  /** Printed page numbers the entry cites. */
  pages: number[];
  /** Set when the entry marks the items deleted or not applicable instead of locating them. */
  marked?: { kind: 'deleted' | 'not-applicable'; text: string };
  line: number;
  column: number;
  page?: number;
}

export interface ContentIndexVocabulary {
  deletedMarkers: string[];
  notApplicableMarkers: string[];
}

interface Entry {
  ids: string[];
  lines: { line: number; text: string; page?: number }[];
  /** Explicit cells, for tables. */
  sectionCell?: string;
  pageCell?: string;
}

const HKEX_ID = /(?<![a-z0-9])([ab][1-8](?:\.\d{1,2})?)(?![0-9]|\.\d)/gi;
const RANGE = /([ab][1-8]\.\d{1,2})\s*(?:-|–|—|~|to|至|到)\s*([ab][1-8]\.\d{1,2})/gi;
const PAGE_TOKEN = /(?:\bp\.?|\bpp\.?|\bpage\s*|第)\s*(\d{1,3})(?:\s*(?:-|–|—|~|至)\s*(?:p\.?\s*)?(\d{1,3}))?\s*(?:页)?/gi;
const ASPECT_LINE = /^(?:层面|aspect)\s*([ab][1-8])(?![.\d])/i;
const KPI_LINE = /^(?:关键绩效指标|关键绩效|指标|kpi|key performance indicator)?\s*([ab][1-8]\.\d{1,2})(?!\d)/i;
const GD_LINE = /^(?:一般披露|general disclosures?)/i;
const INDEX_TITLE = /索引|content index|index$/i;
const TERMINATOR = /[。；;:：]|\.(?=\s|$)|\)(?=\s*$)/g;

/** Parses every content index of the document into claims about items of the given packs. */
export function parseContentIndexes(doc: ReportDocument, packs: RulePack[], vocab: ContentIndexVocabulary): IndexClaim[] {
  const hkex = packs.find((p) => p.framework === 'hkex');
  if (!hkex) return [];
  const order = hkex.items.map((i) => i.id);
  const labels = hkex.items.flatMap((item) => (item.index ?? []).map((label) => ({ label: normalize(label).replace(/\s+/g, ''), id: item.id })));
  const entries: Entry[] = [];
  for (const block of doc.blocks) {
    if (block.role !== 'content-index') continue;
    if (block.kind === 'table' && doc.format === 'markdown' && block.rows) entries.push(...tableEntries(block.rows, block.page, order, labels));
  }
  if (doc.format === 'text') entries.push(...lineEntries(doc, order, labels));
  const headings = bodyHeadings(doc);
  return entries.filter((e) => e.ids.length > 0).map((e) => toClaim(e, headings, vocab, doc));
}

function expandIds(text: string, order: string[]): string[] {
  const ids: string[] = [];
  const norm = text.toUpperCase();
  for (const m of norm.matchAll(RANGE)) {
    const a = order.indexOf(m[1]);
    const b = order.indexOf(m[2]);
    if (a >= 0 && b >= a) ids.push(...order.slice(a, b + 1));
  }
  for (const m of norm.matchAll(HKEX_ID)) ids.push(m[1]);
  return [...new Set(ids)].filter((id) => order.includes(id)).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** Items whose index label opens the text (or starts within its first `within` characters). */
function labelIds(text: string, labels: { label: string; id: string }[], within = 0): string[] {
  const norm = normalize(text).replace(/\s+/g, '');
  return [...new Set(labels.filter((l) => { const at = norm.indexOf(l.label); return at >= 0 && at <= within; }).map((l) => l.id))];
}

function tableEntries(rows: { cells: string[]; line: number }[], page: number | undefined, order: string[], labels: { label: string; id: string }[]): Entry[] {
  const header = rows[0]?.cells.map((c) => normalize(c)) ?? [];
  const find = (re: RegExp) => header.findIndex((h) => re.test(h));
  const sectionCol = find(/章节|section|location|chapter|reference|位置|对应|索引|披露位置|报告章节/);
  const pageCol = find(/页|page/);
  const out: Entry[] = [];
  for (const row of rows.slice(1)) {
    const idCells = row.cells.filter((_, i) => i !== sectionCol && i !== pageCol);
    let ids = expandIds(idCells.slice(0, 2).join(' '), order);
    if (ids.length === 0) ids = labelIds(row.cells[0] ?? '', labels);
    out.push({
      ids,
      lines: [{ line: row.line, text: row.cells.join(' '), page }],
      sectionCell: sectionCol >= 0 ? row.cells[sectionCol] : undefined,
      pageCell: pageCol >= 0 ? row.cells[pageCol] : undefined,
    });
  }
  return out;
}

/** Flattened PDF text: an entry starts at an aspect, a KPI id, a general disclosure or a Part B label. */
function lineEntries(doc: ReportDocument, order: string[], labels: { label: string; id: string }[]): Entry[] {
  const lines: { line: number; text: string; page?: number }[] = [];
  let hkexIndex = true;
  for (const block of doc.blocks) {
    if (block.role !== 'content-index') continue;
    for (const seg of block.segments) {
      const text = doc.lines[seg.line - 1]?.trim() ?? '';
      // Each index opens with its title; only an HKEX index is read here.
      if (INDEX_TITLE.test(normalize(text))) hkexIndex = !/\bgri\b/i.test(text);
      if (hkexIndex) lines.push({ line: seg.line, text, page: seg.page });
    }
  }
  const out: Entry[] = [];
  let current: Entry | undefined;
  let aspect: string | undefined;
  for (const l of lines) {
    const norm = normalize(l.text);
    const single = singleLineEntry(l, norm, order, labels);
    if (single) {
      const aspectOf = /^(?:层面|aspect)\s*([ab][1-8])/i.exec(norm);
      if (aspectOf) aspect = aspectOf[1].toUpperCase();
      out.push(single);
      current = undefined;
      continue;
    }
    const aspectMatch = ASPECT_LINE.exec(norm);
    const kpi = KPI_LINE.exec(norm);
    let ids: string[] | undefined;
    if (aspectMatch) {
      aspect = aspectMatch[1].toUpperCase();
      ids = [aspect];
    } else if (kpi) ids = [kpi[1].toUpperCase()];
    else if (GD_LINE.test(norm)) {
      if (!(current && aspect && current.ids[0] === aspect && !hasPage(current))) ids = aspect ? [aspect] : undefined;
    } else {
      const named = labelIds(l.text, labels);
      if (named.length > 0) ids = named;
    }
    if (ids) {
      current = { ids: ids.filter((id) => order.includes(id)), lines: [] };
      out.push(current);
    }
    current?.lines.push(l);
  }
  return out;
}

const TRAILING_PAGES = /\s((?:p\.?\s*)?\d{1,3}(?:\s*[-–~至、,，]\s*(?:p\.?\s*)?\d{1,3})*)\s*$/i;

/**
 * An index row flattened onto one line: "層面 A1 一般披露及關鍵績效指標 A1.1-A1.6 層面 A1 排放物；附錄一 04、09".
 * The section names stand between the last clause id (or the description's end) and the pages.
 */
function singleLineEntry(l: { line: number; text: string; page?: number }, norm: string, order: string[], labels: { label: string; id: string }[]): Entry | undefined {
  const pages = TRAILING_PAGES.exec(norm);
  if (!pages) return undefined;
  const body = l.text.slice(0, pages.index);
  let ids = expandIds(body, order);
  if (ids.length === 0) ids = labelIds(body, labels, 10);
  if (ids.length === 0) return undefined;
  const bodyNorm = normalize(body);
  // In a one-line row, "；" separates section names, so only a description's end counts here.
  let start = 0;
  for (const m of bodyNorm.matchAll(/[。:：]|\.(?=\s)/g)) start = m.index + m[0].length;
  for (const m of bodyNorm.matchAll(HKEX_ID)) start = Math.max(start, m.index + m[0].length);
  // Flattened columns are separated by spaces: the section column is the last one.
  const tokens = body.slice(start).trim().split(/\s+/);
  const names = tokens.length > 1 && compact(tokens[tokens.length - 1]).length >= 2 ? tokens[tokens.length - 1] : tokens.join(' ');
  if (!names) return undefined;
  return { ids, lines: [l], sectionCell: names, pageCell: pages[1].replace(/(\d+)/g, 'p$1').replace(/pp/g, 'p') };
}

function hasPage(entry: Entry): boolean {
  return entry.lines.some((l) => new RegExp(PAGE_TOKEN.source, 'i').test(normalize(l.text)));
}

interface Heading {
  section: number;
  key: string;
}

function bodyHeadings(doc: ReportDocument): Heading[] {
  const out: Heading[] = [];
  for (const s of doc.sections) {
    const block = s.blocks.map((b) => doc.blocks[b]).find((b) => b.kind === 'heading');
    if (!block || block.role !== 'body') continue;
    const key = compact(s.title);
    if (key.length >= 2) out.push({ section: s.index, key });
  }
  return out;
}

function compact(text: string): string {
  return normalize(text).replace(/^#+/, '').replace(/[\s:：·・,，、()（）《》「」"'‘’“”\-–—|]+/g, '');
}

function pagesOf(text: string): number[] {
  const pages: number[] = [];
  for (const m of normalize(text).matchAll(PAGE_TOKEN)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let p = a; p <= Math.min(b, a + 30); p++) pages.push(p);
  }
  return pages;
}

function toClaim(entry: Entry, headings: Heading[], vocab: ContentIndexVocabulary, doc: ReportDocument): IndexClaim {
  const first = entry.lines[0];
  const whole = entry.lines.map((l) => l.text).join('\n');
  const norm = normalize(whole);
  const mark = (kind: 'deleted' | 'not-applicable', markers: string[]) => {
    const hit = markers.map((m) => normalize(m)).find((m) => norm.includes(m));
    if (!hit) return undefined;
    const at = norm.indexOf(hit);
    // Quote the mark with its bracket or its line, e.g. "[ 於 2025 年 1 月 1 日刪除 ]".
    const open = Math.max(whole.lastIndexOf('[', at), whole.lastIndexOf('［', at), whole.lastIndexOf('(', at), whole.lastIndexOf('（', at), whole.lastIndexOf('\n', at) + 1);
    const closeAt = whole.slice(at).search(/[\]］)）\n]/);
    const end = closeAt < 0 ? whole.length : at + closeAt + (/[\]］)）]/.test(whole[at + closeAt]) ? 1 : 0);
    return { kind, text: whole.slice(open, end).trim() };
  };
  const marked = mark('deleted', vocab.deletedMarkers) ?? mark('not-applicable', vocab.notApplicableMarkers);
  const pages = pagesOf(entry.pageCell ?? whole);
  const names = joinWrapped(sectionNames(entry, whole), headings);
  return {
    framework: 'hkex',
    ids: entry.ids,
    sections: names.map((name) => ({ name, sections: resolve(name, headings, doc) })),
    pages,
    marked,
    line: first.line,
    column: 1,
    page: first.page,
  };
}

/**
 * The section names an entry cites: its section cell, or — in flattened text — what stands
 * between the end of the clause's description and the last page reference.
 */
function sectionNames(entry: Entry, whole: string): string[] {
  if (entry.sectionCell !== undefined) {
    return entry.sectionCell.split(/<br\s*\/?>|[;；,，、/\n]/).map((s) => s.trim()).filter((s) => s.length > 1);
  }
  const norm = normalize(whole);
  let lastPage = -1;
  for (const m of norm.matchAll(PAGE_TOKEN)) lastPage = m.index + m[0].length;
  if (lastPage < 0) return [];
  let start = 0;
  for (const m of norm.slice(0, lastPage).matchAll(TERMINATOR)) start = m.index + m[0].length;
  // The first line names the clause (an id or a label), never a section.
  const firstLineEnd = whole.indexOf('\n');
  if (firstLineEnd > start && !/[。.]/.test(whole.slice(0, firstLineEnd))) start = Math.max(start, firstLineEnd + 1);
  const tail = whole.slice(start, lastPage).replace(new RegExp(PAGE_TOKEN.source, 'gi'), '\n');
  return tail.split('\n').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A name wrapped over two lines ("杜絕貪腐與舞弊" / "行爲") is one name when joined it matches a heading. */
function joinWrapped(parts: string[], headings: Heading[]): string[] {
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

function resolve(name: string, headings: Heading[], doc?: ReportDocument): number[] {
  // "層面A1－一般披露", "Aspect A1 > Policies": a parent heading, then one below it.
  const parts = name.split(/\s*[－—>›»/]\s*|\s+-\s+/).filter((p) => compact(p).length >= 2);
  if (parts.length > 1 && doc) {
    const parents = resolveOne(parts[0], headings);
    const children = resolveOne(parts[parts.length - 1], headings).filter((c) => parents.some((p) => isWithin(doc, c, p)));
    if (children.length > 0) return children;
    if (parents.length > 0) return parents;
  }
  return resolveOne(name, headings);
}

function isWithin(doc: ReportDocument, section: number, ancestor: number): boolean {
  for (let s: number | null = section; s !== null; s = doc.sections[s].parent) if (s === ancestor) return true;
  return false;
}

function resolveOne(name: string, headings: Heading[]): number[] {
  const key = compact(name);
  if (key.length < 2) return [];
  const latin = /[a-z]/.test(key);
  const min = latin ? 8 : 3;
  const exact = headings.filter((h) => h.key === key);
  if (exact.length > 0) return exact.map((h) => h.section);
  const containing = headings.filter(
    (h) => (key.length >= min && h.key.includes(key)) || (h.key.length >= min && key.includes(h.key)) || (!latin && h.key.endsWith(key)),
  );
  if (containing.length > 0) return containing.map((h) => h.section);
  // Paraphrased titles ("檢討招聘慣例的措施" for "檢討招聘慣例以避免童工…的措施"): most bigrams shared.
  if (key.length < 4) return [];
  let best: { score: number; section: number } | undefined;
  for (const h of headings) {
    const score = bigramOverlap(key, h.key);
    if (score >= 0.6 && (!best || score > best.score)) best = { score, section: h.section };
  }
  return best ? [best.section] : [];
}

/** Share of the name's character bigrams that the heading also has. */
function bigramOverlap(name: string, heading: string): number {
  const grams = (t: string) => {
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const a = grams(name);
  const b = grams(heading);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return a.size === 0 ? 0 : shared / a.size;
}
