import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/document/types.js';
import { assignRoles } from '../../src/document/roles.js';
import { DocumentBuilder } from '../../src/document/build.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { lineStream, type StreamLine } from '../../src/facts/stream.js';
import { hasSharedReport, sharedReport } from '../helpers/run.js';

/** The stream as it was made before it was packed: an object per line. */
function objectStream(doc: ReportDocument): StreamLine[] {
  const out: StreamLine[] = [];
  for (const block of doc.blocks) {
    if (block.role !== 'body') continue;
    if (block.kind === 'table' && doc.format === 'markdown') continue;
    const segs = block.segments;
    if (segs.length === 0) continue;
    if (block.kind === 'table' && block.rows) {
      let offset = 0;
      const texts = block.text.split('\n');
      block.rows.forEach((row, i) => {
        const seg = segs.find((s) => s.line === row.line) ?? segs[Math.min(i, segs.length - 1)];
        const text = texts[i] ?? row.cells.join(' ');
        out.push({ index: out.length, text, line: row.line, column: seg.column, page: seg.page ?? block.page, block, offset, kind: 'table' });
        offset += text.length + 1;
      });
      continue;
    }
    for (let i = 0; i < segs.length; i++) {
      const start = segs[i].offset;
      const end = i + 1 < segs.length ? segs[i + 1].offset : block.text.length;
      const raw = block.text.slice(start, end).replace(/\n$/, '');
      let pieceOffset = start;
      for (const [j, piece] of raw.split('\n').entries()) {
        const offset = pieceOffset;
        pieceOffset += piece.length + 1;
        if (piece.trim() === '') continue;
        const lead = piece.length - piece.trimStart().length;
        out.push({
          index: out.length, text: piece.trim(), line: segs[i].line + j, column: (j === 0 ? segs[i].column : 1) + lead,
          page: segs[i].page ?? block.page, block, offset: offset + lead, kind: block.kind,
        });
      }
    }
  }
  return out;
}

function expectSameStream(doc: ReportDocument): void {
  assignRoles(doc, { indexHeadings: ['content index'], tocHeadings: ['contents'] });
  const stream = lineStream(doc);
  const expected = objectStream(doc);
  expect(stream.length).toBe(expected.length);
  const lines = Array.from({ length: stream.length }, (_, i) => stream.at(i));
  expect(lines).toEqual(expected);
  expect([...stream]).toEqual(expected);
  for (let i = 0; i < stream.length; i++) expect([stream.text(i), stream.line(i), stream.page(i)]).toEqual([expected[i].text, expected[i].line, expected[i].page]);
}

describe('the packed line stream', () => {
  it('reads back the lines an object per line gave: wrapped paragraphs, tables, pages, indents', () => {
    const text = [
      '  Environmental performance', '', 'Our emissions fell this year because', '   we moved to solar power.',
      '指標 單位 2022 年 2023 年 2024 年', '溫室氣體排放總量 噸二氧化碳當量 1,092.40 805.17 1,044.39', '範圍一 噸 77.10 80.13 50.74',
      '\f Social', '• Training hours rose', 'Employees 1,200 1,300', '', '   ',
    ].join('\n');
    expectSameStream(readText('t.txt', text));
  });

  it('reads back the lines of Markdown, where blocks span lines', () => {
    const md = '# Title\n\nA paragraph\n  wrapped over\n\n  lines.\n\n- item one\n- item two\n  more\n\n| a | 2023 |\n|---|---|\n| x | 1 |\n\n```\ncode\n\n block\n```\n';
    expectSameStream(readMarkdown('t.md', md));
  });

  it('reads back segments that span lines, and table rows beyond the text lines', () => {
    const builder = new DocumentBuilder();
    builder.heading('Heading', 1, 1, 1, 1);
    builder.block('paragraph', 'first\n  second  \n\n third\nfourth\n', [{ offset: 0, line: 3, column: 4, page: 1 }, { offset: 25, line: 7, column: 2 }], 7, { page: 1 });
    builder.block('table', 'a 1 2\n b 3', [{ offset: 0, line: 8, column: 1 }, { offset: 6, line: 9, column: 2, page: 2 }], 10, {
      rows: [{ cells: ['a', '1', '2'], line: 8 }, { cells: ['b', '3'], line: 9 }, { cells: ['c', '4'], line: 10 }, { cells: ['d'], line: 11 }],
    });
    expectSameStream(builder.finish('t.txt', 'text', [], []));
  });

  const fixtures = join('test', 'fixtures', 'facts');
  for (const name of readdirSync(fixtures)) {
    it(`reads back the lines of ${name}`, () => {
      const path = join(fixtures, name);
      const text = readFileSync(path, 'utf8');
      expectSameStream(path.endsWith('.md') ? readMarkdown(path, text) : readText(path, text));
    });
  }

  it.skipIf(!hasSharedReport)('reads back the lines of the shared report', () => {
    expectSameStream(readText(sharedReport, readFileSync(sharedReport, 'utf8')));
  });
});
