import type { ReportDocument } from '../document/types.js';
import { normalize } from '../util/normalize.js';
import type { Fact } from './types.js';
import { makeFact, unitFits, type Place } from './build.js';
import {
  foldKey, matchBreakdownHeader, matchMember, matchMetric, type BreakdownDef, type Lexicon, type MetricDef,
} from './lexicon.js';
import { foldDigits, parseNumber, parseRange, splitFootnoteMarker, type ParsedNumber } from './numbers.js';
import type { LineStream, StreamLine } from './stream.js';
import { parseUnit, type Unit } from './units.js';
import type { Notes } from './notes.js';

/**
 * Tables: GFM tables (cells) and the flattened tables of PDF text ("label unit v1 v2 v3" lines
 * under a header "指標 單位 2022 年 2023 年 2024 年"). A row names a metric, or a member of the
 * breakdown opened by a group header ("按性別劃分") under the last metric row.
 */

const YEAR = /(?:fy\s*)?((?:19|20)\d{2})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*(?:年度|年|财年|财政年度)?/g;

/** A denominator: "per 1,000 employees", "每千名員工". */
const PER_COUNT = /^(?:per|every|每)\s*[\d,]+|^(?:per|every)\s+(?:thousand|hundred|million)\b|^每[千百萬万]/i;
const PER_COUNT_END = /(?:\bper|\bevery|每)\s*(?:[\d,]+|thousand|hundred|million|[千百萬万])$/i;

/** The year columns of a header row, or undefined if the line is not one. */
export function parseYearHeader(lex: Lexicon, text: string, cell = false): number[] | undefined {
  if (text.length > 120 || !/(?:19|20)\d\d|[１２][０-９]{3}/.test(text)) return undefined;
  const key = normalize(foldDigits(text)).replace(/\s+/g, ' ').trim();
  const years: number[] = [];
  const rest = key.replace(YEAR, (_all, y: string, tail: string | undefined) => {
    let year = Number(y);
    if (tail) year = tail.length === 2 ? Number(y.slice(0, 2) + tail) : Number(tail);
    years.push(year);
    return ' ';
  });
  if (years.length === 0 || new Set(years).size !== years.length) return undefined;
  const words = rest.split(/[\s|,，、]+/).filter(Boolean);
  const headerWords = words.filter((w) => lex.tableHeaders.includes(foldKey(w)));
  if (words.length !== headerWords.length && !titledYearHeads(key, years)) return undefined;
  if (years.length < 2 && headerWords.length === 0 && !cell) return undefined;
  return years;
}

/**
 * Laid-out text often heads a table with its title in the label column ("Work-related fatalities
 * and injuries   FY2022/23   FY2023/24   FY2024/25"): words without digits, then only years, one
 * after another.
 */
