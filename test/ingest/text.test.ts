import { describe, expect, it } from 'vitest';
import { readText } from '../../src/ingest/text.js';
import { decode } from '../../src/ingest/index.js';
import { positionInBlock } from '../../src/document/build.js';

// Two pages of PDF-extracted text: a running header on each page, a printed page number,
// wrapped paragraph lines, and a flattened KPI table.
const pages = [
  'Harbour Logistics ESG Report 2024',
  '',
  'About this Report',
  '',
  'This report covers the period from 1 January 2024 to',
  '31 December 2024 and includes all subsidiaries.',
  '',
  '1',
  '\fHarbour Logistics ESG Report 2024',
  '',
  'Key Performance Indicators',
  '',
  'Indicator Unit 2023 2024',
  'Scope 1 emissions tCO2e 120.5 110.2',
  'By gender',
  'Male % 60.0 58.5',
  '',
  '2',
  '\fHarbour Logistics ESG Report 2024',
  '',
  '環境管理',
  '',
  '本集團致力於減少排放，並已制定',
  '明確的減排目標。',
  '',
  '3',
].join('\n');

describe('text reader (PDF-extracted text)', () => {
  const doc = readText('report.txt', pages);

  it('splits pages at form feeds and reads printed page numbers', () => {
    expect(doc.pages.map((p) => [p.index, p.startLine, p.label])).toEqual([
      [1, 1, '1'],
      [2, 9, '2'],
      [3, 19, '3'],
    ]);
  });

  it('drops running headers and page numbers from the content', () => {
    expect(doc.blocks.some((b) => b.text.includes('Harbour Logistics ESG Report 2024'))).toBe(false);
    expect(doc.blocks.some((b) => b.text.trim() === '2')).toBe(false);
  });

  it('takes short lines between sentences as headings', () => {
    expect(doc.sections.slice(1).map((s) => [s.title, s.line, s.page])).toEqual([
      ['About this Report', 3, 1],
      ['Key Performance Indicators', 11, 2],
      ['環境管理', 21, 3],
    ]);
  });

  it('joins wrapped lines into one paragraph and keeps each line\'s position', () => {
    const para = doc.blocks.find((b) => b.text.startsWith('This report covers'))!;
    expect(para.text).toBe('This report covers the period from 1 January 2024 to 31 December 2024 and includes all subsidiaries.');
    expect(positionInBlock(para, para.text.indexOf('31 December'))).toEqual({ line: 6, column: 1 });
    const zh = doc.blocks.find((b) => b.text.startsWith('本集團'))!;
    expect(zh.text).toBe('本集團致力於減少排放，並已制定明確的減排目標。');
    expect(positionInBlock(zh, zh.text.indexOf('明確'))).toEqual({ line: 24, column: 1 });
    expect(zh.page).toBe(3);
  });

  it('joins a paragraph of tens of thousands of wrapped lines in linear time, breaking only after a sentence end', () => {
    const wrapped = Array.from({ length: 40_000 }, (_, i) => `温室气体排放量为 ${i} 吨，`).join('\n');
    const doc = readText('long.txt', `${wrapped}\n最后一行。\nA new paragraph starts here and ends with a quote.”\nThen another.`);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
    expect(paragraphs.map((b) => b.text.length)).toEqual([wrapped.replace(/\n/g, '').length + '最后一行。'.length, 'A new paragraph starts here and ends with a quote.”'.length, 'Then another.'.length]);
    expect(paragraphs[0].text.endsWith('39999 吨，最后一行。')).toBe(true);
  });

  it('keeps flattened table rows, with label lines inside the table', () => {
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows!.map((r) => r.cells)).toEqual([
      ['Indicator Unit', '2023', '2024'],
      ['Scope 1 emissions tCO2e', '120.5', '110.2'],
      ['By gender'],
      ['Male %', '60.0', '58.5'],
    ]);
  });

  it('detects pages from a leading-space first line when there are no form feeds', () => {
    const body = ['Body text one.', 'More text here.', 'And more.', 'Still more.', 'Last line.'];
    const text = [' Chapter one', ...body, ' Chapter two', ...body, ' Chapter three', ...body].join('\n');
    const d = readText('lead.txt', text);
    expect(d.pages.map((p) => p.startLine)).toEqual([1, 7, 13]);
  });

  it('does not take a wrapped line (lower case after a line ending mid-sentence) for a page start', () => {
    const body = ['Body text one.', 'More text here.', 'And more.', 'Still more.', 'Last line.'];
    // A superscript note marker ends the line and the extractor indents the rest of the sentence.
    const wrapped = ['Our kitchens served 1,240 staff members2', ' across the city.', 'Plain line.'];
    const text = [' Chapter one', ...body, ...wrapped, ' Chapter two', ...body, ' Chapter three', ...body].join('\n');
    const d = readText('lead.txt', text);
    expect(d.pages.map((p) => p.startLine)).toEqual([1, 10, 16]);
    expect(d.pagesInferred).toBe(true);
  });

  it('without form feeds or leading spaces, takes pages from a running header next to rising page numbers', () => {
    const page = (n: number, words: string) => ['Harbour Freight ESG Report 2024', String(n), `${words} one.`, `${words} two.`, `${words} three.`];
    const text = ['Cover page.', 'Introduction.', ...page(3, 'Alpha'), ...page(4, 'Beta'), ...page(5, 'Gamma')].join('\n');
    const d = readText('running.txt', text);
    expect(d.pages.map((p) => [p.startLine, p.label])).toEqual([[1, undefined], [3, '3'], [8, '4'], [13, '5']]);
    expect(d.pagesInferred).toBe(true);
    // A line repeated without page numbers next to it marks no pages.
    const plain = readText('plain.txt', ['Harbour Freight ESG Report 2024', 'Alpha.', 'Harbour Freight ESG Report 2024', 'Beta.', 'Harbour Freight ESG Report 2024', 'Gamma.'].join('\n'));
    expect(plain.pages).toEqual([]);
  });

  it('uses a page marker pattern when given one', () => {
    const d = readText('m.txt', '=== page ===\nalpha.\n=== page ===\nbeta.\n', { pageMarker: /^=== page ===$/ });
    expect(d.pages.map((p) => p.startLine)).toEqual([1, 3]);
  });
});

