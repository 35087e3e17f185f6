/**
 * Reading printed numbers: thousands separators, full-width digits, signs, ranges, and the
 * precision a figure was printed with (which decides how far apart two figures may be before
 * they disagree).
 */

import { codesOf, fromCodes } from '../util/code-units.js';

export interface ParsedNumber {
  value: number;
  /** Digits after the decimal point as printed. */
  decimals: number;
  /**
   * Half of the last significant printed digit: 13.97 → 0.005, 52.70 → 0.05 (a trailing zero
   * after the point may be padding to a fixed format), 870 → 0.5.
   */
  halfUnit: number;
  /** The number as printed. */
  text: string;
  /** A percent sign was attached. */
  percent: boolean;
}

export interface ParsedRange {
  low: ParsedNumber;
  high: ParsedNumber;
}

function foldDigit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x2212 || code === 0xfe63) return 0x2d;
  if (code === 0x3000 || code === 0xa0 || code === 0x2009 || code === 0x202f) return 0x20;
  return code;
}

/** Full-width digits and punctuation to ASCII; the minus-like dashes to '-'. Text without them is returned as is. */
export function foldDigits(text: string): string {
  let first = 0;
  while (first < text.length && foldDigit(text.charCodeAt(first)) === text.charCodeAt(first)) first++;
  if (first === text.length) return text;
  const codes = codesOf(text);
  for (let i = first; i < codes.length; i++) codes[i] = foldDigit(codes[i]);
  return fromCodes(codes);
}

const NUMBER = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/;
const PAREN_NEGATIVE = /^\((\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\)$/;

function significantHalfUnit(decimals: string | undefined): number {
  const kept = (decimals ?? '').replace(/0+$/, '');
  return 0.5 * 10 ** -kept.length;
}

/** Parses one printed number ("1,044.39", "－3.5", "(12)", "25.45%"); undefined if it is not one. */
export function parseNumber(printed: string): ParsedNumber | undefined {
  const text = foldDigits(printed).trim().replace(/^[-–—]\s*(?=\d)/, '-');
  const m = text.match(NUMBER);
  if (m) {
    const digits = m[2].replace(/,/g, '');
    const value = Number(`${digits}${m[3] ? `.${m[3]}` : ''}`) * (m[1] === '-' ? -1 : 1);
    if (!Number.isFinite(value)) return undefined;
    return { value: value === 0 ? 0 : value, decimals: m[3]?.length ?? 0, halfUnit: significantHalfUnit(m[3]), text: printed.trim(), percent: m[4] === '%' };
  }
  const p = text.match(PAREN_NEGATIVE);
  if (p) {
    const value = -Number(`${p[1].replace(/,/g, '')}${p[2] ? `.${p[2]}` : ''}`);
    return { value: value === 0 ? 0 : value, decimals: p[2]?.length ?? 0, halfUnit: significantHalfUnit(p[2]), text: printed.trim(), percent: false };
  }
  return undefined;
}

/** "10-20", "10–20%", "10至20", "10 to 20": a range, never a single value. */
export function parseRange(printed: string): ParsedRange | undefined {
  const text = foldDigits(printed).trim();
  const m = text.match(/^([\d,.]+)\s*(?:-|–|—|~|～|至|到|to)\s*([\d,.]+)(%?)$/);
  if (!m) return undefined;
  const low = parseNumber(m[1] + m[3]);
  const high = parseNumber(m[2] + m[3]);
  if (!low || !high || low.value > high.value) return undefined;
  return { low, high };
}

/**
 * A number printed with a footnote marker run into it by PDF extraction: `1,044.3919` in a row
 * whose other figures have two decimals, with a note 19 below, is 1,044.39 and note 19;
 * `3,65623` (a thousands group of five digits) is 3,656 and note 23.
 */
export function splitFootnoteMarker(
  printed: string,
  expectedDecimals: number | undefined,
  isNote: (marker: number) => boolean,
): { number: ParsedNumber; marker: number } | undefined {
  const text = foldDigits(printed).trim();
  const grouped = text.match(/^(-?\d{1,3}(?:,\d{3})*,\d{3})(\d{1,3})$/);
  if (grouped) {
    const marker = Number(grouped[2]);
    const number = parseNumber(grouped[1]);
    if (number && !grouped[2].startsWith('0') && isNote(marker)) return { number, marker };
    return undefined;
  }
  const decimal = text.match(/^(-?[\d,]+)\.(\d+)$/);
  if (!decimal || expectedDecimals === undefined) return undefined;
  const extra = decimal[2].length - expectedDecimals;
  if (extra < 1 || extra > 3) return undefined;
  const markerText = decimal[2].slice(expectedDecimals);
  if (markerText.startsWith('0')) return undefined;
  const marker = Number(markerText);
  if (!isNote(marker)) return undefined;
  const number = parseNumber(expectedDecimals > 0 ? `${decimal[1]}.${decimal[2].slice(0, expectedDecimals)}` : decimal[1]);
  return number ? { number, marker } : undefined;
}

/** Formats a value for a message with at most `decimals` decimals and thousands separators. */
export function formatValue(value: number, decimals = 2): string {
  const rounded = Number(value.toFixed(Math.min(decimals, 6)));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: Math.min(decimals, 6) });
}
