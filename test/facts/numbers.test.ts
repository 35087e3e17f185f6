import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { compileLexicon } from '../../src/facts/lexicon.js';
import { foldDigits, parseNumber, parseRange, splitFootnoteMarker } from '../../src/facts/numbers.js';
import { parseUnit, toBase } from '../../src/facts/units.js';
import { readCell } from '../../src/facts/tables.js';

const lex = compileLexicon(loadRules().metrics);

/** Writes an integer with thousands separators: 1234567 → "1,234,567". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fullWidth(text: string): string {
  return text.replace(/[0-9,.%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/** foldDigits as it was written first, character by character: the reference. */
function foldDigitsByCharacter(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x2212 || code === 0xfe63) out += '-';
    else if (code === 0x3000 || code === 0xa0 || code === 0x2009 || code === 0x202f) out += ' ';
    else out += ch;
  }
  return out;
}

describe('digit folding', () => {
  it('folds as character by character: full-width forms, dashes, spaces, surrogates, long texts', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom('\uff01', '\uff10', '\uff5e', '\uff5f', '\uff00', '\u2212', '\ufe63', '\u3000', '\u00a0', '\u2009', '\u202f', '😀', '排放', '1,234', ' '),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 200 }), (parts) => {
        const text = parts.join('');
        expect(foldDigits(text)).toBe(foldDigitsByCharacter(text));
      }),
      { numRuns: 2000 },
    );
    const long = '２０２４年排放量為１，２３４．５噸\u3000'.repeat(500);
    expect(foldDigits(long)).toBe(foldDigitsByCharacter(long));
  });
});

describe('number parsing (properties)', () => {
  it('reads any integer and decimal written with thousands separators, in ASCII or full-width digits, with a sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), fc.boolean(), (int, frac, negative, wide) => {
        const decimals = frac === 0 ? '' : `.${String(frac).padStart(2, '0')}`;
        let text = `${negative ? '-' : ''}${grouped(int)}${decimals}`;
        if (wide) text = fullWidth(text);
        const parsed = parseNumber(text);
        const expected = (negative ? -1 : 1) * Number(`${int}${decimals}`);
        expect(parsed?.value).toBeCloseTo(expected, 6);
        expect(parsed?.decimals).toBe(decimals === '' ? 0 : 2);
      }),
    );
  });

  it('takes the last significant printed digit as the precision; a trailing zero after the point may be padding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 3 }), (int, last, zeros) => {
        // int.5 → one significant decimal, however many zeros pad it
        const text = `${int}.${last}${'0'.repeat(zeros)}`;
        expect(parseNumber(text)?.halfUnit).toBeCloseTo(0.05, 12);
      }),
    );
    expect(parseNumber('13.97')?.halfUnit).toBeCloseTo(0.005, 12);
    expect(parseNumber('870')?.halfUnit).toBe(0.5);
    expect(parseNumber('52.70')?.halfUnit).toBeCloseTo(0.05, 12);
  });

  it('rejects malformed grouping and words', () => {
    for (const bad of ['1,23', '12,3456', 'abc', '1.2.3', '', '--5']) expect(parseNumber(bad)).toBeUndefined();
    expect(parseNumber('(1,200)')?.value).toBe(-1200);
    expect(parseNumber('25.45%')).toMatchObject({ value: 25.45, percent: true });
    expect(parseNumber('－３．５')?.value).toBe(-3.5);
  });

  it('reads ranges as ranges, never as one value', () => {
    expect(parseRange('10-20')).toMatchObject({ low: { value: 10 }, high: { value: 20 } });
    expect(parseRange('10至20%')).toMatchObject({ low: { value: 10, percent: true }, high: { value: 20 } });
    expect(parseRange('20-10')).toBeUndefined();
    expect(readCell(lex, '10–20', 2, () => false)).toMatchObject({ range: [10, 20] });
  });

  it('splits a footnote marker run into a figure when the note exists, for any figure and marker', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 99 }), (int, cents, marker) => {
        const figure = `${grouped(int)}.${String(cents).padStart(2, '0')}`;
        const split = splitFootnoteMarker(`${figure}${marker}`, 2, (n) => n === marker);
        expect(split?.marker).toBe(marker);
        expect(split?.number.value).toBeCloseTo(Number(`${int}.${String(cents).padStart(2, '0')}`), 6);
        expect(splitFootnoteMarker(`${figure}${marker}`, 2, () => false)).toBeUndefined();
      }),
    );
  });

  it('splits a marker run into a thousands group (3,65623 → 3,656 and note 23)', () => {
    expect(splitFootnoteMarker('3,65623', undefined, (n) => n === 23)).toMatchObject({ number: { value: 3656 }, marker: 23 });
    expect(splitFootnoteMarker('3,65623', undefined, () => false)).toBeUndefined();
  });

  it('reads not-reported cells as not reported, never zero', () => {
    for (const cell of ['N/A', '不適用', '不适用', '/', '-', '—', '', 'n/a']) {
      expect(readCell(lex, cell, 2, () => false)).toMatchObject({ notReported: true });
      expect(readCell(lex, cell, 2, () => false).number).toBeUndefined();
    }
    expect(readCell(lex, '0', 2, () => false).number?.value).toBe(0);
  });
});

