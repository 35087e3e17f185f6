/**
 * Renders Markdown fixtures to the binary formats real reports come in — PDF (pdfkit, with
 * Noto Sans Hant embedded so Chinese renders), DOCX (docx) — so the tests can read back
 * the same report in every format. Nothing here is downloaded; fonts come from an npm package.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, Document, HeadingLevel, InsertedTextRun,
  Packer, Paragraph, Table as DocxTable, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

// The package exports no package.json; its main module sits in dist/, the fonts beside it.
const fontDir = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-tc')), '..', 'fonts');
export const FONT_REGULAR = join(fontDir, 'NotoSansHant-Regular.otf');
export const FONT_BOLD = join(fontDir, 'NotoSansHant-Bold.otf');

type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'pagebreak' };

/** Markdown to a flat list of blocks (inline formatting dropped). An HTML comment `<!-- pagebreak -->` forces a page. */
export function blocksOf(markdown: string): Block[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  const out: Block[] = [];
  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'heading': out.push({ kind: 'heading', depth: node.depth, text: toString(node) }); break;
      case 'paragraph': out.push({ kind: 'paragraph', text: toString(node) }); break;
      case 'list': out.push({ kind: 'list', items: node.children.map((li) => toString(li)) }); break;
      case 'table': out.push({ kind: 'table', rows: (node as Table).children.map((r) => r.children.map((c) => toString(c))) }); break;
      case 'blockquote': node.children.forEach(visit); break;
      case 'html': if (/pagebreak/.test(node.value)) out.push({ kind: 'pagebreak' }); break;
      default: break;
    }
  };
  tree.children.forEach(visit);
  return out;
}

export interface PdfOptions {
  /** Running header on every page but the first. */
  header?: string;
  /** A navigation bar at the top right of every page but the first. */
  nav?: string;
  /** Prose in two columns (headings and tables span both). */
  columns?: 1 | 2;
  /** The printed number of physical page i (1-based); undefined prints none. Default: i - 1 (an unnumbered cover). */
  pageNumber?: (index: number) => number | undefined;
  /** Start each top-level (depth ≤ 2) heading on a new page. */
  breakBeforeDepth?: number;
}

/** Renders Markdown to a PDF: headings larger and bold, tables as aligned cells. */
export function markdownToPdf(markdown: string, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 70, bottom: 70, left: 50, right: 50 }, bufferPages: true, info: { Title: 'fixture' } });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = 50;
  const width = doc.page.width - 100;
  const bottom = doc.page.height - 70;
  const gap = 20;
  const columns = options.columns ?? 1;
  const colWidth = columns === 2 ? (width - gap) / 2 : width;
  // The flow: the column being filled, and where each column's text reaches on this page.
  let col = 0;
  let y = 70;
  let bandTop = 70;
  let colBottoms = [70, 70];
  let first = true;

  const newPage = () => {
    doc.addPage();
    col = 0;
    y = bandTop = 70;
    colBottoms = [70, 70];
  };
  const spanStart = () => {
    // Spanning content starts below both columns.
    y = Math.max(y, ...colBottoms.slice(0, columns));
    col = 0;
  };
  const columnText = (text: string, font: string, size: number, after: number) => {
    doc.font(font).fontSize(size);
    const h = doc.heightOfString(text, { width: colWidth });
    if (y + h > bottom) {
      if (columns === 2 && col === 0) {
        colBottoms[0] = y;
        col = 1;
        y = bandTop;
      } else newPage();
    }
    doc.text(text, left + col * (colWidth + gap), y, { width: colWidth });
    y += h + after;
    colBottoms[col] = y;
  };
  const spanningText = (text: string, font: string, size: number, before: number, after: number) => {
    spanStart();
    doc.font(font).fontSize(size);
    const h = doc.heightOfString(text, { width });
    if (y + before + h > bottom - 40) newPage();
    else y += first ? 0 : before;
    doc.text(text, left, y, { width });
    y += h + after;
    bandTop = y;
    colBottoms = [y, y];
  };
  const table = (rows: string[][]) => {
    spanStart();
    const n = rows[0].length;
    const firstWidth = n > 2 ? width * 0.42 : width * 0.5;
    const widths = [firstWidth, ...new Array(n - 1).fill((width - firstWidth) / (n - 1))];
    y += 4;
    rows.forEach((row, r) => {
      doc.font(r === 0 ? 'B' : 'R').fontSize(8);
      const h = Math.max(...row.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 6 })));
      if (y + h > bottom) newPage();
      let x = left;
      row.forEach((cell, i) => {
        doc.text(cell, x, y, { width: widths[i] - 6, lineBreak: true });
        x += widths[i];
      });
      y += h + 3;
    });
    y += 8;
    bandTop = y;
    colBottoms = [y, y];
  };

  for (const block of blocksOf(markdown)) {
    switch (block.kind) {
      case 'pagebreak':
        newPage();
        break;
      case 'heading': {
        if (options.breakBeforeDepth && block.depth <= options.breakBeforeDepth && !first) newPage();
        const size = block.depth === 1 ? 20 : block.depth === 2 ? 15 : 12;
        spanningText(block.text, 'B', size, 10, 6);
        break;
      }
      case 'paragraph':
        columnText(block.text, 'R', 10, 6);
        break;
      case 'list':
        for (const item of block.items) columnText(`• ${item}`, 'R', 10, 3);
        y += 3;
        break;
      case 'table':
        table(block.rows);
        break;
    }
    first = false;
  }

  const range = doc.bufferedPageRange();
  const number = options.pageNumber ?? ((i: number) => (i > 1 ? i - 1 : undefined));
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (i > 0 && options.header) doc.font('R').fontSize(8).text(options.header, left, 30, { width: width / 2, lineBreak: false });
    if (i > 0 && options.nav) doc.font('R').fontSize(8).text(options.nav, left + width / 2, 30, { width: width / 2, align: 'right', lineBreak: false });
    const printed = number(i + 1);
    if (printed !== undefined) doc.font('R').fontSize(8).text(String(printed), left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}

