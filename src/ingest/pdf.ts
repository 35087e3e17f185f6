import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page, ReportDocument } from '../document/types.js';
import { InputError } from '../util/errors.js';
import { readLaidOutLines, type LaidOutLine } from './text.js';

/**
 * Reads a PDF with pdf.js (pure JavaScript; its character maps and standard fonts ship in the
 * package, nothing is fetched): text items with their positions and fonts, page by page,
 * reassembled into lines in reading order (columns one after the other), with running headers,
 * footers, navigation bars and page numbers set apart by their place on the page. The lines go
 * through the same reader as PDF-extracted text (src/ingest/text.ts), with what the layout says
 * (font-size headings, paragraph gaps, table cells) as hints.
 */

/** A run of text on one baseline, with no wide gap inside. */
interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, measured down from the top of the page. */
  y: number;
  size: number;
  font: string;
}

interface PageText {
  width: number;
  height: number;
  fragments: Fragment[];
  /** Font names by pdf.js font id, where they were loaded (for weight). */
  fontNames: Map<string, string>;
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let pdfjsModule: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export async function readPdf(path: string, bytes: Uint8Array): Promise<ReportDocument> {
  const pdfjs = await loadPdfJs();
  const dir = packageDir();
  let pdf: PdfDocument;
  try {
    pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      wasmUrl: join(dir, 'wasm') + '/',
    }).promise;
  } catch (err) {
    throw new InputError(path, openError(err));
  }
  try {
    const pages: PageText[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      let page: PdfPage;
      try {
        page = await pdf.getPage(i);
        pages.push(await pageText(page));
      } catch (err) {
        throw new InputError(path, `the PDF is damaged: page ${i} cannot be read (${(err as Error)?.message ?? err})`);
      }
    }
    const chars = pages.reduce((n, p) => n + p.fragments.reduce((m, f) => m + f.text.replace(/\s/g, '').length, 0), 0);
    const empty = pages.filter((p) => p.fragments.length === 0).length;
    if (chars === 0 || (empty >= pages.length * 0.8 && chars < pages.length * 50)) {
      throw new InputError(path, `no text layer: run OCR first (${pages.length} page${pages.length === 1 ? '' : 's'}, ${chars === 0 ? 'no text' : `text on only ${pages.length - empty}`}; the pages are images)`);
    }
    await addFontNames(pdf, pages);
    let pdfLabels: string[] | null = null;
    try {
      pdfLabels = await pdf.getPageLabels();
    } catch {
      pdfLabels = null;
    }
    return assemble(path, pages, pdfLabels);
  } finally {
    await pdf.destroy();
  }
}

function openError(err: unknown): string {
  const name = (err as Error)?.name;
  const message = (err as Error)?.message ?? String(err);
  if (name === 'PasswordException') return 'the PDF is password-protected: save an unprotected copy and check that';
  if (name === 'InvalidPDFException') return `not a valid PDF: the file is corrupt or truncated (${message})`;
  return `cannot read the PDF: ${message}`;
}

