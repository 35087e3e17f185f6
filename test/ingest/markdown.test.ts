import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { positionInBlock } from '../../src/document/build.js';

const md = [
  '---',
  'title: Sample ESG Report',
  '---',
  '# Sample ESG Report 2024',
  '',
  '## About this report',
  '',
  'This report covers **1 January 2024** to 31 December 2024.',
  '',
  '### Reporting boundary',
  '',
  '- Hong Kong office',
  '- Shenzhen warehouse',
  '',
  '## Environment',
  '',
  '| Indicator | Unit | 2023 | 2024 |',
  '|---|---|---|---|',
  '| Scope 1 emissions | tCO2e | 12.5 | 11.0 |',
  '',
  '<!-- esglint-disable-next-line A1.1 -- reviewed -->',
  '全職員工佔比為８０％。',
].join('\n');

describe('Markdown reader', () => {
  const doc = readMarkdown('sample.md', md);

  it('builds the section tree with heading paths and levels', () => {
    const titles = doc.sections.map((s) => [s.title, s.level, s.path.join(' > ')]);
    expect(titles).toEqual([
      ['', 0, ''],
      ['Sample ESG Report 2024', 1, 'Sample ESG Report 2024'],
      ['About this report', 2, 'Sample ESG Report 2024 > About this report'],
      ['Reporting boundary', 3, 'Sample ESG Report 2024 > About this report > Reporting boundary'],
      ['Environment', 2, 'Sample ESG Report 2024 > Environment'],
    ]);
    expect(doc.sections[3].line).toBe(10);
  });

  it('reads front matter and comments', () => {
    expect(doc.frontmatter).toEqual({ title: 'Sample ESG Report' });
    expect(doc.comments).toEqual([{ text: 'esglint-disable-next-line A1.1 -- reviewed', line: 21 }]);
  });

  it('keeps tables as rows of cells with their lines', () => {
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows!.map((r) => r.cells)).toEqual([
      ['Indicator', 'Unit', '2023', '2024'],
      ['Scope 1 emissions', 'tCO2e', '12.5', '11.0'],
    ]);
    expect(table.rows![1].line).toBe(19);
    expect(doc.sections[table.section].title).toBe('Environment');
  });

  it('keeps lists with their items', () => {
    const list = doc.blocks.find((b) => b.kind === 'list')!;
    expect(list.items).toEqual(['Hong Kong office', 'Shenzhen warehouse']);
    expect(list.line).toBe(12);
  });

  it('maps offsets in a block back to 1-based line and column', () => {
    const para = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.includes('covers'))!;
    expect(para.line).toBe(8);
    const at = para.norm.indexOf('31 december');
    expect(positionInBlock(para, at)).toEqual({ line: 8, column: 1 + 'This report covers **1 January 2024** to '.length });
  });

  it('folds width and script in the matching copy only', () => {
    const para = doc.blocks.find((b) => b.text.includes('全職'))!;
    expect(para.text).toContain('全職員工佔比為８０％');
    expect(para.norm).toContain('全职员工占比为80%');
    expect(para.norm.length).toBe(para.text.length);
  });
});
