import { readFileSync } from 'node:fs';
import { ingestFile, type IngestOptions } from './ingest/index.js';
import { assignRoles } from './document/roles.js';
import type { ReportDocument } from './document/types.js';
import { CoverageFinder } from './evidence/coverage.js';
import { analyseGri, type GriAnalysis } from './evidence/gri.js';
import { explainFromIndex, parseContentIndexes } from './evidence/content-index.js';
import { detectPeriod, parsePeriodOption, type DetectedPeriod } from './facts/period.js';
import { extractFacts } from './facts/index.js';
import { CHECKS } from './checks/index.js';
import type { CheckContext, CoveredItem } from './checks/context.js';
import { loadRules } from './rules/load.js';
import { chooseEditions, obligationOf, type ChosenEdition, type Issuer } from './rules/editions.js';
import type { Framework, RuleSet } from './rules/types.js';
import type { FileResult, Finding, Result, ResultItem, Severity } from './report/result.js';
import { UsageError } from './util/errors.js';
import { packageRoot } from './util/paths.js';
import { expandInputs } from './files.js';
import { previousFor, readPrevious } from './compare/previous.js';
import { BaselineMatcher, readBaseline, settleFindings } from './suppress/index.js';
import { summarize } from './report/summary.js';
import { checkFiles, type BatchOptions } from './batch/run.js';

export type { Result, FileResult, Finding, ResultItem } from './report/result.js';
export type { ReportDocument } from './document/types.js';
export { UsageError } from './util/errors.js';

export interface CheckOptions extends IngestOptions, BatchOptions {
  frameworks?: Framework[];
  /** '2024' or '2024-04-01..2025-03-31'; overrides the period found in the report. */
  period?: string;
  issuer?: Issuer;
  /** Severity per ruleId, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  rulesDir?: string;
  ignorePatterns?: string[];
  /** A baseline file (see `esglint check --baseline`): the findings it lists are accepted. */
  baseline?: string;
  /** Last year's report, for the year-over-year review: a path (check()) or a read document. */
  previous?: string | ReportDocument;
}

export const version: string = JSON.parse(readFileSync(`${packageRoot}/package.json`, 'utf8')).version;

const ALL_FRAMEWORKS: Framework[] = ['hkex', 'gri'];

/** Checks report files (paths, directories or globs) and returns the result contract. */
export async function check(inputs: string[], options: CheckOptions = {}): Promise<Result> {
  const files: FileResult[] = [];
  const { tool, baseline } = await checkEach(inputs, options, { onFile: (file) => files.push(file) });
  return { tool, files, summary: summarize(files), ...(baseline ? { baseline } : {}) };
}

export interface CheckEachHooks {
  /** Called once the inputs are expanded, before any file is checked. */
  onStart?: (start: { files: string[]; tool: Result['tool'] }) => void;
  /** Each file's result (the baseline applied), in input order, as soon as it and the files before it are done. */
  onFile: (file: FileResult, index: number) => void;
}

/**
 * Checks report files like `check`, but hands each file's result to `onFile` instead of
 * holding them all: a run over a whole archive keeps memory flat. Returns what the result
 * contract records besides the files.
 */
export async function checkEach(inputs: string[], options: CheckOptions, hooks: CheckEachHooks): Promise<Pick<Result, 'tool' | 'baseline'>> {
  const rules = loadRules(options.rulesDir);
  if (options.period !== undefined && !parsePeriodOption(options.period)) {
    throw new UsageError(`invalid period "${options.period}": use a year (2024) or start..end (2024-04-01..2025-03-31)`);
  }
  const files = await expandInputs(inputs, options.ignorePatterns);
  if (files.length === 0) throw new UsageError('no report files to check');
  const matcher = options.baseline ? new BaselineMatcher(readBaseline(options.baseline)) : undefined;
  const previous = typeof options.previous === 'string' ? await readPrevious(options.previous, options) : options.previous;
  const tool: Result['tool'] = { name: 'esglint', version, rulesHash: rules.hash };
  hooks.onStart?.({ files, tool });
  // Files are checked in this thread or on worker threads, from the cache where unchanged.
  await checkFiles(
    files,
    options,
    { version, rulesHash: rules.hash, previous },
    async (path) => checkDocument(await ingestFile(path, options), rules, { ...options, previous }),
    (file, index) => hooks.onFile(matcher ? matcher.apply(file) : file, index),
  );
  return { tool, ...(matcher ? { baseline: matcher.report() } : {}) };
}

