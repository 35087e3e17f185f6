import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lastAtOrBefore } from '../../src/util/sorted.js';

describe('lastAtOrBefore', () => {
  it('finds the last value at or before the target, as a scan from the end does (0 when none)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: -60, max: 60 }), (values, target) => {
        const sorted = Int32Array.from(values).sort();
        let expected = 0;
        for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i] <= target) { expected = i; break; }
        const found = lastAtOrBefore(sorted, target);
        // With repeated values it must be the last of them.
        expect(found).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('reads line starts: an offset on a line break belongs to the line it ends', () => {
    expect(lastAtOrBefore([0, 5, 9], 4)).toBe(0);
    expect(lastAtOrBefore([0, 5, 9], 5)).toBe(1);
    expect(lastAtOrBefore([0, 5, 9], 100)).toBe(2);
  });
});
