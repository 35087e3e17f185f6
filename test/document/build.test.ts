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
});
