import { createHash } from 'node:crypto';
import type { DocumentLines } from '../document/types.js';
import type { Finding } from '../report/result.js';

/**
 * A content fingerprint: the rule, the clause and the text of the line the finding points at,
 * with white space folded — never the line number, so edits elsewhere leave it unchanged.
 * A finding about the file as a whole (reported at 1:1, like a clause missing altogether)
 * is fingerprinted by rule and clause alone.
 */
export function fingerprintOf(finding: Finding, lines: DocumentLines): string {
  const wholeFile = finding.line === 1 && finding.column === 1;
  const content = wholeFile || finding.line < 1 ? '' : (lines.at(finding.line - 1) ?? '').replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update([finding.ruleId, finding.framework ?? '', finding.item ?? '', content].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}
