import type { Block, ReportDocument } from '../document/types.js';
import { positionInBlock } from '../document/build.js';
import type { GriCatalog } from '../rules/gri-catalog.js';
import type { RulePack } from '../rules/types.js';
import { normalize } from '../util/normalize.js';
import { rangesIn } from '../facts/period.js';
import { bareToPages, bodyHeadings, chunksOf, columnHeads, compact, joinWrapped, pagesOf, externalCitations, PAGE_LIST, resolve, resolveTable, sectionCitations, splitLocation, tableCitations, BARE_PAGES, INDEX_TITLE, PAGE_TOKEN, type Columns, type Heading } from './locations.js';

/** How the report says it uses the GRI Standards. */
export type GriClaimKind = 'in-accordance' | 'with-reference' | 'informal' | 'none';

export interface Place {
  line: number;
  column: number;
  page?: number;
  text: string;
}

export interface GriStatement {
  kind: GriClaimKind;
  at?: Place;
  /** Where "GRI 1: Foundation 2021" is named. */
  gri1?: Place;
  sectorStandards: (Place & { number: string })[];
  /** 2016-style claims (Core, Comprehensive, GRI-referenced). */
  obsolete: Place[];
  /** The period the statement of use names ("for the period from … to …"). */
  period?: { start: string; end: string };
}

/** A standard cited with its title and year, e.g. "GRI 303: Water 2016". */
export interface Citation extends Place {
  number: string;
  year?: number;
  title: string;
}

/** One disclosure (or a whole standard) the report's GRI content index lists. */
export interface GriIndexEntry {
  /** Disclosure number, e.g. "305-1"; absent when the entry cites a whole standard. */
  disclosure?: string;
  /** The standard cited for it, when the index names one. */
  standard?: Citation;
  sections: { name: string; sections: number[] }[];
  /** Tables the entry cites, resolved to the sections of their captions (none when no caption is found). */
  tables: { name: string; sections: number[] }[];
  /** Other documents the entry cites for the disclosure (the annual report's governance report). */
  external: string[];
  pages: number[];
  /** `requirements` names what is omitted ("403-9-b"); empty when the whole disclosure is. */
  omission?: { reason?: string; reasonText: string; explanation: string; requirements: string };
  line: number;
  column: number;
  page?: number;
}

export interface GriAnalysis {
  statement: GriStatement;
  index: GriIndexEntry[];
  /** Where the GRI content index starts, if there is one. */
  indexAt?: Place;
  citations: Citation[];
}

const DISCLOSURE = /(?<![\d.\-])(?:gri\s*)?(\d{1,3})-(\d{1,2})(?![\d-])/gi;
const HAS_DISCLOSURE = /(?<![\d.\-])(?:gri\s*)?\d{1,3}-\d{1,2}(?![\d-])/i;
const STANDARD = /gri\s*(\d{1,3})\s*[:：]\s*([^\n\d:：]{1,60}?)\s*(20\d{2})(?!\d)/gi;
/** Standards with disclosures of their own: not GRI 1 (requirements) nor the sector standards. */
const DISCLOSING = /^(?:[23]|[1-9]\d{2})$/;
const GRI1 = /gri\s*1\s*[:：]\s*(?:foundation|基础)(?:\s*2021)?/i;
const SECTOR = /gri\s*(1[1-4])\s*[:：]/gi;
const ABOUT_REPORT = /本报告|报告(?:的)?编制|编制|this report|the report|report(?:s|ed|ing)?\s+(?:is|was|has been|have been)|prepared/;
const INFORMAL = /(?:依据|按照|根据|参照|参考|遵循|遵照|based on|prepared with|according to|follows?|in line with|with reference|in accordance)/i;

function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[。！？!?\n][^。！？!?\n]*$/);
  const after = text.slice(at).search(/[。！？!?\n]/);
  return text.slice(before < 0 ? 0 : before + 1, after < 0 ? text.length : at + after);
}

/** "has not prepared this report with reference to the GRI Standards", "並未參照": the claim denied. */
const DENIAL = /\b(?:not|never|neither|nor)\b|未|並非|并非|不是|沒有|没有|無意|无意/;

