import type { MetricLexicon } from '../rules/types.js';
import { normalize } from '../util/normalize.js';
import { UsageError } from '../util/errors.js';

/**
 * The metric lexicon (rules/metrics.yaml) as the facts reader uses it: every phrase folded the
 * way document text is folded (width, case, Traditional → Simplified), so matching is plain
 * string comparison.
 */

type Names = { en: string[]; 'zh-Hant'?: string[]; 'zh-Hans'?: string[] };

export interface UnitDef {
  id: string;
  dimension: string;
  base: string;
  factor: number;
  aliases: string[];
}

export interface MetricDef {
  id: string;
  dimension: string;
  unit: string;
  accepts?: string[];
  equivalents?: Record<string, number>;
  names: Names;
  share?: Names;
  /** Verbs after which a figure in the metric's own unit states it ("the Group had 3,046 employees"). */
  statedBy?: Names;
  breakdowns?: string[];
  rarelyConstant?: boolean;
  links?: { hkex?: string[]; gri?: string[] };
}

export interface BreakdownDef {
  id: string;
  headers: string[];
  open?: boolean;
  ages?: boolean;
  members?: { id: string; names: string[] }[];
}

export interface RelationDef {
  id: string;
  kind: 'sum' | 'breakdown-sum' | 'intensity' | 'average-within';
  total?: string;
  parts?: string[];
  dimensions?: string[];
  numerator?: string;
  fallbackNumerator?: string;
  denominator?: string;
  intensity?: string;
}

/** rules/metrics.yaml as validated by schemas/metrics.schema.json. */
export interface LexiconFile {
  units?: UnitDef[];
  multipliers?: { factor: number; aliases: string[] }[];
  notReported?: string[];
  denominators?: string[];
  tableHeaders?: string[];
  breakdowns?: BreakdownDef[];
  modifiers?: { id: string; terms: string[] }[];
  qualifiers?: string[];
  narrative?: { links?: string[]; previousYear?: string[]; up?: string[]; down?: string[]; doubled?: string[]; halved?: string[]; wholeWorkforce?: string[] };
  metrics: MetricDef[];
  relations?: RelationDef[];
}

export interface NamedPhrase<T> {
  /** Folded phrase, spaces removed between CJK characters. */
  key: string;
  ascii: boolean;
  target: T;
}

export interface Lexicon {
  file: LexiconFile;
  metrics: Map<string, MetricDef>;
  /** Every metric name, longest first. */
  metricNames: NamedPhrase<MetricDef>[];
  shareNouns: NamedPhrase<MetricDef>[];
  statingVerbs: NamedPhrase<MetricDef>[];
  /** Words for all the staff, which take a sentence back from a qualifier to the whole issuer. */
  wholeWorkforce: string[];
  units: Map<string, UnitDef>;
  unitAliases: NamedPhrase<UnitDef>[];
  multipliers: NamedPhrase<number>[];
  notReported: Set<string>;
  breakdowns: Map<string, BreakdownDef>;
  breakdownHeaders: NamedPhrase<BreakdownDef>[];
  members: NamedPhrase<{ dimension: string; member: string }>[];
  modifiers: { id: string; terms: string[] }[];
  qualifiers: string[];
  tableHeaders: string[];
  links: string[];
  previousYear: string[];
  up: string[];
  down: string[];
  doubled: string[];
  halved: string[];
  relations: RelationDef[];
  denominators: MetricDef[];
  matchCache: Map<string, MetricMatch | undefined>;
  nameModifiers: Map<string, Set<string>>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Folds a phrase or a label for matching: width, case, script; whitespace next to CJK dropped. */
const folded = new Map<string, string>();

export function foldKey(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    key = fold(text);
    if (folded.size > 50_000) folded.clear();
    folded.set(text, key);
  }
  return key;
}

