import type { Block, ReportDocument } from '../document/types.js';
import { normalize, hasCjk } from '../util/normalize.js';
import { PatternSet } from './aho-corasick.js';
import { joinedNorms } from '../document/joined.js';
import { lastAtOrBefore, lowerBound, OffsetList, type Offsets } from '../util/sorted.js';
import { isAsciiDigit } from '../util/code-units.js';

/**
 * The whole document's folded text in one string, with each term's occurrences found once
 * and cached: every item that uses a term shares the scan.
 */
export class TextIndex {
  readonly text: string;
  readonly blockStarts: number[];
  /** Offsets of the terms searched one by one. */
  private readonly hits = new Map<string, Offsets>();
  /** The one-pass searches made, each term's offsets taken from them when first asked for. */
  private readonly prefetched: Prefetched[] = [];
  private numberOffsets?: Offsets;

  /** Folded words that PDF text runs into the figure after them ("rmb130"): they may end before a digit. */
  private readonly glued: Set<string>;

  /** `glued`: currency words a figure may follow without a space ("RMB130 thousand", "HKD500,000"). */
  constructor(readonly doc: ReportDocument, glued: string[] = []) {
    this.glued = new Set(glued.map((w) => foldedTerm(w)));
    const joined = joinedNorms(doc);
    this.text = joined.text;
    this.blockStarts = joined.starts;
  }

  /** The block of the last blockAt: offsets asked for one after another are often in one block. */
  private lastBlock = 0;

  blockAt(offset: number): Block {
    const starts = this.blockStarts;
    const last = this.lastBlock;
    if (starts[last] <= offset && (last + 1 >= starts.length || offset < starts[last + 1])) return this.doc.blocks[last];
    this.lastBlock = lastAtOrBefore(starts, offset);
    return this.doc.blocks[this.lastBlock];
  }

  /**
   * Finds many terms in one pass (see PatternSet); later `find` calls for them are lookups.
   * Terms that need a regular expression (phrases, mixed scripts, inner '*') are left to `find`,
   * but their literal words are searched in the same pass: a term one of whose words does not
   * occur is known absent, and the others are matched only where their first word occurs.
   */
  prefetch(terms: string[]): void {
    const plan = prefetchPlan(terms);
    if (this.prefetched.some((p) => p.plan === plan)) return;
    this.prefetched.push({ plan, found: plan.set.search(this.text), resolved: new Array(plan.entries.length) });
  }

  /** Offsets of a term (already folded or not) in the document. */
  find(term: string): Offsets {
    let found = this.hits.get(term);
    if (found) return found;
    for (const p of this.prefetched) {
      const id = p.plan.idOf.get(term);
      if (id === undefined) continue;
      return (p.resolved[id] ??= this.resolve(p, p.plan.entries[id]));
    }
    found = scan(this.text, term, undefined, this.glued.has(foldedTerm(term)));
    this.hits.set(term, found);
    return found;
  }

  /**
   * Offsets of each term of a list of the rules (the same array for every document): its
   * terms' entries in the one-pass search are looked up once per process, not by name each time.
   */
  findEach(terms: string[]): Offsets[] {
    const p = this.prefetched[0];
    if (!p) return terms.map((t) => this.find(t));
    let ids = p.plan.listIds.get(terms);
    if (!ids) {
      ids = Int32Array.from(terms, (t) => p.plan.idOf.get(t) ?? -1);
      p.plan.listIds.set(terms, ids);
    }
    const { direct } = p.plan;
    const out: Offsets[] = [];
    for (let i = 0; i < terms.length; i++) {
      const id = ids[i];
      if (id < 0) out.push(this.find(terms[i]));
      else if (direct[id] >= 0) out.push(p.found[direct[id]]);
      else out.push((p.resolved[id] ??= this.resolve(p, p.plan.entries[id])));
    }
    return out;
  }

  /** A term's offsets from a one-pass search. */
  private resolve(p: Prefetched, { term, plain, pieces }: PlanEntry): Offsets {
    if (plain) {
      const found = p.found[plain.at];
      // Without word boundaries to test (most Chinese terms), the automaton's list is the answer.
      if (!plain.bounds || found.length === 0) return found;
      const { text } = this;
      const { bounds } = plain;
      const end = plain.text.length;
      const glued = this.glued.has(plain.text);
      return found.filter((o) => withinBounds(text, bounds, o, o + end, glued));
    }
    const glued = this.glued.has(foldedTerm(term));
    if (!pieces) return scan(this.text, term, undefined, glued);
    if (pieces.some((piece) => p.found[piece].length === 0)) return NOWHERE;
    return scan(this.text, term, p.found[pieces[0]], glued);
  }

