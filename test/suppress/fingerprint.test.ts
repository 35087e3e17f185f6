import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/suppress/fingerprint.js';
import type { Finding } from '../../src/report/result.js';

const finding = (ruleId: string, line: number, column: number, item?: string): Finding =>
  ({ ruleId, line, column, severity: 'warning', message: 'm', ...(item ? { item } : {}) }) as Finding;

describe('fingerprints', () => {
  const lines = ['# Title', 'Emissions were TBD   tonnes and TBD  kWh.', 'Emissions were TBD tonnes and TBD kWh.', 'Other text'];

  it('depend on the rule, the clause and the line text with white space folded, not on the line number or column', () => {
    const first = fingerprintOf(finding('draft/placeholder', 2, 16), lines);
    expect(fingerprintOf(finding('draft/placeholder', 2, 33), lines)).toBe(first);
    expect(fingerprintOf(finding('draft/placeholder', 3, 16), lines)).toBe(first);
    expect(fingerprintOf(finding('draft/other', 2, 16), lines)).not.toBe(first);
    expect(fingerprintOf(finding('draft/placeholder', 2, 16, 'A1.1'), lines)).not.toBe(first);
    expect(fingerprintOf(finding('draft/placeholder', 4, 1), lines)).not.toBe(first);
  });

  it('are the same for another document object holding the same lines', () => {
    const again = [...lines];
    expect(fingerprintOf(finding('draft/placeholder', 2, 16), again)).toBe(fingerprintOf(finding('draft/placeholder', 2, 16), lines));
    expect(fingerprintOf(finding('missing/clause', 1, 1, 'A1'), again)).toBe(fingerprintOf(finding('missing/clause', 1, 1, 'A1'), ['other', 'lines']));
  });
});