/** Text items of a page, merged into fragments: items on one baseline closer than a wide gap. */
async function pageText(page: PdfPage): Promise<PageText> {
  const [x0, y0, x1, y1] = page.view;
  const content = await page.getTextContent();
  const items: Fragment[] = [];
  for (const raw of content.items as RawItem[]) {
    if (typeof raw.str !== 'string' || raw.str.trim() === '') continue;
    const [a, b, c, d, e, f] = raw.transform;
    // Rotated and vertical text (side labels, watermarks) is not running text.
    if (Math.abs(b) > Math.abs(a) * 0.1 || Math.abs(c) > Math.abs(d) * 0.1 || a <= 0 || d <= 0) continue;
    const size = Math.hypot(c, d) || raw.height;
    if (!(size > 0)) continue;
    items.push({ text: raw.str, x0: e - x0, x1: e - x0 + Math.max(raw.width, 0), y: y1 - f, size, font: raw.fontName });
  }
  void y0;
  return { width: x1 - x0, height: y1 - (y0 ?? 0), fragments: mergeItems(items), fontNames: new Map() };
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function mergeItems(items: Fragment[]): Fragment[] {
  const rows = groupRows(items);
  const out: Fragment[] = [];
  for (const row of rows) {
    let current: Fragment | undefined;
    for (const item of row) {
      const size = Math.max(item.size, current?.size ?? 0);
      const gap = current ? item.x0 - current.x1 : Infinity;
      if (current && gap < size * 0.9 && gap > -size * 0.5) {
        const a = current.text[current.text.length - 1] ?? '';
        const b = item.text[0] ?? '';
        const space = /\s/.test(a) || /\s/.test(b) ? '' : gap > size * (CJK.test(a) || CJK.test(b) ? 0.25 : 0.12) ? ' ' : '';
        current.text += space + item.text;
        current.x1 = Math.max(current.x1, item.x1);
        // The line's size and font are those of most of its characters.
        if (item.text.length > current.text.length / 2) {
          current.size = item.size;
          current.font = item.font;
        }
      } else {
        if (current) out.push(current);
        current = { ...item };
      }
    }
    if (current) out.push(current);
  }
  for (const f of out) f.text = f.text.replace(/\s+/g, ' ').trim();
  return out.filter((f) => f.text !== '');
}

/** Items sharing a baseline (small superscripts join the line they sit on), top to bottom, each left to right. */
function groupRows<T extends { y: number; size: number; x0: number }>(items: T[]): T[][] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const rows: { y: number; size: number; items: T[] }[] = [];
  for (const item of sorted) {
    const row = rows.length ? rows[rows.length - 1] : undefined;
    if (row && Math.abs(item.y - row.y) <= Math.min(item.size, row.size) * 0.45) {
      row.items.push(item);
      if (item.size > row.size) {
        row.size = item.size;
        row.y = item.y;
      }
    } else rows.push({ y: item.y, size: item.size, items: [item] });
  }
  return rows.map((r) => r.items.sort((p, q) => p.x0 - q.x0));
}

/** Font names (for bold) of the pages that have lines only the weight can tell from body text. */
async function addFontNames(pdf: PdfDocument, pages: PageText[]): Promise<void> {
  const body = bodySize(pages);
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i];
    const candidate = p.fragments.some((f) => Math.abs(f.size - body) < body * 0.08 && f.text.length <= 40 && !/[。.;；,，:：]$/.test(f.text));
    if (!candidate) continue;
    try {
      const page = await pdf.getPage(i + 1);
      await page.getOperatorList();
      for (const id of new Set(p.fragments.map((f) => f.font))) {
        if (!page.commonObjs.has(id)) continue;
        const font = page.commonObjs.get(id) as { name?: string } | undefined;
        if (font?.name) p.fontNames.set(id, font.name);
      }
    } catch {
      // Without the font's name, the line is judged by its shape alone.
    }
  }
}

/** The size most characters are set in. */
function bodySize(pages: PageText[]): number {
  const counts = new Map<number, number>();
  for (const p of pages) for (const f of p.fragments) {
    const key = Math.round(f.size * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + f.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, n] of counts) if (n > most) [best, most] = [size, n];
  return best;
}

const BOLD = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-_,](?:w[6-9]|sb|b)$/i;

/** A line in reading order, before it becomes a LaidOutLine. */
interface PlacedLine {
  fragments: Fragment[];
  page: number;
  furniture: boolean;
  /** Whether the line follows the previous one in the same column (for paragraph gaps). */
  sameColumn: boolean;
}

