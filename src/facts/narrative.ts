import type { Block, ReportDocument } from '../document/types.js';
import { positionInBlock } from '../document/build.js';
import type { Fact } from './types.js';
import { makeFact, unitFits } from './build.js';
import { ageGroup, matchMember, modifiersIn, occursAt, type Lexicon, type MetricDef, type NamedPhrase } from './lexicon.js';
import { foldDigits, parseNumber, type ParsedNumber } from './numbers.js';
import { parseUnit, type Unit } from './units.js';
import { isAsciiDigit } from '../util/code-units.js';

/**
 * Figures in sentences: "Scope 1 emissions were 50.74 tCO2e", "廢氣排放總量爲 15.38 千克",
 * stated changes ("汽油消耗量較去年下降 35.07%", "electricity consumption rose 12%",
 * "doubled") and shares of a breakdown ("男性員工占比 49.20%").
 */

interface Compact {
  text: string;
  /** Offset in the block text of each character of `text` (valid until the next block is compacted). */
  map: Int32Array;
}

/** Room for the offsets of a compacted block, reused from one block to the next. */
let mapScratch = new Int32Array(1024);

const CJK = /[\u3400-\u9fff]/;

/** The code unit test of CJK, without a one-character string per test. */
function isCjk(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** The folded block text with line breaks and spaces next to CJK removed, mapped back to offsets. */
function compact(block: Block): Compact {
  const src = foldDigits(block.norm).replace(/\n/g, ' ');
  // The kept characters, as runs of the source between dropped spaces.
  const runs: string[] = [];
  if (mapScratch.length < src.length) mapScratch = new Int32Array(Math.max(src.length, 2 * mapScratch.length));
  const map = mapScratch;
  let length = 0;
  let runStart = 0;
  let prev = -1;
  for (let i = 0; i < src.length; i++) {
    if (src.charCodeAt(i) === 0x20) {
      let j = i + 1;
      while (src.charCodeAt(j) === 0x20) j++;
      if (prev < 0 || src.charCodeAt(prev) === 0x20 || isCjk(src.charCodeAt(prev)) || j >= src.length || isCjk(src.charCodeAt(j))) {
        if (runStart < i) runs.push(src.slice(runStart, i));
        runStart = i + 1;
        continue;
      }
    }
    map[length++] = i;
    prev = i;
  }
  if (runStart < src.length) runs.push(src.slice(runStart));
  return { text: runs.join(''), map: map.subarray(0, length) };
}

const RELATIVE_YEAR = /去年|上年|上一年|前年|last year|previous year|prior year|the year before/;
const COMPARED_WITH_LAST_YEAR = /(?:较|比|与|同比|相比|compared (?:with|to)|than|from|over|versus|vs\.?)\s*(?:the\s+)?(?:去年|上年度|上年|上一年度?|last year|previous year|prior year)/g;

const NUMBER_AT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
/** 。!?！？；; */
const SENTENCE_END_CODES = new Set([0x3002, 0x21, 0x3f, 0xff01, 0xff1f, 0xff1b, 0x3b]);

/**
 * Where the sentence around `at` starts: just after the last sentence end (one of 。!?！？；;,
 * or '.' before white space or at the end of the text) that ends at or before `at`.
 */
function sentenceStart(text: string, at: number): number {
  for (let j = Math.min(at, text.length) - 1; j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (SENTENCE_END_CODES.has(code)) return j + 1;
    // ". " ends a sentence with its space.
    if (j > 0 && text.charCodeAt(j - 1) === 0x2e && /\s/.test(text[j])) return j + 1;
    if (code === 0x2e && j === text.length - 1) return j + 1;
  }
  return 0;
}

/** ，,；;。、:： */
const CLAUSE_END_CODES = new Set([0xff0c, 0x2c, 0xff1b, 0x3b, 0x3002, 0x3001, 0x3a, 0xff1a]);

function clauseStart(text: string, at: number): number {
  let i = Math.min(at, text.length) - 1;
  while (i >= 0 && !CLAUSE_END_CODES.has(text.charCodeAt(i))) i--;
  return Math.max(i + 1, sentenceStart(text, at));
}

const YEAR_IN_TEXT = /(?<!\d)((?:19|20)\d{2})(?:\s*年|(?=[\s,，]|$))/g;

/** The nearest year written before `at` in the sentence, else undefined. */
function yearBefore(text: string, from: number, at: number): number | undefined {
  let year: number | undefined;
  for (const m of text.slice(from, at).matchAll(YEAR_IN_TEXT)) year = Number(m[1]);
  return year;
}

function skipWords(text: string, at: number, words: string[], max: number): number {
  let pos = at;
  for (let n = 0; n < max; n++) {
    while (text[pos] === ' ') pos++;
    const w = words.find((k) => occursAt(text, pos, { key: k, ascii: !CJK.test(k) }));
    if (!w) break;
    pos += w.length;
  }
  while (text[pos] === ' ') pos++;
  return pos;
}

const UNIT_STOP = /[，,。；;、)）(（]|\s(?:and|or|in|compared|from|which|while)\b/;
const MONEY_STOP = /[，,。；;、)）(（]|\s(?:and|or|in|to|for|compared|from|which|while)\b/;

/**
 * The longest text at `at` (up to 28 characters, not past punctuation or a joining word, not
 * ending inside a word) that `read` takes for a unit.
 */
function longestUnit(text: string, at: number, stop: RegExp, read: (candidate: string) => Unit | undefined): { unit: Unit; end: number } | undefined {
  const cut = text.slice(at, at + 28).search(stop);
  const window = text.slice(at, at + (cut < 0 ? 28 : cut));
  for (let len = window.length; len >= 1; len--) {
    const candidate = window.slice(0, len);
    if (/\s$/.test(candidate)) continue;
    const next = window[len];
    if (next !== undefined && /[a-z0-9]/i.test(candidate[len - 1]) && /[a-z0-9]/i.test(next)) continue;
    const unit = read(candidate);
    if (unit) return { unit, end: at + len };
  }
  return undefined;
}

/** The longest unit starting at `at` ("噸 / 人民幣億元", "千瓦時", "%"). */
function unitAt(lex: Lexicon, text: string, at: number): { unit: Unit; end: number } | undefined {
  return longestUnit(text, at, UNIT_STOP, (candidate) => parseUnit(lex, candidate));
}

/** A currency word at `at` followed by a figure (run into it or after a space): "rmb130", "hk$ 20". */
function currencyAt(lex: Lexicon, text: string, at: number): { key: string; end: number } | undefined {
  for (const u of lex.unitAliases) {
    if (u.target.dimension !== 'money' || !text.startsWith(u.key, at)) continue;
    let next = at + u.key.length;
    while (text[next] === ' ') next++;
    if (isAsciiDigit(text.charCodeAt(next))) return { key: u.key, end: at + u.key.length };
  }
  return undefined;
}

/**
 * The money unit of a figure printed after its currency: the currency with the scale or unit
 * words after the figure ("rmb130 thousand", "hk$20million", "人民幣 13 萬元"), else the currency alone.
 */
function unitAfterCurrency(lex: Lexicon, text: string, currency: string, at: number): { unit: Unit; end: number } | undefined {
  const scaled = longestUnit(text, at, MONEY_STOP, (candidate) => {
    const unit = parseUnit(lex, `${currency} ${candidate}`);
    return unit?.dimension === 'money' && !unit.per ? unit : undefined;
  });
  if (scaled) return scaled;
  const unit = parseUnit(lex, currency);
  return unit ? { unit, end: at } : undefined;
}

interface Found {
  metric: MetricDef;
  label: string;
  number: ParsedNumber;
  unit?: Unit;
  change?: Fact['change'];
  year: number | null;
  breakdown?: Record<string, string>;
  share?: boolean;
  at: number;
  /** Where the figure and its unit end. */
  end?: number;
}

/**
 * The metric names by the code units they start with, made once per lexicon: names of two or
 * more characters by their first two, one-character names by their first. Each list keeps the
 * lexicon's order (longest first), and every name of the first kind is longer than any of the
 * second, so trying the first list and then the second tries the names in the lexicon's order.
 */
interface NameIndex {
  byFirstTwo: Map<number, NamedPhrase<MetricDef>[]>;
  byFirst: Map<number, NamedPhrase<MetricDef>[]>;
  /** 1 for each code unit a name starts with: most positions of a text start none. */
  firstUnits: Uint8Array;
}

const nameIndexes = new WeakMap<Lexicon, NameIndex>();

function nameIndexOf(lex: Lexicon): NameIndex {
  let index = nameIndexes.get(lex);
  if (!index) {
    index = { byFirstTwo: new Map(), byFirst: new Map(), firstUnits: new Uint8Array(0x10000) };
    for (const p of lex.metricNames) {
      index.firstUnits[p.key.charCodeAt(0)] = 1;
      const long = p.key.length >= 2;
      const map = long ? index.byFirstTwo : index.byFirst;
      const key = long ? pairKey(p.key, 0) : p.key.charCodeAt(0);
      const list = map.get(key) ?? [];
      list.push(p);
      map.set(key, list);
    }
    nameIndexes.set(lex, index);
  }
  return index;
}

/**
 * A key for the two code units at `at`, kept within small integers (a larger number is a heap
 * number, allocated and hashed slowly by Map): pairs may share a key, and every name found by
 * it is compared with the text anyway.
 */
function pairKey(text: string, at: number): number {
  return ((text.charCodeAt(at) << 15) ^ text.charCodeAt(at + 1)) & 0x3fffffff;
}

/** True when the text contains a name of two or more characters of a metric other than `metric`. */
function namesAnotherMetric(index: NameIndex, text: string, metric: MetricDef): boolean {
  for (let s = 0; s + 1 < text.length; s++) {
    if (!index.firstUnits[text.charCodeAt(s)]) continue;
    const names = index.byFirstTwo.get(pairKey(text, s));
    if (names) for (const p of names) if (p.target !== metric && text.startsWith(p.key, s)) return true;
  }
  return false;
}

/** The first metric name, in the lexicon's order, that occurs at `pos`. */
function nameAt(index: NameIndex, text: string, pos: number): NamedPhrase<MetricDef> | undefined {
  if (!index.firstUnits[text.charCodeAt(pos)]) return undefined;
  if (pos + 1 < text.length) {
    const long = index.byFirstTwo.get(pairKey(text, pos));
    if (long) for (const p of long) if (occursAt(text, pos, p)) return p;
  }
  const short = index.byFirst.get(text.charCodeAt(pos));
  if (short) for (const p of short) if (occursAt(text, pos, p)) return p;
  return undefined;
}

export function readNarrative(doc: ReportDocument, lex: Lexicon, consumedLines: Set<number>, defaultYear: number | null): Fact[] {
  const names = nameIndexOf(lex);
  const facts: Fact[] = [];
  for (const block of doc.blocks) {
    if (block.role !== 'body' || (block.kind !== 'paragraph' && block.kind !== 'list')) continue;
    if (!/\d/.test(block.text)) continue;
    const c = compact(block);
    const found: Found[] = [];
    const text = c.text;
    for (let pos = 0; pos < text.length; pos++) {
      const name = nameAt(names, text, pos);
      if (!name) continue;
      found.push(...readAfterName(lex, text, pos, name, defaultYear));
      pos += name.key.length - 1;
    }
    found.push(...readShares(lex, text, defaultYear));
    found.push(...readStated(lex, text, defaultYear));
    found.push(...readChangesBeforeName(lex, text, names, defaultYear));
    for (const f of found) {
      const offset = c.map[f.at] ?? 0;
      const where = positionInBlock(block, offset);
      if (consumedLines.has(where.line)) continue;
      facts.push(
        makeFact(doc, lex, {
          metric: f.metric,
          label: f.label,
          year: f.year,
          number: f.number,
          unit: f.unit,
          kind: 'narrative',
          place: { line: where.line, column: where.column, page: block.segments.find((s) => s.line === where.line)?.page ?? block.page, section: block.section },
          breakdown: f.breakdown,
          share: f.share,
          change: f.change,
          printed: f.number.text,
          order: 0,
        }),
      );
    }
  }
  return facts;
}

/**
 * Whether the text before a figure's name confines it to a part of the business or to the
 * directors, unless the whole staff is named after that ("面向董事會開展…，面向員工開展…").
 */
function qualified(lex: Lexicon, before: string): boolean {
  return lex.qualifiers.some((q) => {
    const at = before.lastIndexOf(q);
    return at >= 0 && !lex.wholeWorkforce.some((w) => before.indexOf(w, at + q.length) >= 0);
  });
}

/** What may follow a stated figure and its unit: the end of its clause, or a comparison. */
const STATED_END = /^\s*(?:[,，。.;；)）]|$|(?:compared|as at|as of|in total|across)\b)/;

