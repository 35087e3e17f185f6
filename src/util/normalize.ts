import { createHash } from 'node:crypto';
import { fromCodes } from './code-units.js';
import { toSimplified } from './t2s.js';

/*
 * Text is folded for matching only, never for display. Every fold is one code unit in,
 * one code unit out, so an offset in the folded text is the same offset in the original.
 */

function foldChar(code: number): number {
  // Full-width ASCII variants (！ … ～) to ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  // Subscript digits (tCO₂e, NOₓ) to digits; superscripts stay, they may be footnote marks.
  if (code >= 0x2080 && code <= 0x2089) return code - 0x2080 + 0x30;
  if (code === 0x2093) return 0x78;
  switch (code) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:
      return 0x20;
    case 0x3001: // 、
      return 0x3001;
    case 0x2018:
    case 0x2019:
      return 0x27;
    case 0x201c:
    case 0x201d:
      return 0x22;
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2212: // minus sign
    case 0xfe63:
      return 0x2d;
    case 0x30fb: // katakana middle dot, used as 信・守
    case 0xff65:
      return 0xb7;
    default:
      return code;
  }
}

/** Each BMP code unit's fold (width, case), built on first use. */
let foldTable: Uint16Array | undefined;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    let folded = foldChar(code);
    if (folded >= 0x41 && folded <= 0x5a) folded += 0x20;
    else if (folded >= 0xc0 && folded < 0x2000) {
      const lower = String.fromCharCode(folded).toLowerCase();
      if (lower.length === 1) folded = lower.charCodeAt(0);
    }
    table[code] = folded;
  }
  return table;
}

// Text that folds to itself is returned as is: the document keeps one string, not two.
function foldWidthAndCase(text: string): string {
  const table = (foldTable ??= buildFoldTable());
  const n = text.length;
  let first = 0;
  while (first < n && table[text.charCodeAt(first)] === text.charCodeAt(first)) first++;
  if (first === n) return text;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = table[text.charCodeAt(i)];
  return fromCodes(codes);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

// Short strings (terms, labels, headings) are folded again and again: their folds are kept.
const memo = new Map<string, string>();
const MEMO_LENGTH = 80;
const MEMO_ENTRIES = 50_000;

/** Fold text for matching: width, case, and Traditional → Simplified Chinese. */
export function normalize(text: string): string {
  const short = text.length <= MEMO_LENGTH;
  if (short) {
    const known = memo.get(text);
    if (known !== undefined) return known;
  }
  const out = foldOnce(text);
  if (short) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(text, out);
  }
  return out;
}

/** Folds made in one run (the build's) for use in another, with the code that made them. */
export interface FoldTable {
  /** The folding code's fingerprint: a table made by other code is not used. */
  folding: string;
  folds: [string, string][];
}

let fingerprint: string | undefined;

/** Identifies this module's folding by its code (the conversion tables come with the locked opencc-js). */
function foldingFingerprint(): string {
  fingerprint ??= createHash('sha256').update([foldChar, buildFoldTable, foldWidthAndCase, fromCodes, toSimplified, foldOnce, normalize, SCOPE_WITH_NOTE].map(String).join('\n')).digest('hex').slice(0, 16);
  return fingerprint;
}

/** The folds kept so far (short texts only), to be handed to rememberFolds in another run. */
export function knownFolds(): FoldTable {
  return { folding: foldingFingerprint(), folds: [...memo] };
}

/** Forgets every fold kept (the build starts from none, not from an earlier build's table). */
export function forgetFolds(): void {
  memo.clear();
}

/** Folds made beforehand (by the build, with this same code): a run need not make them again. */
export function rememberFolds(table: FoldTable): void {
  if (table.folding !== foldingFingerprint()) return;
  for (const [text, folded] of table.folds) if (text.length <= MEMO_LENGTH && memo.size < MEMO_ENTRIES) memo.set(text, folded);
}

/** "Scope 216": a footnote number run into "Scope 2" in text taken from a PDF (no scope is beyond 3). */
const SCOPE_WITH_NOTE = /(scope ?[123])(\d{1,2})(?!\d)/g;

/** The same fold, not remembered. */
export function foldOnce(text: string): string {
  let folded = foldWidthAndCase(text);
  if (folded.includes('scope')) folded = folded.replace(SCOPE_WITH_NOTE, (_all, scope: string, note: string) => scope + ' '.repeat(note.length));
  return CJK.test(folded) ? toSimplified(folded) : folded;
}

/**
 * The fold for `count` texts of a document read in a pass (its lines): remembered while they
 * fit in the memo, as a report checked again finds them there; beyond that they would only
 * push the terms and labels out and churn it.
 */
export function foldFor(count: number): (text: string) => string {
  return count <= MEMO_ENTRIES / 2 ? normalize : foldOnce;
}

/** True when the text contains CJK ideographs. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