export interface DocxOptions {
  /** Start a new page before headings of this depth or less. */
  breakBeforeDepth?: number;
  /** Tracked changes and a comment, planted in the paragraph that contains `at`. */
  review?: { at: string; inserted: string; deleted: string; comment: string; author: string };
}

/** Renders Markdown to a Word document with Word's heading styles, lists and tables. */
export function markdownToDocx(markdown: string, options: DocxOptions = {}): Promise<Buffer> {
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
  const children: (Paragraph | DocxTable)[] = [];
  let first = true;
  const date = new Date('2025-03-01T10:00:00Z');
  for (const block of blocksOf(markdown)) {
    switch (block.kind) {
      case 'pagebreak':
        children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
      case 'heading':
        children.push(new Paragraph({
          heading: headings[block.depth - 1],
          pageBreakBefore: !first && options.breakBeforeDepth !== undefined && block.depth <= options.breakBeforeDepth,
          children: [new TextRun(block.text)],
        }));
        break;
      case 'paragraph': {
        const review = options.review;
        if (review && block.text.includes(review.at)) {
          children.push(new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun(block.text),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new InsertedTextRun({ id: 1, author: review.author, date: date.toISOString(), text: review.inserted }),
              new DeletedTextRun({ id: 2, author: review.author, date: date.toISOString(), text: review.deleted }),
            ],
          }));
        } else children.push(new Paragraph({ children: [new TextRun(block.text)] }));
        break;
      }
      case 'list':
        for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
        break;
      case 'table':
        children.push(new DocxTable({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: block.rows.map((row) => new TableRow({
            children: row.map((cell) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(cell)] })] })),
          })),
        }));
        break;
    }
    first = false;
  }
  const review = options.review;
  const doc = new Document({
    creator: 'esglint tests',
    comments: review ? { children: [{ id: 0, author: review.author, date, children: [new Paragraph({ children: [new TextRun(review.comment)] })] }] } : undefined,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders Markdown to a web page, with the site's navigation, header and footer around the report. */
export function markdownToHtml(markdown: string, options: { title?: string } = {}): string {
  const body = blocksOf(markdown).map((b) => {
    switch (b.kind) {
      case 'heading': return `<h${b.depth}>${escapeHtml(b.text)}</h${b.depth}>`;
      case 'paragraph': return `<p>${escapeHtml(b.text)}</p>`;
      case 'list': return `<ul>\n${b.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
      case 'table': return `<table>\n  <thead><tr>${b.rows[0].map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>\n  <tbody>\n${b.rows.slice(1).map((r) => `    <tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n')}\n  </tbody>\n</table>`;
      case 'pagebreak': return '';
    }
  }).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(options.title ?? 'ESG report')}</title><style>body { font-family: sans-serif; }</style></head>
<body>
<header><a href="/">Home</a> <nav><a href="/about">About us</a> <a href="/investors">Investor relations</a></nav></header>
<main>
${body}
</main>
<footer>© 2025 Example Holdings. All rights reserved. <a href="/privacy">Privacy</a></footer>
<script>console.log('analytics');</script>
</body>
</html>
`;
}