/**
 * "As at 31 December 2025, the Group had 3,046 employees", "本集團共有3,046名員工": a figure after
 * a verb the lexicon gives for a metric, in a unit of the metric's own dimension, that ends its
 * clause ("had 3 employees injured" states no headcount) and is said of the whole issuer (no
 * office, plant or subsidiary named before it).
 */
function readStated(lex: Lexicon, text: string, defaultYear: number | null): Found[] {
  const out: Found[] = [];
  for (const verb of lex.statingVerbs) {
    for (let at = text.indexOf(verb.key); at >= 0; at = text.indexOf(verb.key, at + 1)) {
      if (!occursAt(text, at, verb)) continue;
      const numAt = skipWords(text, at + verb.key.length, lex.links, 3);
      const num = text.slice(numAt).match(NUMBER_AT);
      if (!num) continue;
      let u = numAt + num[0].length;
      while (text[u] === ' ') u++;
      const read = unitAt(lex, text, u);
      const metric = verb.target;
      if (!read || read.unit.per || read.unit.dimension !== metric.dimension || !STATED_END.test(text.slice(read.end))) continue;
      const sStart = sentenceStart(text, at);
      if (qualified(lex, text.slice(sStart, at))) continue;
      const number = parseNumber(num[0]);
      if (!number) continue;
      out.push({ metric, label: text.slice(at, read.end), number, unit: read.unit, year: yearBefore(text, sStart, at) ?? defaultYear, at: numAt, end: read.end });
    }
  }
  return out;
}

