import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx, scanDocument } from '../../src/ingest/docx.js';
import { positionInBlock } from '../../src/document/build.js';
import type { ReportDocument } from '../../src/document/types.js';
import { check } from '../../src/index.js';
import { esglint, fixture } from '../helpers/run.js';
import { markdownToDocx } from './render.js';

const dir = mkdtempSync(join(tmpdir(), 'esglint-docx-'));
const review = { at: 'Our Environmental Policy covers', inserted: ' and noise from night deliveries', deleted: 'and odour', comment: 'Check the diesel figure with Finance', author: 'Ada Lam' };

describe('DOCX reader', () => {
  let doc: ReportDocument;
  let path: string;
  beforeAll(async () => {
    path = join(dir, 'complete.docx');
    writeFileSync(path, await markdownToDocx(readFileSync(fixture('en', 'complete-2024.md'), 'utf8'), { breakBeforeDepth: 2, review }));
    doc = await readDocx(path, readFileSync(path));
  }, 60000);

  it('keeps Word heading styles as headings with their levels', () => {
    expect(doc.source).toBe('docx');
    expect(doc.format).toBe('markdown');
    const titles = doc.sections.slice(1).map((s) => [s.title, s.level]);
    expect(titles[0]).toEqual(['Tidemark Logistics Holdings Limited – ESG Report 2024', 1]);
    expect(titles).toContainEqual(['Aspect A1: Emissions', 2]);
    expect(titles).toContainEqual(['KPI A1.5 Emission targets and steps taken', 3]);
    const a15 = doc.sections.find((s) => s.title === 'KPI A1.5 Emission targets and steps taken')!;
    expect(doc.sections[a15.parent!].title).toBe('Aspect A1: Emissions');
  });

  it('keeps tables with rows and cells, and lists with items', () => {
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows![0].cells[0] === 'Indicator' && b.rows!.some((r) => r.cells[0] === 'NOx'))!;
    expect(table.rows![0].cells).toEqual(['Indicator', 'Unit', '2022', '2023', '2024']);
    expect(table.rows!.find((r) => r.cells[0] === 'Scope 2 GHG emissions')!.cells).toEqual(['Scope 2 GHG emissions', 'tCO2e', '7,706', '7,630', '7,655']);
    const list = doc.blocks.find((b) => b.kind === 'list' && b.items![0].startsWith('Materiality:'))!;
    expect(list.items).toHaveLength(4);
    expect(list.items![3]).toMatch(/^Consistency: methods are unchanged from 2023/);
  });

  it('numbers Word paragraphs as lines (a table row is one line) and maps text back to them', () => {
    expect(doc.lineUnit).toBe('paragraph');
    expect(doc.lines[0]).toBe('Tidemark Logistics Holdings Limited – ESG Report 2024');
    const table = doc.blocks.find((b) => b.kind === 'table' && b.rows!.some((r) => r.cells[0] === 'NOx'))!;
    const nox = table.rows!.find((r) => r.cells[0] === 'NOx')!;
    expect(doc.lines[nox.line - 1]).toBe('NOx | kg | 9,840 | 9,610 | 9,180');
    const para = doc.blocks.find((b) => b.text.startsWith('This report covers'))!;
    const at = positionInBlock(para, para.text.indexOf('31 December'));
    expect(doc.lines[at.line - 1].slice(at.column - 1)).toMatch(/^31 December 2024/);
  });

  it('shows the accepted text: insertions in, deletions out', () => {
    const policy = doc.blocks.find((b) => b.text.startsWith('Policies and compliance. Our Environmental Policy covers'))!;
    expect(policy.text).toContain('and noise from night deliveries');
    expect(policy.text).not.toContain('and odour');
  });

  it('reads tracked changes and comments with their author and paragraph', () => {
    const line = doc.lines.findIndex((l) => l.startsWith('Policies and compliance. Our Environmental Policy covers')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(doc.revisions!.map((r) => [r.kind, r.author, r.text, r.line])).toEqual([
      ['comment', 'Ada Lam', 'Check the diesel figure with Finance', line],
      ['insertion', 'Ada Lam', 'and noise from night deliveries', line],
      ['deletion', 'Ada Lam', 'and odour', line],
    ]);
    const insertion = doc.revisions!.find((r) => r.kind === 'insertion')!;
    expect(doc.lines[line - 1].slice(insertion.column - 1)).toMatch(/^ and noise from night deliveries/);
  });

  it('knows pages from page breaks: each top-level section starts a page', () => {
    const b8 = doc.sections.find((s) => s.title === 'Aspect B8: Community Investment')!;
    const a1 = doc.sections.find((s) => s.title === 'Aspect A1: Emissions')!;
    // Cover and sections: title page 1, then About (2), Board (3), Stakeholders (4), A1 (5) … B8 (16).
    expect(a1.page).toBe(5);
    expect(b8.page).toBe(16);
    expect(doc.pages[4]).toMatchObject({ index: 5, startLine: a1.line, label: '5' });
  });

  it('reports tracked changes and comments as draft findings', async () => {
    const result = await check([path], { frameworks: ['hkex'] });
    const draft = result.files[0].findings.filter((f) => f.ruleId === 'draft/tracked-change' || f.ruleId === 'draft/review-comment');
    expect(draft.map((f) => [f.ruleId, f.page])).toEqual([
      ['draft/review-comment', 5],
      ['draft/tracked-change', 5],
      ['draft/tracked-change', 5],
    ]);
    expect(draft[0].message).toBe('A reviewer\'s comment by Ada Lam is still in the document: "Check the diesel figure with Finance". Resolve and delete it before publication.');
    expect(draft[2].message).toBe('A tracked deletion by Ada Lam is not accepted: "and odour". Accept or reject every tracked change before publication.');
  }, 60000);
});

