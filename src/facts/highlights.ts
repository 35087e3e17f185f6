import type { ReportDocument } from '../document/types.js';
import type { Fact } from './types.js';
import { makeFact, unitFits } from './build.js';
import { foldKey, matchMetric, type Lexicon, type MetricMatch } from './lexicon.js';
import { foldDigits, parseNumber } from './numbers.js';
import type { LineStream, StreamLine } from './stream.js';
import { joinLabel, stripNote } from './tables.js';
import { parseUnit } from './units.js';

/**
 * Highlight blocks: a short label line, then a line holding only a figure and its unit
 * ("溫室氣體排放總量" / "1,044.39噸二氧化碳當量"; "Total GHG emissions" / "1,044.39 tCO2e").
 */

const VALUE_LINE = /^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$/;

export function valueLine(lex: Lexicon, text: string): { number: NonNullable<ReturnType<typeof parseNumber>>; unitText: string } | undefined {
  if (text.length > 60 || !/^[\s*_`]*[-+－]?[\d０-９]/.test(text)) return undefined;
  const t = foldDigits(text).replace(/[*_`]/g, '').trim();
  const m = t.match(VALUE_LINE);
  if (!m) return undefined;
  const unitText = m[2].trim();
  const number = parseNumber(unitText === '%' ? `${m[1]}%` : m[1]);
  if (!number || unitText === '' || unitText.length > 30 || !parseUnit(lex, unitText)) return undefined;
  return { number, unitText };
}

function isLabelLine(lex: Lexicon, l: StreamLine): boolean {
  const t = l.text.replace(/[*_`#]/g, '').trim();
  return t.length > 0 && t.length <= 40 && !/[。；;!?！？]/.test(t) && valueLine(lex, t) === undefined;
}

/**
 * A highlight whose unit cannot measure its metric is reported only when the label is exactly a
 * full metric name ("總耗水量" over "9,500 千瓦時"); a short or partial label over a percentage or
 * emissions ("電力" over "1,234 噸二氧化碳當量") is more likely another figure about it.
 */
function wrongUnitForSure(match: MetricMatch, label: string, dimension: string): boolean {
  if (dimension === 'percent' || dimension === 'mass-co2e') return false;
  if (foldKey(label) !== match.name) return false;
  return /[\u3400-\u9fff]/.test(match.name) ? match.name.length >= 4 : match.name.includes(' ');
}

const PARENTHETICAL = /^[(（][^()（）]*[)）]$/;

/** A label that speaks of a change ("Electricity consumption / decreased more than / 12.9 GWh"): the figure is not a level. */
const CHANGE_LABEL = /\b(?:de|in)creas|\breduc|\bsav(?:ed|ing)|\bdrop|\bdeclin|\bfell\b|\brose\b|\bgrew\b|\bgrowth\b|\bcut\b|\bdown\b|\bup by\b|\blower\b|\bhigher\b|\bless\b|\bmore than\b|減少|减少|增加|下降|上升|降低|節省|节省|節約|节约|增長|增长|減幅|减幅|增幅|降幅|同比|較上年|较上年|較去年|较去年/i;

export function readHighlights(doc: ReportDocument, lex: Lexicon, stream: LineStream, consumed: Uint8Array, year: number | null): Fact[] {
  const facts: Fact[] = [];
  for (let i = 1; i < stream.length; i++) {
    if (consumed[i]) continue;
    const value = valueLine(lex, stream.text(i));
    if (!value) continue;
    const v = stream.at(i);
    const unit = parseUnit(lex, value.unitText);
    if (!unit) continue;
    const near = (a: StreamLine, b: StreamLine) => a.page === b.page && b.line - a.line <= 4 && !consumed[a.index];
    const labels: StreamLine[] = [];
    for (let j = i - 1; j >= 0 && labels.length < 2; j--) {
      const l = stream.at(j);
      if (!near(l, labels[0] ?? v) || !isLabelLine(lex, l)) break;
      labels.unshift(l);
    }
    if (labels.length === 0) continue;
    const texts = labels.map((l) => stripNote(l.text.replace(/[*_`#]/g, '').trim()).name);
    if (texts.some((t) => CHANGE_LABEL.test(t))) continue;
    // A bracketed line ("（範圍一 + 範圍二 + 範圍三）") qualifies the label above it.
    const candidates = PARENTHETICAL.test(texts[texts.length - 1])
      ? texts.length === 2 ? [{ text: texts[0], at: labels[0] }] : []
      : [{ text: texts[texts.length - 1], at: labels[labels.length - 1] }, ...(texts.length === 2 ? [{ text: joinLabel(texts), at: labels[0] }] : [])];
    // "2023 年溫室氣體排放總量" / a "2023 亮點" section: the figure is that year's.
    const yearOf = (text: string) => {
      const years = [...new Set([...foldDigits(text).matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
      return years.length === 1 ? years[0] : undefined;
    };
    const figureYear = yearOf(texts.join(' ')) ?? yearOf(doc.sections[v.block.section]?.title ?? '') ?? year;
    for (const c of candidates) {
      // A unit the metric cannot be measured in is still this metric's figure (the check says so),
      // but only when no metric the label names fits the unit.
      const match = matchMetric(lex, c.text, (m) => unitFits(m, unit), unit.symbol);
      if (!match) continue;
      if (!unitFits(match.metric, unit) && !wrongUnitForSure(match, c.text, unit.dimension)) continue;
      facts.push(
        makeFact(doc, lex, {
          metric: match.metric,
          label: c.text,
          year: figureYear,
          number: value.number,
          unit,
          kind: 'highlight',
          place: { line: v.line, column: v.column, page: v.page, section: v.block.section },
          printed: v.text.trim(),
          order: 0,
        }),
      );
      consumed[i] = 1;
      break;
    }
  }
  return facts;
}
