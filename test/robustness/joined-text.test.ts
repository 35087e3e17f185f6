import { describe, expect, it } from 'vitest';
import { mayMatchJoined } from '../../src/util/joined-text.js';

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