function readAfterName(lex: Lexicon, text: string, at: number, name: NamedPhrase<MetricDef>, defaultYear: number | null): Found[] {
  const value = readValueAfterName(lex, text, at, name, defaultYear);
  if (!value || value.change || value.end === undefined) return value ? [value] : [];
  // "…爲 5,600 噸，同比增長 12%": a change stated right after the figure.
  const after = text.slice(value.end).match(/^\s*[，,]?\s*(?:(?:an?|which is|representing|或|即)\s+)?/);
  const change = readChange(lex, text, value.end + (after?.[0].length ?? 0), name.target, name.key, value.year, sentenceStart(text, at), true);
  return change ? [value, change] : [value];
}

function readValueAfterName(lex: Lexicon, text: string, at: number, name: NamedPhrase<MetricDef>, defaultYear: number | null): Found | undefined {
  const metric = name.target;
  const clause = text.slice(clauseStart(text, at), at);
  // "電力、化工板塊碳排放總量…，碳排放強度…": a part of the business named anywhere before in the sentence.
  const sentence = text.slice(sentenceStart(text, at), at);
  if (qualified(lex, sentence)) return undefined;
  // "纍計參訓人數" is not "參訓人數": a modifier just before the name changes the metric.
  const nameMods = modifiersIn(lex, name.key);
  for (const m of modifiersIn(lex, clause.slice(-6))) if (!nameMods.has(m)) return undefined;
  // "直接（範圍1）溫室氣體排放總量" names scope 1 before the total: which one the figure is, is unclear.
  const before = clause.slice(-14);
  if (namesAnotherMetric(nameIndexOf(lex), before, metric)) return undefined;
  let pos = at + name.key.length;
  const paren = text.slice(pos).match(/^\s*\([^()]{0,40}\)/);
  if (paren) pos += paren[0].length;
  const sStart = sentenceStart(text, at);
  const explicitYearBefore = yearBefore(text, sStart, at);
  // "去年…為 805.17 噸": a relative year the period does not settle; "較去年" is a change, read below.
  const relative = text.slice(sStart, at + name.key.length + 24).replace(COMPARED_WITH_LAST_YEAR, ' ');
  const relativeYear = explicitYearBefore === undefined && RELATIVE_YEAR.test(relative);
  const year = explicitYearBefore ?? defaultYear;
  const afterLinks = skipWords(text, pos, lex.links, 3);
  // "donations of RMB130 thousand", "HK$ 20million": a currency before the figure, run into it or not.
  const currency = metric.dimension === 'money' ? currencyAt(lex, text, afterLinks) : undefined;
  let numAt = afterLinks;
  if (currency) for (numAt = currency.end; text[numAt] === ' '; ) numAt++;
  const num = text.slice(numAt).match(NUMBER_AT);
  if (num && afterLinks - pos <= 14) {
    if (relativeYear) return undefined;
    const numEnd = numAt + num[0].length;
    if (/^\s*(?:年|月|日|\d)/.test(text.slice(numEnd))) return undefined;
    const pct = text[numEnd] === '%';
    const number = parseNumber(pct ? `${num[0]}%` : num[0]);
    if (!number) return undefined;
    let unit: Unit | undefined;
    let end = numEnd + 1;
    if (pct) unit = currency ? undefined : parseUnit(lex, '%');
    else if (currency) {
      let u = numEnd;
      while (text[u] === ' ') u++;
      const read = unitAfterCurrency(lex, text, currency.key, u);
      unit = read?.unit;
      end = read?.end ?? numEnd;
    } else {
      let u = numEnd;
      while (text[u] === ' ') u++;
      const read = unitAt(lex, text, u);
      unit = read?.unit;
      end = read?.end ?? numEnd;
    }
    if (!unit || !unitFits(metric, unit)) return undefined;
    // "50.74 kg per vehicle": a per-unit the lexicon cannot read makes the figure something else.
    if (/^\s*(?:\/|per\b|每)/.test(text.slice(end))) return undefined;
    // "390,591,712 kWh 2018 2025": a bare year after the figure is a table's year column (a base
    // or target year), so the figure is not the report year's.
    const bareYear = text.slice(end, end + 8).match(/^\s+((?:19|20)\d{2})(?![\d年])/);
    if (bareYear && Number(bareYear[1]) !== year) return undefined;
    const yearAfter = explicitYearBefore ? undefined : text.slice(end, end + 14).match(/^\s*(?:in|for|during|of)\s+((?:19|20)\d{2})\b/);
    return { metric, label: name.key, number, unit, year: yearAfter ? Number(yearAfter[1]) : year, at: numAt, end };
  }
  return readChange(lex, text, pos, metric, name.key, year, sStart);
}

