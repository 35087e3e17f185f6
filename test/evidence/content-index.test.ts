import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { assignRoles } from '../../src/document/roles.js';
import { loadRules } from '../../src/rules/load.js';
import { parseContentIndexes } from '../../src/evidence/content-index.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';

async function claimsOf(file: string) {
  const rules = loadRules();
  const doc = await ingestText(file, readFileSync(file, 'utf8'), file.endsWith('.md') ? 'markdown' : 'text');
  assignRoles(doc, { indexHeadings: rules.common.contentIndex!.headings!, tocHeadings: rules.common.contentIndex!.toc! });
  const pack = rules.packs.find((p) => p.edition === 'hkex-esg-2020')!;
  return parseContentIndexes(doc, [pack], { deletedMarkers: rules.common.contentIndex!.deleted!, notApplicableMarkers: rules.common.explanation.markers });
}

async function indexFindings(file: string) {
  const result = await check([file], { frameworks: ['hkex'] });
  return result.files[0].findings.filter((f) => f.category === 'inconsistent').map((f) => ({ ruleId: f.ruleId, item: f.item, line: f.line }));
}

describe('parsing a content index', () => {
  it('reads a GFM index with id ranges, Part B labels and section cells', async () => {
    const claims = await claimsOf(fixture('en', 'complete-2024.md'));
    expect(claims[0]).toMatchObject({ ids: ['MDR-governance'], line: 235 });
    expect(claims[1].ids).toEqual(['MDR-materiality', 'MDR-quantitative', 'MDR-consistency']);
    expect(claims.find((c) => c.ids.includes('A1.3'))!.ids).toEqual(['A1', 'A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6']);
    const b5 = claims.find((c) => c.ids.includes('B5'))!;
    expect(b5.sections.map((s) => s.name)).toEqual(['Aspect B5']);
    expect(b5.sections[0].sections).toHaveLength(1);
  });

  it('reads one-line rows of flattened PDF text, with pages and several sections', async () => {
    const claims = await claimsOf(fixture('zh-Hant', 'complete-2024.txt'));
    const a1 = claims.find((c) => c.ids.includes('A1.1'))!;
    expect(a1.ids).toEqual(['A1', 'A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6']);
    expect(a1.sections.map((s) => [s.name, s.sections.length > 0])).toEqual([['排放物', true], ['附錄一', true]]);
    expect(a1.pages).toEqual([4, 9]);
    expect(claims.find((c) => c.ids[0] === 'MDR-governance')).toMatchObject({ pages: [2, 3] });
  });
});

describe('checking a content index against the body', () => {
  it('finds each planted index error, and nothing else', async () => {
    const findings = await indexFindings(fixture('index', 'en-index-errors.md'));
    expect(findings).toEqual(expect.arrayContaining([
      { ruleId: 'inconsistent/index-marks-required-clause', item: 'A1.2', line: 240 },
      { ruleId: 'inconsistent/index-section-not-found', item: 'B4', line: 246 },
      { ruleId: 'inconsistent/index-claim-unsupported', item: 'B8', line: 250 },
      { ruleId: 'inconsistent/index-claim-unsupported', item: 'B8.1', line: 250 },
      { ruleId: 'inconsistent/index-claim-unsupported', item: 'B8.2', line: 250 },
      { ruleId: 'inconsistent/index-omits-clause', item: 'B3', line: 236 },
      { ruleId: 'inconsistent/index-omits-clause', item: 'B3.1', line: 236 },
      { ruleId: 'inconsistent/index-omits-clause', item: 'B3.2', line: 236 },
    ]));
    expect(findings).toHaveLength(8);
  });

  it.each([['en', 'complete-2024.md'], ['zh-Hant', 'complete-2024.md'], ['zh-Hans', 'complete-2024.md'], ['zh-Hant', 'complete-2024.txt']])('%s/%s: a truthful index raises nothing', async (...parts) => {
    const findings = await indexFindings(fixture(...parts));
    expect(findings.filter((f) => f.ruleId !== 'inconsistent/index-omits-clause')).toEqual([]);
  });
});

describe.skipIf(!hasSharedReport)('the shared report\'s own HKEX index', () => {
  it('is parsed clause by clause, and its A1.2 and A4 "deleted" marks are findings under the 2020 edition', async () => {
    const claims = await claimsOf(sharedReport);
    const ids = new Set(claims.flatMap((c) => c.ids));
    for (const id of ['MDR-governance', 'MDR-boundary', 'A1', 'A1.1', 'A2.5', 'B1.1', 'B5.4', 'B7.1', 'B8.2']) expect(ids.has(id), id).toBe(true);
    const b71 = claims.find((c) => c.ids.includes('B7.1'))!;
    expect(b71.sections.map((s) => s.name)).toEqual(['杜絕貪腐與舞弊行爲', '關鍵績效表']);
    expect(b71.sections.every((s) => s.sections.length > 0)).toBe(true);
    const result = await check([sharedReport], { frameworks: ['hkex'] });
    const marks = result.files[0].findings.filter((f) => f.ruleId === 'inconsistent/index-marks-required-clause');
    expect(marks.map((f) => f.item)).toEqual(['A1.2', 'A4']);
    expect(marks[1].message).toContain('A4, A4.1');
    expect(marks[0].message).toContain('hkex-esg-2020');
  });
});

describe('an index entry marked not applicable', () => {
  it('explains the item the body leaves out, considered only when the entry gives a reason', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'esglint-index-na-'));
    const file = join(dir, 'report.md');
    writeFileSync(file, [
      '# Harbour Lane Holdings ESG Report 2024',
      '',
      'This report covers the year ended 31 December 2024.',
      '',
      '## Emissions',
      '',
      'In 2024 our vehicles emitted 12.5 tonnes of nitrogen oxides and 0.4 tonnes of particulate matter.',
      '',
      '## HKEX ESG Reporting Guide Content Index',
      '',
      '| Clause | Description | Section |',
      '| --- | --- | --- |',
      '| KPI A1.1 | The types of emissions and respective emissions data | Not applicable |',
      '| KPI B6.1 | Percentage of total products sold or shipped subject to recalls for safety and health reasons | Not applicable, as the Group provides financial services and sells no physical products |',
      '| KPI B6.2 | Number of products and service related complaints received and how they are dealt with | Not material |',
      '| KPI B6.3 | Practices relating to observing and protecting intellectual property rights | Not material to the Group’s business |',
      '',
    ].join('\n'));
    try {
      const result = await check([file], { frameworks: ['hkex'], period: '2024' });
      const [f] = result.files;
      const item = (id: string) => f.items.find((i) => i.id === id)!;
      expect(item('B6.1').status).toBe('explained');
      expect(item('B6.1').evidence[0]).toMatchObject({ line: 14, section: 'content index' });
      expect(item('B6.2').status).toBe('explained');
      expect(item('B6.3').status).toBe('explained');
      // The body addresses A1.1: an index mark does not take that back.
      expect(item('A1.1').status).not.toBe('explained');
      const omissions = f.findings.filter((x) => x.ruleId === 'missing/unexplained-omission').map((x) => x.item);
      expect(omissions).toEqual(['B6.2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
