import type { ReportDocument } from '../document/types.js';
import type { Fact } from './types.js';
import { attach } from './types.js';
import type { Lexicon, MetricDef } from './lexicon.js';
import type { ParsedNumber } from './numbers.js';
import { toBase, type Unit } from './units.js';

/** Where a figure was printed. */
export interface Place {
  line: number;
  column: number;
  page?: number;
  section: number;
}

export interface FactInput {
  metric?: MetricDef;
  label: string;
  year: number | null;
  number?: ParsedNumber;
  notReported?: boolean;
  range?: [number, number];
  /** The unit as read; undefined when none was printed. */
  unit?: Unit;
  /** A lone scale word (萬) printed with the figure and no unit. */
  multiplier?: number;
  kind: NonNullable<Fact['kind']>;
  place: Place;
  breakdown?: Record<string, string>;
  share?: boolean;
  change?: Fact['change'];
  note?: number;
  table?: number;
  aligned?: 'right';
  printed?: string;
  order: number;
}

/** True when a figure in `unit` can be a value of `metric` (an intensity needs a per-unit). */
export function unitFits(metric: MetricDef, unit: Unit): boolean {
  if (metric.dimension === 'intensity') return unit.per !== undefined;
  if (unit.per) return false;
  return unit.dimension === metric.dimension || (metric.accepts ?? []).includes(unit.dimension);
}

/** The canonical base a metric's figures are compared in, and the factor from `unit`'s base. */
function canonicalFactor(lex: Lexicon, metric: MetricDef | undefined, unit: Unit): { unit: string; factor: number } {
  if (!metric || unit.per) return { unit: unit.per ? `${unit.base}/${unit.per.base}` : unit.base, factor: 1 };
  const canonical = lex.units.get(metric.unit);
  if (canonical && canonical.base !== unit.base) {
    const eq = metric.equivalents?.[unit.base];
    if (eq !== undefined) return { unit: canonical.base, factor: eq };
  }
  return { unit: unit.base, factor: 1 };
}

export function makeFact(doc: ReportDocument, lex: Lexicon, input: FactInput): Fact {
  const { number, unit } = input;
  // Scale words apply to the value, so that 922.17萬 人次 is 9,221,700 person-times; an
  // intensity keeps its printed value and says its scale in the unit (kg/100m CNY).
  const scale = unit && !unit.per ? unit.multiplier : input.multiplier ?? 1;
  const value = number ? round(number.value * scale) : null;
  const precision = number ? number.halfUnit * scale : undefined;
  const fact: Fact = {
    metric: input.metric?.id ?? 'unlisted',
    year: input.year,
    value,
    unit: unit ? unit.symbol : '',
    line: input.place.line,
    column: input.place.column,
    ...(input.place.page !== undefined ? { page: input.place.page } : {}),
    kind: input.kind,
    label: input.label,
    ...(input.printed !== undefined ? { text: input.printed } : number ? { text: number.text } : {}),
    section: doc.sections[input.place.section]?.title ?? '',
    ...(input.breakdown && Object.keys(input.breakdown).length ? { breakdown: input.breakdown } : {}),
    ...(input.share ? { share: true } : {}),
    ...(input.change ? { change: input.change } : {}),
    ...(input.notReported ? { notReported: true } : {}),
    ...(input.range ? { range: input.range } : {}),
    ...(precision !== undefined ? { precision: round(precision) } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(input.table !== undefined ? { table: input.table } : {}),
    ...(input.aligned ? { aligned: input.aligned } : {}),
  };
  let base: { value: number; halfUnit: number; unit: string } | undefined;
  if (number && unit && !input.share && !input.change) {
    const c = canonicalFactor(lex, input.metric, unit);
    base = { value: toBase(number.value, unit) * c.factor, halfUnit: toBase(number.halfUnit, unit) * c.factor, unit: c.unit };
  }
  return attach(fact, { metric: input.metric, unit, base, order: input.order });
}

function round(v: number): number {
  return Number(v.toPrecision(12));
}
