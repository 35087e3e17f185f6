import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatSarif } from '../../src/report/sarif.js';
import { esglint, fixture, root } from '../helpers/run.js';
import { fixedResult } from './fixed-result.js';

// The official SARIF 2.1.0 schema (draft-04), vendored in schemas/ (see its README).
// The schema's `language` pattern is not valid with the u flag, so patterns compile without it.
const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')));

function valid(log: unknown): void {
  expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1)).toBe(true);
}

describe('sarif formatter', () => {
  const log = JSON.parse(formatSarif(fixedResult(), { cwd: '/repo' }));
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    valid(log);
    expect(log.version).toBe('2.1.0');
    // The validator does reject what the schema forbids.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('has one rule per ruleId, with help text, and results that point at their rule', () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids.sort()).toEqual(['draft/unused-suppression', 'inconsistent/kpi-mismatch', 'missing/item-missing', 'missing/item-partial', 'missing/reporting-period']);
    const missing = run.tool.driver.rules.find((r: { id: string }) => r.id === 'missing/item-missing');
    expect(missing.help.text).toContain('esglint explain');
    expect(missing.name).toBe('ItemMissing');
    // An unknown ruleId still gets its category's help.
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'inconsistent/kpi-mismatch').help.text).toMatch(/places agree/);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('gives each finding a physical location, its level, the clause and a fingerprint', () => {
    // 5 findings + 2 accepted ones
    expect(run.results).toHaveLength(7);
    const nox = run.results.find((r: { ruleId: string }) => r.ruleId === 'inconsistent/kpi-mismatch');
    expect(nox.level).toBe('error');
    expect(nox.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'reports/esg%202024.md', uriBaseId: '%SRCROOT%', index: 0 }, region: { startLine: 40, startColumn: 5 } });
    expect(nox.relatedLocations[0].physicalLocation.region).toEqual({ startLine: 77, startColumn: 3 });
    expect(nox.properties).toMatchObject({ item: 'A1.1', framework: 'hkex', category: 'inconsistent' });
    expect(nox.partialFingerprints).toEqual({ 'esglint/v1': 'f-nox' });
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'missing/reporting-period').level).toBe('note');
  });

  it('marks accepted findings as suppressed, in source or by the baseline', () => {
    const suppressed = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed.map((r: { suppressions: { kind: string; justification?: string }[] }) => r.suppressions[0])).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'covered by the annual report' },
      { kind: 'external', status: 'accepted' },
    ]);
  });

  it('reports an unreadable file as a failed invocation, and the editions per artifact', () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('reports/gone.md: no such file');
    expect(run.artifacts[0].properties.editions).toEqual(['hkex-esg-2020']);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
  });

  it('uses file: URIs for paths outside the working directory', () => {
    const r = fixedResult();
    r.files[0].path = '/elsewhere/report.md';
    const other = JSON.parse(formatSarif(r, { cwd: '/repo' }));
    valid(other);
    expect(other.runs[0].artifacts[0].location).toEqual({ uri: 'file:///elsewhere/report.md' });
  });

  it('is what esglint check --format sarif prints for a real report, and it validates', () => {
    const r = esglint(['check', fixture('en', 'omissions.md'), '--framework', 'hkex', '--no-config', '-f', 'sarif']);
    expect(r.code).toBe(1);
    const real = JSON.parse(r.stdout);
    valid(real);
    const results = real.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    expect(real.runs[0].artifacts[0].location).toEqual({ uri: 'test/fixtures/en/omissions.md', uriBaseId: '%SRCROOT%' });
    // B8 is deleted from this fixture: its finding names the clause.
    expect(results.some((x: { ruleId: string; properties: { item?: string } }) => x.ruleId === 'missing/item-missing' && x.properties.item === 'B8')).toBe(true);
  });
});
