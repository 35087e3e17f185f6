import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { DocumentBuilder } from '../document/build.js';
import { SpanGrid, spanOf } from './html-table.js';
import type { DocumentLines, ReportDocument, Revision, Segment, SourceFormat, TableRow } from '../document/types.js';
import { TextLines } from '../util/lines.js';
import { InputError } from '../util/errors.js';

/**
 * Reads HTML (reports published as web pages, and DOCX after mammoth has turned it into HTML)
 * into the document model: h1–h6 are headings, p and loose inline text are paragraphs, ul/ol
 * are lists, tables keep their rows and cells. Navigation, scripts, styles and page-level
 * headers and footers are not report content. <ins>/<del> are tracked changes.
 *
 * Positions: for an HTML file, the line and column of each text node in the source. For DOCX,
 * `paragraphs` numbers the lines instead: the DOCX reader marks the end of each Word paragraph
 * (or table row) with MARK_OPEN n MARK_CLOSE, and text before a mark belongs to line n.
 */

export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

export interface ParagraphLines {
  /** Page of each numbered line (index n-1), where known. */
  pages: (number | undefined)[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'svg', 'math', 'button', 'select', 'input', 'textarea', 'iframe', 'object', 'canvas', 'audio', 'video', 'map']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'menu',
]);
const CONTAINER = new Set(['article', 'aside', 'blockquote', 'body', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figure', 'form', 'html', 'main', 'section', 'hgroup', 'header', 'footer', 'menu']);
const PARAGRAPH = new Set(['p', 'address', 'dd', 'dt', 'figcaption', 'summary', 'caption', 'pre', 'li', 'td', 'th', 'tr']);

/** Collects the text of a block, with a segment wherever its place in the source is known. */
class Collector {
  text = '';
  segments: Segment[] = [];
  private chunkStart = 0;

  constructor(private readonly paragraphs: ParagraphLines | undefined) {}

  append(value: string, at?: { line: number; column: number }, deleted = false): void {
    if (deleted) return;
    if (this.paragraphs) {
      let last = 0;
      for (const m of value.matchAll(MARK)) {
        this.add(value.slice(last, m.index));
        this.mark(Number(m[1]));
        last = m.index + m[0].length;
      }
      this.add(value.slice(last));
      return;
    }
    if (!at) {
      this.add(value);
      return;
    }
    // A segment for each source line the text node spans, at its first character kept.
    value.split('\n').forEach((piece, k) => {
      const before = this.text.length;
      this.add(k > 0 ? ` ${piece}` : piece);
      let offset = before;
      while (this.text[offset] === ' ') offset++;
      if (offset >= this.text.length) return;
      const lead = /^\s*/.exec(piece)![0].length;
      this.segments.push({ offset, line: at.line + k, column: (k > 0 ? 1 : at.column) + lead });
    });
  }

  private add(value: string): void {
    const collapsed = value.replace(/\s+/g, ' ');
    this.text += this.text === '' || this.text.endsWith(' ') ? collapsed.replace(/^ /, '') : collapsed;
  }

  /** In paragraph mode: the text since the last mark belongs to line `line`. */
  private mark(line: number): void {
    if (this.text.trimEnd().length > this.chunkStart) {
      const start = this.chunkStart + (this.text[this.chunkStart] === ' ' ? 1 : 0);
      const last = this.segments[this.segments.length - 1];
      if (!last || last.line !== line) this.segments.push({ offset: start, line, column: 1, page: this.paragraphs!.pages[line - 1] });
    }
    this.chunkStart = this.text.length;
  }

  finish(): { text: string; segments: Segment[] } {
    const text = this.text.trim();
    const shift = this.text.length - this.text.trimStart().length;
    const segments = this.segments.map((s) => ({ ...s, offset: Math.max(0, s.offset - shift) })).filter((s) => s.offset < text.length);
    if (segments.length > 0 && segments[0].offset > 0) segments[0] = { ...segments[0], offset: 0 };
    return { text, segments };
  }
}

/** Adds a row's or an item's segments, shifted; in paragraph mode a line is marked once. */
function pushSegments(into: Segment[], from: Segment[], shift: number, paragraphMode: boolean): void {
  for (const s of from) {
    const last = into[into.length - 1];
    if (paragraphMode && last && last.line === s.line) continue;
    into.push({ ...s, offset: s.offset + shift });
  }
}

export function readHtml(path: string, source: string): ReportDocument {
  // esglint's own HTML output (a gaps report written beside the drafts) is not a report.
  if (/<meta name="generator" content="esglint[ "]/.test(source.slice(0, 4096))) {
    throw new InputError(path, 'this is an esglint output file (the HTML gap report), not a report to check; write --output outside the report folder');
  }
  const tree = unified().use(rehypeParse).parse(source) as Root;
  return readHtmlTree(path, tree, { source: 'html', lines: new TextLines(source) });
}

export function readHtmlTree(
  path: string,
  tree: Root,
  options: { source: SourceFormat; lines: DocumentLines; paragraphs?: ParagraphLines; revisions?: Revision[] },
): ReportDocument {
  const builder = new DocumentBuilder();
  const comments: { text: string; line: number }[] = [];
  const revisions: Revision[] = options.revisions ?? [];
  const paragraphs = options.paragraphs;
  const pos = (node: { position?: { start: { line: number; column: number } } }) =>
    paragraphs ? undefined : node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;

  const collectInline = (nodes: ElementContent[], c: Collector, deleted = false): void => {
    for (const node of nodes) {
      if (node.type === 'text') c.append(node.value, pos(node), deleted);
      else if (node.type === 'comment') addComment(node.value, node);
      else if (node.type === 'element') {
        const tag = node.tagName;
        if (SKIP.has(tag) || hidden(node)) continue;
        if (tag === 'br') {
          c.append(' ');
          continue;
        }
        if (tag === 'del' || tag === 'ins') {
          if (!paragraphs) revisions.push(revisionOf(node, tag === 'del' ? 'deletion' : 'insertion'));
          collectInline(node.children, c, deleted || tag === 'del');
          continue;
        }
        if (BLOCK.has(tag)) c.append(' ');
        collectInline(node.children, c, deleted);
        if (BLOCK.has(tag)) c.append(' ');
      }
    }
  };

  const addComment = (value: string, node: { position?: { start: { line: number } } }) => {
    if (!paragraphs && node.position) comments.push({ text: value.trim(), line: node.position.start.line });
  };

  const revisionOf = (node: Element, kind: Revision['kind']): Revision => {
    const c = new Collector(undefined);
    collectInline(node.children.filter((n) => !(n.type === 'element' && (n.tagName === 'del' || n.tagName === 'ins'))), c);
    const at = pos(node) ?? { line: 1, column: 1 };
    const datetime = node.properties?.dateTime;
    return { kind, text: c.finish().text, line: at.line, column: at.column, ...(typeof datetime === 'string' ? { date: datetime } : {}) };
  };

  const paragraph = (nodes: ElementContent[], kind: 'paragraph' | 'code' = 'paragraph') => {
    const c = new Collector(paragraphs);
    collectInline(nodes, c);
    const { text, segments } = c.finish();
    if (text && segments.length) builder.block(kind, text, segments, segments[segments.length - 1].line, { page: segments[0].page });
  };

  const heading = (node: Element, level: number) => {
    const c = new Collector(paragraphs);
    collectInline(node.children, c);
    const { text, segments } = c.finish();
    if (!text || segments.length === 0) return;
    builder.heading(text, level, segments[0].line, segments[0].column, segments[0].page, { text, segments });
  };

  const list = (node: Element) => {
    const items: string[] = [];
    let text = '';
    const segments: Segment[] = [];
    for (const li of node.children) {
      if (li.type !== 'element' || li.tagName !== 'li') continue;
      const c = new Collector(paragraphs);
      collectInline(li.children, c);
      const item = c.finish();
      if (!item.text) continue;
      const offset = text === '' ? 0 : text.length + 1;
      text += (text === '' ? '' : '\n') + item.text;
      pushSegments(segments, item.segments, offset, paragraphs !== undefined);
      items.push(item.text);
    }
    if (segments.length) builder.block('list', text, segments, segments[segments.length - 1].line, { page: segments[0].page, items });
  };

  const table = (node: Element) => {
    const rows: TableRow[] = [];
    let text = '';
    const segments: Segment[] = [];
    // Cells that span rows or columns are repeated in each, so every row has its cells in the head's columns.
    const grid = new SpanGrid();
    for (const tr of rowsOf(node)) {
      const cells: string[] = [];
      const rowSegments: Segment[] = [];
      let rowText = '';
      const add = (cellText: string) => {
        rowText += (cells.length === 0 ? '' : ' | ') + cellText;
        cells.push(cellText);
      };
      for (const cell of tr.children) {
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        const c = new Collector(paragraphs);
        collectInline(cell.children, c);
        const got = c.finish();
        const col = grid.carry(cells.length, add);
        const offset = rowText === '' && cells.length === 0 ? 0 : rowText.length + 3;
        add(got.text);
        pushSegments(rowSegments, got.segments, offset, paragraphs !== undefined);
        const colSpan = spanOf(cell.properties?.colSpan);
        for (let k = 1; k < colSpan; k++) add(got.text);
        grid.place(col, got.text, spanOf(cell.properties?.rowSpan), colSpan);
      }
      grid.carry(cells.length, add);
      if (cells.every((cell) => cell === '')) continue;
      const at = rowSegments[0] ?? (pos(tr) ? { offset: 0, ...pos(tr)! } : undefined);
      if (!at) continue;
      const base = text === '' ? 0 : text.length + 1;
      text += (text === '' ? '' : '\n') + rowText;
      if (rowSegments.length === 0 || rowSegments[0].offset > 0) segments.push({ offset: base, line: at.line, column: at.column, page: at.page });
      pushSegments(segments, rowSegments, base, paragraphs !== undefined);
      rows.push({ cells, line: at.line });
    }
    if (rows.length && segments.length) builder.block('table', text, segments, rows[rows.length - 1].line, { page: segments[0].page, rows });
  };

  const visit = (nodes: RootContent[] | ElementContent[], topLevel: boolean): void => {
    let inline: ElementContent[] = [];
    const flush = () => {
      if (inline.length) paragraph(inline);
      inline = [];
    };
    for (const node of nodes) {
      if (node.type === 'comment') {
        addComment(node.value, node);
        continue;
      }
      if (node.type === 'doctype') continue;
      if (node.type === 'text') {
        inline.push(node);
        continue;
      }
      if (node.type !== 'element') continue;
      const tag = node.tagName;
      if (SKIP.has(tag) || hidden(node) || node.properties?.role === 'navigation') continue;
      if (!BLOCK.has(tag)) {
        inline.push(node);
        continue;
      }
      flush();
      const level = /^h([1-6])$/.exec(tag);
      if (level) heading(node, Number(level[1]));
      else if (node.properties?.role === 'heading') heading(node, Number(node.properties?.ariaLevel ?? 2) || 2);
      else if (tag === 'ul' || tag === 'ol' || tag === 'menu') list(node);
      else if (tag === 'table') table(node);
      else if ((tag === 'header' || tag === 'footer') && topLevel) continue;
      else if (tag === 'pre') paragraph(node.children, 'code');
      else if (CONTAINER.has(tag)) visit(node.children, topLevel && (tag === 'html' || tag === 'body' || tag === 'div'));
      else if (PARAGRAPH.has(tag)) paragraph(node.children);
      // hr and the like carry no text.
    }
    flush();
  };

  visit(tree.children, true);
  return builder.finish(path, 'markdown', options.lines, [], { source: options.source, comments, revisions, ...(paragraphs ? { lineUnit: 'paragraph' as const } : {}) });
}

function hidden(node: Element): boolean {
  return node.properties?.hidden === true || node.properties?.ariaHidden === 'true';
}

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') out.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') out.push(...rowsOf(child));
  }
  return out;
}