/** Marks the GRI disclosures the report's GRI claim does not require. */
function griRequirements(doc: ReportDocument, rules: RuleSet, editions: ChosenEdition[], covered: CoveredItem[]): GriAnalysis | undefined {
  const pack = editions.find((e) => e.pack.framework === 'gri')?.pack;
  if (!pack || !rules.griCatalog) return undefined;
  const analysis = analyseGri(doc, pack, rules.griCatalog);
  const omitted = new Map(analysis.index.filter((e) => e.disclosure && e.omission?.reason).map((e) => [e.disclosure!, e]));
  const referredElsewhere = new Map(analysis.index.filter((e) => e.disclosure && e.external.length > 0).map((e) => [e.disclosure!, e]));
  for (const c of covered) {
    if (c.coverage.pack !== pack) continue;
    c.required = analysis.required.has(c.coverage.item.id);
    // An omission the index states with an allowed reason is an explanation of the disclosure.
    const omission = omitted.get(c.coverage.item.id);
    // Omitting some requirements ("403-9-b") leaves the rest reported; omitting the whole
    // disclosure, or its first requirement with the others ("2-21-a, 2-21-b"), explains it.
    const requirements = omission?.omission!.requirements ?? '';
    const whole = omission && (!/\d-\d+-[a-z]/i.test(requirements) || /\d-\d+-a\b/i.test(requirements));
    if (omission && c.coverage.item.omissionAllowed !== false && (whole || c.coverage.status === 'missing')) {
      explainByIndex(c, omission, `${omission.omission!.reasonText}${omission.omission!.explanation ? `: ${omission.omission!.explanation}` : ''}`);
      continue;
    }
    // GRI lets a disclosure be made in another published document the index cites ("2025年年度報告
    // – 企業管治報告"): what this report lacks, it says where to find.
    const elsewhere = c.coverage.status === 'missing' ? referredElsewhere.get(c.coverage.item.id) : undefined;
    if (elsewhere) explainByIndex(c, elsewhere, `reported in ${elsewhere.external.join('; ')}`);
  }
  return analysis;
}

/** The disclosure explained by its row of the GRI content index, which says `text`. */
function explainByIndex(c: CoveredItem, row: { line: number; column: number; page?: number }, text: string): void {
  const evidence = { line: row.line, column: row.column, page: row.page, section: 'GRI content index', text };
  c.coverage.status = 'explained';
  c.coverage.explanation = { evidence, reasoned: true };
  c.coverage.evidence.push(evidence);
}

/** Milliseconds spent in each stage after ingest (see bench/), added to by checkDocument. */
export interface StageTimes {
  evidence: number;
  facts: number;
  checks: number;
}

