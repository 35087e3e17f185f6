import type { Fact } from '../report/result.js';
import type { MetricDef } from './lexicon.js';
import type { Unit } from './units.js';

export type { Fact } from '../report/result.js';

/** What the checks need beyond the public fact: the parsed unit and the metric definition. */
export interface FactDetail {
  metric?: MetricDef;
  unit?: Unit;
  /** Value and half-unit in the metric's canonical base (kg, tCO2e, kWh, m3 …; base per base for intensities). */
  base?: { value: number; halfUnit: number; unit: string };
  /** Column of the value in its source (tables: the row). */
  order: number;
}

const details = new WeakMap<Fact, FactDetail>();

export function attach(fact: Fact, detail: FactDetail): Fact {
  details.set(fact, detail);
  return fact;
}

/** The parsed unit and metric behind a fact (undefined for facts not made by extractFacts). */
export function detailOf(fact: Fact): FactDetail | undefined {
  return details.get(fact);
}