function assemble(path: string, pages: PageText[], pdfLabels: string[] | null): ReportDocument {
  const furniture = findFurniture(pages);
  const placed: PlacedLine[] = [];
  const printed: (string | undefined)[] = pages.map(() => undefined);
  pages.forEach((p, i) => {
    const edge = p.fragments.filter((f) => furniture.has(f));
    const body = p.fragments.filter((f) => !furniture.has(f));
    for (const f of edge) {
      const label = pageNumberIn(f.text);
      if (label !== undefined && printed[i] === undefined && furniture.get(f) === 'number') printed[i] = label;
    }
    const top = edge.filter((f) => f.y < p.height / 2);
    const bottom = edge.filter((f) => f.y >= p.height / 2);
    for (const row of groupRows(top)) placed.push({ fragments: row, page: i + 1, furniture: true, sameColumn: false });
    let previousGroup = -1;
    for (const [group, row] of readingOrder(body)) {
      placed.push({ fragments: row, page: i + 1, furniture: false, sameColumn: group === previousGroup });
      previousGroup = group;
    }
    for (const row of groupRows(bottom)) placed.push({ fragments: row, page: i + 1, furniture: true, sameColumn: false });
  });

  const body = bodySize(pages);
  const headingSizes = headingSizesOf(placed, body);
  const spacing = lineSpacing(placed, body);
  const pageList: Page[] = [];
  const lines: LaidOutLine[] = [];
  let fontHeadings = 0;
  placed.forEach((l, i) => {
    if (pageList.length < l.page) {
      for (let p = pageList.length + 1; p <= l.page; p++) pageList.push({ index: p, startLine: lines.length + 1, label: printed[p - 1] });
    }
    const text = l.fragments.map((f) => f.text).join(' ');
    const size = mainSize(l.fragments);
    const previous = placed[i - 1];
    const gap = previous && l.sameColumn ? l.fragments[0].y - previous.fragments[0].y : 0;
    let level = l.furniture ? undefined : headingLevelOf(l, size, body, headingSizes, pages[l.page - 1]);
    const before = lines[lines.length - 1];
    // A heading that wraps: the next line in the same font right below it (a column split may sit between).
    const below = previous && previous.page === l.page && !previous.furniture ? l.fragments[0].y - previous.fragments[0].y : -1;
    const continuesHeading = !!(before?.heading && level && !l.furniture && Math.abs(mainSize(previous.fragments) - size) < 0.3 && below > 0 && below < size * 1.6);
    if (continuesHeading) level = before.heading;
    else if (level) fontHeadings++;
    lines.push({
      text,
      column: 1,
      page: l.page,
      pageStart: pageList[l.page - 1].startLine === lines.length + 1,
      heading: level,
      breakBefore: l.sameColumn && (gap > spacing * 1.6 || (previous !== undefined && Math.abs(mainSize(previous.fragments) - size) > body * 0.1)),
      continuesHeading,
      cells: l.fragments.length > 1 ? l.fragments.map((f) => f.text) : undefined,
      furniture: l.furniture,
    });
  });
  for (let p = pageList.length + 1; p <= pages.length; p++) pageList.push({ index: p, startLine: lines.length + 1, label: printed[p - 1] });
  // With few font-marked headings, the fonts say little: body-size lines are judged by shape.
  if (fontHeadings < Math.max(3, pages.length / 4)) {
    for (const l of lines) if (l.heading === 0) l.heading = undefined;
  }
  const doc = readLaidOutLines(path, 'pdf', lines, pageList);
  if (pdfLabels) {
    for (const p of doc.pages) if (p.label === undefined && pdfLabels[p.index - 1]) p.label = pdfLabels[p.index - 1];
  }
  return doc;
}

function mainSize(fragments: Fragment[]): number {
  let best = fragments[0].size;
  let most = -1;
  for (const f of fragments) if (f.text.length > most) [best, most] = [f.size, f.text.length];
  return best;
}

/** Sizes clearly above body text that short lines are set in, largest first: heading levels. */
function headingSizesOf(placed: PlacedLine[], body: number): number[] {
  const sizes = new Map<number, number>();
  for (const l of placed) {
    if (l.furniture || l.fragments.length > 1) continue;
    const text = l.fragments[0].text;
    const size = Math.round(l.fragments[0].size * 2) / 2;
    if (size < body * 1.12 || text.length > 60 || /^[\d\s.,%/()+\-–]+$/.test(text)) continue;
    sizes.set(size, (sizes.get(size) ?? 0) + 1);
  }
  return [...sizes.keys()].sort((a, b) => b - a).slice(0, 5);
}