describe('decoding', () => {
  it('accepts UTF-8 with a BOM and CRLF line endings', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('報告期\r\n第二行\r\n', 'utf8')]);
    expect(decode('a.txt', bytes)).toBe('報告期\n第二行\n');
  });

  it('decodes UTF-16 with a BOM', () => {
    const body = Buffer.from('匯報範圍\n', 'utf16le');
    expect(decode('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body]))).toBe('匯報範圍\n');
  });

  it('refuses empty, binary and ambiguous non-UTF-8 input with a clear message', () => {
    expect(() => decode('e.txt', Buffer.alloc(0))).toThrow('e.txt: the file is empty');
    expect(() => decode('b.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow('binary');
    // Four bytes that are 报告 in GBK and two other characters in Big5: too short to tell.
    expect(() => decode('g.txt', Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]))).toThrow('too short to tell Big5 from GBK; give the encoding with --encoding');
    expect(() => decode('w.txt', Buffer.from('  \n\n'))).toThrow('no text');
  });
});

describe('a table printed one cell per line, on every page', () => {
  it('keeps its year heads, "Unit" and row labels such as "Total", while the running header is furniture', () => {
    const page = (n: number) => [
      'ACME Holdings ESG Report 2024',
      '',
      `Table ${n}`,
      'Indicator',
      'Unit',
      'FY2022/23',
      'FY2023/24',
      '',
      `Row ${n}`,
      'tonnes',
      `${n}.5`,
      `${n}.7`,
      'Total',
      'tonnes',
      `${n + 10}`,
      `${n + 11}`,
      '',
      `${n}`,
    ].join('\n');
    const doc = readText('cells.txt', Array.from({ length: 6 }, (_, i) => page(i + 1)).join('\n\f'));
    const kept = new Set(doc.blocks.flatMap((b) => b.segments.map((s) => doc.lines.at(s.line - 1)!.trim())));
    for (const cell of ['FY2022/23', 'FY2023/24', 'Unit', 'Total']) expect(kept.has(cell), cell).toBe(true);
    expect(kept.has('ACME Holdings ESG Report 2024')).toBe(false);
  });
});
