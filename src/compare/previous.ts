/** Last year's report, read and prepared once for the year-over-year checks (`--previous`). */
import { resolve } from 'node:path';
import { assignRoles } from '../document/roles.js';
import type { ReportDocument } from '../document/types.js';
import { CoverageFinder, type ItemCoverage } from '../evidence/coverage.js';
import { detectPeriod, type DetectedPeriod } from '../facts/period.js';
import { extractFacts } from '../facts/index.js';
import type { Fact } from '../report/result.js';
import { ingestFile, type IngestOptions } from '../ingest/index.js';
import type { ItemSpec, RulePack, RuleSet } from '../rules/types.js';
import { InputError, UsageError } from '../util/errors.js';

export class PreviousReport {
  readonly period: DetectedPeriod | undefined;
  private finder?: CoverageFinder;
  private factsRead?: Fact[];
  private readonly coverage = new Map<string, ItemCoverage>();

  constructor(readonly doc: ReportDocument, private readonly rules: RuleSet) {
    assignRoles(doc, {
      indexHeadings: rules.common.contentIndex?.headings ?? [],
      tocHeadings: rules.common.contentIndex?.toc ?? [],
    });
    this.period = detectPeriod(doc);
  }

  /** How last year's report addressed an item of this year's edition (computed on demand). */
  cover(pack: RulePack, item: ItemSpec): ItemCoverage {
    const key = `${pack.edition}\u0001${item.id}`;
    let found = this.coverage.get(key);
    if (!found) {
      this.finder ??= new CoverageFinder(this.doc, this.rules.common);
      found = this.finder.cover(pack, item);
      this.coverage.set(key, found);
    }
    return found;
  }

  /** Last year's KPI facts (read on demand). */
  get facts(): Fact[] {
    this.factsRead ??= extractFacts(this.doc, this.rules, this.period);
    return this.factsRead;
  }

  /** True when `path` is this very report (it is not compared with itself). */
  isSameFile(path: string): boolean {
    return resolve(path) === resolve(this.doc.path);
  }
}

const prepared = new WeakMap<ReportDocument, PreviousReport>();

/**
 * Last year's report for one checked document: prepared once and shared by every file of the
 * run, and left out when it is the document itself.
 */
export function previousFor(doc: ReportDocument, previous: string | ReportDocument | undefined, rules: RuleSet): PreviousReport | undefined {
  if (previous === undefined) return undefined;
  if (typeof previous === 'string') throw new UsageError("checkDocument() needs last year's report as a ReportDocument; check() reads it from a path");
  let report = prepared.get(previous);
  if (!report) {
    report = new PreviousReport(previous, rules);
    prepared.set(previous, report);
  }
  return report.isSameFile(doc.path) ? undefined : report;
}

/** Reads last year's report (--previous); a file that cannot be read is a usage error. */
export async function readPrevious(path: string, options: IngestOptions): Promise<ReportDocument> {
  try {
    return await ingestFile(path, options);
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`last year's report (--previous) ${err.message}`);
    throw err;
  }
}
