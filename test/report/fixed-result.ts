import type { Result } from '../../src/report/result.js';

/**
 * A hand-written result that exercises every part of the contract the formatters read:
 * all four statuses, the three severities, a finding with a related place, text that needs
 * escaping, accepted findings of both kinds, and a file that could not be read.
 */
export function fixedResult(): Result {
  return {
    tool: { name: 'esglint', version: '9.9.9', rulesHash: 'abc123' },
    files: [
      {
        path: 'reports/esg 2024.md',
        format: 'markdown',
        period: { start: '2024-01-01', end: '2024-12-31', source: 'range', line: 9, column: 1, text: '1 January 2024 to 31 December 2024' },
        editions: ['hkex-esg-2020'],
        editionDetails: [{ id: 'hkex-esg-2020', framework: 'hkex', title: 'HKEX ESG Reporting Guide 2020', reason: 'the period starts 2024-01-01' }],
        issuer: { board: 'main', largeCap: false },
        items: [
          {
            framework: 'hkex', edition: 'hkex-esg-2020', id: 'MDR-governance', title: 'Governance structure: board statement', part: 'B',
            obligation: 'mandatory', status: 'addressed',
            evidence: [{ line: 12, column: 1, section: 'Report › Board statement', text: 'The Board oversees ESG matters.', element: 'oversight' }],
            elements: [{ id: 'oversight', label: 'oversight', found: true }],
          },
          {
            framework: 'hkex', edition: 'hkex-esg-2020', id: 'A1.1', title: 'Types of emissions', part: 'C', aspect: 'A1',
            obligation: 'comply-or-explain', status: 'partial',
            evidence: [{ line: 30, column: 1, section: 'Report › Emissions', text: 'NOx 12 kg', element: 'types' }],
            elements: [{ id: 'types', label: 'types of emissions', found: true }, { id: 'data', label: 'emissions data by type', found: false }],
          },
          {
            framework: 'hkex', edition: 'hkex-esg-2020', id: 'A2.5', title: 'Packaging material', part: 'C', aspect: 'A2',
            obligation: 'comply-or-explain', status: 'explained',
            evidence: [{ line: 45, column: 1, section: 'Report › Packaging', text: 'Not applicable because we make no products.' }],
          },
          {
            framework: 'hkex', edition: 'hkex-esg-2020', id: 'B8', title: 'Community investment', part: 'C', aspect: 'B8',
            obligation: 'comply-or-explain', status: 'missing', evidence: [],
          },
        ],
        facts: [],
        findings: [
          {
            ruleId: 'missing/item-missing', category: 'missing', severity: 'error', framework: 'hkex', item: 'B8',
            message: 'B8 (Community investment) is a comply-or-explain provision and the report does not address it.', line: 1, column: 1, fingerprint: 'f-b8',
          },
          {
            ruleId: 'missing/item-partial', category: 'missing', severity: 'warning', framework: 'hkex', item: 'A1.1',
            message: 'A1.1 (Types of emissions) is only partly addressed: it lacks: emissions data by type.', line: 30, column: 1, fingerprint: 'f-a11',
          },
          {
            ruleId: 'inconsistent/kpi-mismatch', category: 'inconsistent', severity: 'error', framework: 'hkex', item: 'A1.1',
            message: 'NOx is 12 kg here but 13 kg in the <table> | "KPI" & annex.', line: 40, column: 5, related: [{ line: 77, column: 3 }], fingerprint: 'f-nox',
          },
          {
            ruleId: 'draft/unused-suppression', category: 'draft', severity: 'warning',
            message: 'The suppression "esglint-disable-next-line" at line 50 matched no finding.', line: 50, column: 1, fingerprint: 'f-unused',
          },
          {
            ruleId: 'missing/reporting-period', category: 'missing', severity: 'info',
            message: 'An info-level finding without a clause.', line: 2, column: 1, fingerprint: 'f-info',
          },
        ],
        suppressed: [
          {
            kind: 'inline', reason: 'covered by the annual report', line: 60,
            finding: { ruleId: 'missing/item-partial', category: 'missing', severity: 'warning', framework: 'hkex', item: 'A2.5', message: 'A2.5 is only partly addressed.', line: 61, column: 1, fingerprint: 'f-a25' },
          },
          {
            kind: 'baseline',
            finding: { ruleId: 'missing/item-missing', category: 'missing', severity: 'error', framework: 'hkex', item: 'B7', message: 'B7 is missing.', line: 1, column: 1, fingerprint: 'f-b7' },
          },
        ],
      },
      { path: 'reports/gone.md', error: 'reports/gone.md: no such file', period: null, editions: [], items: [], facts: [], findings: [] },
    ],
    summary: { errors: 2, warnings: 2, infos: 1, files: 2, failedFiles: 1, suppressed: 2 },
  };
}