/** A sentence denying any claim of GRI use ("does not claim to be prepared in accordance with … the GRI Standards", "並非依據GRI標準編製"). */
const DISCLAIMER = /\b(?:not|neither)\b[^.。]{0,60}(?:in accordance with|with refer-?\s*ence to)[^.。]{0,40}\bgri\b|(?:並非|并非|未有|並未|并未|不)[^。]{0,12}(?:依據|依据|按照|參照|参照)[^。]{0,12}gri/;

function deniedBefore(text: string, at: number): boolean {
  const start = text.slice(0, at).search(/[。！？!?\n;；][^。！？!?\n;；]*$/);
  return DENIAL.test(text.slice(start < 0 ? 0 : start + 1, at));
}

function place(block: Block, offset: number, length: number): Place {
  return { ...positionInBlock(block, offset), page: block.page, text: block.text.slice(offset, offset + length) };
}

const foldedPhrases = new WeakMap<string[], string[]>();
/** White space other than single spaces. */
const NOT_FLAT = /[^\S ]|  /;

function findPhrase(norm: string, phrases: string[]): { at: number; length: number } | undefined {
  let folded = foldedPhrases.get(phrases);
  if (!folded) {
    folded = phrases.map((phrase) => normalize(phrase).replace(/\s+/g, ' ').trim());
    foldedPhrases.set(phrases, folded);
  }
  // Most blocks have no white space to fold: no copy of them is made.
  const flattened = NOT_FLAT.test(norm);
  const flat = flattened ? norm.replace(/\s+/g, ' ') : norm;
  for (const p of folded) {
    const at = flat.indexOf(p);
    if (at < 0) continue;
    if (!flattened) return { at, length: p.length };
    // Back to the block's own offsets: runs of white space were folded to one space.
    const start = unflatten(norm, at);
    return { at: start, length: unflatten(norm, at + p.length) - start };
  }
  return undefined;
}

/** The offset in `norm` of offset `flatAt` in `norm` with every run of white space made one space. */
function unflatten(norm: string, flatAt: number): number {
  let flat = 0;
  for (let i = 0; i < norm.length; i++) {
    if (flat === flatAt) return i;
    if (/\s/.test(norm[i])) while (i + 1 < norm.length && /\s/.test(norm[i + 1])) i++;
    flat++;
  }
  return norm.length;
}

/** The statement of use, GRI 1, sector standards and obsolete claims, wherever they stand. */
export function detectGriStatement(doc: ReportDocument, catalog: GriCatalog): GriStatement {
  const statement: GriStatement = { kind: 'none', sectorStandards: [], obsolete: [] };
  let informal: Place | undefined;
  let disclaimed = false;
  let statementInIndex = false;
  for (const block of doc.blocks) {
    if (block.role === 'toc' || block.role === 'furniture') continue;
    const norm = block.norm;
    const old = findPhrase(norm, catalog.claims.obsolete);
    if (!norm.includes('gri') && !old) continue;
    const near = (at: number) => /gri/.test(norm.slice(Math.max(0, at - 60), at + 80));
    if (old) statement.obsolete.push(place(block, old.at, old.length));
    // "In accordance with the GRI Standards: Core option" is a 2016 claim, not a 2021 one.
    const found = (phrases: string[]) => {
      const hit = old ? undefined : findPhrase(norm, phrases);
      return hit && !deniedBefore(norm, hit.at) ? hit : undefined;
    };
    const acc = found(catalog.claims.inAccordance);
    const ref = found(catalog.claims.withReference);
    // The statement of use proper sits in the content index: it wins over a mention in the text.
    const better = statement.at === undefined || (block.role === 'content-index' && !statementInIndex);
    if (acc && near(acc.at) && (statement.kind !== 'in-accordance' || better)) {
      statement.kind = 'in-accordance';
      statement.at = place(block, acc.at, acc.length);
      statement.period = rangesIn(norm)[0];
      statementInIndex = block.role === 'content-index';
    } else if (ref && near(ref.at) && (statement.kind === 'none' || (statement.kind === 'with-reference' && better))) {
      statement.kind = 'with-reference';
      statement.at = place(block, ref.at, ref.length);
      statement.period = rangesIn(norm)[0];
      statementInIndex = block.role === 'content-index';
    }
    const g1 = GRI1.exec(norm);
    if (g1 && !statement.gri1) statement.gri1 = place(block, g1.index, g1[0].length);
    for (const m of norm.matchAll(SECTOR)) {
      if (!statement.sectorStandards.some((s) => s.number === m[1])) statement.sectorStandards.push({ ...place(block, m.index, m[0].length), number: m[1] });
    }
    // "This Report does not claim to be prepared in accordance with, or with reference to, the GRI
    // Standards": drawing on GRI for definitions is then no informal claim either.
    if (block.role === 'body' && DISCLAIMER.test(norm)) disclaimed = true;
    if (!informal && block.role === 'body') {
      // "本報告主要依據…GRI…編制", "This report is prepared based on GRI": a sentence about how
      // the report itself was prepared, not GRI used as one input among others.
      const g = norm.indexOf('gri');
      const sentence = g >= 0 ? sentenceAround(norm, g) : '';
      if (INFORMAL.test(sentence) && ABOUT_REPORT.test(sentence) && !deniedBefore(norm, g)) informal = place(block, g, 3);
    }
  }
  if (statement.kind === 'none' && informal && !disclaimed) {
    statement.kind = 'informal';
    statement.at = informal;
  }
  return statement;
}