describe('DOCX: page-aware GRI content index', () => {
  it('reports an entry whose page does not hold the disclosure, where the document has page breaks', async () => {
    // Each top-level section starts a page: title 1, About this report 2, Message from the Chair 3,
    // About Harbourgate 4 (organizational profile), Corporate governance 5 (governance structure).
    const md = readFileSync(fixture('gri', 'en-in-accordance.md'), 'utf8')
      .replace('| 2-1 Organizational details | Organizational profile |', '| 2-1 Organizational details | Organizational profile, p. 4 |')
      .replace('| 2-9 Governance structure and composition | Governance structure and composition |', '| 2-9 Governance structure and composition | Governance structure and composition, p. 4 |');
    expect(md).toContain('Organizational profile, p. 4');
    expect(md).toContain('Governance structure and composition, p. 4');
    const path = join(dir, 'gri.docx');
    writeFileSync(path, await markdownToDocx(md, { breakBeforeDepth: 2 }));
    const file = (await check([path], { frameworks: ['gri'] })).files[0];
    const paged = file.findings.filter((f) => f.ruleId === 'inconsistent/gri-index-page-unsupported');
    expect(paged.map((f) => f.item)).toEqual(['2-9']);
    expect(paged[0].message).toBe('The GRI content index cites p. 4 for 2-9 (Governance structure and composition), but nothing on that page reports it; the report does on p. 5 (line ' + paged[0].related![0].line + ').');
    expect(paged[0].related![0].page).toBe(5);
  }, 60000);
});

describe('DOCX scanner', () => {
  it('takes Word\'s last rendering for pages, and a moved paragraph once', () => {
    const xml = '<w:document><w:body>'
      + '<w:p><w:r><w:t>First page</w:t></w:r></w:p>'
      + '<w:p><w:r><w:lastRenderedPageBreak/><w:t>Second page</w:t></w:r></w:p>'
      + '<w:p><w:moveFrom w:id="1" w:author="Bo"><w:r><w:t>moved text</w:t></w:r></w:moveFrom></w:p>'
      + '<w:p><w:moveTo w:id="2" w:author="Bo"><w:r><w:t>moved text</w:t></w:r></w:moveTo><w:r><w:br w:type="page"/><w:t xml:space="preserve"> still page two</w:t></w:r></w:p>'
      + '</w:body></w:document>';
    const scan = scanDocument(xml);
    expect(scan.lines).toEqual(['First page', 'Second page', '', 'moved text still page two']);
    // An explicit break is ignored where Word recorded its own rendering (it renders it too).
    expect(scan.pages).toEqual([1, 2, 2, 2]);
    expect(scan.revisions.map((r) => [r.kind, r.author, r.text, r.line])).toEqual([['move', 'Bo', 'moved text', 4]]);
    expect(scan.xml).toContain('<w:r><w:t>\uE0001\uE001</w:t></w:r></w:p>');
  });
});

describe('DOCX: what cannot be read is a clear error, exit 2', () => {
  it('refuses a corrupt file and a password-protected (OLE) one', () => {
    const corrupt = join(dir, 'corrupt.docx');
    writeFileSync(corrupt, Buffer.from('PK\u0003\u0004 this zip is cut short'));
    const r = esglint(['check', corrupt, '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`esglint: ${corrupt}: not a valid .docx file: the file is corrupt or not a Word document\n`);
    const locked = join(dir, 'locked.docx');
    writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const l = esglint(['check', locked, '--no-config']);
    expect(l.code).toBe(2);
    expect(l.stderr).toBe(`esglint: ${locked}: not a .docx package: a password-protected Word file or an old .doc; save an unprotected copy as .docx\n`);
  });
});
