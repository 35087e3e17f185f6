import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/ingest/pdf.js';
import { positionInBlock } from '../../src/document/build.js';
import type { ReportDocument } from '../../src/document/types.js';
import { check } from '../../src/index.js';
import { esglint, fixture } from '../helpers/run.js';
import { FONT_BOLD, FONT_REGULAR, markdownToPdf } from './render.js';
import { pagedReport } from './paged.js';

const dir = mkdtempSync(join(tmpdir(), 'esglint-pdf-'));
const header = 'Tidemark Logistics ESG Report 2024';
const nav = 'About  Environment  Social  Governance';

/** A PDF made with pdfkit from a few drawing calls. */
function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

describe('PDF reader: the English complete report, two columns, running header, navigation bar', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    const bytes = await markdownToPdf(readFileSync(fixture('en', 'complete-2024.md'), 'utf8'), { header, nav, columns: 2 });
    doc = await readPdf('complete.pdf', bytes);
  }, 60000);

  it('is read as laid-out text from a PDF', () => {
    expect(doc.format).toBe('text');
    expect(doc.source).toBe('pdf');
  });

  it('finds headings by font size, a wrapped title as one heading, levels by size', () => {
    const titles = doc.sections.slice(1).map((s) => [s.title, s.level]);
    expect(titles[0]).toEqual(['Tidemark Logistics Holdings Limited – ESG Report 2024', 1]);
    expect(titles).toContainEqual(['Aspect A1: Emissions', 2]);
    expect(titles).toContainEqual(['KPI A1.1 to A1.4 Air emissions, GHG emissions and waste', 3]);
    expect(titles).toContainEqual(['Aspect B8: Community Investment', 2]);
    // Body text set in the body size is never a heading.
    expect(titles.some(([t]) => String(t).startsWith('Policies'))).toBe(false);
  });

  it('reads each column to its end before the next: paragraphs come out whole', () => {
    // Aspect B6 is set in two columns: its policy paragraph on the left, KPI B6.1 on the right.
    const policy = doc.blocks.find((b) => b.text.startsWith('Policies and compliance. Our Service Quality Policy'))!;
    expect(policy.text).toBe('Policies and compliance. Our Service Quality Policy covers the safe handling of goods, accurate service descriptions, customer privacy and complaint redress. In 2024 we were not aware of any material non-compliance with relevant laws on health and safety, advertising, labelling and privacy, including the Trade Descriptions Ordinance (Cap. 362), the Personal Data (Privacy) Ordinance (Cap. 486) and the Personal Information Protection Law of the PRC.');
    const b61 = doc.blocks.find((b) => b.text.startsWith('• KPI B6.1.'))!;
    expect(b61.text).toBe('• KPI B6.1. We do not manufacture products. In 2024, none (0%) of the consignments we handled were subject to recall for safety or health reasons (2022: 0%; 2023: 0%). When a customer issues a recall, we quarantine and return the affected stock within 24 hours.');
    expect(b61.line).toBeGreaterThan(policy.endLine);
  });

  it('keeps tables as rows with the cells the layout separates', () => {
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows!.some((r) => r.cells[0] === 'NOx'))!;
    expect(table.rows!.find((r) => r.cells[0] === 'Scope 1 GHG emissions')!.cells).toEqual(['Scope 1 GHG emissions', 'tCO2e', '6,083', '5,971', '5,795']);
    expect(table.rows!.find((r) => r.cells[0] === 'NOx')!.cells).toEqual(['NOx', 'kg', '9,840', '9,610', '9,180']);
  });

  it('drops the running header, the navigation bar and the page numbers from the content', () => {
    expect(doc.blocks.some((b) => b.text.includes(header))).toBe(false);
    expect(doc.blocks.some((b) => b.text.includes('Environment Social Governance'))).toBe(false);
    expect(doc.blocks.some((b) => /^\d{1,2}$/.test(b.text.trim()))).toBe(false);
    // They are still lines of the page: line numbers count every line as printed.
    expect(doc.lines).toContain(header + ' ' + nav.replace(/\s+/g, ' '));
  });

  it('numbers lines across the document and knows each page, with the printed page number as label', () => {
    // The cover is unnumbered; the renderer prints n - 1 on physical page n.
    expect(doc.pages[0]).toMatchObject({ index: 1, startLine: 1, label: undefined });
    for (const p of doc.pages.slice(1)) expect(p.label).toBe(String(p.index - 1));
    expect(doc.pages.map((p) => p.startLine)).toEqual([...doc.pages.map((p) => p.startLine)].sort((a, b) => a - b));
    const heading = doc.blocks.find((b) => b.kind === 'heading' && b.text === 'Aspect B8: Community Investment')!;
    expect(doc.lines[heading.line - 1]).toBe('Aspect B8: Community Investment');
    const page = doc.pages[heading.page! - 1];
    const next = doc.pages[heading.page!];
    expect(heading.line).toBeGreaterThanOrEqual(page.startLine);
    expect(heading.line).toBeLessThan(next?.startLine ?? Infinity);
  });

  it('maps a place in a paragraph back to its line', () => {
    const para = doc.blocks.find((b) => b.text.startsWith('This report covers 1 January 2024'))!;
    const at = positionInBlock(para, para.text.indexOf('31 December 2024'));
    expect(doc.lines[at.line - 1]).toMatch(/(?:^| )31 December/);
    expect(at.column).toBe(doc.lines[at.line - 1].indexOf('31 December') + 1);
  });
});