/** Every "GRI n: Title YYYY" the report cites, body and indexes alike. */
export function findCitations(doc: ReportDocument): Citation[] {
  const out: Citation[] = [];
  for (const block of doc.blocks) {
    if (block.role === 'toc' || block.role === 'furniture' || !block.norm.includes('gri')) continue;
    for (const m of block.norm.matchAll(STANDARD)) {
      out.push({ ...place(block, m.index, m[0].length), number: m[1], title: block.text.slice(m.index + m[0].indexOf(m[2]), m.index + m[0].indexOf(m[2]) + m[2].length).trim(), year: Number(m[3]) });
    }
  }
  return out;
}

/** Parses the report's GRI content index: GFM tables or flattened PDF text. */
export function parseGriIndex(doc: ReportDocument, pack: RulePack | undefined, catalog: GriCatalog): { entries: GriIndexEntry[]; at?: Place } {
  const headings = bodyHeadings(doc);
  const titles = new Map<string, string[]>();
  for (const item of pack?.items ?? []) titles.set(item.id, [item.title.en, item.title['zh-Hant'], item.title['zh-Hans']]);
  const entries: GriIndexEntry[] = [];
  let at: Place | undefined;
  let inGri = false;
  let lines: { line: number; text: string; page?: number; pagesOnly?: boolean }[] = [];
  let columns: Columns | undefined;
  for (const block of doc.blocks) {
    if (block.role !== 'content-index') {
      inGri = false;
      continue;
    }
    const title = block.kind === 'heading' || INDEX_TITLE.test(block.norm.split('\n')[0]) ? block.norm.split('\n')[0] : '';
    if (title && INDEX_TITLE.test(title)) {
      inGri = /\bgri\b/.test(title);
      if (inGri && !at) at = place(block, 0, Math.min(block.text.length, 80));
    }
    if (!inGri) continue;
    if (doc.format === 'markdown') {
      if (block.kind === 'table' && block.rows) entries.push(...tableEntries(block.rows, block.page, catalog, headings, doc));
      continue;
    }
    for (const seg of block.segments) {
      const raw = doc.lines.at(seg.line - 1) ?? '';
      // An index laid out in columns ends each row with its pages under the page column, as bare numbers.
      // Heads that end in the page column ("Disclosure            Page").
      const found = columnHeads(raw);
      const heads = found && chunksOf(raw).slice(found.page + 1).every((c) => REMARKS_HEAD.test(normalize(c.text))) ? found : undefined;
      if (heads) {
        columns = heads;
        continue;
      }
      lines.push({ line: seg.line, text: (columns && !heads ? markPageColumn(raw, columns) : raw).trim(), page: seg.page, pagesOnly: columns !== undefined });
    }
  }
  if (lines.length > 0) entries.push(...lineEntries(lines, titles, headings, doc));
  lines = [];
  return { entries, at };
}

