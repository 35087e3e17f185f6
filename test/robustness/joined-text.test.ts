import { describe, expect, it } from 'vitest';
import { blocksWhereMayMatch, mayMatchJoined } from '../../src/util/joined-text.js';

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
