import type { ReportDocument } from '../document/types.js';
import type { ItemCoverage } from './coverage.js';
import type { Framework, RulePack } from '../rules/types.js';
import { normalize } from '../util/normalize.js';
import { bodyHeadings, compact, joinWrapped, pagesOf, resolve, INDEX_TITLE, PAGE_TOKEN, type Heading } from './locations.js';

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
  marked?: { kind: 'deleted' | 'not-applicable'; text: string; reasoned?: boolean };
  line: number;
  column: number;
  page?: number;
}

export interface ContentIndexVocabulary {
  deletedMarkers: string[];
  notApplicableMarkers: string[];
  /** Phrases that give a reason for an omission (an entry marked not applicable with one is explained). */
  reasons?: string[];
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
const ASPECT_LINE = /^(?:层面|aspect)\s*([ab][1-8])(?![.\d])/i;
const KPI_LINE = /^(?:关键绩效指标|关键绩效|指标|kpi|key performance indicator)?\s*([ab][1-8]\.\d{1,2})(?!\d)/i;
const GD_LINE = /^(?:一般披露|general disclosures?)/i;
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
      // A page column holds bare numbers ("62-63"); the page reader wants them marked as pages.
      pageCell: pageCol >= 0 ? bareToPages(row.cells[pageCol] ?? '') : undefined,
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
      const text = doc.lines.at(seg.line - 1)?.trim() ?? '';
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
  // A row of only a clause, its description and pages ("KPI A1.1 Types of emissions. 12") still locates it.
  if (!names && start === 0) return undefined;
  return { ids, lines: [l], sectionCell: names, pageCell: pages[1].replace(/(\d+)/g, 'p$1').replace(/pp/g, 'p') };
}

function bareToPages(cell: string): string {
  return /^[\d\s,，、\-–—~至]+$/.test(cell) ? cell.replace(/(\d+)/g, 'p$1') : cell;
}

function hasPage(entry: Entry): boolean {
  return entry.lines.some((l) => new RegExp(PAGE_TOKEN.source, 'i').test(normalize(l.text)));
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
  const notApplicable = () => {
    const found = mark('not-applicable', vocab.notApplicableMarkers);
    return found && { ...found, reasoned: (vocab.reasons ?? []).some((r) => norm.includes(normalize(r))) };
  };
  const marked = mark('deleted', vocab.deletedMarkers) ?? notApplicable();
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


/**
 * Items the report's HKEX index marks not applicable ("KPI B6.1 … Not material to our business")
 * and the body does not address are explained there: the index is part of the report. The
 * explanation is considered when the entry gives a reason.
 */
export function explainFromIndex(claims: IndexClaim[], covered: { coverage: ItemCoverage }[]): void {
  const missing = new Map<string, ItemCoverage>();
  for (const { coverage } of covered) {
    if (coverage.pack.framework === 'hkex' && coverage.status === 'missing') missing.set(coverage.item.id, coverage);
  }
  for (const claim of claims) {
    if (claim.marked?.kind !== 'not-applicable') continue;
    for (const id of claim.ids) {
      const coverage = missing.get(id);
      if (!coverage) continue;
      const evidence = { line: claim.line, column: claim.column, page: claim.page, section: 'content index', text: claim.marked.text };
      coverage.status = 'explained';
      coverage.explanation = { evidence, reasoned: claim.marked.reasoned ?? false };
      coverage.evidence.push(evidence);
      missing.delete(id);
    }
  }
}
