import { describe, expect, it } from 'vitest';
import { DocumentBuilder, positionInBlock, segmentCount, segmentPage } from '../../src/document/build.js';
import type { Segment } from '../../src/document/types.js';
import { TextLines } from '../../src/util/lines.js';

describe('DocumentBuilder', () => {
  for (const capacity of [1, 3, 1000]) {
    it(`reads back every block's segments, the store made for ${capacity}`, () => {
      const builder = new DocumentBuilder(capacity);
      const given: Segment[][] = [];
      for (let b = 0; b < 5; b++) {
        const segments = Array.from({ length: b + 1 }, (_, i) => ({ offset: i * 10, line: 10 * b + i + 1, column: i + 1, page: i % 2 ? b + 1 : undefined }));
        given.push(segments);
        builder.block('paragraph', 'x'.repeat(10 * (b + 1)), segments, 10 * b + b + 1);
      }
      const doc = builder.finish('t.txt', 'text', new TextLines(''), []);
      doc.blocks.forEach((block, b) => {
        expect(block.segments).toEqual(given[b]);
        expect(segmentCount(block)).toBe(given[b].length);
        given[b].forEach((s, i) => expect(segmentPage(block, i)).toBe(s.page));
        expect(positionInBlock(block, 12)).toEqual(b === 0 ? { line: 1, column: 13 } : { line: 10 * b + 2, column: 4 });
      });
    });
  }

  it('reads back each block\'s numbers, rows and items as given', () => {
    const builder = new DocumentBuilder(2);
    builder.block('paragraph', 'before any heading', [{ offset: 0, line: 1, column: 3 }], 1);
    builder.heading('Emissions', 1, 3, 1, 2);
    const rows = [{ cells: ['a', '1'], line: 5 }, { cells: ['b', '2'], line: 6 }];
    builder.block('table', 'a 1\nb 2', [{ offset: 0, line: 5, column: 2, page: 2 }, { offset: 4, line: 6, column: 2, page: 3 }], 6, { page: 2, rows });
    builder.block('list', '- x\n- y', [{ offset: 0, line: 8, column: 1 }, { offset: 4, line: 9, column: 1 }], 9, { items: ['x', 'y'] });
    expect(builder.block('paragraph', '   ', [{ offset: 0, line: 10, column: 1 }], 10)).toBeUndefined();
    const doc = builder.finish('t.txt', 'text', new TextLines(''), []);
    const fields = doc.blocks.map((b) => ({ index: b.index, kind: b.kind, role: b.role, text: b.text, line: b.line, column: b.column, endLine: b.endLine, page: b.page, section: b.section, rows: b.rows, items: b.items }));
    expect(fields).toEqual([
      { index: 0, kind: 'paragraph', role: 'body', text: 'before any heading', line: 1, column: 3, endLine: 1, page: undefined, section: 0, rows: undefined, items: undefined },
      { index: 1, kind: 'heading', role: 'body', text: 'Emissions', line: 3, column: 1, endLine: 3, page: 2, section: 1, rows: undefined, items: undefined },
      { index: 2, kind: 'table', role: 'body', text: 'a 1\nb 2', line: 5, column: 2, endLine: 6, page: 2, section: 1, rows, items: undefined },
      { index: 3, kind: 'list', role: 'body', text: '- x\n- y', line: 8, column: 1, endLine: 9, page: undefined, section: 1, rows: undefined, items: ['x', 'y'] },
    ]);
    doc.blocks[2].role = 'content-index';
    expect(doc.blocks[2].role).toBe('content-index');
    expect(doc.sections[1].blocks).toEqual([1, 2, 3]);
  });
});
