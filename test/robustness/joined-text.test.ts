import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blocksWhereMayMatch, mayMatchJoined, withoutLeadingContext } from '../../src/util/joined-text.js';

// Blocks "intro" and "foo bar", joined as the text index joins them.
const joined = 'intro\nfoo bar';

describe('trying an expression on the whole text before block by block', () => {
  it('skips an expression that matches nowhere', () => {
    expect(mayMatchJoined(joined, /tbd|待定/gim)).toBe(false);
    expect(mayMatchJoined(joined, /(?<![a-z])fo+(?![a-z])/gim)).toBe(true);
    expect(mayMatchJoined(joined, /^foo/gm)).toBe(true);
  });

  it('never skips when a block edge read as a line break could hide a match the block alone has', () => {
    // In its own block "foo" has nothing before it; joined, a negative lookbehind sees '\n'.
    expect(/(?<!\s)foo/g.test(joined)).toBe(false);
    expect(mayMatchJoined(joined, /(?<!\s)foo/g)).toBe(true);
    expect(mayMatchJoined(joined, /intro(?![^a])/g)).toBe(true);
    // Without the m flag, ^ and $ match at a block's edges but not at a '\n'.
    expect(/^foo/.test(joined)).toBe(false);
    expect(mayMatchJoined(joined, /^foo/g)).toBe(true);
    expect(mayMatchJoined(joined, /intro$/g)).toBe(true);
  });

  it('leaves the expression as it found it', () => {
    const re = /bar/g;
    re.lastIndex = 3;
    mayMatchJoined(joined, re);
    expect(re.lastIndex).toBe(0);
  });
});

describe('the blocks an expression may match in', () => {
  // Blocks "tbd here", "nothing", "tbd and tbd", "end tbd", joined by '\n'.
  const blocks = ['tbd here', 'nothing', 'tbd and tbd', 'end tbd'];
  const text = blocks.join('\n');
  const starts = blocks.map((_, i) => blocks.slice(0, i).reduce((n, b) => n + b.length + 1, 0));

  it('lists each block with a match once, in order', () => {
    expect(blocksWhereMayMatch(text, starts, /tbd/gi)).toEqual([0, 2, 3]);
    expect(blocksWhereMayMatch(text, starts, /^tbd/gim)).toEqual([0, 2]);
    expect(blocksWhereMayMatch(text, starts, /待定/g)).toEqual([]);
  });

  it('lists the block where a match starts when it runs on into the next block', () => {
    // Joined, "here\nnothing" matches from block 0; block 1 alone has no match.
    expect(blocksWhereMayMatch(text, starts, /here\s+nothing|nothing$/gm)).toEqual([0, 1]);
  });

  it('cannot tell when a block edge read as a line break could hide a match', () => {
    expect(blocksWhereMayMatch(text, starts, /^tbd/g)).toBeUndefined();
    expect(blocksWhereMayMatch(text, starts, /(?<!\s)tbd/g)).toBeUndefined();
  });
});

describe('searching the joined text without an expression\'s leading context', () => {
  it('drops a context that only looks behind, and the white space after it', () => {
    expect(withoutLeadingContext(String.raw`(?:^|(?<=[.;:]))[^\S\n]*(?:in|during)\s+(?<year>20\d{2})`)).toBe(String.raw`(?:in|during)\s+(?<year>20\d{2})`);
    expect(withoutLeadingContext(String.raw`(?:^|(?<=[\[(【|:]))\s*to be updated`)).toBe('to be updated');
    expect(withoutLeadingContext(String.raw`(?<![a-z])tbd`)).toBe('tbd');
  });

  it('keeps an expression whose start is not such a context, or whose rest would not stand alone', () => {
    for (const source of ['tbd', String.raw`(?:^|foo)bar`, String.raw`(?:^|(?<=x))?abc`, String.raw`(?:^|(?<=(a)))b\1`, String.raw`(?<=a)\s*`, String.raw`(?<=a)|b`]) {
      expect(withoutLeadingContext(source)).toBe(source);
    }
  });

  it('keeps the context of an expression that repeats more than white space, which would run in quadratic time without it', () => {
    for (const source of [String.raw`(?<![a-z0-9_])x{2,}(?:[.,]x+)*(?=\s*(?:%|tonnes?\b))`, String.raw`(?<![a-z])a[a-z]*q`, String.raw`(?<!\d)(?:\d,)+x`, String.raw`(?<=:)\s*\w+`]) {
      expect(withoutLeadingContext(source)).toBe(source);
    }
    expect(withoutLeadingContext(String.raw`(?<![a-z])to\s+be\s*[:：]?\s{2,}updated`)).toBe(String.raw`to\s+be\s*[:：]?\s{2,}updated`);
    // The context kept, a run of 100,000 x is read in linear time (quadratic: tens of seconds).
    const source = String.raw`(?<![a-z0-9_])x{2,}(?:[.,]x+)*(?=\s*(?:%|tonnes?\b))`;
    const run = 'x'.repeat(100_000);
    expect(blocksWhereMayMatch(run, [0], new RegExp(source, 'gi'))).toEqual([]);
  });

  it('still lists every block in which the whole expression matches', () => {
    const patterns = [
      /(?:^|(?<=[.;:]))[^\S\n]*ab+/gim,
      /(?:^|(?<=[.;:]))[^\S\n]*(?:ab|x)\s*1/gim,
      /(?<=[.:])\s*b/gim,
      /(?:^|(?<=。))a+/gm,
      /(?<![a-z])x1/gim,
    ];
    const block = fc.array(fc.constantFrom('a', 'b', ' ', '.', ':', '\n', 'x', '1', '。', 'B'), { minLength: 1, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
        const text = blocks.join('\n');
        const starts = blocks.map((_, i) => blocks.slice(0, i).reduce((n, b) => n + b.length + 1, 0));
        for (const re of patterns) {
          const found = blocksWhereMayMatch(text, starts, re);
          if (found === undefined) continue;
          blocks.forEach((b, i) => {
            re.lastIndex = 0;
            if (re.test(b)) expect(found, `${re} in block ${i} of ${JSON.stringify(blocks)}`).toContain(i);
          });
          re.lastIndex = 0;
        }
      }),
      { numRuns: 400 },
    );
  });
});
