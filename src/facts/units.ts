import { foldKey, occursAt, type Lexicon, type NamedPhrase, type UnitDef } from './lexicon.js';

/** A unit as read: its base, its scale to that base, and for an intensity, its denominator. */
export interface SimpleUnit {
  id: string;
  dimension: string;
  base: string;
  /** Base units per one of this unit, scale words included (人民幣億元 → 1e8 CNY). */
  factor: number;
  /** The scale word's factor alone (億 → 1e8). */
  multiplier: number;
}

export interface Unit extends SimpleUnit {
  /** Normalised display form: kg, tCO2e, kWh, CNY, %, kg/100m CNY … */
  symbol: string;
  per?: SimpleUnit;
}

const GENERIC_CURRENCY = '元';

const CONNECTORS = ['in', 'of', "'s", 'the', '(', ')', '[', ']', '（', '）', ',', '.'];
const DENOMINATOR_NOISE = /^(?:每名|每位|每個|每|per|a|an)\s*|\s*(?:收入|营业收入|营业额|营收|revenue|of revenue|turnover|in revenue)\s*$/g;

function scaleLabel(multiplier: number): string {
  switch (multiplier) {
    case 1: return '';
    case 1e3: return 'k ';
    case 1e4: return '10k ';
    case 1e5: return '100k ';
    case 1e6: return 'm ';
    case 1e7: return '10m ';
    case 1e8: return '100m ';
    case 1e9: return 'bn ';
    default: return `${multiplier} `;
  }
}

function longestAt<T>(key: string, at: number, list: NamedPhrase<T>[]): NamedPhrase<T> | undefined {
  for (const p of list) if (occursAt(key, at, p)) return p;
  return undefined;
}

/** Reads a unit without a '/': a unit, scale words, or both (人民幣億元, '000 kWh, 萬). */
export function parseSimpleUnit(lex: Lexicon, text: string): { unit?: UnitDef; multiplier: number } | undefined {
  const key = foldKey(text);
  if (key === '') return undefined;
  let unit: UnitDef | undefined;
  let genericCurrency = false;
  let multiplier = 1;
  let at = 0;
  let matched = false;
  while (at < key.length) {
    if (key[at] === ' ') {
      at++;
      continue;
    }
    const u = longestAt(key, at, lex.unitAliases);
    const m = longestAt(key, at, lex.multipliers);
    if (u && (!m || u.key.length >= m.key.length)) {
      if (unit && unit.id !== u.target.id) {
        // 元 is any currency's unit word: 港幣百萬元 is HKD, 美元 USD.
        if (u.key === GENERIC_CURRENCY && unit.dimension === 'money') {
          at += u.key.length;
          continue;
        }
        if (!(genericCurrency && u.target.dimension === 'money')) return undefined;
      }
      genericCurrency = u.key === GENERIC_CURRENCY;
      unit = u.target;
      at += u.key.length;
      matched = true;
      continue;
    }
    if (m) {
      multiplier *= m.target;
      at += m.key.length;
      matched = true;
      continue;
    }
    const c = CONNECTORS.find((w) => key.startsWith(w, at) && (w.length === 1 || !/[a-z]/.test(key[at + w.length] ?? '')));
    if (c) {
      at += c.length;
      continue;
    }
    return undefined;
  }
  if (!matched) return undefined;
  return { unit, multiplier };
}

function simple(def: UnitDef, multiplier: number): SimpleUnit {
  return { id: def.id, dimension: def.dimension, base: def.base, factor: def.factor * multiplier, multiplier };
}

/**
 * Reads a unit as printed: "噸二氧化碳當量", "千克 / 人民幣億元", "tCO2e/HK$ million",
 * "kWh per employee", "人民幣元". Undefined when the text is not (only) a unit.
 */
export function parseUnit(lex: Lexicon, text: string): Unit | undefined {
  // Readers try many prefixes of a line for a unit; the texts that are none are remembered
  // (a unit found is made afresh each time: callers may keep and change it).
  let none = notUnits.get(lex);
  if (!none) notUnits.set(lex, (none = new Set()));
  if (none.has(text)) return undefined;
  let unit = parseUnitText(lex, text);
  // "MWh ('000 kWh)": the bracket restates the unit.
  if (!unit && /[(（]/.test(text)) unit = parseUnitText(lex, text.replace(/\s*[(（][^()（）]*[)）]/g, ''));
  if (!unit) {
    if (none.size >= 100_000) none.clear();
    none.add(text);
  }
  return unit;
}

const notUnits = new WeakMap<Lexicon, Set<string>>();

function parseUnitText(lex: Lexicon, text: string): Unit | undefined {
  const folded = foldKey(text);
  if (folded === '') return undefined;
  const perMatch = folded.match(/^(.+?)\s*(?:\/|\bper\b)\s*(.+)$/);
  if (perMatch) {
    const num = parseSimpleUnit(lex, perMatch[1]);
    const denText = perMatch[2].replace(DENOMINATOR_NOISE, '').trim();
    const den = parseSimpleUnit(lex, denText);
    if (!num?.unit || !den?.unit) return undefined;
    const n = simple(num.unit, num.multiplier);
    const d = simple(den.unit, den.multiplier);
    return { ...n, symbol: `${scaleLabel(n.multiplier)}${n.id}/${scaleLabel(d.multiplier)}${d.id}`.replace(/ \//, '/'), per: d };
  }
  const one = parseSimpleUnit(lex, folded);
  if (!one?.unit) return undefined;
  return { ...simple(one.unit, one.multiplier), symbol: one.unit.id };
}

/** A lone scale word ("萬", "million") with no unit. */
export function parseMultiplier(lex: Lexicon, text: string): number | undefined {
  const one = parseSimpleUnit(lex, text);
  return one && !one.unit ? one.multiplier : undefined;
}

/** True when two units can be converted into each other. */
export function comparable(a: Unit, b: Unit): boolean {
  if (a.base !== b.base) return false;
  if (!a.per !== !b.per) return false;
  return !a.per || a.per.base === b.per!.base;
}

/** A value in `unit` expressed in the unit's base (per base denominator for intensities). */
export function toBase(value: number, unit: Unit): number {
  return unit.per ? (value * unit.factor) / unit.per.factor : value * unit.factor;
}