function titledYearHeads(key: string, years: number[]): boolean {
  if (years.length < 2 || !years.every((y, i) => i === 0 || Math.abs(y - years[i - 1]) === 1)) return false;
  return /^[^\d]+?\s(?:fy\s*)?(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?(?:\s+(?:fy\s*)?(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?)+$/.test(key);
}

export interface ValueCell {
  number?: ParsedNumber;
  notReported?: boolean;
  range?: [number, number];
  note?: number;
  text: string;
}

export function isNotReported(lex: Lexicon, cell: string): boolean {
  const key = foldKey(cell);
  return key === '' || lex.notReported.has(key);
}

function isValueToken(lex: Lexicon, token: string): boolean {
  const t = foldDigits(token);
  return /^[-(]?[\d,]+(?:\.\d+)?\)?%?$/.test(t) || lex.notReported.has(foldKey(t));
}

/** Splits a flattened row into its label and trailing value tokens (at most `columns`). */
export function splitValues(lex: Lexicon, text: string, columns: number): { label: string; values: string[] } {
  const tokens = text.trim().split(/\s+/);
  // "SOx (kg) 6.11 6.03 5.97 -1.14%": a percentage after plain figures is a change column, not a
  // year's — when it is signed, or one figure more than the years ("12 10 9.5%" stays three years).
  const last = foldDigits(tokens[tokens.length - 1] ?? '');
  const beforeLast = foldDigits(tokens[tokens.length - 2] ?? '');
  if (tokens.length > 2 && /^[-+]?[\d,]*\.?\d+%$/.test(last) && /^\(?[\d,]+(?:\.\d+)?\)?$/.test(beforeLast)) {
    let figures = 0;
    while (figures < tokens.length && isValueToken(lex, tokens[tokens.length - 1 - figures])) figures++;
    if (/^[-+]/.test(last) || figures > columns) tokens.pop();
  }
  let i = tokens.length;
  while (i > 0 && tokens.length - i < columns && isValueToken(lex, tokens[i - 1])) i--;
  const values = tokens.slice(i);
  const numeric = values.filter((v) => /\d/.test(v)).length;
  // "千克 /" is a unit line, not a row whose one cell is "/".
  if (numeric === 0 && values.length < Math.min(2, columns)) return { label: text.trim(), values: [] };
  return { label: tokens.slice(0, i).join(' '), values };
}

/** Typical decimals of a row's non-zero figures, for footnote markers run into a figure. */
function expectedDecimals(values: string[], fallback: number | undefined): number | undefined {
  const decimals = values
    .map((v) => foldDigits(v).match(/^-?[\d,]+(?:\.(\d+))?%?$/))
    .filter((m): m is RegExpMatchArray => m !== null && !/^-?[0,.]+%?$/.test(m[0]))
    .map((m) => m[1]?.length ?? 0);
  if (decimals.length < 2) return fallback;
  const counts = new Map<number, number>();
  for (const d of decimals) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

export function readCell(lex: Lexicon, cell: string, decimals: number | undefined, isNote: (n: number) => boolean): ValueCell {
  const text = cell.trim();
  if (isNotReported(lex, text)) return { notReported: true, text };
  const number = parseNumber(text);
  if (number && (decimals === undefined || number.decimals <= decimals || number.decimals <= 2)) {
    const split = number.decimals > (decimals ?? 2) ? splitFootnoteMarker(text, decimals, isNote) : undefined;
    return split ? { number: split.number, note: split.marker, text } : { number, text };
  }
  const split = splitFootnoteMarker(text, decimals ?? 2, isNote);
  if (split) return { number: split.number, note: split.marker, text };
  if (number) return { number, text };
  const range = parseRange(text);
  if (range) return { range: [range.low.value, range.high.value], text };
  return { notReported: true, text };
}

/** A row that is its group's total ("Total", "總計", "合計", "小計"). */
const TOTAL_ROW = /^(?:total|sub-?total|grand total|总计|合计|小计|总额|总量|共计)\b|^(?:total|总计|合计|小计)/;

type FactInput = Parameters<typeof makeFact>[2];

interface ContextRow {
  metric: string;
  total: boolean;
  /** Where the row's facts are in the table's list, and what they were made from. */
  facts: number[];
  inputs: FactInput[];
  unlisted: boolean;
}

interface Parent {
  metric?: MetricDef;
  label: string;
  unit?: Unit;
}

/** Running state of one table: its years, the metric rows above, the open breakdown. */
export class TableReader {
  parent?: Parent;
  dimension?: BreakdownDef;
  /** The last group line ("社區投資"), which some rows need to be understood ("投入總金額"). */
  context?: string;
  /** The unit of the rows of the open breakdown, so a row in another unit is not taken for a member. */
  memberUnit?: string;
  facts: Fact[] = [];
  private order = 0;
  /**
   * Rows of the current group that name no metric themselves and take it from the group line:
   * two of them ("Non-hazardous waste" / "General waste" / "Construction waste") are parts of
   * that metric, not the metric; a "total" row among them is the metric.
   */
  private fromContext: ContextRow[] = [];

  constructor(
    private doc: ReportDocument,
    private lex: Lexicon,
    readonly id: number,
    public years: number[],
    private isNote: (n: number) => boolean,
  ) {}

  /** A label-only row: a group header opens a breakdown; anything else is context. */
  group(label: string): void {
    this.fromContext = [];
    const dim = matchBreakdownHeader(this.lex, label);
    this.memberUnit = undefined;
    if (dim) {
      this.dimension = dim;
      return;
    }
    // Any other group line starts a new part of the table ("員工流失", "社區投資").
    this.dimension = undefined;
    if (foldKey(label) !== '') this.context = label;
  }

  /**
   * One row: `label` (with the unit at its end, for PDF text, unless `unitText` is given),
   * value cells for the last `cells.length` years.
   */
  row(label: string, unitText: string | undefined, cells: string[], place: Place, pending: string[] = []): void {
    const split = unitText !== undefined ? splitLabelNote(label, unitText, this.lex) : this.splitLabelUnit(label);
    let name = split.name;
    if (name === '' && pending.length) name = this.bestPending(pending);
    if (name === '' && !split.unit) return;
    const resolved = this.resolve(name, split.unit);
    let unit = split.unit;
    if (!unit && resolved.member && this.parent?.unit) unit = this.parent.unit;
    if (!unit && resolved.metric && ['headcount', 'count'].includes(resolved.metric.dimension)) {
      unit = parseUnit(this.lex, resolved.metric.unit);
    }
    const years = this.years.slice(this.years.length - Math.min(cells.length, this.years.length));
    const aligned = cells.length < this.years.length ? 'right' : undefined;
    const decimals = expectedDecimals(cells, 2);
    let metric: MetricDef | undefined;
    let breakdown: Record<string, string> | undefined;
    let share = false;
    if (resolved.metric && resolved.breakdown) {
      metric = resolved.metric;
      breakdown = resolved.breakdown;
      share = unit?.dimension === 'percent' && metric.dimension !== 'percent';
    } else if (resolved.member && this.parent) {
      metric = this.parent.metric;
      this.memberUnit ??= unit?.symbol ?? '';
      breakdown = { [resolved.member.dimension]: resolved.member.member };
      share = unit?.dimension === 'percent' && metric !== undefined && metric.dimension !== 'percent';
    } else {
      metric = resolved.metric;
      this.parent = { metric, label: name, unit };
      this.dimension = undefined;
      this.memberUnit = undefined;
    }
    const context: ContextRow | undefined = resolved.viaContext && metric ? { metric: metric.id, total: TOTAL_ROW.test(foldKey(name)), facts: [], inputs: [], unlisted: false } : undefined;
    cells.slice(cells.length - years.length).forEach((cell, i) => {
      const v = readCell(this.lex, cell, decimals, this.isNote);
      const input: FactInput = {
        metric,
        label: name,
        year: years[i],
        number: v.number,
        notReported: v.notReported,
        range: v.range,
        unit,
        kind: 'table',
        place,
        breakdown: metric || breakdown ? breakdown : undefined,
        share,
        note: v.note ?? split.note,
        table: this.id,
        aligned,
        printed: v.text,
        order: this.order++,
      };
      context?.facts.push(this.facts.length);
      context?.inputs.push(input);
      this.facts.push(makeFact(this.doc, this.lex, input));
    });
    if (context) this.settleContextRows(context);
  }

  private settleContextRows(row: ContextRow): void {
    const siblings = this.fromContext.filter((r) => r.metric === row.metric);
    this.fromContext.push(row);
    if (siblings.length === 0) return;
    for (const r of [...siblings, row]) {
      if (r.total || r.unlisted) continue;
      r.facts.forEach((at, k) => {
        this.facts[at] = makeFact(this.doc, this.lex, { ...r.inputs[k], metric: undefined, breakdown: undefined, share: false });
      });
      r.unlisted = true;
    }
  }

  private resolve(name: string, unit: Unit | undefined): { metric?: MetricDef; member?: { dimension: string; member: string }; breakdown?: Record<string, string>; viaContext?: boolean } {
    if (this.dimension && this.parent) {
      const known = matchMember(this.lex, name, this.dimension, false);
      if (known) return { member: known };
    }
    const fits = unit ? (m: MetricDef) => unitFits(m, unit) : undefined;
    const withContext = this.context ? matchMetric(this.lex, `${this.context} ${name}`, fits, unit?.symbol) : undefined;
    const own = matchMetric(this.lex, name, fits, unit?.symbol);
    // The group line helps only when it makes a longer, more specific name ("社區投資" + "投入總金額").
    const named = withContext && (!own || withContext.name.length > own.name.length + foldKey(name).length / 2) ? withContext : own;
    // A fuel or an activity in tonnes of CO2e ("天然氣燃燒", "Purchased electricity") is a source of
    // emissions in a breakdown of them, not a figure of its own metric in the wrong unit.
    const metric = named && unit?.dimension === 'mass-co2e' && !unitFits(named.metric, unit) ? undefined : named;
    if (metric) return { metric: metric.metric, breakdown: qualifierBreakdown(this.lex, name, metric === own ? metric.prefix : '', metric.rest), viaContext: metric !== own };
    if (this.parent) {
      // A member row without a unit of its own has its total's ("按地区（人）" | "四川省").
      const sameUnit = this.memberUnit === undefined || this.memberUnit === ((unit ?? this.parent.unit)?.symbol ?? '');
      const member = matchMember(this.lex, name, this.dimension, sameUnit && /[a-z\u3400-\u9fff]/i.test(name) && !parseUnit(this.lex, name));
      if (member) return { member };
    }
    return {};
  }

  /** The shortest run of trailing pending lines that names a metric; else all of them. */
  private bestPending(pending: string[]): string {
    let first: string | undefined;
    for (let n = 1; n <= pending.length; n++) {
      const text = joinLabel(pending.slice(pending.length - n));
      const m = matchMetric(this.lex, text);
      if (!m) continue;
      // The whole wrapped name ("已售或已運送產品總數中因" / "安全與健康理由而須回收的" / "百分比").
      if (m.prefix.replace(PREFIX_NOISE, '').trim() === '') return text;
      first ??= text;
    }
    return first ?? joinLabel(pending.slice(-2));
  }

  /** "溫室氣體排放總量 噸二氧化碳當量" → name and unit; "無害廢棄物排放量 21 噸" → note 21. */
  splitLabelUnit(label: string): { name: string; unit?: Unit; note?: number } {
    // A unit in brackets at the end ("Lost-time injuries, over 3 days (cases)") is the row's unit;
    // a denominator there ("Injury rate (per 1,000 employees)") is none.
    const bracket = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(label.trim());
    if (bracket) {
      const unit = parseUnit(this.lex, bracket[2].trim());
      if (unit || PER_COUNT.test(bracket[2].trim())) return { ...stripNote(bracket[1]), ...(unit ? { unit } : {}) };
    }
    const tokens = label.trim().split(/\s+/).filter(Boolean);
    let best: { name: string; unit?: Unit; note?: number; score: number } | undefined;
    for (let j = Math.min(6, tokens.length); j >= 0; j--) {
      const unit = j > 0 ? parseUnit(this.lex, tokens.slice(tokens.length - j).join(' ')) : undefined;
      if (j > 0 && !unit) continue;
      const { name, note } = stripNote(tokens.slice(0, tokens.length - j).join(' '));
      // "Lost days per 1,000 employees": the unit after "per 1,000" is the denominator's.
      if (unit && PER_COUNT_END.test(name)) continue;
      const names = name !== '' && !parseUnit(this.lex, name) && (matchMetric(this.lex, name) || matchMember(this.lex, name, this.dimension, false) || matchMetric(this.lex, `${this.context ?? ''} ${name}`));
      const score = (names ? 100 : 0) + j;
      if (!best || score > best.score) best = { name, unit, note, score };
    }
    return best ?? { name: label.trim() };
  }
}

function splitLabelNote(label: string, unitText: string, lex: Lexicon): { name: string; unit?: Unit; note?: number } {
  const { name, note } = stripNote(label.replace(/^[\s\-–—•·*]+/, ''));
  const inLabel = name.match(/^(.*?)\s*[(（]([^()（）]+)[)）]$/);
  if (unitText.trim() === '' && inLabel) {
    const unit = parseUnit(lex, inLabel[2]);
    if (unit) return { name: inLabel[1], unit, note };
  }
  return { name, unit: unitText.trim() ? parseUnit(lex, unitText) : undefined, note };
}

const PREFIX_NOISE = /\b(?:total|the|group's|group|our|annual|overall|number of|no\. of)\b|总|合计|全年|本集团|集团|年度|\d+[.)]?/g;

const OVERALL = /^(?:overall|total|all|all employees|group|总计|合计|整体|全体|总体|全部|全集团|集团)$/;

/**
 * The group a label names beside its metric: a qualifier after a separator ("Scope 1 – diesel",
 * "Employees trained – male", "範圍1：柴油") or a known member in brackets ("Scope 2
 * (market-based)"). Undefined for the overall figure.
 */
function qualifierBreakdown(lex: Lexicon, label: string, prefix: string, rest: string | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  // Words before the name narrow it ("self-generated solar electricity", "high-consequence injuries").
  const before = prefix.replace(/\([^()]*\)?|[(]/g, ' ').replace(PREFIX_NOISE, ' ').replace(/[\s\-–—:：,，.、]+/g, ' ').trim();
  if (/[a-z\u3400-\u9fff]/i.test(before)) {
    const member = matchMember(lex, before, undefined, false);
    if (member) out[member.dimension] = member.member;
    else out.part = before;
  }
  for (const m of foldKey(label).matchAll(/\(([^()]*)\)/g)) {
    const member = matchMember(lex, m[1], undefined, false);
    if (member) out[member.dimension] = member.member;
  }
  if (rest) {
    const text = foldKey(rest).replace(/\([^()]*\)/g, ' ').trim();
    if (text !== '' && !OVERALL.test(text)) {
      const member = matchMember(lex, text, undefined, false);
      if (member) out[member.dimension] = member.member;
      else out.part = text;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** A footnote number after a CJK label or a closing bracket ("範圍一排放量 10"). */
export function stripNote(label: string): { name: string; note?: number } {
  const m = label.match(/^(.*[\u3400-\u9fff)）])\s*(\d{1,2})$/);
  if (m && !/(?:范围|範圍|scope|tier|category|类别|類別|第)\s*$/i.test(m[1])) return { name: m[1].trim(), note: Number(m[2]) };
  return { name: label.trim() };
}

/** Brackets a text opens and does not close (negative: closes more than it opens). */
function bracketDepth(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth--;
  }
  return depth;
}

/** Joins wrapped label lines: no space between CJK characters. */
export function joinLabel(lines: string[]): string {
  return lines.reduce((acc, l) => {
    if (acc === '') return l.trim();
    const a = acc[acc.length - 1];
    const b = l.trim()[0] ?? '';
    return acc + (/[\u3400-\u9fff]/.test(a) && /[\u3400-\u9fff]/.test(b) ? '' : ' ') + l.trim();
  }, '');
}

function placeOf(l: StreamLine): Place {
  return { line: l.line, column: l.column, page: l.page, section: l.block.section };
}

const PROSE = /[。；;]|[，,].*[，,]/;

const CHANGE_HEAD = /^(?:(?:%\s*)?change|變動|变动|變化|变化|增減|增减)?\s*[(（]?\s*(?:19|20)\d{2}\s*(?:年\s*)?(?:vs\.?|versus|對比|对比|比較|比较|較|较)\s*(?:19|20)\d{2}\s*(?:年\s*)?[)）]?$/i;

/** A footnote line under a table ("19 自本年度起，…"). */
function isFootnoteLine(l: StreamLine): boolean {
  if (/^\d{1,2}\s*(?:19|20)\d{2}\s*年/.test(l.text) && l.text.length > 12) return true;
  return /^\d{1,3}\s*\D/.test(l.text) && !/^\d{1,3}\s*(?:岁|歲|%|歲)/.test(l.text) && /[\u3400-\u9fff]{4}|[a-z]{3,}\s+[a-z]{3,}/i.test(l.text) && l.text.length > 12;
}

/** Reads the flattened tables of PDF text from the line stream. */
export function readTextTables(
  doc: ReportDocument,
  lex: Lexicon,
  stream: LineStream,
  notes: Notes,
  consumed: Uint8Array,
  nextId: () => number,
): Fact[] {
  const facts: Fact[] = [];
  let table: TableReader | undefined;
  let lastPage: number | undefined;
  let pending: StreamLine[] = [];
  let partial: { label: string; values: string[]; place: Place; pending: string[] } | undefined;

  const flushPartial = () => {
    if (table && partial) table.row(partial.label, undefined, partial.values, partial.place, partial.pending);
    partial = undefined;
  };
  const close = () => {
    flushPartial();
    if (table) facts.push(...table.facts);
    table = undefined;
    pending = [];
  };

  for (let i = 0; i < stream.length; i++) {
    // Lines a table printed one cell per line has read.
    if (consumed[i]) {
      close();
      continue;
    }
    const l = stream.at(i);
    const years = parseYearHeader(lex, l.text);
    if (years) {
      flushPartial();
      const continues = table && table.years.join() === years.join();
      if (!continues) {
        close();
        table = new TableReader(doc, lex, nextId(), years, (n) => notes.has(n, l.page));
      }
      pending = [];
      lastPage = l.page;
      consumed[l.index] = 1;
      continue;
    }
    if (!table) continue;
    // The head of a change column, wrapped under the year header: "Change" / "(2024 vs 2023)".
    if (l.text.length <= 40 && CHANGE_HEAD.test(foldDigits(l.text).trim())) {
      consumed[l.index] = 1;
      continue;
    }
    if (l.page !== lastPage && lastPage !== undefined && l.page !== undefined) {
      close();
      continue;
    }
    if (isFootnoteLine(l)) {
      consumed[l.index] = 1;
      continue;
    }
    if (l.kind !== 'table' && PROSE.test(l.text) && l.text.length > 30) {
      close();
      continue;
    }
    consumed[l.index] = 1;
    const split = splitValues(lex, l.text, table.years.length);
    const { values } = split;
    let { label } = split;
    // "GHG emissions – Scope 1 (tonnes CO2" / "e) 6,953 7,359": the row's label closes a bracket the line above opened.
    const opened = pending[pending.length - 1];
    if (values.length > 0 && opened && bracketDepth(opened.text) > 0 && bracketDepth(label) < 0) {
      label = joinLabel([opened.text, label]);
      pending.pop();
    }
    if (values.length > 0) {
      if (label === '') {
        if (partial) {
          partial.values.push(...values);
          if (partial.values.length >= table.years.length) flushPartial();
        } else if (pending.length) {
          // A wrapped label ("廢氣排放密度" / "千克 /" / "人民幣億元"): the name on the first line that
          // names a metric, the unit on the lines after it; the lines before are group lines.
          const lines = pending.map((p) => p.text);
          const named = lines.findIndex((text) => matchMetric(lex, text) !== undefined);
          const first = named >= 0 ? named : lines.length - 1;
          lines.slice(0, first).forEach((g) => table!.group(g));
          partial = { label: lines.slice(first).join(' '), values: [...values], place: placeOf(pending[first]), pending: [] };
          pending = [];
          if (partial.values.length >= table.years.length) flushPartial();
        }
        continue;
      }
      flushPartial();
      const unitOnly = parseUnit(lex, label) !== undefined && table.splitLabelUnit(label).name === '';
      const pendingTexts = pending.map((p) => p.text);
      if (!unitOnly) pendingTexts.forEach((g) => table!.group(g));
      // A row the ingest stage did not see as one (a single figure) may go on on the next lines.
      if (values.length < table.years.length && l.kind !== 'table') {
        partial = { label, values, place: placeOf(l), pending: unitOnly ? pendingTexts : [] };
      } else {
        table.row(label, undefined, values, placeOf(l), unitOnly ? pendingTexts : []);
      }
      pending = [];
      continue;
    }
    flushPartial();
    if (matchBreakdownHeader(lex, l.text)) {
      pending.forEach((p) => table!.group(p.text));
      pending = [];
      table.group(l.text);
      continue;
    }
    pending.push(l);
    if (pending.length > 4) table.group(pending.shift()!.text);
    lastPage = l.page;
  }
  close();
  return facts;
}

const UNIT_HEAD = /^(?:unit|units|单位|單位)$/i;

/**
 * Tables as pdftotext prints them without -layout, one cell per line: a head ("Packaging material
 * (tonnes)", perhaps "Unit"), two or more lines of one year each, then rows of a label, its unit
 * when the head has a unit column, and one value per year. A table is read only while every row
 * keeps that shape exactly; the first line that does not ends it (a misread row would compare
 * figures of different rows).
 */
export function readCellPerLineTables(doc: ReportDocument, lex: Lexicon, stream: LineStream, notes: Notes, consumed: Uint8Array, nextId: () => number): Fact[] {
  const facts: Fact[] = [];
  const text = (i: number) => (i < stream.length ? stream.at(i).text.trim() : '');
  const isValue = (t: string) => t !== '' && isValueToken(lex, t.replace(/\s+/g, ''));
  for (let i = 0; i + 3 < stream.length; i++) {
    const head = text(i);
    if (head === '' || isValue(head) || parseYearHeader(lex, head, true)) continue;
    let at = i + 1;
    const unitColumn = UNIT_HEAD.test(foldKey(text(at)));
    if (unitColumn) at++;
    const years: number[] = [];
    for (let y = parseYearHeader(lex, text(at), true); y && y.length === 1; y = parseYearHeader(lex, text(at), true)) {
      years.push(y[0]);
      at++;
    }
    if (years.length < 2 || new Set(years).size !== years.length) continue;
    // A unit in the head's brackets ("Packaging material (tonnes)") is every row's without one.
    const headUnit = /[(（]([^()（）]+)[)）]\s*$/.exec(head)?.[1];
    const reader = new TableReader(doc, lex, nextId(), years, (n) => notes.has(n, stream.at(i).page));
    let rows = 0;
    for (;;) {
      const label = text(at);
      if (label === '' || isValue(label) || parseYearHeader(lex, label, true)) break;
      const unit = unitColumn ? text(at + 1) : undefined;
      const first = at + (unitColumn ? 2 : 1);
      const values = years.map((_, k) => text(first + k));
      if (!values.every(isValue) || (unit !== undefined && (unit === '' || isValue(unit)))) break;
      const l = stream.at(at);
      reader.row(label, unit ?? (/[(（][^()（）]+[)）]\s*$/.test(label) ? undefined : headUnit), values, { line: l.line, column: l.column, page: l.page, section: l.block.section });
      at = first + years.length;
      rows++;
    }
    if (rows === 0) continue;
    for (let k = i; k < at; k++) consumed[k] = 1;
    facts.push(...reader.facts);
    i = at - 1;
  }
  return facts;
}

/** Reads GFM tables whose header row has year columns. */
export function readMarkdownTables(doc: ReportDocument, lex: Lexicon, notes: Notes, nextId: () => number): Fact[] {
  const facts: Fact[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'table' || block.role !== 'body' || !block.rows || block.rows.length < 2) continue;
    const header = block.rows[0].cells;
    const yearCols: { col: number; year: number }[] = [];
    header.forEach((cell, col) => {
      const ys = parseYearHeader(lex, cell, true);
      if (ys && ys.length === 1) yearCols.push({ col, year: ys[0] });
    });
    if (yearCols.length === 0) continue;
    const unitCol = header.findIndex((c) => UNIT_HEAD.test(foldKey(c)));
    const labelCols = header.map((_, i) => i).filter((i) => i !== unitCol && i < yearCols[0].col);
    const labelCol = labelCols.length > 0 ? labelCols[0] : header.findIndex((_, i) => i !== unitCol && !yearCols.some((y) => y.col === i));
    if (labelCol < 0) continue;
    // Two label columns (a Word table with merged cells): "按性别（人）" | "男性" is the member row
    // of a group the first column opens; a label merged over both is an ordinary row.
    const subCol = labelCols.length >= 2 ? labelCols[1] : -1;
    let openGroup: string | undefined;
    const reader = new TableReader(doc, lex, nextId(), yearCols.map((y) => y.year), (n) => notes.has(n, block.page));
    for (const row of block.rows.slice(1)) {
      let label = row.cells[labelCol] ?? '';
      const sub = subCol >= 0 ? (row.cells[subCol] ?? '') : '';
      if (sub !== '' && sub !== label) {
        if (label !== openGroup) reader.group(label.replace(/\s*[（(][^()（）]*[)）]\s*$/, ''));
        openGroup = label;
        label = sub;
      } else openGroup = undefined;
      const values = yearCols.map((y) => row.cells[y.col] ?? '');
      const place: Place = { line: row.line, column: 1, page: block.page, section: block.section };
      if (values.every((v) => v.trim() === '')) {
        reader.group(label.replace(/^[\s\-–—•·*]+/, ''));
        continue;
      }
      reader.row(label, unitCol >= 0 ? row.cells[unitCol] ?? '' : '', values, place);
    }
    facts.push(...reader.facts);
  }
  return facts;
}