  /** Where an occurrence of the term that starts at `offset` ends (the longest of the terms that do), else -1. */
  endOf(terms: string[], offset: number): number {
    let end = -1;
    for (const raw of terms) {
      const term = foldedTerm(raw);
      if (term === '') continue;
      let at = -1;
      if (isPlain(term)) {
        if (this.text.startsWith(term, offset)) at = offset + term.length;
        // A prefix term ("complaint*") runs on to the end of its word.
        if (at >= 0 && plainPrefix(raw)) while (isWordChar(this.text[at])) at++;
      } else {
        const re = termExpression(term, 'y');
        re.lastIndex = offset;
        const m = re.exec(this.text);
        if (m) at = offset + m[0].length;
      }
      if (at > end) end = at;
    }
    return end;
  }

  private sentenceEnds?: Offsets;

  /** The sentence around an offset, as [start, end): bounded by 。！？!? or '. ' and by blocks. */
  sentenceAt(offset: number): { start: number; end: number } {
    if (!this.sentenceEnds) {
      // Where /[。！？!?\n]|\.(?=\s)/ matches, read character by character (no match objects).
      const ends = new OffsetList();
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (isSentenceEnd(code) || (code === 0x2e && i + 1 < text.length && /\s/.test(text[i + 1]))) ends.push(i);
      }
      this.sentenceEnds = ends.done();
    }
    const i = lowerBound(this.sentenceEnds, offset);
    const start = i > 0 ? this.sentenceEnds[i - 1] + 1 : 0;
    const end = i < this.sentenceEnds.length ? this.sentenceEnds[i] : this.text.length;
    return { start, end };
  }

  /** Offsets of every figure (a digit run) in the document. */
  numbers(): Offsets {
    if (!this.numberOffsets) {
      const offsets = new OffsetList();
      // Figures in digits, and small counts in words ("four concerns", "一宗", "兩名").
      for (const m of this.text.matchAll(NUMBER)) offsets.push(m.index);
      this.numberOffsets = offsets.done();
    }
    return this.numberOffsets;
  }
}

const WORD = /[a-z0-9]/;
/** 。！？!? and the line break between blocks. */
function isSentenceEnd(code: number): boolean {
  return code === 0x0a || code === 0x21 || code === 0x3f || code === 0x3002 || code === 0xff01 || code === 0xff1f;
}
// A run of Chinese numerals is tried from its start only: a match can only end where the run
// does, and trying every position of a long run made the search quadratic.
const NUMBER = /\d[\d,]*(?:\.\d+)?|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred)\b|(?<![零一二两三四五六七八九十百])[零一二两三四五六七八九十百]+(?=[宗件个名人次项起例])/g;

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

/** Folds terms ahead of any search (see rules/compile). */
export function foldTerms(terms: string[]): void {
  for (const term of terms) foldedTerm(term);
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
  entries: PlanEntry[];
  /** The entry of each term. */
  idOf: Map<string, number>;
  /** The entries of the terms of a list (-1: not in the plan), by list. */
  listIds: WeakMap<string[], Int32Array>;
  /** By entry: the pattern whose hits are the term's own (a plain term without boundaries to test), else -1. */
  direct: Int32Array;
}

interface PlanEntry {
  term: string;
  /** A term found by plain search: its folded form, pattern index and the boundaries it needs. */
  plain: { text: string; at: number; bounds: Bounds | undefined } | undefined;
  /** A regular-expression term: the pattern indexes of its literal words. */
  pieces: number[] | undefined;
}

/** A document's one-pass search of a plan's terms. */
interface Prefetched {
  plan: PrefetchPlan;
  /** Offsets of each pattern of the plan's automaton. */
  found: Offsets[];
  /** Offsets of each term, by entry, once asked for. */
  resolved: (Offsets | undefined)[];
}

const NOWHERE: Offsets = new Int32Array(0);

const plans = new WeakMap<string[], PrefetchPlan>();

/** The plan of a term list, made once per list (the lists of a rule pack are reused for every document). */
function prefetchPlan(terms: string[]): PrefetchPlan {
  let plan = plans.get(terms);
  if (!plan) {
    const unique = [...new Set(terms)];
    // Each term's form, read once: its folded plain text, or the literal words of its expression.
    const forms = unique.map((term) => {
      const plain = plainForm(term);
      return { term, plain, pieces: plain === undefined ? literalPieces(term) : undefined };
    });
    const set = patternSet(forms);
    const at = new Map(set.patterns.map((p, i) => [p, i]));
    const entries = forms.map(({ term, plain, pieces }): PlanEntry => {
      if (plain !== undefined) return { term, plain: { text: plain, at: at.get(plain)!, bounds: boundsOf(plain, plainPrefix(term)) }, pieces: undefined };
      return { term, plain: undefined, pieces: pieces?.map((p) => at.get(p)!) };
    });
    const direct = Int32Array.from(entries, (e) => (e.plain && !e.plain.bounds ? e.plain.at : -1));
    plan = { set, entries, idOf: new Map(entries.map((e, i) => [e.term, i])), listIds: new WeakMap(), direct };
    plans.set(terms, plan);
  }
  return plan;
}

