import type { ReportDocument } from '../document/types.js';
import type { ItemCoverage } from './coverage.js';
import type { Framework, RulePack } from '../rules/types.js';
import { hasCjk, normalize } from '../util/normalize.js';
import { width } from '../util/width.js';
import { BARE_PAGES, PAGE_LIST, bareToPages, bodyHeadings, chunksOf, columnHeads, compact, joinWrapped, pagesOf, resolve, resolveTable, sectionCitations, splitLocation, tableCitations, type Columns, INDEX_TITLE, PAGE_TOKEN, type Heading } from './locations.js';

/** One entry of the report's own content index: what it claims about some items. */
export interface IndexClaim {
  framework: Framework;
  /** Item ids the entry names (ranges expanded, Part B labels resolved). */
  ids: string[];
  /** Section names the entry points to, resolved to body sections where a heading matches. */
  sections: { name: string; sections: number[] }[];
  /** Tables the entry cites ("Table P-4"), resolved to the sections of their captions (none when no caption is found). */
  tables: { name: string; sections: number[] }[];
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
  /** `raw`: the line with its spacing, where the index is laid out in columns. */
  lines: { line: number; text: string; page?: number; raw?: string }[];
  /** Explicit cells, for tables. */
  sectionCell?: string;
  pageCell?: string;
}

const HKEX_ID = /(?<![a-z0-9])([ab][1-8](?:\.\d{1,2})?)(?![0-9]|\.\d)/gi;
const RANGE = /([ab][1-8]\.\d{1,2})\s*(?:-|–|—|~|to|至|到)\s*([ab][1-8]\.\d{1,2})/gi;
const ASPECT_LINE = /^(?:层面|aspect)\s*([ab][1-8])(?![.\d])/i;
/** "A1 General Disclosure", "B1 一般披露": an aspect's entry named by its id and general disclosure. */
const ASPECT_GD_LINE = /^([ab][1-8])\s*(?:general disclosures?|一般披露)/i;
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

/**
 * The items a cell or line names by label (Part B and Part D entries): a label at its start, or
 * within `within` characters, or after a short lead-in ("策略——氣候相關風險及機遇", "Metrics and
 * targets – Scope 3 emissions"). A label that is the start of a longer one found at the same
 * place ("管治" of "管治架構") gives way to it.
 */
function labelIds(text: string, labels: { label: string; id: string }[], within = 0): string[] {
  let norm = normalize(text).replace(/\s+/g, '');
  const found = labelsAt(norm, labels, within);
  if (found.length > 0) return found;
  // Lead-ins may nest ("Metrics — cross-industry: internal carbon prices"): the most specific
  // label found wins, the one after the last lead-in that names an item.
  let ids: string[] = [];
  for (let level = 0; level < 3; level++) {
    const lead = /^[^-:]{1,24}?(?:-+|:)/.exec(norm);
    if (!lead) break;
    norm = norm.slice(lead[0].length);
    const found = labelsAt(norm, labels, 0);
    if (found.length > 0) ids = found;
  }
  return ids;
}

