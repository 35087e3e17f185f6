import type { Block, ReportDocument } from '../document/types.js';
import { normalize, hasCjk } from '../util/normalize.js';
import { PatternSet } from './aho-corasick.js';

/**
 * The whole document's folded text in one string, with each term's occurrences found once
 * and cached: every item that uses a term shares the scan.
 */
export class TextIndex {
  readonly text: string;
  readonly blockStarts: number[] = [];
  private readonly hits = new Map<string, number[]>();
  private numberOffsets?: number[];

  constructor(readonly doc: ReportDocument) {
    const parts: string[] = [];
    let offset = 0;
    for (const block of doc.blocks) {
      this.blockStarts.push(offset);
      parts.push(block.norm);
      offset += block.norm.length + 1;
    }
    this.text = parts.join('\n');
  }

  blockAt(offset: number): Block {
    let lo = 0;
    let hi = this.blockStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blockStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.doc.blocks[lo];
  }

  /**
   * Finds many terms in one pass (see PatternSet); later `find` calls for them are lookups.
   * Terms that need a regular expression (phrases, mixed scripts, inner '*') are left to `find`.
   */
  prefetch(terms: string[]): void {
    const plain = [...new Set(terms)].filter((t) => !this.hits.has(t) && plainForm(t) !== undefined);
    if (plain.length === 0) return;
    const set = patternSet(plain);
    const found = set.search(this.text);
    set.patterns.forEach((pattern, i) => {
      for (const term of termsByPattern.get(pattern) ?? []) {
        if (this.hits.has(term)) continue;
        const accept = acceptor(this.text, pattern, plainPrefix(term));
        this.hits.set(term, found[i].filter((at) => accept(at, at + pattern.length)));
      }
    });
  }

  /** Offsets of a term (already folded or not) in the document. */
  find(term: string): number[] {
    let found = this.hits.get(term);
    if (!found) {
      found = scan(this.text, term);
      this.hits.set(term, found);
    }
    return found;
  }

  private sentenceEnds?: number[];

  /** The sentence around an offset, as [start, end): bounded by 。！？!? or '. ' and by blocks. */
  sentenceAt(offset: number): { start: number; end: number } {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      for (const m of this.text.matchAll(/[。！？!?\n]|\.(?=\s)/g)) this.sentenceEnds.push(m.index);
    }
    const i = lowerBound(this.sentenceEnds, offset);
    const start = i > 0 ? this.sentenceEnds[i - 1] + 1 : 0;
    const end = i < this.sentenceEnds.length ? this.sentenceEnds[i] : this.text.length;
    return { start, end };
  }

  /** Offsets of every figure (a digit run) in the document. */
  numbers(): number[] {
    if (!this.numberOffsets) {
      this.numberOffsets = [];
      // Figures in digits, and small counts in words ("four concerns", "一宗", "兩名").
      for (const m of this.text.matchAll(NUMBER)) this.numberOffsets.push(m.index);
    }
    return this.numberOffsets;
  }
}

const WORD = /[a-z0-9]/;
const NUMBER = /\d[\d,]*(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)\b|[零一二两三四五六七八九十百]+(?=[宗件个名人次项起例])/g;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A clause id like "A1" must not match the "A1" of "A1.1". */
const CLAUSE_ID = /^[a-d]\d+(?:\.\d+)?$|^\d{1,3}-\d{1,2}$/;

const folded = new Map<string, string>();
const termsByPattern = new Map<string, string[]>();
const patternSets = new Map<string, PatternSet>();

function plainPrefix(rawTerm: string): boolean {
  return rawTerm.endsWith('*');
}

/** The folded form of a term that a plain substring search can find, else undefined. */
function plainForm(rawTerm: string): string | undefined {
  let term = folded.get(rawTerm);
  if (term === undefined) {
    term = normalize(plainPrefix(rawTerm) ? rawTerm.slice(0, -1) : rawTerm).trim();
    folded.set(rawTerm, term);
  }
  if (term === '' || /\s/.test(term) || term.includes('*') || (hasCjk(term) && /[a-z0-9]/.test(term))) return undefined;
  return term;
}

/** One automaton per set of terms, shared by every document checked with the same rules. */
function patternSet(terms: string[]): PatternSet {
  const key = terms.join('\u0001');
  let set = patternSets.get(key);
  if (!set) {
    const patterns: string[] = [];
    for (const term of terms) {
      const pattern = plainForm(term)!;
      const list = termsByPattern.get(pattern);
      if (!list) {
        termsByPattern.set(pattern, [term]);
        patterns.push(pattern);
      } else if (!list.includes(term)) list.push(term);
    }
    set = new PatternSet(patterns);
    patternSets.set(key, set);
  }
  return set;
}

/** Word boundaries for Latin terms; a clause id like "A1" must not match inside "A1.1". */
function acceptor(text: string, term: string, prefix: boolean): (start: number, end: number) => boolean {
  const latinStart = !hasCjk(term[0]) && isWordChar(term[0]);
  const latinEnd = !hasCjk(term[term.length - 1]) && isWordChar(term[term.length - 1]) && !prefix;
  const clause = CLAUSE_ID.test(term);
  return (start, end) => {
    if (latinStart && isWordChar(text[start - 1])) return false;
    if (latinEnd && isWordChar(text[end])) return false;
    if (clause && (/[.\-]/.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? ''))) return false;
    return true;
  };
}

function scan(text: string, rawTerm: string): number[] {
  const prefix = plainPrefix(rawTerm);
  const term = normalize(prefix ? rawTerm.slice(0, -1) : rawTerm).trim();
  const out: number[] = [];
  if (term === '') return out;
  const accept = acceptor(text, term, prefix);
  // PDF extraction puts spaces between Chinese and digits or Latin ("範圍 1"), so a term that
  // mixes scripts tolerates white space where the script changes.
  const mixed = hasCjk(term) && /[a-z0-9]/.test(term);
  // A '*' inside a phrase ("conflict* of interest") lets that word run on.
  const inner = term.includes('*');
  if (/\s/.test(term) || mixed || inner) {
    const word = (w: string) => (mixed ? splitScripts(w).map(escape).join('\\s*') : escape(w)).replace(/\\\*/g, '[a-z0-9]*');
    const pattern = term.split(/\s+/).map(word).join('\\s*');
    const re = new RegExp(pattern, 'g');
    for (const m of text.matchAll(re)) if (accept(m.index, m.index + m[0].length)) out.push(m.index);
    return out;
  }
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
    if (accept(i, i + term.length)) out.push(i);
  }
  return out;
}

function splitScripts(word: string): string[] {
  return word.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) ?? [word];
}

/** Index of the first value >= target in a sorted array. */
export function lowerBound(sorted: number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a sorted array has a value within [from, to]. */
export function hasWithin(sorted: number[], from: number, to: number): number | undefined {
  const i = lowerBound(sorted, from);
  return i < sorted.length && sorted[i] <= to ? sorted[i] : undefined;
}