function headingLevelOf(l: PlacedLine, size: number, body: number, headingSizes: number[], page: PageText): number {
  const rounded = Math.round(size * 2) / 2;
  const rank = headingSizes.indexOf(rounded);
  if (rank >= 0 && l.fragments.length === 1) return Math.min(rank + 1, 5);
  const bold = l.fragments.every((f) => BOLD.test(page.fontNames.get(f.font) ?? ''));
  const text = l.fragments.map((f) => f.text).join(' ');
  if (bold && l.fragments.length === 1 && Math.abs(size - body) < body * 0.12 && text.length <= 40 && !/[。.;；,，:：]$/.test(text)) {
    return Math.min(headingSizes.length + 1, 6);
  }
  return 0;
}

/** The usual distance between the baselines of consecutive body lines. */
function lineSpacing(placed: PlacedLine[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < placed.length; i++) {
    const l = placed[i];
    if (!l.sameColumn || Math.abs(mainSize(l.fragments) - body) > body * 0.1) continue;
    const gap = l.fragments[0].y - placed[i - 1].fragments[0].y;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return body * 1.3;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/**
 * Running headers and footers, navigation bars and page numbers: text near an edge of the page
 * that recurs (digits aside) on other pages, or a page number alone at the top or bottom.
 */
function findFurniture(pages: PageText[]): Map<Fragment, 'repeat' | 'number'> {
  const out = new Map<Fragment, 'repeat' | 'number'>();
  const edgeOf = (f: Fragment, p: PageText) => f.y < p.height * 0.1 || f.y > p.height * 0.9 || ((f.x1 < p.width * 0.12 || f.x0 > p.width * 0.88) && f.text.length <= 24);
  const seen = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const f of p.fragments) {
      if (!edgeOf(f, p)) continue;
      const key = f.text.replace(/\d+/g, '#').replace(/\s+/g, ' ');
      const set = seen.get(key) ?? new Set<number>();
      set.add(i);
      seen.set(key, set);
    }
  });
  const threshold = Math.max(2, Math.round(pages.length * 0.15));
  pages.forEach((p) => {
    for (const f of p.fragments) {
      if (!edgeOf(f, p)) continue;
      const key = f.text.replace(/\d+/g, '#').replace(/\s+/g, ' ');
      const number = pageNumberIn(f.text) !== undefined && (f.y < p.height * 0.1 || f.y > p.height * 0.9);
      if (number && (/^\D*\d{1,3}\D*$/.test(f.text) || (seen.get(key)?.size ?? 0) >= threshold)) out.set(f, 'number');
      else if ((seen.get(key)?.size ?? 0) >= threshold && key !== '#') out.set(f, 'repeat');
    }
  });
  return out;
}

/** The page number in a header or footer: "12", "- 12 -", "Page 12", "第12頁", "ESG Report 2024 | 12". */
function pageNumberIn(text: string): string | undefined {
  const t = text.trim();
  const alone = /^(?:page|p\.?|第)?\s*[-–—]?\s*(\d{1,3})\s*[-–—]?\s*(?:頁|页)?$/i.exec(t);
  if (alone) return String(Number(alone[1]));
  const edge = /^(\d{1,3})\s*[|｜/]\s*\S|\S\s*[|｜/]\s*(\d{1,3})$|\S\s{1,}(\d{1,3})$/.exec(t);
  const n = edge?.[1] ?? edge?.[2] ?? edge?.[3];
  return n !== undefined ? String(Number(n)) : undefined;
}

/**
 * Lines of a page in reading order, each tagged with its column group: rows of fragments top to
 * bottom, except that where the page is set in columns, each column is read to its end before
 * the next, between the rows that span the columns (titles, wide tables).
 */