function readChange(lex: Lexicon, text: string, from: number, metric: MetricDef, label: string, year: number | null, sStart: number, afterFigure = false): Found | undefined {
  if (year === null) return undefined;
  let pos = afterFigure ? from : skipWords(text, from, lex.links, 1);
  const prevBefore = skipWords(text, pos, lex.previousYear, 1);
  const hadPrevious = prevBefore !== pos;
  const explicitBase = text.slice(pos, pos + 16).match(/^(?:较|比|与|compared (?:with|to)|from|since|over)\s*((?:19|20)\d{2})\s*(?:年)?(?:相比)?/);
  let base = year - 1;
  if (explicitBase) {
    base = Number(explicitBase[1]);
    pos += explicitBase[0].length;
  } else pos = prevBefore;
  while (text[pos] === ' ') pos++;
  const doubled = lex.doubled.find((w) => text.startsWith(w, pos));
  const halved = lex.halved.find((w) => text.startsWith(w, pos));
  if (doubled || halved) {
    const number = parseNumber(doubled ? '100' : '-50')!;
    return { metric, label, number: { ...number, halfUnit: doubled ? 10 : 5, text: doubled ?? halved! }, unit: parseUnit(lex, '%'), change: { from: base }, year, at: pos };
  }
  const up = lex.up.find((w) => occursAt(text, pos, { key: w, ascii: !CJK.test(w) }));
  const down = up ? undefined : lex.down.find((w) => occursAt(text, pos, { key: w, ascii: !CJK.test(w) }));
  if (!up && !down) return undefined;
  pos += (up ?? down)!.length;
  pos = skipWords(text, pos, ['了', 'by', 'of', '约', '近', 'approximately', 'about', 'around', 'nearly', 'some'], 2);
  const num = text.slice(pos).match(NUMBER_AT);
  if (!num) return undefined;
  const numEnd = pos + num[0].length;
  const rest = text.slice(numEnd);
  const points = rest.match(/^\s*(?:个百分点|百分点|percentage points?|pp\b|ppts?\b)/);
  if (!points && rest[0] !== '%') return undefined;
  if (points && metric.dimension !== 'percent') return undefined;
  const tail = text.slice(numEnd, numEnd + 24);
  const laterBase = tail.match(/(?:compared (?:with|to)|than|from|over)\s*((?:19|20)\d{2})/);
  if (laterBase && !explicitBase) base = Number(laterBase[1]);
  const otherYears = [...text.slice(sStart, numEnd + 24).matchAll(YEAR_IN_TEXT)].map((m) => Number(m[1])).filter((y) => y !== year && y !== base);
  if (!hadPrevious && !explicitBase && !laterBase && otherYears.length > 0) return undefined;
  const parsed = parseNumber(num[0]);
  if (!parsed) return undefined;
  const signed = { ...parsed, value: down ? -parsed.value : parsed.value };
  return { metric, label, number: signed, unit: parseUnit(lex, points ? 'pp' : '%'), change: { from: base, ...(points ? { points: true } : {}) }, year, at: pos };
}