/** One automaton per set of terms (their plain forms and literal words), shared by every document. */
function patternSet(forms: { term: string; plain?: string; pieces?: string[] }[]): PatternSet {
  const key = forms.map((f) => f.term).join('\u0001');
  let set = patternSets.get(key);
  if (!set) {
    const patterns = new Set<string>();
    for (const { plain, pieces } of forms) {
      if (plain !== undefined) patterns.add(plain);
      else for (const piece of pieces ?? []) patterns.add(piece);
    }
    set = new PatternSet([...patterns]);
    patternSets.set(key, set);
  }
  return set;
}

/** Which edges of a term's occurrence must be word boundaries, and whether it is a clause id. */
interface Bounds {
  latinStart: boolean;
  latinEnd: boolean;
  clause: boolean;
}

/**
 * Word boundaries for Latin terms; a clause id like "A1" must not match inside "A1.1".
 * Undefined when the term has no boundary to test: every occurrence counts.
 */
function boundsOf(term: string, prefix: boolean): Bounds | undefined {
  const latinStart = !hasCjk(term[0]) && isWordChar(term[0]);
  const latinEnd = !hasCjk(term[term.length - 1]) && isWordChar(term[term.length - 1]) && !prefix;
  const clause = CLAUSE_ID.test(term);
  return latinStart || latinEnd || clause ? { latinStart, latinEnd, clause } : undefined;
}

/** `glued`: the term may end right before a digit (a currency word run into its figure). */
function withinBounds(text: string, bounds: Bounds, start: number, end: number, glued = false): boolean {
  if (bounds.latinStart && isWordChar(text[start - 1])) return false;
  if (bounds.latinEnd && isWordChar(text[end]) && !(glued && isAsciiDigit(text.charCodeAt(end)))) return false;
  if (bounds.clause && (/[.\-]/.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? ''))) return false;
  return true;
}

const expressions = new Map<string, RegExp>();

/** The regular expression of a folded term that is not plain, made once per process and flag. */
function termExpression(term: string, flag: 'g' | 'y'): RegExp {
  const key = `${flag}${term}`;
  let re = expressions.get(key);
  if (!re) {
    // PDF extraction puts spaces between Chinese and digits or Latin ("範圍 1"), so a term that
    // mixes scripts tolerates white space where the script changes.
    const mixed = hasCjk(term) && /[a-z0-9]/.test(term);
    // A '*' inside a phrase ("conflict* of interest") lets that word run on.
    const word = (w: string) => (mixed ? splitScripts(w).map(escape).join('\\s*') : escape(w)).replace(/\\\*/g, '[a-z0-9]*');
    re = new RegExp(term.split(/\s+/).map(word).join('\\s*'), flag);
    expressions.set(key, re);
  }
  return re;
}

/** Offsets of a term; `starts`, where known, are the only places a regular-expression match can begin. */
function scan(text: string, rawTerm: string, starts?: Offsets, glued = false): Offsets {
  const prefix = plainPrefix(rawTerm);
  const term = foldedTerm(rawTerm);
  if (term === '') return NOWHERE;
  const out = new OffsetList();
  const bounds = boundsOf(term, prefix);
  const accept = bounds && ((start: number, end: number) => withinBounds(text, bounds, start, end, glued));
  if (!isPlain(term)) {
    if (!starts) {
      const re = termExpression(term, 'g');
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) if (!accept || accept(m.index, m.index + m[0].length)) out.push(m.index);
      return out.done();
    }
    // The same matches as a scan of the whole text: tried only where a match can begin, and
    // never inside the previous match.
    const re = termExpression(term, 'y');
    let end = 0;
    for (const start of starts) {
      if (start < end) continue;
      re.lastIndex = start;
      const m = re.exec(text);
      if (!m) continue;
      end = start + m[0].length;
      if (!accept || accept(start, end)) out.push(start);
    }
    return out.done();
  }
  for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
    if (!accept || accept(i, i + term.length)) out.push(i);
  }
  return out.done();
}

function splitScripts(word: string): string[] {
  return word.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) ?? [word];
}