/** Runs every stage after ingest on one document. */
export function checkDocument(doc: ReportDocument, rules: RuleSet, options: CheckOptions = {}, times?: StageTimes): FileResult {
  let mark = times ? performance.now() : 0;
  const lap = (stage: keyof StageTimes) => {
    if (!times) return;
    const now = performance.now();
    times[stage] += now - mark;
    mark = now;
  };
  assignRoles(doc, {
    indexHeadings: rules.common.contentIndex?.headings ?? [],
    tocHeadings: rules.common.contentIndex?.toc ?? [],
  });
  const issuer: Issuer = { board: options.issuer?.board ?? 'main', largeCap: options.issuer?.largeCap ?? false };
  const detected = detectPeriod(doc);
  const override = options.period !== undefined ? parsePeriodOption(options.period) : undefined;
  const period: DetectedPeriod | undefined = override ? { ...override, basis: 'option', text: options.period } : detected;
  const frameworks = options.frameworks?.length ? options.frameworks : ALL_FRAMEWORKS;
  const editions = chooseEditions(rules, frameworks, period, period?.basis === 'option' ? 'given as an option' : 'stated in the report');

  const finder = new CoverageFinder(doc, rules.common, editions.map((e) => e.pack));
  const covered: CoveredItem[] = [];
  for (const { pack } of editions) {
    for (const item of pack.items) {
      covered.push({ coverage: finder.cover(pack, item), obligation: obligationOf(item, issuer, period) });
    }
  }
  const gri = griRequirements(doc, rules, editions, covered);
  const indexClaims = parseContentIndexes(doc, editions.map((e) => e.pack), {
    deletedMarkers: rules.common.contentIndex?.deleted ?? [],
    notApplicableMarkers: rules.common.explanation.markers,
    reasons: rules.common.explanation.reasons,
  });
  explainFromIndex(indexClaims, covered);
  const previous = previousFor(doc, options.previous, rules);
  lap('evidence');
  const facts = extractFacts(doc, rules, period);
  lap('facts');
  const ctx: CheckContext = { doc, rules, period, detectedPeriod: detected, editions, issuer, covered, finder, facts, previous, gri, indexClaims };
  const findings: Finding[] = CHECKS.flatMap((run) => run(ctx));
  const items: ResultItem[] = covered.map(({ coverage, obligation, required }) => ({
    framework: coverage.pack.framework,
    edition: coverage.pack.edition,
    id: coverage.item.id,
    title: coverage.item.title.en,
    ...(coverage.item.part ? { part: coverage.item.part } : {}),
    ...(coverage.item.aspect ? { aspect: coverage.item.aspect } : {}),
    ...((coverage.item as { standard?: string }).standard ? { standard: (coverage.item as { standard?: string }).standard } : {}),
    obligation,
    status: required === false && coverage.status === 'missing' ? 'not-required' : coverage.status,
    ...(required === false ? { required: false } : {}),
    evidence: coverage.evidence.map((e) => withPageLabel(doc, e)),
    elements: coverage.elements.map((e) => ({ id: e.id, label: e.label, found: e.found, ...(e.optional ? { optional: true } : {}) })),
  }));
  const result: FileResult = {
    path: doc.path,
    format: doc.source ?? doc.format,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
    ...(doc.lineUnit ? { lineUnit: doc.lineUnit } : {}),
    period: period
      ? { start: period.start, end: period.end, source: period.basis, line: period.line, column: period.column, page: period.page, text: period.text }
      : null,
    editions: editions.map((e) => e.pack.edition),
    editionDetails: editions.map((e) => ({ id: e.pack.edition, framework: e.pack.framework, title: e.pack.title, reason: e.reason })),
    issuer,
    pages: doc.pages.length,
    ...(previous ? { previous: { path: previous.doc.path, period: previous.period ? { start: previous.period.start, end: previous.period.end, source: previous.period.basis } : null } } : {}),
    items,
    facts: ctx.facts,
    ...settleFindings(doc, applySeverities(sortFindings(findings.map((f) => withPageLabel(doc, f))), options.rules ?? {}), options.rules),
  };
  lap('checks');
  return result;
}

function withPageLabel<T extends { page?: number }>(doc: ReportDocument, located: T): T {
  if (located.page === undefined) return located;
  const label = doc.pages[located.page - 1]?.label;
  return label !== undefined && 'section' in located ? { ...located, pageLabel: label } : located;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || (a.item ?? '').localeCompare(b.item ?? ''));
}

function applySeverities(findings: Finding[], overrides: Record<string, Severity | 'off'>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = overrides[f.ruleId];
    if (o === 'off') continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}