const CHANGE_BEFORE = /(?<![\d.])(\d+(?:\.\d+)?)\s*(%|percentage points?|pp\b)\s+(decrease|reduction|drop|decline|fall|cut|increase|rise|growth)\s+(?:in|of)\s+(?:our\s+|the\s+|group\s+|group's\s+)*/g;

/** "a 35% reduction in petrol consumption", "a 2 percentage point rise in the turnover rate". */
function readChangesBeforeName(lex: Lexicon, text: string, names: NameIndex, defaultYear: number | null): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(CHANGE_BEFORE)) {
    const at = m.index! + m[0].length;
    const name = nameAt(names, text, at);
    if (!name) continue;
    const points = m[2] !== '%';
    if (points && name.target.dimension !== 'percent') continue;
    const year = yearBefore(text, sentenceStart(text, m.index!), m.index!) ?? defaultYear;
    const parsed = parseNumber(m[1]);
    if (!parsed || year === null) continue;
    const down = /decrease|reduction|drop|decline|fall|cut/.test(m[3]);
    const tail = text.slice(at + name.key.length, at + name.key.length + 30).match(/(?:compared (?:with|to)|than|from|over|since)\s*((?:19|20)\d{2})/);
    out.push({
      metric: name.target,
      label: name.key,
      number: { ...parsed, value: down ? -parsed.value : parsed.value },
      unit: parseUnit(lex, points ? 'pp' : '%'),
      change: { from: tail ? Number(tail[1]) : year - 1, ...(points ? { points: true } : {}) },
      year,
      at: m.index!,
    });
  }
  return out;
}