function readingOrder(fragments: Fragment[]): [number, Fragment[]][] {
  const out: [number, Fragment[]][] = [];
  let group = 0;
  const walk = (frs: Fragment[], depth: number): void => {
    if (frs.length === 0) return;
    const gutter = depth < 3 ? findGutter(frs) : undefined;
    if (!gutter) {
      const g = group++;
      for (const row of groupRows(frs)) out.push([g, row]);
      return;
    }
    let left: Fragment[] = [];
    let right: Fragment[] = [];
    for (const row of groupRows(frs)) {
      const mid = (gutter.from + gutter.to) / 2;
      const bothSides = row.some((f) => f.x1 < mid) && row.some((f) => f.x0 > mid);
      // A title over both columns, or a table row (cells on both sides, more than one line each).
      const spanning = row.some((f) => f.x0 < gutter.from - 1 && f.x1 > gutter.to + 1) || (bothSides && row.length >= 3);
      if (spanning) {
        walk(left, depth + 1);
        walk(right, depth + 1);
        left = [];
        right = [];
        out.push([group++, row]);
        continue;
      }
      for (const f of row) ((f.x0 + f.x1) / 2 < (gutter.from + gutter.to) / 2 ? left : right).push(f);
    }
    walk(left, depth + 1);
    walk(right, depth + 1);
  };
  walk(fragments, 0);
  return out;
}

/**
 * A vertical band that running text does not cross, with columns of text on both sides. Table
 * columns also leave such bands, so each side must read like running text: most of its lines
 * fill its width.
 */
function findGutter(all: Fragment[]): { from: number; to: number } | undefined {
  const minX = Math.min(...all.map((f) => f.x0));
  const maxX = Math.max(...all.map((f) => f.x1));
  const width = maxX - minX;
  if (width <= 0) return undefined;
  // Running text decides: table cells and short labels leave gaps anywhere.
  const frs = all.filter((f) => f.text.length >= 12 && f.x1 - f.x0 >= width * 0.2);
  const rows = groupRows(frs);
  if (rows.length < 4) return undefined;
  const cover = new Array<number>(Math.ceil(width) + 1).fill(0);
  for (const row of rows) {
    const marked = new Set<number>();
    for (const f of row) for (let x = Math.floor(f.x0 - minX); x <= Math.ceil(f.x1 - minX) && x < cover.length; x++) marked.add(x);
    for (const x of marked) cover[x]++;
  }
  const allowance = Math.max(1, Math.floor(rows.length * 0.08));
  const sizes = frs.map((f) => f.size).sort((a, b) => a - b);
  const minGap = sizes[Math.floor(sizes.length / 2)] * 0.8;
  const gaps: { from: number; to: number }[] = [];
  let start = -1;
  for (let x = 0; x <= cover.length; x++) {
    const open = x < cover.length && cover[x] <= allowance;
    if (open && start < 0) start = x;
    if (!open && start >= 0) {
      if (x - start >= minGap) gaps.push({ from: minX + start, to: minX + x });
      start = -1;
    }
  }
  const candidates = gaps
    .filter((g) => (g.from + g.to) / 2 > minX + width * 0.2 && (g.from + g.to) / 2 < maxX - width * 0.2)
    .sort((a, b) => (b.to - b.from) - (a.to - a.from));
  for (const g of candidates) {
    const left = frs.filter((f) => f.x1 <= g.from + 1);
    const right = frs.filter((f) => f.x0 >= g.to - 1);
    if (textColumn(left, g.from - Math.min(...left.map((f) => f.x0))) && textColumn(right, Math.max(...right.map((f) => f.x1)) - g.to)) return g;
  }
  return undefined;
}

function textColumn(frs: Fragment[], width: number): boolean {
  if (frs.length < 3 || width <= 0) return false;
  const fill = frs.map((f) => (f.x1 - f.x0) / width).sort((a, b) => a - b);
  return fill[Math.floor(fill.length / 2)] >= 0.6;
}
