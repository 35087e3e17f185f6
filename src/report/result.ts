/** TypeScript view of schemas/result.schema.json, the single source of truth. */
import type { Framework, Obligation } from '../rules/types.js';
import type { ItemStatus } from '../evidence/coverage.js';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'missing' | 'stale' | 'inconsistent' | 'draft';

export interface Location {
  line: number;
  column: number;
  page?: number;
  pageLabel?: string;
  /** Set when the location is in another file (last year's report, with --previous). */
  path?: string;
}

export interface ResultEvidence extends Location {
  section: string;
  text: string;
  element?: string;
}

export interface ResultItem {
  framework: Framework;
  edition?: string;
  id: string;
  title?: string;
  part?: string;
  aspect?: string;
  /** GRI: the standard with its version year. */
  standard?: string;
  obligation: Obligation;
  /** 'not-required': a GRI disclosure the report's GRI claim does not require, and not found. */
  status: ItemStatus | 'not-required';
  /** False when nothing the report claims requires the item. */
  required?: boolean;
  evidence: ResultEvidence[];
  elements?: { id: string; label: string; found: boolean; optional?: boolean }[];
}

export interface Fact {
  metric: string;
  year?: number | null;
  value: number | null;
  unit: string;
  line: number;
  column?: number;
  page?: number;
  kind?: 'table' | 'highlight' | 'narrative';
  label?: string;
  text?: string;
  section?: string;
  breakdown?: Record<string, string>;
  share?: boolean;
  change?: { from: number; points?: boolean };
  notReported?: boolean;
  range?: [number, number];
  precision?: number;
  note?: number;
  table?: number;
  aligned?: 'right';
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  framework?: Framework;
  item?: string;
  message: string;
  line: number;
  column: number;
  page?: number;
  related?: Location[];
  /** Rule, clause and the text at the finding (never its line number); matches baselines. */
  fingerprint?: string;
}

/** A finding that a suppression comment or the baseline accepted. */
export interface SuppressedFinding {
  finding: Finding;
  kind: 'inline' | 'baseline';
  reason?: string;
  /** Line of the suppression comment. */
  line?: number;
}

export interface ResultPeriod {
  start: string;
  end: string;
  source?: 'range' | 'year-end' | 'split-year' | 'title-year' | 'option';
  line?: number;
  column?: number;
  page?: number;
  text?: string;
}

export interface EditionDetail {
  id: string;
  framework: Framework;
  title: string;
  reason: string;
}

export interface FileResult {
  path: string;
  format?: 'markdown' | 'text' | 'pdf' | 'docx' | 'html';
  /** The encoding a text input was read in, where it was not UTF-8. */
  encoding?: string;
  /** 'paragraph' where lines count paragraphs and table rows (DOCX). */
  lineUnit?: 'line' | 'paragraph';
  error?: string;
  period: ResultPeriod | null;
  editions: string[];
  editionDetails?: EditionDetail[];
  issuer?: { board?: 'main' | 'gem'; largeCap?: boolean };
  pages?: number;
  /** Last year's report the file was compared with (--previous). */
  previous?: { path: string; period: ResultPeriod | null };
  items: ResultItem[];
  facts: Fact[];
  findings: Finding[];
  suppressed?: SuppressedFinding[];
}

export interface Result {
  tool: { name: 'esglint'; version: string; rulesHash?: string };
  files: FileResult[];
  summary: { errors: number; warnings: number; infos: number; files?: number; failedFiles?: number; suppressed?: number };
  baseline?: { path: string; matched: number; unmatched: number };
}
