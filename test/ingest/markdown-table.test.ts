import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Extension } from 'micromark-util-types';
import { delimiterRowMayFollow, gfmTableWithLookahead } from '../../src/ingest/markdown-table.js';

/** micromark's events for a source, as comparable values. */
function events(source: string, table: Extension): [string, string, number, number][] {
  const all = postprocess(parse({ extensions: [table] }).document().write(preprocess()(source, undefined, true)));
  return all.map(([kind, token]) => [kind, token.type, token.start.offset, token.end.offset]);
}

describe('GFM tables with a look ahead for the delimiter row', () => {
  it('finds the delimiter characters on the next line only', () => {
    expect(delimiterRowMayFollow('a | b\n-|-', 0)).toBe(true);
    expect(delimiterRowMayFollow('a | b\r\n:--', 2)).toBe(true);
    expect(delimiterRowMayFollow('a | b\rx|', 0)).toBe(true);
    expect(delimiterRowMayFollow('a - b\nno\n|-|', 0)).toBe(false);
    expect(delimiterRowMayFollow('a | b', 0)).toBe(false);
  });

  it('gives the events the extension gives: body rows without pipes, after a byte order mark, CR line endings', () => {
    for (const source of ['a|b\n-|-\nc\n\nd', '\ufeff\nab\n:-\n', '\ufeffx\nab\n|-|\n', 'a\rb | c\r-|-\rd', '> a | b\n> -|-\n> c\n']) {
      expect(events(source, gfmTableWithLookahead(source)), JSON.stringify(source)).toEqual(events(source, gfmTable()));
    }
  });

  it('gives the events the extension gives, on arbitrary table-like text', () => {
    const piece = fc.constantFrom(
      '|', ' | ', '-', '-|-', '|---|', ':-:', ' :--', '---', '\n', '\r\n', '\r', '\n\n', '> ', '- ', '1. ', '    ', '\t',
      '\\|', '`|`', 'a', 'b c', '表格', '# ', '\ufeff',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        expect(events(source, gfmTableWithLookahead(source))).toEqual(events(source, gfmTable()));
      }),
      { numRuns: 1000 },
    );
  });
});
