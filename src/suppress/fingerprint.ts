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
  const line = wholeFile || finding.line < 1 ? 0 : finding.line;
  // Findings of one rule and clause on one line share their fingerprint: a line with thousands
  // of them (a long line of placeholders) is folded and hashed once, not once per finding.
  let known = fingerprints.get(lines);
  if (!known) fingerprints.set(lines, (known = new Map()));
  const key = [finding.ruleId, finding.framework ?? '', finding.item ?? '', line].join('\u0000');
  let fingerprint = known.get(key);
  if (fingerprint === undefined) {
    const content = line === 0 ? '' : (lines.at(line - 1) ?? '').replace(/\s+/g, ' ').trim();
    fingerprint = createHash('sha256')
      .update([finding.ruleId, finding.framework ?? '', finding.item ?? '', content].join('\u0000'))
      .digest('hex')
      .slice(0, 16);
    known.set(key, fingerprint);
  }
  return fingerprint;
}

const fingerprints = new WeakMap<DocumentLines, Map<string, string>>();