function tableEntries(rows: { cells: string[]; line: number }[], page: number | undefined, catalog: GriCatalog, headings: Heading[], doc: ReportDocument): GriIndexEntry[] {
  const header = rows[0]?.cells.map((c) => normalize(c)) ?? [];
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const disclosureCol = col(/disclosure|披露|指标|揭露/);
  const standardCol = col(/standard|准则|标准|来源|source/);
  const locationCol = col(/location|位置|章节|页/);
  const reasonCol = col(/reason|原因|理由/);
  const explanationCol = col(/explanation|说明|解释/);
  const omittedCol = col(/requirement|omitted|省略|遗漏/);
  const out: GriIndexEntry[] = [];
  let standard: Citation | undefined;
  for (const row of rows.slice(1)) {
    const text = row.cells.join(' ');
    const norm = normalize(text);
    const cited = [...norm.matchAll(STANDARD)].find((m) => DISCLOSING.test(m[1]));
    if (cited) standard = { line: row.line, column: 1, page, text: cited[0], number: cited[1], title: cited[2].trim(), year: Number(cited[3]) };
    const disclosureText = normalize(row.cells[disclosureCol >= 0 ? disclosureCol : 0] ?? '') + ' ' + normalize(row.cells[standardCol >= 0 ? standardCol : 0] ?? '');
    const d = [...disclosureText.matchAll(DISCLOSURE)][0];
    const location = locationCol >= 0 ? row.cells[locationCol] ?? '' : '';
    const reasonText = reasonCol >= 0 ? (row.cells[reasonCol] ?? '').trim() : '';
    const explanation = explanationCol >= 0 ? (row.cells[explanationCol] ?? '').trim() : '';
    const omittedText = omittedCol >= 0 ? (row.cells[omittedCol] ?? '').trim() : '';
    const omission = reasonText || explanation || omittedText
      ? { reason: reasonKey(reasonText || omittedText, catalog), reasonText: reasonText || omittedText, explanation, requirements: reasonText ? omittedText : '' }
      : undefined;
    if (!d && !(cited && !row.cells.slice(1).some((c) => HAS_DISCLOSURE.test(normalize(c))))) continue;
    const parts = splitLocation(location.replace(/<br\s*\/?>/g, '\n'), /[;；,，、\n]/).map((s) => s.replace(new RegExp(PAGE_TOKEN.source, 'gi'), '').trim());
    // Bare numbers after a section ("Section 10.2, 84") are its pages.
    const barePages = parts.map((s) => s.replace(/\s*[(（][^()（）]*[)）]\s*$/, '')).filter((s) => BARE_PAGES.test(s));
    const names = sectionCitations(parts).filter((s) => !/^[-–—/]+$/.test(s));
    const pages = [...new Set([...pagesOf(location), ...pagesOf(barePages.map(bareToPages).join(' '))])];
    out.push({
      disclosure: d ? `${d[1]}-${Number(d[2])}` : undefined,
      standard: d && standard && standard.number !== d[1] ? undefined : standard,
      sections: names.map((name) => ({ name, sections: resolve(name, headings, doc, pages) })),
      tables: tableCitations(parts).map((name) => ({ name, sections: resolveTable(name, doc) })),
      external: externalCitations(parts),
      pages,
      omission: omission && (omission.reasonText !== '' || omission.explanation !== '') && !isPlaceholder(omission.reasonText) ? omission : undefined,
      line: row.line,
      column: 1,
      page,
    });
  }
  return out;
}

function isPlaceholder(text: string): boolean {
  return /^[-–—/\s]*$/.test(text);
}

/** Which of the four allowed reasons a text gives, if any. */
export function reasonKey(text: string, catalog: GriCatalog): string | undefined {
  const norm = normalize(text);
  for (const [key, phrases] of Object.entries(catalog.claims.omissionReasons ?? {})) {
    if (phrases.some((p) => norm.includes(normalize(p)))) return key;
  }
  return undefined;
}

/** A row's bare page numbers under the page column, marked as pages ("4, 6" → "p4, p6"). */
function markPageColumn(raw: string, columns: Columns): string {
  const chunks = chunksOf(raw);
  if (chunks.length < 2) return raw;
  // The cell under the page column: numbers set right of the column before it and left of the
  // column after it (right-aligned or loosely set pages may start well before the page head).
  const from = columns.page > 0 ? columns.starts[columns.page - 1] + 1 : 0;
  const to = columns.page + 1 < columns.starts.length ? columns.starts[columns.page + 1] - 1 : Infinity;
  // Under the page column a hyphen joins pages ("19-20"); it is no disclosure number there.
  const cell = chunks.filter((c, i) => i > 0 && c.at > from && c.at < to && PAGE_LIST.test(c.text)).pop();
  if (!cell) return raw;
  const marked = bareToPages(cell.text);
  return marked === cell.text ? raw : raw.slice(0, cell.index) + marked + raw.slice(cell.index + cell.text.length);
}