function fold(text: string): string {
  return normalize(text)
    .replace(/\s+/g, ' ')
    .replace(/ (?=[\u3400-\u9fff（）()、])|(?<=[\u3400-\u9fff（）()、]) /g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .trim();
}

function phrases<T>(list: string[], target: T): NamedPhrase<T>[] {
  return list.map((p) => {
    const key = foldKey(p);
    return { key, ascii: !CJK.test(key), target };
  });
}

function allNames(names: Names | undefined): string[] {
  if (!names) return [];
  return [...names.en, ...(names['zh-Hant'] ?? []), ...(names['zh-Hans'] ?? [])];
}

function byLength<T>(list: NamedPhrase<T>[]): NamedPhrase<T>[] {
  const seen = new Set<string>();
  return list
    .filter((p) => p.key !== '' && !seen.has(`${p.key}\u0000${JSON.stringify(p.target)}`) && seen.add(`${p.key}\u0000${JSON.stringify(p.target)}`))
    .sort((a, b) => b.key.length - a.key.length);
}

const compiled = new WeakMap<object, Lexicon>();

/** Compiles the lexicon once per loaded rule set. */
export function compileLexicon(raw: MetricLexicon): Lexicon {
  const cached = compiled.get(raw);
  if (cached) return cached;
  const file = raw as unknown as LexiconFile;
  const metrics = new Map(file.metrics.map((m) => [m.id, m]));
  const breakdowns = new Map((file.breakdowns ?? []).map((b) => [b.id, b]));
  const units = new Map((file.units ?? []).map((u) => [u.id, u]));
  for (const m of file.metrics) {
    for (const b of m.breakdowns ?? []) {
      if (!breakdowns.has(b)) throw new UsageError(`metrics.yaml: invalid metric lexicon: metric "${m.id}" names an unknown breakdown "${b}"`);
    }
  }
  for (const r of file.relations ?? []) {
    for (const d of r.dimensions ?? []) {
      if (!breakdowns.has(d)) throw new UsageError(`metrics.yaml: invalid metric lexicon: relation "${r.id}" names an unknown breakdown "${d}"`);
    }
  }
  const nr = file.narrative ?? {};
  const lex: Lexicon = {
    file,
    metrics,
    metricNames: byLength(file.metrics.flatMap((m) => phrases(allNames(m.names), m))),
    shareNouns: byLength(file.metrics.flatMap((m) => phrases(allNames(m.share), m))),
    statingVerbs: byLength(file.metrics.flatMap((m) => phrases(allNames(m.statedBy), m))),
    units,
    unitAliases: byLength((file.units ?? []).flatMap((u) => phrases(u.aliases, u))),
    multipliers: byLength((file.multipliers ?? []).flatMap((m) => phrases(m.aliases, m.factor))),
    notReported: new Set((file.notReported ?? []).map(foldKey)),
    breakdowns,
    breakdownHeaders: byLength((file.breakdowns ?? []).flatMap((b) => phrases(b.headers, b))),
    members: byLength(
      (file.breakdowns ?? []).flatMap((b) => (b.members ?? []).flatMap((m) => phrases(m.names, { dimension: b.id, member: m.id }))),
    ),
    modifiers: (file.modifiers ?? []).map((m) => ({ id: m.id, terms: m.terms.map(foldKey) })),
    qualifiers: (file.qualifiers ?? []).map(foldKey),
    wholeWorkforce: (nr.wholeWorkforce ?? []).map(foldKey),
    tableHeaders: (file.tableHeaders ?? []).map(foldKey),
    links: (nr.links ?? []).map(foldKey).sort((a, b) => b.length - a.length),
    previousYear: (nr.previousYear ?? []).map(foldKey).sort((a, b) => b.length - a.length),
    up: (nr.up ?? []).map(foldKey).sort((a, b) => b.length - a.length),
    down: (nr.down ?? []).map(foldKey).sort((a, b) => b.length - a.length),
    doubled: (nr.doubled ?? []).map(foldKey),
    halved: (nr.halved ?? []).map(foldKey),
    relations: file.relations ?? [],
    denominators: (file.denominators ?? []).map((id) => metrics.get(id)).filter((m): m is MetricDef => m !== undefined),
    matchCache: new Map(),
    nameModifiers: new Map(),
  };
  compiled.set(raw, lex);
  return lex;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/i.test(ch);
}

/** True when `key` occurs in `text` at `at` as a whole word (ASCII phrases) or anywhere (CJK). */
export function occursAt(text: string, at: number, p: { key: string; ascii: boolean }): boolean {
  if (!text.startsWith(p.key, at)) return false;
  if (!p.ascii && CJK.test(p.key[0]) && CJK.test(p.key[p.key.length - 1])) return true;
  const before = text[at - 1];
  const after = text[at + p.key.length];
  const firstWord = isWordChar(p.key[0]);
  const lastWord = isWordChar(p.key[p.key.length - 1]);
  return !(firstWord && isWordChar(before)) && !(lastWord && isWordChar(after));
}

export function findPhrase<T>(text: string, list: NamedPhrase<T>[], from = 0): { at: number; phrase: NamedPhrase<T> } | undefined {
  let best: { at: number; phrase: NamedPhrase<T> } | undefined;
  for (const p of list) {
    let at = text.indexOf(p.key, from);
    while (at >= 0) {
      if (occursAt(text, at, p)) {
        if (!best || at < best.at || (at === best.at && p.key.length > best.phrase.key.length)) best = { at, phrase: p };
        break;
      }
      at = text.indexOf(p.key, at + 1);
    }
  }
  return best;
}

/** Modifier ids present in a folded text. */
export function modifiersIn(lex: Lexicon, key: string): Set<string> {
  const out = new Set<string>();
  for (const m of lex.modifiers) {
    for (const t of m.terms) {
      const at = key.indexOf(t);
      if (at >= 0 && occursAt(key, at, { key: t, ascii: !CJK.test(t) })) out.add(m.id);
    }
  }
  return out;
}

export interface MetricMatch {
  metric: MetricDef;
  /** The matched name (folded). */
  name: string;
  at: number;
  /** The label after the name ("diesel" in "Scope 1 – diesel"), when a separator follows the name. */
  rest?: string;
  /** The label before the name ("self-generated solar" in "self-generated solar electricity"). */
  prefix: string;
}

const SEPARATED = /^\s*(?:[:：–—\-/,，|]|\s-\s)\s*(.+)$/;

/**
 * The metric a table or highlight label names: the longest name the label contains whose
 * modifiers (intensity, rate, average…) are exactly the label's, preferring a metric the
 * label's unit can measure. A label naming two different metrics outside brackets ("範圍1及範圍2"
 * without a name of its own) names neither.
 */
export function matchMetric(lex: Lexicon, label: string, fits?: (m: MetricDef) => boolean, fitsKey = ''): MetricMatch | undefined {
  const key = foldKey(label);
  if (key === '') return undefined;
  const cacheKey = `${key}\u0000${fitsKey}`;
  if (lex.matchCache.has(cacheKey)) return lex.matchCache.get(cacheKey);
  const result = findMetric(lex, key, fits);
  lex.matchCache.set(cacheKey, result);
  return result;
}

function sameModifiers(lex: Lexicon, labelMods: Set<string>, name: string): boolean {
  let nameMods = lex.nameModifiers.get(name);
  if (!nameMods) lex.nameModifiers.set(name, (nameMods = modifiersIn(lex, name)));
  if (nameMods.size !== labelMods.size) return false;
  for (const m of labelMods) if (!nameMods.has(m)) return false;
  return true;
}

function findMetric(lex: Lexicon, key: string, fits?: (m: MetricDef) => boolean): MetricMatch | undefined {
  const labelMods = modifiersIn(lex, key.replace(/\([^()]*\)/g, ' '));
  let fallback: MetricMatch | undefined;
  let chosen: MetricMatch | undefined;
  for (const p of lex.metricNames) {
    let at = key.indexOf(p.key);
    while (at >= 0 && !occursAt(key, at, p)) at = key.indexOf(p.key, at + 1);
    if (at < 0 || !sameModifiers(lex, labelMods, p.key)) continue;
    const m: MetricMatch = { metric: p.target, name: p.key, at, prefix: key.slice(0, at) };
    if (!fits || fits(p.target)) {
      chosen = m;
      break;
    }
    fallback ??= m;
  }
  chosen ??= fallback;
  if (!chosen) return undefined;
  const after = key.slice(chosen.at + chosen.name.length).match(SEPARATED);
  // Another metric named outside brackets, the chosen name and a separated qualifier
  // ("Scope 1 – diesel"): the label is a combination ("Scope 1 and Scope 2").
  // Brackets after the name explain it ("溫室氣體排放總量（範圍一 + 範圍二）"); a bracket before it
  // qualifies it ("直接（範圍1）溫室氣體排放總量" is scope 1), so a name there still counts.
  const end = after ? key.length : chosen.at + chosen.name.length;
  const tail = key.slice(end).replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  const masked = key.slice(0, chosen.at).replace(/[()]/g, ' ') + ' '.repeat(end - chosen.at) + tail;
  for (const p of lex.metricNames) {
    if (p.target === chosen.metric || p.key.length < 2 || chosen.name.includes(p.key)) continue;
    let at = masked.indexOf(p.key);
    while (at >= 0 && !occursAt(masked, at, p)) at = masked.indexOf(p.key, at + 1);
    if (at >= 0) return undefined;
  }
  return after ? { ...chosen, rest: after[1].trim() } : chosen;
}

/** The breakdown a group header opens ("按性別劃分", "By gender"), if the label is one. */
export function matchBreakdownHeader(lex: Lexicon, label: string): BreakdownDef | undefined {
  const key = foldKey(label).replace(/[:：]$/, '');
  for (const p of lex.breakdownHeaders) if (p.key === key) return p.target;
  return undefined;
}

const AGE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^(?:aged\s*)?(\d{2})\s*(?:岁|歲)?\s*(?:及以下|或以下|以下及|and below|or below|and under|or under|or younger|and younger)(?:\s*岁)?$/, (m) => `<=${m[1]}`],
  [/^(?:aged\s*)?(?:under|below|less than|younger than|<)\s*(\d{2})(?:\s*岁)?$/, (m) => `<${m[1]}`],
  [/^(?:aged\s*)?(\d{2})\s*(?:岁|歲)?\s*以下$/, (m) => `<${m[1]}`],
  [/^(?:aged\s*)?(?:≤|<=)\s*(\d{2})(?:\s*岁)?$/, (m) => `<=${m[1]}`],
  [/^(?:aged\s*)?(\d{2})\s*(?:岁)?\s*(?:-|—|–|~|至|to)\s*(\d{2})\s*(?:岁|years)?$/, (m) => `${m[1]}-${m[2]}`],
  [/^(?:aged\s*)?(\d{2})\s*(?:岁)?\s*(?:及以上|或以上|and above|or above|and over|or over|or older|and older|\+)(?:\s*岁)?$/, (m) => `>=${m[1]}`],
  [/^(?:aged\s*)?(\d{2})\s*岁\s*以上$/, (m) => `>=${m[1]}`],
  [/^(?:aged\s*)?(?:over|above|more than|older than|>)\s*(\d{2})(?:\s*岁)?$/, (m) => `>${m[1]}`],
  [/^(?:aged\s*)?(?:≥|>=)\s*(\d{2})(?:\s*岁)?$/, (m) => `>=${m[1]}`],
];

