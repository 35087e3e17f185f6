import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/util/normalize.js';

describe('folding for matching', () => {
  it('keeps every offset: one code unit in, one out', () => {
    for (const text of ['ＡＢＣ　排放量 Scope 216', '範圍一及範圍二', 'Scope 3 category 15']) expect(normalize(text)).toHaveLength(text.length);
  });

  it('reads a footnote number run into "Scope 1/2/3" (PDF text) as the scope alone', () => {
    expect(normalize('GHG emissions – Scope 216 (tonnes)')).toBe('ghg emissions - scope 2   (tonnes)');
    expect(normalize('Scope15 emissions')).toBe('scope1  emissions');
    // A scope with a category or a figure after a space is left as it is.
    expect(normalize('Scope 3 category 15 and Scope 2 120 t')).toBe('scope 3 category 15 and scope 2 120 t');
  });

  it('folds subscript digits (tCO₂e, NOₓ) but not superscripts, which may be footnote marks', () => {
    expect(normalize('650 tCO₂e; NOₓ')).toBe('650 tco2e; nox');
    expect(normalize('12 m² in 2025¹')).toBe('12 m² in 2025¹');
  });
});
