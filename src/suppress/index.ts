import type { ReportDocument } from '../document/types.js';
import type { Finding, Severity, SuppressedFinding } from '../report/result.js';
import { fingerprintOf } from './fingerprint.js';
import { applyInlineSuppressions } from './inline.js';

export { applyBaseline, baselineOf, readBaseline, writeBaseline, BaselineBuilder, BaselineMatcher, DEFAULT_BASELINE, type Baseline } from './baseline.js';
export { SUPPRESSION_RULES } from './inline.js';
export { fingerprintOf } from './fingerprint.js';

/**
 * The step after the checks: gives every finding its content fingerprint, then applies the
 * report's suppression comments.
 */
export function settleFindings(doc: ReportDocument, findings: Finding[], overrides: Record<string, Severity | 'off'> = {}): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const out = applyInlineSuppressions(doc, findings, overrides);
  const stamp = (f: Finding): Finding => ({ ...f, fingerprint: fingerprintOf(f, doc.lines) });
  return {
    findings: out.findings.map(stamp),
    suppressed: out.suppressed.map((s) => ({ ...s, finding: stamp(s.finding) })),
  };
}
