/** rules/hygiene.yaml (see schemas/hygiene.schema.json), with its regular expressions compiled. */
import { UsageError } from '../util/errors.js';
import { normalize } from '../util/normalize.js';
import { assertLinear } from './regex-safety.js';
import type { Framework } from './types.js';

type Severity = 'error' | 'warning' | 'info';

export interface PeriodCondition {
  periodStartsOnOrAfter?: string;
  periodStartsBefore?: string;
  periodEndsOnOrAfter?: string;
}

/** Phrases (matched like rule-pack phrases) and regular expressions (on folded block text). */
export interface TextPattern {
  phrases: string[];
  regex: RegExp[];
  /** Regular expressions run on the original text, case-sensitively. */
  caseSensitive: boolean;
}

export interface SupersededRule extends TextPattern {
  id: string;
  framework?: Framework;
  /** Left to the framework's own checks when the report is held against an edition of it. */
  deferToFramework: boolean;
  label: string;
  current: string;
  when: PeriodCondition;
  severity: Severity;
  unlessNear: string[];
  near: string[];
  blockContains: string[];
  window: number;
  source: string;
}

export interface ClauseCitationRule {
  framework: Framework;
  regex: RegExp[];
  unlessNear: string[];
  window: number;
  replacements: Record<string, string>;
}

export interface PlaceholderRule extends TextPattern {
  id: string;
  label: string;
  kind: 'placeholder' | 'editing-debris';
  severity: Severity;
}

export interface YearsRequirement {
  item: string;
  metrics: string[];
  years: number;
  phrases: string[];
}

export interface Hygiene {
  period: { thisYear: string[]; timeOfClause: RegExp[]; exempt: string[]; titleYear: RegExp[] };
  superseded: SupersededRule[];
  clauseCitations: ClauseCitationRule[];
  placeholders: PlaceholderRule[];
  restatement: { phrases: string[]; reasons: string[]; negations: string[] };
  references: { external: string[]; page: RegExp[]; chapter: RegExp[]; section: RegExp[] };
  comparatives: { editions: string[]; yearsRequired: YearsRequirement[] };
  carriedOver: { minWidth: number };
}