/** Labels found at the start (or within `within`), and those joined to them ("Internal carbon prices and remuneration"). */
function labelsAt(norm: string, labels: { label: string; id: string }[], within: number): string[] {
  const ids = new Set<string>();
  for (let text = norm, window = within; text !== ''; window = 0) {
    const hits = labels.map((l) => ({ ...l, at: text.indexOf(l.label) })).filter((h) => h.at >= 0 && h.at <= window);
    const kept = hits.filter((h) => !hits.some((o) => o.at === h.at && o.label.length > h.label.length && o.label.startsWith(h.label)));
    if (kept.length === 0) break;
    for (const h of kept) ids.add(h.id);
    const last = Math.max(...kept.map((h) => h.at + h.label.length));
    const joined = /^(?:,|、|&|and|及|和|與|与)/.exec(text.slice(last));
    text = joined ? text.slice(last + joined[0].length) : '';
  }
  return [...ids];
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
    // No id: the first cell's label ("Part B – Reporting boundary"), else the second's when the
    // first names only a pillar ("Part D – Strategy" | "Business model and value chain").
    if (ids.length === 0) ids = labelIds(row.cells[0] ?? '', labels);
    if (ids.length === 0 && idCells.length > 1) ids = labelIds(idCells[1], labels);
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
  const lines: { line: number; text: string; page?: number; raw: string }[] = [];
  let hkexIndex = true;
  for (const block of doc.blocks) {
    if (block.role !== 'content-index') continue;
    for (const seg of block.segments) {
      const raw = doc.lines.at(seg.line - 1) ?? '';
      const text = raw.trim();
      // Each index opens with its title; only an HKEX index is read here.
      // A title is a short line of its own, not a list of options ("□ 社會 □ 數據表及索引").
      if (INDEX_TITLE.test(normalize(text)) && width(text) <= 100 && !/[□☐]/.test(text)) hkexIndex = !/\bgri\b/i.test(text);
      if (hkexIndex) lines.push({ line: seg.line, text, page: seg.page, raw });
    }
  }
  const out: Entry[] = [];
  let current: Entry | undefined;
  let aspect: string | undefined;
  // Column heads of an index laid out in columns ("Aspect / KPI   Description   Section   Page"):
  // the cells of each entry are read by column, over the lines its cells wrap onto.
  let columns: Columns | undefined;
  const laidOut = new Map<Entry, Columns>();
  for (const [i, l] of lines.entries()) {
    const norm = normalize(l.text);
    const heads = columnHeads(l.raw);
    if (heads && heads.section >= 0 && heads.starts.length >= 3) {
      columns = heads;
      current = undefined;
      continue;
    }
    const single = columns ? undefined : singleLineEntry(l, norm, order, labels);
    if (single) {
      const aspectOf = /^(?:层面|aspect)\s*([ab][1-8])/i.exec(norm);
      if (aspectOf) aspect = aspectOf[1].toUpperCase();
      out.push(single);
      current = undefined;
      continue;
    }
    const aspectMatch = ASPECT_LINE.exec(norm) ?? ASPECT_GD_LINE.exec(norm);
    const kpi = KPI_LINE.exec(norm);
    let ids: string[] | undefined;
    // One cell per line: "Aspect A3: The Environment …" after a KPI A3.1 row's description and
    // before its page is that row's section cell, not a new row.
    const sectionCellOfRow = (id: string) =>
      !columns && current !== undefined && current.lines.length > 1 && !hasPage(current) && !PAGE_LIST.test(current.lines[current.lines.length - 1].text.trim()) && current.ids.some((c) => c === id || c.startsWith(`${id}.`));
    if (aspectMatch && sectionCellOfRow(aspectMatch[1].toUpperCase())) {
      // continues the row
    } else if (aspectMatch) {
      aspect = aspectMatch[1].toUpperCase();
      ids = [aspect];
    } else if (kpi) ids = [kpi[1].toUpperCase()];
    else if (GD_LINE.test(norm)) {
      if (!(current && aspect && current.ids[0] === aspect && !hasPage(current))) ids = aspect ? [aspect] : undefined;
    } else {
      const named = (columns && wrappedLabel(l, lines[i + 1], columns, labels)) || labelIds(l.text, labels);
      // A wrapped description that repeats what its row names ("Application of Materiality," /
      // "Quantitative and Consistency") continues that row.
      const repeats = current !== undefined && named.every((id) => current!.ids.includes(id));
      if (named.length > 0 && !repeats) ids = named;
    }
    if (ids) {
      current = { ids: ids.filter((id) => order.includes(id)), lines: [] };
      out.push(current);
      if (columns) laidOut.set(current, columns);
    }
    current?.lines.push(l);
  }
  for (const [entry, cols] of laidOut) Object.assign(entry, cellsByColumn(entry.lines, cols));
  for (const entry of out) if (!laidOut.has(entry) && entry.sectionCell === undefined) Object.assign(entry, flatCells(entry));
  return out;
}

/**
 * The page cell of a row of an index printed one cell per line (pdftotext without -layout): its
 * first line after the clause's own that holds page numbers alone (lines after it are headings
 * of the index's next part). Which lines are the section cell and which the clause's description
 * cannot be told apart reliably, so sections are left out.
 */