const SHARE_WORDS = ['占比', '比例', '比重', '占', 'accounted for', 'made up', 'represented', 'comprised'];

/** "男性員工占比 49.20%", "female employees accounted for 50.8%": a member's share of a metric. */
function readShares(lex: Lexicon, text: string, defaultYear: number | null): Found[] {
  const out: Found[] = [];
  for (const noun of lex.shareNouns) {
    let at = text.indexOf(noun.key);
    while (at >= 0) {
      const next = at + noun.key.length;
      let pos = next;
      while (text[pos] === ' ') pos++;
      const word = SHARE_WORDS.find((w) => text.startsWith(w, pos));
      if (word && occursAt(text, at, noun)) {
        pos = skipWords(text, pos + word.length, ['为', '達', '达', '达到', '约', ':', 'about', 'approximately'], 2);
        const num = text.slice(pos).match(NUMBER_AT);
        const numEnd = num ? pos + num[0].length : -1;
        if (num && text[numEnd] === '%') {
          const member = memberBefore(lex, text, clauseStart(text, at), at);
          const number = parseNumber(`${num[0]}%`);
          if (member && number) {
            const year = yearBefore(text, sentenceStart(text, at), at) ?? defaultYear;
            out.push({ metric: noun.target, label: text.slice(clauseStart(text, at), next).trim(), number, unit: parseUnit(lex, '%'), year, breakdown: { [member.dimension]: member.member }, share: true, at: pos });
          }
        }
      }
      at = text.indexOf(noun.key, at + 1);
    }
  }
  return out;
}

function memberBefore(lex: Lexicon, text: string, from: number, to: number): { dimension: string; member: string } | undefined {
  for (let s = from; s < to; s++) {
    const piece = text.slice(s, to).trim();
    if (piece === '') break;
    const age = ageGroup(piece);
    if (age) return { dimension: 'age-group', member: age };
    const m = matchMember(lex, piece, undefined);
    if (m) return m;
  }
  return undefined;
}
