import type { Fact, Finding, Location, Severity } from '../report/result.js';
import { compileLexicon, foldKey, type Lexicon, type MetricDef, type RelationDef } from '../facts/lexicon.js';
import { detailOf } from '../facts/types.js';
import { unitFits } from '../facts/build.js';
import { formatValue } from '../facts/numbers.js';
import type { CheckContext } from './context.js';

/**
 * The `inconsistent` family: figures that cannot all be true. Every comparison allows for
 * rounding: a figure printed as 13.97 stands for anything in [13.965, 13.975], one printed as
 * 52.70 for [52.65, 52.75] (the trailing zero may be padding), and two figures disagree only
 * when no value within both ranges satisfies the relation. See README "Consistency checks".
 */
export function inconsistentChecks(ctx: CheckContext): Finding[] {
  const lex = compileLexicon(ctx.rules.metrics);
  const facts = ctx.facts.filter((f) => detailOf(f) !== undefined);
  const itemIds = new Set(ctx.editions.flatMap((e) => e.pack.items.map((i) => `${e.pack.framework}:${i.id}`)));
  const clause = (metric: MetricDef | undefined): Pick<Finding, 'framework' | 'item'> => {
    const id = metric?.links?.hkex?.find((i) => itemIds.has(`hkex:${i}`));
    return id ? { framework: 'hkex', item: id } : {};
  };
  const out: Finding[] = [];
  const add = (ruleId: string, severity: Severity, metric: MetricDef | undefined, at: Fact, message: string, related: Fact[]) => {
    const seen = new Set([`${at.line}:${at.column}`]);
    const rel: Location[] = [];
    for (const f of related) {
      const key = `${f.line}:${f.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rel.push(location(f));
    }
    out.push({ ruleId: `inconsistent/${ruleId}`, category: 'inconsistent', severity, ...clause(metric), message, ...location(at), related: rel });
  };
  valueMismatches(lex, facts, add);
  for (const r of lex.relations) {
    if (r.kind === 'sum') sums(lex, facts, r, add);
    else if (r.kind === 'breakdown-sum') breakdownSums(lex, facts, r, add);
    else if (r.kind === 'average-within') averages(lex, facts, r, add);
  }
  shares(lex, facts, add);
  intensities(lex, facts, add);
  changes(lex, facts, add);
  units(lex, facts, add);
  unitMismatches(lex, facts, add);
  return out;
}

type Add = (ruleId: string, severity: Severity, metric: MetricDef | undefined, at: Fact, message: string, related: Fact[]) => void;

function location(f: Fact): Location {
  return { line: f.line, column: f.column ?? 1, ...(f.page !== undefined ? { page: f.page } : {}) };
}

interface Interval {
  lo: number;
  hi: number;
  fact: Fact;
}

/** The figure as a range in its metric's canonical base (shares and changes in %). */
function interval(f: Fact): Interval | undefined {
  if (f.value === null) return undefined;
  if (f.share || f.change) {
    const h = f.precision ?? 0;
    return { lo: f.value - h, hi: f.value + h, fact: f };
  }
  const base = detailOf(f)?.base;
  if (!base) return undefined;
  return { lo: base.value - base.halfUnit, hi: base.value + base.halfUnit, fact: f };
}

function baseUnit(f: Fact): string | undefined {
  return f.share || f.change ? '%' : detailOf(f)?.base?.unit;
}

function breakdownKey(f: Fact): string {
  return f.breakdown ? Object.entries(f.breakdown).map(([k, v]) => `${k}=${v}`).sort().join(',') : '';
}

function describe(lex: Lexicon, f: Fact): string {
  const metric = lex.metrics.get(f.metric);
  const name = metric?.names.en[0] ?? f.metric;
  const bd = f.breakdown ? ` (${Object.entries(f.breakdown).map(([k, v]) => `${k} ${v}`).join(', ')}${f.share ? ', share' : ''})` : '';
  return `${name}${bd}${f.year != null ? ` for ${f.year}` : ''}`;
}

function shown(f: Fact): string {
  if (f.kind !== 'table' && f.text && !/^[-+]?[\d,.]+$/.test(f.text)) return f.text;
  const unit = f.unit === '%' ? '%' : f.unit ? ` ${f.unit}` : '';
  const marked = f.note !== undefined && f.text !== undefined && f.text.length > String(f.note).length && f.text.endsWith(String(f.note));
  const text = marked ? f.text!.slice(0, -String(f.note).length) : f.text ?? String(f.value);
  return `${text}${text.endsWith('%') ? '' : unit}${marked ? ` (printed ${f.text}, with footnote ${f.note} run into it)` : ''}`;
}

function where(f: Fact): string {
  return `${f.kind ?? 'text'}, line ${f.line}`;
}

const KIND_RANK: Record<string, number> = { table: 0, highlight: 1, narrative: 2 };

/** The figure to check a relation with: a table's first, then a highlight's, then a sentence's. */
function pick(list: Fact[], table?: number): Fact | undefined {
  const usable = list.filter((f) => f.value !== null);
  const inTable = (f: Fact) => (table !== undefined && f.table === table ? -1 : 0);
  usable.sort((a, b) => inTable(a) - inTable(b) || (KIND_RANK[a.kind ?? ''] ?? 3) - (KIND_RANK[b.kind ?? ''] ?? 3) || a.line - b.line);
  return usable[0];
}

function byKey(facts: Fact[], key: (f: Fact) => string | undefined): Map<string, Fact[]> {
  const map = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = key(f);
    if (k === undefined) continue;
    const list = map.get(k) ?? [];
    list.push(f);
    map.set(k, list);
  }
  return map;
}

/** The metric of a figure that names no metric the lexicon knows. */
const UNLISTED = 'unlisted';
const plain = (f: Fact) => f.metric !== UNLISTED && !f.change && f.year != null;

/** Same metric, year and breakdown printed with different values in different places. */
function valueMismatches(lex: Lexicon, facts: Fact[], add: Add): void {
  // A table under a heading for part of the business ("Headquarters", "香港辦事處") is not the whole.
  const whole = (f: Fact) => !lex.qualifiers.some((q) => foldKey(f.section ?? '').includes(q));
  const groups = byKey(facts.filter((f) => plain(f) && whole(f)), (f) => (f.value === null ? undefined : `${f.metric}|${f.year}|${breakdownKey(f)}|${f.share ? 's' : ''}|${baseUnit(f)}`));
  for (const list of groups.values()) {
    const ivs = list.map(interval).filter((i): i is Interval => i !== undefined);
    if (ivs.length < 2) continue;
    const maxLo = Math.max(...ivs.map((i) => i.lo));
    const minHi = Math.min(...ivs.map((i) => i.hi));
    if (maxLo <= minHi) continue;
    const primary = pick(ivs.map((i) => i.fact))!;
    const p = ivs.find((i) => i.fact === primary)!;
    // Two rows of one table under different labels ("Scope 1 – stationary combustion (diesel …)",
    // "… (Towngas …)") are two parts, not one figure printed twice.
    const sameFigure = (f: Fact) => f.table === undefined || f.table !== primary.table || f.label === primary.label;
    const others = ivs.filter((i) => (i.hi < p.lo || i.lo > p.hi) && sameFigure(i.fact)).map((i) => i.fact);
    if (others.length === 0) continue;
    add(
      'value-mismatch', 'error', lex.metrics.get(primary.metric), primary,
      `${describe(lex, primary)} is ${shown(primary)} here (${where(primary)}) but ${others.map((o) => `${shown(o)} at line ${o.line} (${o.kind})`).join(', ')}; the figures differ by more than their rounding.`,
      others,
    );
  }
}

function sameBase(list: Fact[]): boolean {
  return new Set(list.map(baseUnit)).size === 1 && baseUnit(list[0]) !== undefined;
}

/** Declared totals (GHG total = scope 1 + 2 + 3 reported). */
function sums(lex: Lexicon, facts: Fact[], r: RelationDef, add: Add): void {
  const totalMetric = lex.metrics.get(r.total!);
  const years = new Set(facts.filter((f) => f.metric === r.total && plain(f) && !f.breakdown && !f.share).map((f) => f.year!));
  for (const year of years) {
    const of = (id: string) => facts.filter((f) => f.metric === id && f.year === year && plain(f) && !f.breakdown && !f.share);
    const total = pick(of(r.total!));
    if (!total) continue;
    const parts = namedParts(lex, r, total.label ?? '').map((id) => pick(of(id), total.table)).filter((f): f is Fact => f !== undefined);
    if (parts.length < 2 || !sameBase([total, ...parts])) continue;
    const t = interval(total)!;
    const ps = parts.map((p) => interval(p)!);
    const lo = ps.reduce((s, i) => s + i.lo, 0);
    const hi = ps.reduce((s, i) => s + i.hi, 0);
    if (hi >= t.lo && lo <= t.hi) continue;
    const sum = parts.reduce((s, p) => s + detailOf(p)!.base!.value, 0);
    add(
      'sum-mismatch', 'error', totalMetric, total,
      `${describe(lex, total)} is ${shown(total)} (${where(total)}), but its reported parts add up to ${formatValue(sum / factorOf(total), decimalsOf(parts))}${total.unit ? ` ${total.unit}` : ''}: ${parts.map((p) => `${lex.metrics.get(p.metric)?.names.en[0]} ${shown(p)} (line ${p.line})`).join(' + ')}.`,
      parts,
    );
  }
}

/**
 * The parts a total's label says it adds up ("Total GHG emissions (Scope 1 and 2)" leaves scope 3
 * out); all the relation's parts when the label names none.
 */
function namedParts(lex: Lexicon, r: RelationDef, label: string): string[] {
  const key = foldKey(label);
  const names = (id: string) => lex.metricNames.filter((p) => p.target.id === id).some((p) => key.includes(p.key));
  const named = new Set(r.parts!.filter(names));
  for (const other of lex.relations) {
    if (other.kind === 'sum' && other !== r && other.total && names(other.total) && other.parts!.every((p) => r.parts!.includes(p))) {
      other.parts!.forEach((p) => named.add(p));
    }
  }
  return named.size > 0 ? r.parts!.filter((p) => named.has(p)) : r.parts!;
}

/** Base units per one printed unit of the fact (so a sum can be shown in the total's unit). */
function factorOf(f: Fact): number {
  const b = detailOf(f)?.base;
  return b && f.value ? b.value / f.value : 1;
}

function decimalsOf(list: Fact[]): number {
  return Math.max(0, ...list.map((f) => (f.text?.split('.')[1]?.replace(/\D.*$/, '').length ?? 0)));
}

/** A total and the members of one of its breakdowns in the same table (employees = male + female). */
function breakdownSums(lex: Lexicon, facts: Fact[], r: RelationDef, add: Add): void {
  const metric = lex.metrics.get(r.total!);
  const members = facts.filter((f) => f.metric === r.total && plain(f) && f.kind === 'table' && f.breakdown && !f.share && Object.keys(f.breakdown).length === 1);
  const groups = byKey(members, (f) => {
    const dim = Object.keys(f.breakdown!)[0];
    return (r.dimensions ?? []).includes(dim) ? `${f.table}|${f.year}|${dim}` : undefined;
  });
  // The totals by table and year, looked up per breakdown (not a pass over every fact each time).
  const totals = byKey(facts.filter((f) => f.metric === r.total && !f.breakdown && !f.share && plain(f)), (f) => `${f.table}|${f.year}`);
  // Rows of a table read as no known metric ("前線員工" after "一般員工"), by table and year.
  const unknownRows = byKey(facts.filter((f) => f.kind === 'table' && f.metric === UNLISTED), (f) => `${f.table}|${f.year}`);
  for (const list of groups.values()) {
    if (list.length < 2 || list.some((f) => f.value === null)) continue;
    // A row next to the members that is no known member may be one more part: the sum is not known.
    const first = Math.min(...list.map((f) => f.line));
    const last = Math.max(...list.map((f) => f.line));
    const beside = (unknownRows.get(`${list[0].table}|${list[0].year}`) ?? []).some((u) => u.line >= first - 1 && u.line <= last + 1 && u.unit === list[0].unit);
    if (beside) continue;
    const total = pick(totals.get(`${list[0].table}|${list[0].year}`) ?? []);
    if (!total || !sameBase([total, ...list])) continue;
    const t = interval(total)!;
    const ivs = list.map((f) => interval(f)!);
    const lo = ivs.reduce((s, i) => s + i.lo, 0);
    const hi = ivs.reduce((s, i) => s + i.hi, 0);
    if (hi >= t.lo && lo <= t.hi) continue;
    const sum = list.reduce((s, p) => s + detailOf(p)!.base!.value, 0);
    const dim = Object.keys(list[0].breakdown!)[0];
    add(
      'sum-mismatch', 'error', metric, total,
      `${describe(lex, total)} is ${shown(total)} (${where(total)}), but its breakdown by ${dim} adds up to ${formatValue(sum / factorOf(total), decimalsOf(list))}: ${list.map((p) => `${p.label} ${shown(p)} (line ${p.line})`).join(' + ')}.`,
      list,
    );
  }
}

/** Percentage shares of one breakdown (gender, age, region, employment type) must make 100%. */
function shares(lex: Lexicon, facts: Fact[], add: Add): void {
  const groups = byKey(facts.filter((f) => f.share && plain(f) && f.breakdown), (f) => {
    const dim = Object.keys(f.breakdown!)[0];
    return `${f.kind === 'table' ? `table ${f.table}` : 'text'}|${f.metric}|${f.year}|${dim}`;
  });
  for (const [key, all] of groups) {
    const fromTable = key.startsWith('table ');
    const byMember = new Map<string, Fact>();
    for (const f of all) if (!byMember.has(breakdownKey(f))) byMember.set(breakdownKey(f), f);
    const list = [...byMember.values()];
    const reported = list.filter((f) => f.value !== null);
    if (reported.length < 2) continue;
    const complete = fromTable && reported.length === list.length;
    const lo = reported.reduce((s, f) => s + f.value! - (f.precision ?? 0), 0);
    const hi = reported.reduce((s, f) => s + f.value! + (f.precision ?? 0), 0);
    const over = lo > 100;
    const under = complete && hi < 100;
    if (!over && !under) continue;
    const sum = reported.reduce((s, f) => s + f.value!, 0);
    const first = reported[0];
    const dim = Object.keys(first.breakdown!)[0];
    add(
      'shares-not-100', 'error', lex.metrics.get(first.metric), first,
      `The shares of ${describe(lex, { ...first, breakdown: undefined, share: false })} by ${dim} add up to ${formatValue(sum, decimalsOf(reported))}%, not 100%: ${reported.map((f) => `${f.label} ${shown(f)} (line ${f.line})`).join(' + ')}.`,
      reported.slice(1),
    );
  }
}

/**
 * An issuer divides by its revenue (or headcount) as it has it at hand, often rounded to three
 * significant figures (人民幣 35.7 億元): implied denominators may differ by that much.
 */
const DENOMINATOR_ROUNDING = 0.005;

interface Implied extends Interval {
  intensity: Fact;
  numerator?: Fact;
  relation?: RelationDef;
}

/** Canonical base per printed unit of an intensity's numerator, for the numerator metric. */
function numeratorFactor(lex: Lexicon, metric: MetricDef, intensity: Fact): number | undefined {
  const unit = detailOf(intensity)?.unit;
  if (!unit?.per) return undefined;
  const canonical = lex.units.get(metric.unit);
  if (!canonical || canonical.base === unit.base) return unit.factor;
  const eq = metric.equivalents?.[unit.base];
  return eq === undefined ? undefined : unit.factor * eq;
}

/**
 * Intensity = total / denominator: every intensity of a year implies a denominator (revenue,
 * headcount); those of one year must agree, and with the denominator where it is reported.
 */
function intensities(lex: Lexicon, facts: Fact[], add: Add): void {
  const implied = new Map<string, Implied[]>();
  for (const r of lex.relations.filter((x) => x.kind === 'intensity')) {
    const numMetric = lex.metrics.get(r.numerator!);
    if (!numMetric) continue;
    const years = new Set(facts.filter((f) => f.metric === r.intensity && plain(f) && !f.breakdown).map((f) => f.year!));
    for (const year of years) {
      const i = pick(facts.filter((f) => f.metric === r.intensity && f.year === year && plain(f) && !f.breakdown));
      if (!i || !i.value || i.value <= 0) continue;
      const numerator = (id: string | undefined) => pick(facts.filter((f) => f.metric === id && f.year === year && plain(f) && !f.breakdown && !f.share), i.table);
      const n = numerator(r.numerator) ?? numerator(r.fallbackNumerator);
      const nb = n && detailOf(n)?.base;
      const unit = detailOf(i)?.unit;
      const nf = numeratorFactor(lex, numMetric, i);
      const numeratorUnit = n && detailOf(n)?.unit;
      if (!n || !nb || nb.value <= 0 || !unit?.per || nf === undefined || !numeratorUnit || !unitFits(numMetric, numeratorUnit)) continue;
      if (nb.unit !== (lex.units.get(numMetric.unit)?.base ?? nb.unit)) continue;
      const iv = (i.value * nf) / unit.per.factor;
      const ih = ((i.precision ?? 0) * nf) / unit.per.factor;
      const lo = ((nb.value - nb.halfUnit) / (iv + ih)) * (1 - DENOMINATOR_ROUNDING);
      const hi = iv - ih > 0 ? ((nb.value + nb.halfUnit) / (iv - ih)) * (1 + DENOMINATOR_ROUNDING) : Infinity;
      const key = `${year}|${unit.per.base}`;
      const list = implied.get(key) ?? [];
      list.push({ lo, hi, fact: i, intensity: i, numerator: n, relation: r });
      implied.set(key, list);
    }
  }
  for (const [key, list] of implied) {
    const [year, base] = key.split('|');
    for (const d of lex.denominators) {
      const reported = pick(facts.filter((f) => f.metric === d.id && f.year === Number(year) && plain(f) && !f.breakdown && !f.share && detailOf(f)?.base?.unit === base));
      const iv = reported && interval(reported);
      if (iv) list.push({ ...iv, intensity: reported! });
    }
    if (list.length < 2) continue;
    const { point: stabbed, count } = stab(list);
    if (count === list.length) continue;
    const agree = list.filter((y) => y.lo <= stabbed && stabbed <= y.hi);
    const point = (Math.max(...agree.map((y) => y.lo)) + Math.min(...agree.map((y) => y.hi))) / 2;
    const unitOf = (x: Implied) => detailOf(x.intensity)?.unit?.per;
    const scale = unitOf(list[0])?.factor ?? 1;
    const perLabel = list[0].intensity.unit.split('/')[1] ?? base;
    const denom = (v: number) => `${formatValue(v / scale, 2)} (${perLabel})`;
    if (count >= 2 && count > list.length - count) {
      for (const x of list) {
        if (agree.includes(x)) continue;
        const agreeing = agree;
        const mid = (x.lo + x.hi) / 2;
        if (!x.numerator) {
          add('intensity-mismatch', 'warning', lex.metrics.get(x.intensity.metric), x.intensity,
            `${describe(lex, x.intensity)} is ${shown(x.intensity)} (${where(x.intensity)}), but ${agreeing.length} intensities of ${year} imply ${denom(point)}.`,
            agreeing.map((y) => y.intensity));
          continue;
        }
        const unit = detailOf(x.intensity)!.unit!;
        const nf = numeratorFactor(lex, lex.metrics.get(x.numerator.metric)!, x.intensity)!;
        const expected = ((detailOf(x.numerator)!.base!.value / point) * unit.per!.factor) / nf;
        add(
          'intensity-mismatch', 'warning', lex.metrics.get(x.intensity.metric), x.intensity,
          `${describe(lex, x.intensity)} is ${shown(x.intensity)} (${where(x.intensity)}), which with ${lex.metrics.get(x.numerator.metric)?.names.en[0]} ${shown(x.numerator)} (line ${x.numerator.line}) implies a denominator of ${denom(mid)}; ${agreeing.length} other figures of ${year} (${agreeing.map((y) => `line ${y.intensity.line}`).join(', ')}) imply ${denom(point)}, at which the intensity would be ${formatValue(expected, decimalsOf([x.intensity]))}.`,
          [x.numerator, ...agreeing.map((y) => y.intensity)],
        );
      }
    } else {
      const first = list[0];
      add(
        'intensity-mismatch', 'warning', lex.metrics.get(first.intensity.metric), first.intensity,
        `The intensities of ${year} imply different denominators: ${list.map((x) => `${describe(lex, x.intensity)} ${shown(x.intensity)} (line ${x.intensity.line}) → ${denom((x.lo + Math.min(x.hi, x.lo * 10)) / 2)}`).join('; ')}.`,
        list.slice(1).flatMap((x) => [x.intensity, ...(x.numerator ? [x.numerator] : [])]),
      );
    }
  }
}

/** The point covered by most intervals. */
function stab(list: Interval[]): { point: number; count: number } {
  let best = { point: list[0].lo, count: 0 };
  for (const c of list) {
    const point = c.lo;
    const count = list.filter((x) => x.lo <= point && point <= x.hi).length;
    if (count > best.count) best = { point, count };
  }
  return best;
}

/** An overall average must lie within the range of its groups' averages. */
function averages(lex: Lexicon, facts: Fact[], r: RelationDef, add: Add): void {
  const metric = lex.metrics.get(r.total!);
  const years = new Set(facts.filter((f) => f.metric === r.total && plain(f) && !f.breakdown).map((f) => f.year!));
  for (const year of years) {
    const overallAll = facts.filter((f) => f.metric === r.total && f.year === year && plain(f) && !f.breakdown && !f.share && f.value !== null);
    const overall = pick(overallAll);
    if (!overall) continue;
    const o = interval(overall);
    if (!o) continue;
    const groups = byKey(
      facts.filter((f) => f.metric === r.total && f.year === year && plain(f) && f.breakdown && !f.share && f.value !== null && (overall.table === undefined || f.table === overall.table) && baseUnit(f) === baseUnit(overall)),
      (f) => Object.keys(f.breakdown!)[0],
    );
    const broken: { dim: string; list: Fact[]; below: boolean }[] = [];
    for (const [dim, list] of groups) {
      const ivs = list.map((f) => interval(f)!);
      if (ivs.length < 2) continue;
      const minLo = Math.min(...ivs.map((i) => i.lo));
      const maxHi = Math.max(...ivs.map((i) => i.hi));
      if (o.hi < minLo) broken.push({ dim, list, below: true });
      else if (o.lo > maxHi) {
        // Group figures that add up to the overall one were divided by the total headcount
        // (a group's share of the overall rate): another definition, not a contradiction.
        const sumLo = ivs.reduce((a, i) => a + i.lo, 0);
        const sumHi = ivs.reduce((a, i) => a + i.hi, 0);
        if (sumHi >= o.lo && sumLo <= o.hi) continue;
        broken.push({ dim, list, below: false });
      }
    }
    if (broken.length === 0) continue;
    const detail = broken
      .map((b) => `${b.below ? 'below' : 'above'} every ${b.dim} group (${b.list.map((f) => `${f.label} ${shown(f)}`).join(', ')})`)
      .join(' and ');
    add(
      'average-outside-range', 'error', metric, overall,
      `${describe(lex, overall)} is ${shown(overall)} (${where(overall)}), ${detail}; an overall average must lie between its groups' averages.`,
      [...broken.flatMap((b) => b.list), ...overallAll.filter((f) => f !== overall)],
    );
  }
}

