/** Rule packs as written in rules/*.yaml (see schemas/ruleset.schema.json). */
import type { Hygiene } from './hygiene.js';
import type { GriCatalog } from './gri-catalog.js';

export type Framework = 'hkex' | 'gri';
export type Obligation = 'mandatory' | 'comply-or-explain' | 'voluntary';

export interface Titles {
  en: string;
  'zh-Hant': string;
  'zh-Hans': string;
}

export interface ElementSpec {
  id: string;
  label: string;
  /** After loading, every group is a list; in YAML a group may be one '@name'. */
  all: string[][];
  none?: string[];
  window?: number;
  number?: boolean;
  sentence?: boolean;
  inSection?: boolean;
  wholeSection?: boolean;
  tables?: boolean;
  optional?: boolean;
}

export interface ObligationRule {
  when: { board?: 'main' | 'gem'; largeCap?: boolean; periodStartFrom?: string };
  obligation: Obligation;
}

export interface ItemSpec {
  id: string;
  part?: string;
  aspect?: string;
  kind: string;
  title: Titles;
  obligation: Obligation;
  obligationRules?: ObligationRule[];
  requirement: string;
  evidence: {
    sections?: string[];
    topic?: string[];
    elements: ElementSpec[];
    metrics?: { id: string; breakdowns?: string[]; intensity?: boolean; years?: number }[];
  };
  /** How a content index names the item when it gives no id. */
  index?: string[];
  /** GRI: the standard with its version year, e.g. "GRI 305: Emissions 2016". */
  standard?: string;
  /** GRI: whether a reason for omission may replace the disclosure. */
  omissionAllowed?: boolean;
  /** GRI: reported once per material topic (3-3). */
  perMaterialTopic?: boolean;
  links?: { gri?: string[]; hkex?: string[]; ifrsS2?: string[] };
  source: string;
  verification: string;
}

export interface ElementRef {
  item: string;
  element?: string;
}

/** When one of `when` is found, `then` must be found too. */
export interface Dependency {
  id: string;
  when: ElementRef[];
  then: ElementRef;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source?: string;
}

export interface RulePack {
  framework: Framework;
  edition: string;
  title: string;
  applies: { periodStartFrom?: string; periodStartBefore?: string; publishedFrom?: string; publishedBefore?: string };
  supersedes?: string;
  basedOn?: { edition: string; omit?: string[] };
  dependencies?: Dependency[];
  source: string;
  verification: string;
  items: ItemSpec[];
  /** Where the pack was read from. */
  file: string;
}

/** The words of nil statements and zero counts (rules/common.yaml `explanation.nil`). */
export interface NilVocabulary {
  negations: string[];
  verbs: string[];
  gaps: string[];
  breaks?: string[];
  unrelated?: string[];
  heads?: string[];
  determiners?: string[];
  restrictions?: string[];
  reach?: number;
}

export interface CommonVocabulary {
  termSets: Record<string, string[]>;
  explanation: { markers: string[]; reasons: string[]; window?: number; nil?: NilVocabulary };
  contentIndex?: { headings?: string[]; toc?: string[]; deleted?: string[] };
  /** Currency words a figure may follow without a space ("RMB130", "HKD500,000"). */
  currencies?: string[];
}

export interface MetricSpec {
  id: string;
  dimension: string;
  unit: string;
  names: { en: string[]; 'zh-Hant'?: string[]; 'zh-Hans'?: string[] };
  breakdowns?: string[];
  rarelyConstant?: boolean;
  links?: { hkex?: string[]; gri?: string[] };
}

export interface MetricLexicon {
  metrics: MetricSpec[];
  relations?: { id: string; kind: string; total?: string; parts?: string[]; numerator?: string; denominator?: string; intensity?: string }[];
}

export interface RuleSet {
  packs: RulePack[];
  common: CommonVocabulary;
  metrics: MetricLexicon;
  /** Stale-content and draft-hygiene patterns (rules/hygiene.yaml). */
  hygiene: Hygiene;
  /** Every GRI standard version a report may cite (rules/gri/catalog.yaml), when present. */
  griCatalog?: GriCatalog;
  /** A short hash of every file read, for caches and reports. */
  hash: string;
}
