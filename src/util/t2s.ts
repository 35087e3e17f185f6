import { Converter, Locale } from 'opencc-js/t2cn';
import { codesOf, fromCodes } from './code-units.js';

/*
 * Traditional → Simplified Chinese exactly as opencc-js's converter (t2s) makes it, where each
 * replacement keeps the length. opencc-js walks a trie of Maps at every character and joins the
 * pieces; here a character is one table look up, and phrases are only tried where one may start.
 * Text this does not cover goes to opencc-js: ideographic description characters (which
 * opencc-js steps over as a unit), characters its normalization step replaces, and characters or
 * phrases whose replacement has another length. A character beyond the BMP is matched as its
 * surrogate pair (no dictionary entry starts with a low surrogate).
 */

interface Tables {
  /** Each code unit's replacement when it stands alone (itself when it has none). */
  single: Uint16Array;
  /** Code units at which a phrase starts (1), and their phrases, longest first. */
  phraseStart: Uint8Array;
  phrases: Map<number, [string, string][]>;
  /** Code units of text left to opencc-js. */
  uncovered: Uint8Array;
}

let tables: Tables | null | undefined;
let converter: ((text: string) => string) | undefined;

/** The dictionary entries of one dictionary text ("source replacement|..."). */
function entries(dict: string): [string, string][] {
  return dict.split('|').map((entry) => entry.split(' ') as [string, string]);
}

function isDictGroups(value: unknown): value is string[][] {
  return Array.isArray(value) && value.every((group) => Array.isArray(group) && group.every((dict) => typeof dict === 'string'));
}

/** The tables, or null when the converter's configuration is not the one they are made for. */
function buildTables(): Tables | null {
  const config = (Locale.configs as Record<string, { normalizationChain?: unknown; conversionChain?: unknown; segmentation?: unknown }>).t2s;
  const normalization = config?.normalizationChain;
  const conversion = config?.conversionChain;
  if (!config || config.segmentation || !isDictGroups(normalization) || !isDictGroups(conversion) || conversion.length !== 1) return null;
  const uncovered = new Uint8Array(0x10000);
  uncovered.fill(1, 0x2ff0, 0x3000);
  // Text holding an entry of the normalization step is left to opencc-js: its first code unit marks it.
  for (const [source] of normalization.flat().flatMap(entries)) uncovered[source.charCodeAt(0)] = 1;
  // A group's dictionaries are loaded last to first, a later entry replacing an earlier one.
  const dictionary = new Map<string, string>();
  for (const dict of [...conversion[0]].reverse()) for (const [source, replacement] of entries(dict)) dictionary.set(source, replacement);
  const single = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) single[code] = code;
  const phrases = new Map<number, [string, string][]>();
  for (const [source, replacement] of dictionary) {
    const first = source.charCodeAt(0);
    if (source.length > 1) {
      if (!phrases.get(first)?.push([source, replacement])) phrases.set(first, [[source, replacement]]);
    } else if (replacement.length === 1) single[first] = replacement.charCodeAt(0);
    else uncovered[first] = 1;
  }
  const phraseStart = new Uint8Array(0x10000);
  for (const [first, list] of phrases) {
    list.sort((a, b) => b[0].length - a[0].length);
    phraseStart[first] = 1;
  }
  return { single, phraseStart, phrases, uncovered };
}

/** The conversion where the tables cover the text, else undefined. */
function convertCovered(text: string, { single, phraseStart, phrases, uncovered }: Tables): string | undefined {
  let codes: Uint16Array | undefined;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (uncovered[code]) return undefined;
    const phrase = phraseStart[code] ? phraseAt(text, i, phrases.get(code)!) : undefined;
    if (phrase) {
      const [source, replacement] = phrase;
      if (replacement.length !== source.length) return undefined;
      if (replacement !== source) {
        codes ??= codesOf(text);
        for (let k = 0; k < replacement.length; k++) codes[i + k] = replacement.charCodeAt(k);
      }
      i += source.length;
      continue;
    }
    if (single[code] !== code) {
      codes ??= codesOf(text);
      codes[i] = single[code];
    }
    i++;
  }
  return codes ? fromCodes(codes) : text;
}

function phraseAt(text: string, at: number, candidates: [string, string][]): [string, string] | undefined {
  for (const candidate of candidates) if (text.startsWith(candidate[0], at)) return candidate;
  return undefined;
}

/**
 * Traditional → Simplified, one code unit for one: opencc-js's conversion when it keeps the
 * length, else character by character, each character kept where its conversion would not.
 */
export function toSimplified(text: string): string {
  if (tables === undefined) tables = buildTables();
  const covered = tables ? convertCovered(text, tables) : undefined;
  if (covered !== undefined) return covered;
  const convert = (converter ??= Converter({ from: 't', to: 'cn' }));
  const converted = convert(text);
  if (converted.length === text.length) return converted === text ? text : converted;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