describe('unit parsing (properties)', () => {
  const units = lex.file.units ?? [];

  it('reads every alias of every unit, whatever its case and spacing', () => {
    const aliases = units.flatMap((u) => u.aliases.map((a) => ({ a, id: u.id })));
    fc.assert(
      fc.property(fc.constantFrom(...aliases), fc.boolean(), fc.constantFrom('', ' ', '  '), ({ a, id }, upper, pad) => {
        const text = `${pad}${upper ? a.toUpperCase() : a}${pad}`;
        const unit = parseUnit(lex, text);
        // Upper-casing can turn one alias into another of the same dimension (mWh → MWh).
        if (upper) expect(unit?.dimension).toBe(units.find((u) => u.id === id)!.dimension);
        else expect(unit?.id).toBe(id);
      }),
      { numRuns: 400 },
    );
  });

  it('applies scale words to currencies in any order (百萬港元, HK$ million, 人民幣億元)', () => {
    const multipliers = (lex.file.multipliers ?? []).filter((m) => !['k', 'm', '千'].includes(m.aliases[0]));
    const currencies = units.filter((u) => u.dimension === 'money');
    fc.assert(
      fc.property(fc.constantFrom(...multipliers), fc.constantFrom(...currencies), fc.boolean(), (m, c, before) => {
        const word = m.aliases[0];
        const cur = c.aliases[0];
        const text = before ? `${word} ${cur}` : `${cur} ${word}`;
        const unit = parseUnit(lex, text);
        expect(unit?.base).toBe(c.base);
        expect(unit?.factor).toBe(m.factor);
      }),
    );
    expect(parseUnit(lex, '港幣百萬元')).toMatchObject({ base: 'HKD', factor: 1e6 });
    expect(parseUnit(lex, '人民幣億元')).toMatchObject({ base: 'CNY', factor: 1e8 });
  });

  it('reads intensities as a numerator per a scaled denominator, and converts to base units', () => {
    fc.assert(
      fc.property(fc.constantFrom('千克', 'kg', '噸', 't', 'tCO2e', '千瓦時', 'MWh', 'm³', '公升'), fc.constantFrom('人民幣億元', 'HK$ million', '人民幣百萬元', 'employee', '人'), fc.double({ min: 0.01, max: 1e6, noNaN: true }), (num, den, value) => {
        const unit = parseUnit(lex, `${num} / ${den}`);
        expect(unit?.per).toBeDefined();
        const numUnit = parseUnit(lex, num)!;
        const denUnit = parseUnit(lex, den)!;
        expect(toBase(value, unit!)).toBeCloseTo((value * numUnit.factor) / denUnit.factor, 6);
      }),
    );
    expect(parseUnit(lex, '千克 / 人民幣億元')?.symbol).toBe('kg/100m CNY');
    expect(parseUnit(lex, "MWh ('000 kWh)")).toMatchObject({ id: 'MWh', factor: 1000 });
  });

  it('refuses what is not a unit', () => {
    for (const text of ['員工總數', 'Scope 1', 'kg/', 'kg / tonnes / m', '男']) expect(parseUnit(lex, text)).toBeUndefined();
  });
});
