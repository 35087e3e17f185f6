import type { Obligation } from '../rules/types.js';
import type { Finding, Severity } from '../report/result.js';
import type { CheckContext } from './context.js';

/** Severity of an item that is not addressed, by its obligation. */
function severityFor(obligation: Obligation, status: 'missing' | 'partial'): Severity {
  if (obligation === 'voluntary') return 'info';
  return status === 'missing' ? 'error' : 'warning';
}

function describeObligation(o: Obligation): string {
  return o === 'mandatory' ? 'a mandatory disclosure' : o === 'comply-or-explain' ? 'a comply-or-explain provision' : 'a voluntary disclosure';
}

/**
 * The `missing` family: items not addressed, addressed in part, or omitted with a bare
 * "N/A" instead of a considered reason.
 */
export function missingChecks(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  if (!ctx.period) {
    findings.push({
      ruleId: 'missing/reporting-period',
      category: 'missing',
      severity: 'warning',
      message: 'No reporting period was found in the report (e.g. "covering 1 January 2024 to 31 December 2024"); state it, or pass --period.',
      line: 1,
      column: 1,
    });
  }
  for (const { coverage, obligation, required } of ctx.covered) {
    if (required === false) continue;
    const { item, status, pack } = coverage;
    const where = coverage.evidence[0] ?? coverage.headings[0];
    const label = `${item.id} (${item.title.en})`;
    if (status === 'missing') {
      const explainHint = obligation === 'comply-or-explain' ? ' Disclose it, or explain why it is omitted.' : obligation === 'mandatory' ? ' Disclose it.' : '';
      findings.push({
        ruleId: 'missing/item-missing',
        category: 'missing',
        severity: severityFor(obligation, 'missing'),
        framework: pack.framework,
        item: item.id,
        message: `${label} is ${describeObligation(obligation)} and the report does not address it.${explainHint}`,
        line: 1,
        column: 1,
      });
    } else if (status === 'partial') {
      const lacking = coverage.elements.filter((e) => !e.found && !e.optional).map((e) => e.label);
      const what = lacking.length > 0 ? `it lacks: ${lacking.join('; ')}` : 'a section names it but its required content was not found';
      findings.push({
        ruleId: 'missing/item-partial',
        category: 'missing',
        severity: severityFor(obligation, 'partial'),
        framework: pack.framework,
        item: item.id,
        message: `${label} is only partly addressed: ${what}.`,
        line: where?.line ?? 1,
        column: where?.column ?? 1,
        page: where?.page,
      });
    } else if (status === 'explained' && coverage.explanation && !coverage.explanation.reasoned) {
      const at = coverage.explanation.evidence;
      findings.push({
        ruleId: 'missing/unexplained-omission',
        category: 'missing',
        severity: obligation === 'voluntary' ? 'info' : 'warning',
        framework: pack.framework,
        item: item.id,
        message: `${label} is marked as not applicable without a reason; a comply-or-explain omission needs a considered reason.`,
        line: at.line,
        column: at.column,
        page: at.page,
      });
    }
  }
  return findings;
}