/** Heads of columns that may follow the page column without being a location: remarks, omissions. */
const REMARKS_HEAD = /^(?:備註|备注|remarks?|notes?|comments?|omissions?|遺漏|遗漏|省略|reasons? for omission|遺漏原因|遗漏原因)$/;

/**
 * Flattened text. Entries end at a page reference; an entry holds disclosures ("GRI 2-9：…")
 * or whole standards ("GRI 205：反腐敗 2016"), and the section names around them — before
 * the first token when the index is laid out by section, after the disclosure's title when it
 * is laid out by disclosure.
 */
function lineEntries(lines: { line: number; text: string; page?: number; pagesOnly?: boolean }[], titles: Map<string, string[]>, headings: Heading[], doc: ReportDocument): GriIndexEntry[] {
  const out: GriIndexEntry[] = [];
  let group: typeof lines = [];
  const flush = () => {
    if (group.length > 0) out.push(...groupEntries(group, titles, headings, doc));
    group = [];
  };
  for (const l of lines) {
    if (INDEX_TITLE.test(normalize(l.text)) && /gri/i.test(l.text)) continue;
    // The cells of a flattened table on their own lines: the column heads are no section names,
    // and a line of bare numbers after a disclosure ("2-7 Employees" / "25") is its pages.
    if (GRI_INDEX_HEADS.test(l.text.trim())) continue;
    // Rows under column heads start afresh: what stood above the heads (the statement of use) is no row's.
    if (group.length > 0 && !group[0].pagesOnly && l.pagesOnly) flush();
    const pagesCell = BARE_PAGE_LIST.test(l.text.trim()) && group.some((g) => HAS_DISCLOSURE.test(normalize(g.text)) || /gri\s*\d{1,3}\s*[:：]/i.test(g.text));
    group.push(pagesCell ? { ...l, text: bareToPages(l.text.trim()) } : l);
    if (pagesCell || new RegExp(PAGE_TOKEN.source, 'i').test(normalize(l.text))) flush();
  }
  flush();
  return out;
}

/** The column heads and labels of a GRI content index, not section names. */
const GRI_INDEX_HEADS = /^(?:gri standards?(?: or other source)?|disclosures?|location(?:\s*\(pages?\))?|page(?:\s*(?:number|no\.?)s?)?|statement of use|gri 1 used|applicable gri sector standards?|omissions?|requirements? omitted|reasons?|explanations?|gri\s*準則|gri\s*准则|披露(?:項目|项目)?|位置|頁碼|页码|使用聲明|使用声明|遺漏|遗漏|原因|說明|说明)$/i;

/**
 * A line of page numbers only in a flattened GRI index: "25", "3–4", "6, 29". Unlike PAGE_LIST,
 * an ASCII hyphen may not open it: "2-7" alone on a line is a disclosure, not pages 2 to 7.
 */
const BARE_PAGE_LIST = /^\d{1,3}(?:\s*[–—~]\s*\d{1,3})?(?:\s*[,，、]\s*\d{1,3}(?:\s*[-–—~]\s*\d{1,3})?)*$/;