describe('PDF reader: Traditional Chinese', () => {
  let doc: ReportDocument;
  beforeAll(async () => {
    const bytes = await markdownToPdf(readFileSync(fixture('zh-Hant', 'complete-2024.md'), 'utf8'), { header: '澄峰零售 2024年環境、社會及管治報告', nav: '環境 社會 管治', columns: 2 });
    doc = await readPdf('zh.pdf', bytes);
  }, 60000);

  it('reads Chinese text, headings and tables', () => {
    const titles = doc.sections.map((s) => s.title);
    expect(titles).toContain('層面A1：排放物');
    expect(titles).toContain('溫室氣體排放（關鍵績效指標A1.2）');
    // "一般披露" heads every aspect: repeated on many pages, it is still a heading, not furniture.
    expect(titles.filter((t) => t === '一般披露').length).toBeGreaterThanOrEqual(10);
    const para = doc.blocks.find((b) => b.text.startsWith('截至2024年12月31日，本集團共有'))!;
    expect(para.text).toBe('截至2024年12月31日，本集團共有1,968名僱員（2023年：1,902名）。');
    expect(doc.blocks.some((b) => b.text.includes('澄峰零售 2024年環境、社會及管治報告'))).toBe(false);
  });
});

describe('PDF reader: headings set in bold at the body size', () => {
  it('takes a bold line standing alone for a heading, and a bold run inside a line for body text', async () => {
    const bytes = await pdfOf((d) => {
      d.registerFont('R', FONT_REGULAR);
      d.registerFont('B', FONT_BOLD);
      d.font('B').fontSize(18).text('Harbour Ferries ESG Report 2024');
      for (const [i, topic] of ['Emissions', 'Use of resources', 'Employment', 'Health and safety'].entries()) {
        d.moveDown();
        d.font('B').fontSize(14).text(`Chapter ${i + 1}`);
        d.moveDown(0.5);
        d.font('B').fontSize(10).text(`${topic} management`);
        d.font('R').fontSize(10).text(`Our ${topic.toLowerCase()} policy is reviewed every year by the Sustainability Committee, which reports to the Board.`);
        d.font('B').text('Targets.', { continued: true }).font('R').text(' We set targets for 2030 against a 2022 base year and report progress each year.');
      }
    });
    const doc = await readPdf('bold.pdf', bytes);
    const headings = doc.sections.slice(1).map((s) => [s.title, s.level]);
    expect(headings).toEqual([
      ['Harbour Ferries ESG Report 2024', 1],
      ['Chapter 1', 2], ['Emissions management', 3],
      ['Chapter 2', 2], ['Use of resources management', 3],
      ['Chapter 3', 2], ['Employment management', 3],
      ['Chapter 4', 2], ['Health and safety management', 3],
    ]);
    expect(doc.blocks.filter((b) => b.text.startsWith('Targets. We set targets')).map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  }, 30000);
});

describe('PDF: page-aware content index', () => {
  it('reports an index entry whose page does not evidence the clause, naming the page that does', async () => {
    const path = join(dir, 'paged.pdf');
    writeFileSync(path, await markdownToPdf(pagedReport(), { header, breakBeforeDepth: 2 }));
    const result = await check([path], { frameworks: ['hkex'] });
    const file = result.files[0];
    const paged = file.findings.filter((f) => f.ruleId === 'inconsistent/index-page-unsupported');
    // A1 p4, A2 p5, B1 p8 and B7 p14 are right; B5 is on p12, not p14 (checked with pdftotext).
    expect(paged.map((f) => f.item)).toEqual(['B5']);
    expect(paged[0].message).toContain('cites p. 14 for B5');
    expect(paged[0].message).toContain('addresses it on p. 12');
    // The index continues on a second page: the B5 entry is on physical page 18 (printed 17).
    expect(paged[0].page).toBe(18);
    expect(file.findings.some((f) => f.ruleId === 'inconsistent/index-claim-unsupported' || f.ruleId === 'inconsistent/index-section-not-found')).toBe(false);
    // Evidence carries the physical page and the printed label.
    const a1 = file.items.find((i) => i.id === 'A1')!;
    expect(a1.evidence[0]).toMatchObject({ page: 5, pageLabel: '4' });
  }, 60000);
});

describe('PDF: what cannot be read is a clear error, exit 2', () => {
  it('refuses a password-protected PDF', async () => {
    const path = join(dir, 'locked.pdf');
    writeFileSync(path, await pdfOf((d) => d.font(FONT_REGULAR).text('Secret ESG report'), { userPassword: 'secret', pdfVersion: '1.7' }));
    const r = esglint(['check', path, '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`esglint: ${path}: the PDF is password-protected: save an unprotected copy and check that\n`);
  }, 30000);

  it('refuses a scanned (image-only) PDF: run OCR first', async () => {
    const path = join(dir, 'scanned.pdf');
    // A page that is only an image: a grey PNG, no text layer.
    writeFileSync(path, await pdfOf((d) => {
      d.image(greyPng(40, 60), 50, 50, { width: 400 });
      d.addPage();
      d.image(greyPng(40, 60), 50, 50, { width: 400 });
    }));
    const r = esglint(['check', path, '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^esglint: ${path}: no text layer: run OCR first \\(2 pages, no text; the pages are images\\)\\n$`));
  }, 30000);

  it('refuses a corrupt or truncated PDF', async () => {
    const path = join(dir, 'corrupt.pdf');
    writeFileSync(path, Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n'));
    const r = esglint(['check', path, '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^esglint: .*corrupt\.pdf: not a valid PDF: the file is corrupt or truncated \(.+\)\n$/);
    expect(r.stderr).not.toMatch(/\n.+\n/);
  });

  it('refuses a PDF over --max-size', async () => {
    const path = join(dir, 'big.pdf');
    writeFileSync(path, await pdfOf((d) => d.font(FONT_REGULAR).text('Report')));
    const r = esglint(['check', path, '--no-config', '--max-size', '1KB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/big\.pdf: the file is \d+ bytes, over the limit of 1024 bytes \(--max-size\)\n$/);
  });
});

/** A grey RGB PNG, made by hand (no image library needed). */
function greyPng(width: number, height: number): Buffer {
  const { deflateSync, crc32 } = zlib;
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