function flatCells(entry: Entry): { pageCell?: string } {
  const cell = entry.lines.slice(1).find((l) => PAGE_LIST.test(l.text.trim()));
  return cell ? { pageCell: bareToPages(cell.text.trim()) } : {};
}

/** The first cell of a laid-out line: its first piece, when that starts under the first column. */
function firstColumn(raw: string, cols: Columns): string {
  const first = chunksOf(raw)[0];
  return first && (cols.starts.length < 2 || first.at < cols.starts[1] - 2) ? first.text : '';
}

/**
 * The items a row names when its first cell wraps onto the next line ("策略：氣候相關風險及" /
 * "機遇"): the two pieces of the first column read together.
 */
function wrappedLabel(line: { raw?: string }, next: { raw?: string } | undefined, cols: Columns, labels: { label: string; id: string }[]): string[] | undefined {
  const head = firstColumn(line.raw ?? '', cols);
  const tail = next ? firstColumn(next.raw ?? '', cols) : '';
  if (head === '' || tail === '' || tail.length > 12) return undefined;
  const ids = labelIds(head + tail, labels);
  return ids.length > 0 ? ids : undefined;
}

/** The column a piece of a laid-out line starts under. */
function columnOf(at: number, cols: Columns): number {
  let col = 0;
  for (let c = 0; c < cols.starts.length; c++) if (cols.starts[c] <= at + 2) col = c;
  return col;
}

/** The section and page cells of an entry's lines, each piece put in the column it starts under. */
function cellsByColumn(lines: { raw?: string }[], cols: Columns): { sectionCell: string; pageCell: string } {
  const cells = cols.starts.map(() => '');
  // In a column of names and pages ("包裝物料，17"), what follows the last page is a remark that
  // wrapped left of its own column.
  const chunks = lines.flatMap((l) => chunksOf(l.raw ?? '').map((chunk) => ({ chunk, col: columnOf(chunk.at, cols) })));
  const endsInPage = (text: string) => /(?:^|[,，、;；\s])\d{1,3}$/.test(text);
  // A long description pushes "名稱，20" right, under the remarks head: it is still the location.
  if (cols.section === cols.page && !chunks.some(({ col }) => col === cols.page)) {
    for (const c of chunks) if (c.col > cols.page && endsInPage(c.chunk.text)) c.col = cols.page;
  }
  let lastPage = -1;
  if (cols.section === cols.page) chunks.forEach(({ chunk, col }, i) => {
    if (col === cols.page && endsInPage(chunk.text)) lastPage = i;
  });
  for (const [i, { chunk, col }] of chunks.entries()) {
    if (lastPage >= 0 && i > lastPage && col === cols.page) continue;
    // A word broken at a hyphen ("Non-" / "hazardous") joins without a space, Chinese too ("重要" / "性評估").
    const tight = cells[col].endsWith('-') || (hasCjk(cells[col].slice(-1)) && hasCjk(chunk.text[0]));
    cells[col] = cells[col] === '' ? chunk.text : tight ? cells[col] + chunk.text : `${cells[col]} ${chunk.text}`;
  }
  if (cols.section === cols.page) {
    // One cell of names and pages ("董事會聲明，6；可持續發展管治，9"): its bare numbers are the pages.
    const parts = splitLocation(cells[cols.page], /[;；,，、\n]/).map((p) => p.trim());
    return { sectionCell: cells[cols.section], pageCell: bareToPages(parts.filter((p) => BARE_PAGES.test(p)).join(', ')) };
  }
  return { sectionCell: cells[cols.section], pageCell: bareToPages(cells[cols.page]) };
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
  const cited = sectionNames(entry, whole);
  const names = joinWrapped(sectionCitations(cited), headings);
  return {
    framework: 'hkex',
    ids: entry.ids,
    sections: names.map((name) => ({ name, sections: resolve(name, headings, doc, pages) })),
    tables: tableCitations(cited).map((name) => ({ name, sections: resolveTable(name, doc) })),
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
    return splitLocation(entry.sectionCell.replace(/<br\s*\/?>/g, '\n'), /[;；,，、/\n]/).map((s) => s.trim()).filter((s) => s.length > 1);
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