function groupEntries(group: { line: number; text: string; page?: number; pagesOnly?: boolean }[], titles: Map<string, string[]>, headings: Heading[], doc: ReportDocument): GriIndexEntry[] {
  const joined = group.map((l) => l.text).join('\n');
  const norm = normalize(joined);
  const tokens: { at: number; end: number; disclosure?: string; standard?: Citation; line: number; page?: number }[] = [];
  const lineAt = (offset: number) => group[Math.min(group.length - 1, joined.slice(0, offset).split('\n').length - 1)];
  for (const m of norm.matchAll(STANDARD)) {
    if (!DISCLOSING.test(m[1])) continue;
    const l = lineAt(m.index);
    tokens.push({ at: m.index, end: m.index + m[0].length, standard: { line: l.line, column: 1, page: l.page, text: joined.slice(m.index, m.index + m[0].length), number: m[1], title: m[2].trim(), year: Number(m[3]) }, line: l.line, page: l.page });
  }
  for (const m of norm.matchAll(DISCLOSURE)) {
    if (!/gri/i.test(norm.slice(Math.max(0, m.index - 5), m.index + 4)) && !/^\s*$/.test(norm.slice(Math.max(0, m.index - 1), m.index))) continue;
    if (tokens.some((t) => m.index >= t.at && m.index < t.end)) continue;
    const id = `${m[1]}-${Number(m[2])}`;
    const l = lineAt(m.index);
    tokens.push({ at: m.index, end: m.index + m[0].length + titleLength(joined.slice(m.index + m[0].length), titles.get(id)), disclosure: id, line: l.line, page: l.page });
  }
  if (tokens.length === 0) return [];
  tokens.sort((a, b) => a.at - b.at);
  // Section names: the text outside the tokens and their titles, without the pages.
  let rest = '';
  let cursor = 0;
  for (const t of tokens) {
    rest += joined.slice(cursor, t.at) + '\n';
    cursor = Math.max(cursor, t.end);
  }
  rest += joined.slice(cursor);
  const pages = pagesOf(joined);
  const parts = rest
    .replace(new RegExp(PAGE_TOKEN.source, 'gi'), '\n')
    .split(/\n|\s{2,}/)
    .map((s) => s.replace(/^[/／\s]+|[/／\s]+$/g, '').trim())
    .filter((s) => compact(s).length > 1);
  // Under column heads of a disclosure and its pages alone, what is left is wrapped titles, not sections.
  const names = group[0].pagesOnly ? [] : joinWrapped(sectionCitations(parts), headings);
  const sections = names.map((name) => ({ name, sections: resolve(name, headings, doc, pages) }));
  const tables = group[0].pagesOnly ? [] : tableCitations(parts).map((name) => ({ name, sections: resolveTable(name, doc) }));
  const external = group[0].pagesOnly ? [] : externalCitations(parts);
  return tokens.map((t) => ({
    disclosure: t.disclosure,
    standard: t.standard,
    sections,
    tables,
    external,
    pages,
    line: t.line,
    column: 1,
    page: t.page,
  }));
}

/** Length of the disclosure's title right after its number (a title may wrap over lines). */
function titleLength(after: string, titles: string[] | undefined): number {
  const lead = /^[\s:：]*/.exec(after)![0].length;
  const body = after.slice(lead);
  for (const title of titles ?? []) {
    const key = compact(title);
    if (key.length < 2) continue;
    let consumed = 0;
    let matched = '';
    for (const ch of body) {
      consumed += ch.length;
      if (/\s/.test(ch)) continue;
      matched += ch;
      if (compact(matched) === key) return lead + consumed;
      if (!key.startsWith(compact(matched))) break;
    }
  }
  // Unknown title: up to the end of its line.
  const eol = body.indexOf('\n');
  return lead + (eol < 0 ? body.length : eol);
}

/**
 * Everything the report says about its use of GRI, and what that makes required: with no claim,
 * nothing; "with reference" (or an informal mention), the disclosures its index lists; "in
 * accordance", also all of GRI 2 and GRI 3.
 */
export function analyseGri(doc: ReportDocument, pack: RulePack, catalog: GriCatalog): GriAnalysis & { required: Set<string> } {
  const statement = detectGriStatement(doc, catalog);
  const { entries, at } = parseGriIndex(doc, pack, catalog);
  if (statement.kind === 'none' && entries.length > 0) statement.kind = 'informal';
  const required = new Set<string>();
  if (statement.kind !== 'none') {
    for (const e of entries) {
      const item = e.disclosure ? pack.items.find((i) => i.id === e.disclosure) : undefined;
      // A disclosure cited from another version of its standard (e.g. 403-2 of 2016) is not this one.
      if (item && (!e.standard?.year || item.standard?.endsWith(` ${e.standard.year}`))) required.add(item.id);
    }
    if (statement.kind === 'in-accordance') {
      // GRI 1 requires every disclosure of the universal standards (GRI 2 and GRI 3).
      const universal = new Set(catalog.standards.filter((s) => s.series === 'universal' && s.status === 'current').map((s) => s.number));
      for (const item of pack.items) {
        const number = /^GRI (\d+):/.exec(item.standard ?? '')?.[1];
        if (number && universal.has(number)) required.add(item.id);
      }
    }
  }
  return { statement, index: entries, indexAt: at, citations: findCitations(doc), required };
}