/** Stated changes ("down 35.07%", "增長 12%", "doubled") must match the two years' figures. */
function changes(lex: Lexicon, facts: Fact[], add: Add): void {
  for (const c of facts.filter((f) => f.change && f.value !== null && f.year != null)) {
    const of = (year: number) => pick(facts.filter((f) => f.metric === c.metric && f.year === year && plain(f) && !f.breakdown && !f.share));
    const now = of(c.year!);
    const before = of(c.change!.from);
    const a = now && interval(now);
    const b = before && interval(before);
    if (!now || !before || !a || !b || baseUnit(now) !== baseUnit(before)) continue;
    let lo: number;
    let hi: number;
    let actual: number;
    if (c.change!.points) {
      lo = a.lo - b.hi;
      hi = a.hi - b.lo;
      actual = now.value! - before.value!;
    } else {
      if (b.lo <= 0) continue;
      lo = ((a.lo - b.hi) / b.hi) * 100;
      hi = ((a.hi - b.lo) / b.lo) * 100;
      const bv = detailOf(before)!.base!.value;
      actual = ((detailOf(now)!.base!.value - bv) / bv) * 100;
    }
    const h = c.precision ?? 0;
    if (c.value! + h >= lo && c.value! - h <= hi) continue;
    const stated = /^\d/.test(c.text ?? '')
      ? `${c.value! < 0 ? 'a decrease' : 'an increase'} of ${c.text}${c.change!.points ? ' percentage points' : '%'}`
      : `"${c.text}" (${c.value! < 0 ? '' : '+'}${c.value}%)`;
    add(
      'stated-change', 'error', lex.metrics.get(c.metric), c,
      `The text states ${stated} in ${lex.metrics.get(c.metric)?.names.en[0] ?? c.metric} from ${c.change!.from} to ${c.year}, but the figures (${before.year}: ${shown(before)}, line ${before.line}; ${now.year}: ${shown(now)}, line ${now.line}) give ${actual >= 0 ? '+' : ''}${formatValue(actual, 2)}${c.change!.points ? ' points' : '%'}.`,
      [before, now],
    );
  }
}