/** An age group written as a row label, as a canonical range ("<=30", "31-40", ">=41"). */
export function ageGroup(label: string): string | undefined {
  const key = foldKey(label).replace(/\s*(?:years?(?: old)?|employees|staff|员工|雇员)\s*$/, '').replace(/^(?:员工|雇员)/, '').trim();
  for (const [re, build] of AGE_PATTERNS) {
    const m = key.match(re);
    if (m) return build(m);
  }
  return undefined;
}

export interface MemberMatch {
  dimension: string;
  member: string;
}

/**
 * The breakdown member a row label names. Within an open breakdown (`current`), an unknown
 * label is a member of it by its own name.
 */
export function matchMember(lex: Lexicon, label: string, current?: BreakdownDef, allowOpen = true): MemberMatch | undefined {
  const key = foldKey(label);
  if (key === '') return undefined;
  const age = ageGroup(label);
  if (age && (!current || current.ages)) return { dimension: current?.id ?? 'age-group', member: age };
  const exact = lex.members.filter((p) => p.key === key);
  const inCurrent = exact.find((p) => p.target.dimension === current?.id);
  if (inCurrent) return inCurrent.target;
  if (current?.open && allowOpen) return { dimension: current.id, member: key };
  if (current) return undefined;
  // Outside a group header only unambiguous members count ("男", "女" are).
  const dims = new Set(exact.map((p) => p.target.dimension));
  if (dims.size === 1 && exact[0].target.member !== 'other') return exact[0].target;
  return undefined;
}
