import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SectionSet } from '../../src/evidence/section-set.js';

describe('SectionSet', () => {
  it('holds what was added, counts it once and gives it in ascending order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }).chain((count) => fc.tuple(fc.constant(count), fc.array(fc.nat(count - 1), { maxLength: 300 }))), ([count, added]) => {
        const set = new SectionSet(count);
        for (const s of added) set.add(s);
        const expected = [...new Set(added)].sort((a, b) => a - b);
        expect([...set]).toEqual(expected);
        expect(set.size).toBe(expected.length);
        for (let s = 0; s < count; s++) expect(set.has(s)).toBe(expected.includes(s));
      }),
    );
  });

  it('handles the top bit of a word and an empty set', () => {
    const set = new SectionSet(64);
    expect([...set]).toEqual([]);
    expect(set.has(31)).toBe(false);
    set.add(63);
    set.add(31);
    set.add(32);
    expect([...set]).toEqual([31, 32, 63]);
    expect(set.has(0)).toBe(false);
  });
});