/** The file as written (after schema validation). */
interface RawPattern {
  phrases?: string[];
  regex?: string[];
  caseSensitive?: boolean;
}
interface RawHygiene {
  period: { thisYear: string[]; timeOfClause: string[]; exempt?: string[]; titleYear: string[] };
  superseded: (RawPattern & Omit<SupersededRule, keyof TextPattern | 'severity' | 'unlessNear' | 'near' | 'blockContains' | 'window' | 'deferToFramework'> & {
    severity?: Severity; unlessNear?: string[]; near?: string[]; blockContains?: string[]; window?: number; deferToFramework?: boolean;
  })[];
  clauseCitations: { framework: Framework; regex: string[]; unlessNear?: string[]; window?: number; replacements?: Record<string, string> }[];
  placeholders: (RawPattern & { id: string; label: string; kind?: PlaceholderRule['kind']; severity?: Severity })[];
  restatement: { phrases: string[]; reasons: string[]; negations?: string[] };
  references: { external?: string[]; page?: string[]; chapter?: string[]; section?: string[] };
  comparatives: { editions?: string[]; yearsRequired?: { item: string; metrics: string[]; years: number; phrases?: string[] }[] };
  carriedOver: { minWidth?: number };
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * Compiles one regular expression of the file. Chinese in it is folded to Simplified, the way
 * the text it runs on is folded; an invalid expression names the file and the place.
 */
function compile(source: string, file: string, pointer: string, caseSensitive = false): RegExp {
  const folded = caseSensitive ? source : source.replace(CJK_RUN, (run) => normalize(run));
  let re: RegExp;
  try {
    // d: group offsets, so that a group can be quoted as the report writes it.
    re = new RegExp(folded, caseSensitive ? 'gmd' : 'gimd');
  } catch (err) {
    throw new UsageError(`${file}: invalid hygiene rules: ${pointer}: invalid regular expression (${(err as Error).message})`);
  }
  if (checkingSafety) assertLinear(re, file, pointer);
  return re;
}

let checkingSafety = true;

function compileAll(sources: string[] | undefined, file: string, pointer: string, caseSensitive = false): RegExp[] {
  return (sources ?? []).map((s, i) => compile(s, file, `${pointer}/${i}`, caseSensitive));
}

function requireGroup(res: RegExp[], group: string, file: string, pointer: string): void {
  res.forEach((re, i) => {
    if (!re.source.includes(`(?<${group}>`)) {
      throw new UsageError(`${file}: invalid hygiene rules: ${pointer}/${i}: the expression needs a named group "${group}"`);
    }
  });
}

/**
 * Compiles the file's patterns. Every regular expression is checked for super-linear
 * backtracking unless `checked` says the same text was checked when the rules were built.
 */
export function compileHygiene(data: unknown, file: string, { checked = false }: { checked?: boolean } = {}): Hygiene {
  checkingSafety = !checked;
  const raw = data as RawHygiene;
  const period = {
    thisYear: raw.period.thisYear,
    timeOfClause: compileAll(raw.period.timeOfClause, file, '/period/timeOfClause'),
    exempt: raw.period.exempt ?? [],
    titleYear: compileAll(raw.period.titleYear, file, '/period/titleYear'),
  };
  requireGroup(period.timeOfClause, 'year', file, '/period/timeOfClause');
  requireGroup(period.titleYear, 'year', file, '/period/titleYear');
  const ids = new Set<string>();
  const unique = (id: string, pointer: string) => {
    if (ids.has(id)) throw new UsageError(`${file}: invalid hygiene rules: ${pointer}: duplicate id "${id}"`);
    ids.add(id);
  };
  const superseded: SupersededRule[] = raw.superseded.map((s, i) => {
    unique(s.id, `/superseded/${i}/id`);
    return {
      ...s,
      phrases: s.phrases ?? [],
      regex: compileAll(s.regex, file, `/superseded/${i}/regex`, s.caseSensitive),
      caseSensitive: s.caseSensitive ?? false,
      severity: s.severity ?? 'warning',
      deferToFramework: s.deferToFramework ?? false,
      unlessNear: s.unlessNear ?? [],
      near: s.near ?? [],
      blockContains: s.blockContains ?? [],
      window: s.window ?? 40,
    };
  });
  const clauseCitations: ClauseCitationRule[] = raw.clauseCitations.map((c, i) => {
    const regex = compileAll(c.regex, file, `/clauseCitations/${i}/regex`);
    requireGroup(regex, 'id', file, `/clauseCitations/${i}/regex`);
    return { framework: c.framework, regex, unlessNear: c.unlessNear ?? [], window: c.window ?? 40, replacements: c.replacements ?? {} };
  });
  const placeholders: PlaceholderRule[] = raw.placeholders.map((p, i) => {
    unique(p.id, `/placeholders/${i}/id`);
    return {
      id: p.id,
      label: p.label,
      kind: p.kind ?? 'placeholder',
      severity: p.severity ?? 'error',
      phrases: p.phrases ?? [],
      regex: compileAll(p.regex, file, `/placeholders/${i}/regex`, p.caseSensitive),
      caseSensitive: p.caseSensitive ?? false,
    };
  });
  const references = {
    external: raw.references.external ?? [],
    page: compileAll(raw.references.page, file, '/references/page'),
    chapter: compileAll(raw.references.chapter, file, '/references/chapter'),
    section: compileAll(raw.references.section, file, '/references/section'),
  };
  requireGroup(references.page, 'page', file, '/references/page');
  requireGroup(references.chapter, 'chapter', file, '/references/chapter');
  return {
    period,
    superseded,
    clauseCitations,
    placeholders,
    restatement: { ...raw.restatement, negations: raw.restatement.negations ?? [] },
    references,
    comparatives: {
      editions: raw.comparatives.editions ?? [],
      yearsRequired: (raw.comparatives.yearsRequired ?? []).map((y) => ({ ...y, phrases: y.phrases ?? [] })),
    },
    carriedOver: { minWidth: raw.carriedOver.minWidth ?? 60 },
  };
}
