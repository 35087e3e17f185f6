import type { Block, ReportDocument } from '../document/types.js';
import { normalize, hasCjk } from '../util/normalize.js';
import { PatternSet } from './aho-corasick.js';
import { joinedNorms } from '../document/joined.js';

/**
 * The whole document's folded text in one string, with each term's occurrences found once
 * and cached: every item that uses a term shares the scan.
 */
export class TextIndex {
  readonly text: string;
  readonly blockStarts: number[] = [];
  private readonly hits = new Map<string, number[]>();
  /** Where a regular-expression term can start: the offsets of its first literal word. */
  private readonly starts = new Map<string, number[]>();
  private numberOffsets?: number[];

  constructor(readonly doc: ReportDocument) {
    let offset = 0;
    for (const block of doc.blocks) {
      this.blockStarts.push(offset);
      offset += block.norm.length + 1;
    }
    this.text = joinedNorms(doc);
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
   * Terms that need a regular expression (phrases, mixed scripts, inner '*') are left to `find`,
   * but their literal words are searched in the same pass: a term one of whose words does not
   * occur is known absent, and the others are matched only where their first word occurs.
   */
  prefetch(terms: string[]): void {
    const plan = prefetchPlan(terms);
    const pending = plan.entries.filter((e) => !this.hits.has(e.term) && !this.starts.has(e.term));
    if (pending.length === 0) return;
    const found = plan.set.search(this.text);
    for (const { term, plain, pieces } of pending) {
      if (plain) {
        const accept = acceptor(this.text, plain.text, plainPrefix(term));
        // Where no boundary is checked, every occurrence counts: the list is kept, not copied.
        this.hits.set(term, accept ? found[plain.at].filter((o) => accept(o, o + plain.text.length)) : found[plain.at]);
      } else if (pieces) {
        if (pieces.some((p) => found[p].length === 0)) this.hits.set(term, []);
        else this.starts.set(term, found[pieces[0]]);
      }
    }
  }

  /** Offsets of a term (already folded or not) in the document. */
  find(term: string): number[] {
    let found = this.hits.get(term);
    if (!found) {
      found = scan(this.text, term, this.starts.get(term));
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
const patternSets = new Map<string, PatternSet>();

function plainPrefix(rawTerm: string): boolean {
  return rawTerm.endsWith('*');
}

/** The folded term without its trailing '*'. */
function foldedTerm(rawTerm: string): string {
  let term = folded.get(rawTerm);
  if (term === undefined) {
    term = normalize(plainPrefix(rawTerm) ? rawTerm.slice(0, -1) : rawTerm).trim();
    folded.set(rawTerm, term);
  }
  return term;
}

/** True when a plain substring search finds the term (no phrase, no mixed scripts, no inner '*'). */
function isPlain(term: string): boolean {
  return !(term === '' || /\s/.test(term) || term.includes('*') || (hasCjk(term) && /[a-z0-9]/.test(term)));
}

/** The folded form of a term that a plain substring search can find, else undefined. */
function plainForm(rawTerm: string): string | undefined {
  const term = foldedTerm(rawTerm);
  return isPlain(term) ? term : undefined;
}

/**
 * The literal words a regular-expression term is made of (see scan), all of which a match
 * contains, the first at its start; undefined when the term does not start with a literal.
 */
function literalPieces(rawTerm: string): string[] | undefined {
  const term = foldedTerm(rawTerm);
  if (term === '' || term.startsWith('*')) return undefined;
  const mixed = hasCjk(term) && /[a-z0-9]/.test(term);
  const pieces = term.split(/\s+/).flatMap((w) => (mixed ? splitScripts(w) : [w])).flatMap((w) => w.split('*')).filter((p) => p !== '');
  return pieces.length > 0 ? pieces : undefined;
}

/** How a list of terms is searched: its automaton, and where each term's patterns are in it. */
interface PrefetchPlan {
  set: PatternSet;
  entries: { term: string; plain?: { text: string; at: number }; pieces?: number[] }[];
}

const plans = new WeakMap<string[], PrefetchPlan>();

/** The plan of a term list, made once per list (the lists of a rule pack are reused for every document). */
function prefetchPlan(terms: string[]): PrefetchPlan {
  let plan = plans.get(terms);
  if (!plan) {
    const unique = [...new Set(terms)];
    const set = patternSet(unique);
    const at = new Map(set.patterns.map((p, i) => [p, i]));
    const entries = unique.map((term) => {
      const plain = plainForm(term);
      if (plain !== undefined) return { term, plain: { text: plain, at: at.get(plain)! } };
      const pieces = literalPieces(term);
      return pieces ? { term, pieces: pieces.map((p) => at.get(p)!) } : { term };
    });
    plan = { set, entries };
    plans.set(terms, plan);
  }
  return plan;
}

/** One automaton per set of terms (their plain forms and literal words), shared by every document. */
function patternSet(terms: string[]): PatternSet {
  const key = terms.join('\u0001');
  let set = patternSets.get(key);
  if (!set) {
    const patterns = new Set<string>();
    for (const term of terms) {
      const plain = plainForm(term);
      if (plain !== undefined) patterns.add(plain);
      else for (const piece of literalPieces(term) ?? []) patterns.add(piece);
    }
    set = new PatternSet([...patterns]);
    patternSets.set(key, set);
  }
  return set;
}

const acceptAll = () => true;

/** Word boundaries for Latin terms; a clause id like "A1" must not match inside "A1.1" (undefined: nothing to check). */
function acceptor(text: string, term: string, prefix: boolean): ((start: number, end: number) => boolean) | undefined {
  const latinStart = !hasCjk(term[0]) && isWordChar(term[0]);
  const latinEnd = !hasCjk(term[term.length - 1]) && isWordChar(term[term.length - 1]) && !prefix;
  const clause = CLAUSE_ID.test(term);
  if (!latinStart && !latinEnd && !clause) return undefined;
  return (start, end) => {
    if (latinStart && isWordChar(text[start - 1])) return false;
    if (latinEnd && isWordChar(text[end])) return false;
    if (clause && (/[.\-]/.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? ''))) return false;
    return true;
  };
}

/** Offsets of a term; `starts`, where known, are the only places a regular-expression match can begin. */
function scan(text: string, rawTerm: string, starts?: number[]): number[] {
  const prefix = plainPrefix(rawTerm);
  const term = foldedTerm(rawTerm);
  const out: number[] = [];
  if (term === '') return out;
  const accept = acceptor(text, term, prefix) ?? acceptAll;
  // PDF extraction puts spaces between Chinese and digits or Latin ("範圍 1"), so a term that
  // mixes scripts tolerates white space where the script changes.
  const mixed = hasCjk(term) && /[a-z0-9]/.test(term);
  if (!isPlain(term)) {
    // A '*' inside a phrase ("conflict* of interest") lets that word run on.
    const word = (w: string) => (mixed ? splitScripts(w).map(escape).join('\\s*') : escape(w)).replace(/\\\*/g, '[a-z0-9]*');
    const pattern = term.split(/\s+/).map(word).join('\\s*');
    if (!starts) {
      for (const m of text.matchAll(new RegExp(pattern, 'g'))) if (accept(m.index, m.index + m[0].length)) out.push(m.index);
      return out;
    }
    // The same matches as a scan of the whole text: tried only where a match can begin, and
    // never inside the previous match.
    const re = new RegExp(pattern, 'y');
    let end = 0;
    for (const start of starts) {
      if (start < end) continue;
      re.lastIndex = start;
      const m = re.exec(text);
      if (!m) continue;
      end = start + m[0].length;
      if (accept(start, end)) out.push(start);
    }
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
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
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
export function hasWithin(sorted: ArrayLike<number>, from: number, to: number): number | undefined {
  const i = lowerBound(sorted, from);
  return i < sorted.length && sorted[i] <= to ? sorted[i] : undefined;
}
