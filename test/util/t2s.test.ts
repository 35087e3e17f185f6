import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Converter, Locale } from 'opencc-js/t2cn';
import { toSimplified } from '../../src/util/t2s.js';
import { codesOf, fromCodes } from '../../src/util/code-units.js';

// The reference: opencc-js's converter on the whole text, or character by character where a
// replacement would change the length (the fold before the look-up tables).
const convert = Converter({ from: 't', to: 'cn' });
function reference(text: string): string {
  const converted = convert(text);
  if (converted.length === text.length) return converted;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

const config = Locale.configs.t2s as unknown as { normalizationChain: string[][]; conversionChain: string[][] };
const sources = [...config.normalizationChain, ...config.conversionChain].flat().flatMap((dict) => dict.split('|').map((entry) => entry.split(' ')[0]));

describe('Traditional to Simplified by look-up tables', () => {
  it('converts every dictionary entry as opencc-js does, alone and between other text', () => {
    for (const source of sources) {
      for (const text of [source, `a${source}b`, `${source}${source}`, source.slice(0, -1), `報告${source}發佈`]) {
        expect(toSimplified(text), JSON.stringify(text)).toBe(reference(text));
      }
    }
  });

  it('converts as opencc-js does: phrases, their parts, surrogates, description characters, compatibility ideographs', () => {
    const piece = fc.oneof(
      fc.constantFrom(...sources),
      fc.constantFrom(...sources).map((s) => s.slice(0, Math.max(1, s.length - 1))),
      fc.constantFrom(...sources).map((s) => s.slice(1)),
      fc.constantFrom('二噁英', '⿰', '⿱氵', '\ud840', '\udc00', '豈', '　', '，', '報告', '發佈', 'Scope 1', ' ', '\n'),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)),
      fc.integer({ min: 0x1f300, max: 0x2ffff }).map((code) => String.fromCodePoint(code)),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(toSimplified(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the length', () => {
    for (const text of ['二噁英排放', '㗲', '𡻕', '⿰氵國', '這個報告', '😀報告\ud840']) expect(toSimplified(text)).toHaveLength(text.length);
  });
});

describe('code units', () => {
  it('makes the string back from its code units, lone surrogates kept, at any length', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 20000 }), (units) => {
        const codes = Uint16Array.from(units);
        const text = fromCodes(codes);
        expect(text.length).toBe(units.length);
        for (let i = 0; i < units.length; i++) if (text.charCodeAt(i) !== units[i]) expect.fail(`unit ${i}`);
        expect(codesOf(text)).toEqual(codes);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a view into a larger buffer from its own offset', () => {
    const codes = Uint16Array.from({ length: 300 }, (_, i) => 0x4e00 + i).subarray(100, 250);
    expect(fromCodes(codes)).toBe(String.fromCharCode(...codes));
  });
});