/**
 * One metric given in units that do not convert into each other (petrol in litres in the table
 * and in GJ in the text): the figures cannot be checked against each other. A table that gives
 * both (a fuel in tonnes, then in MWh) shows them side by side already.
 */
function unitMismatches(lex: Lexicon, facts: Fact[], add: Add): void {
  const groups = byKey(facts.filter((f) => plain(f) && f.value !== null && !f.share), (f) => {
    const d = detailOf(f);
    return d?.metric && d.unit && d.base && unitFits(d.metric, d.unit) ? f.metric : undefined;
  });
  for (const list of groups.values()) {
    const bases = new Map<string, Fact[]>();
    for (const f of list) {
      const b = detailOf(f)!.base!.unit;
      bases.set(b, [...(bases.get(b) ?? []), f]);
    }
    if (bases.size < 2) continue;
    const tablesOf = [...bases.values()].map((fs) => new Set(fs.map((f) => f.table).filter((t) => t !== undefined)));
    if (tablesOf.some((t, i) => tablesOf.some((u, j) => j !== i && [...t].some((x) => u.has(x))))) continue;
    const [first, ...others] = [...bases.values()].sort((a, b) => (pick(a) === pick(list) ? -1 : 0) - (pick(b) === pick(list) ? -1 : 0));
    const at = pick(first)!;
    add(
      'unit-mismatch', 'info', lex.metrics.get(at.metric), at,
      `${lex.metrics.get(at.metric)?.names.en[0] ?? at.metric} is given in ${at.unit} here (line ${at.line}) and in ${others.map((o) => `${o[0].unit} at line ${o[0].line}`).join(', ')}; these units do not convert into each other, so the figures cannot be checked against each other. Give the figure in one unit, or both figures side by side.`,
      others.map((o) => o[0]),
    );
  }
}

/** A figure in a unit that cannot measure its metric (energy in tonnes; A2.1 not in an energy unit). */
function units(lex: Lexicon, facts: Fact[], add: Add): void {
  const seen = new Set<string>();
  for (const f of facts) {
    const d = detailOf(f);
    if (!d?.metric || !d.unit || f.share || f.change || unitFits(d.metric, d.unit)) continue;
    const key = `${f.metric}|${f.table ?? f.line}|${f.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const accepted = [d.metric.dimension, ...(d.metric.accepts ?? [])].join(' or ');
    const fitting = facts.filter((g) => g.metric === f.metric && g !== f && detailOf(g)?.unit && unitFits(d.metric!, detailOf(g)!.unit!));
    add(
      'unit-dimension', 'warning', d.metric, f,
      `${d.metric.names.en[0]}${d.metric.links?.hkex?.length ? ` (${d.metric.links.hkex[0]})` : ''} is given in ${f.unit} (${d.unit.per ? 'a per-unit intensity' : d.unit.dimension}) at line ${f.line}; it is measured in ${accepted}${d.metric.dimension === 'intensity' ? ' (a quantity per unit)' : ''} (for example ${d.metric.unit}).`,
      fitting.slice(0, 3),
    );
  }
}
