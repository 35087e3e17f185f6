import type { ReportDocument } from '../document/types.js';
import type { PreviousReport } from '../compare/previous.js';
import type { CoverageFinder, ItemCoverage } from '../evidence/coverage.js';
import type { DetectedPeriod } from '../facts/period.js';
import type { ChosenEdition, Issuer } from '../rules/editions.js';
import type { GriAnalysis } from '../evidence/gri.js';
import type { IndexClaim } from '../evidence/content-index.js';
import type { Obligation, RuleSet } from '../rules/types.js';
import type { Fact, Finding } from '../report/result.js';

export interface CoveredItem {
  coverage: ItemCoverage;
  obligation: Obligation;
  /** False when the report makes no claim that requires the item (GRI disclosures it does not claim). */
  required?: boolean;
}

/** Everything a check may read. Checks never re-parse the document. */
export interface CheckContext {
  doc: ReportDocument;
  rules: RuleSet;
  /** The period in force: given as an option, else detected. */
  period?: DetectedPeriod;
  /** The period the report states, even when an option overrides it. */
  detectedPeriod?: DetectedPeriod;
  editions: ChosenEdition[];
  issuer: Issuer;
  covered: CoveredItem[];
  finder: CoverageFinder;
  /** What the report claims about GRI, when a GRI edition applies. */
  gri?: GriAnalysis;
  /** The entries of the report's own HKEX content index. */
  indexClaims: IndexClaim[];
  facts: Fact[];
  /** Last year's report, when one was given (--previous) and it is not this file. */
  previous?: PreviousReport;
}

/** A check family: reads the context, returns findings. */
export type Check = (ctx: CheckContext) => Finding[];
