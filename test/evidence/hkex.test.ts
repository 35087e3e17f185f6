import { describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';

async function run(file: string, options: Parameters<typeof check>[1] = {}): Promise<FileResult> {
  const result = await check([file], { frameworks: ['hkex'], ...options });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

const statusOf = (f: FileResult, id: string) => f.items.find((i) => i.id === id)?.status;
const notAddressed = (f: FileResult) => f.items.filter((i) => i.status !== 'addressed').map((i) => `${i.id}:${i.status}`);

describe('HKEX 2020 Guide on complete reports (test/fixtures/README.md)', () => {
  it.each(['en/complete-2024.md', 'zh-Hant/complete-2024.md', 'zh-Hant/complete-2024.txt'])('%s: every clause addressed or explained with a reason', async (name) => {
    const f = await run(fixture(...name.split('/')));
    expect(f.editions).toEqual(['hkex-esg-2020']);
    expect(f.items).toHaveLength(53);
    expect(f.items.filter((i) => i.status === 'missing' || i.status === 'partial').map((i) => i.id)).toEqual([]);
    expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });

  it('the PDF-text report (pages, flattened KPI table) has no clause missing', async () => {
    const f = await run(fixture('zh-Hant', 'complete-2024.txt'));
    expect(f.pages).toBe(10);
    expect(f.items.filter((i) => i.status === 'missing').map((i) => i.id)).toEqual([]);
    const scope = f.items.find((i) => i.id === 'A1.2')!;
    expect(scope.status).toBe('addressed');
    expect(scope.evidence.every((e) => e.page !== undefined)).toBe(true);
  });

  it('the example report: A2.5 and B6.1 explained with reasons, nothing else lacking', async () => {
    const f = await run('examples/harbourview-esg-2024.md');
    expect(notAddressed(f)).toEqual(['A2.5:explained', 'B6.1:explained']);
    // Its content index lists the Part B items by label after a lead-in ("Mandatory: Governance
    // structure"), and every clause it lists is where it says: nothing to report, not even an info.
    expect(f.findings).toEqual([]);
  });
});

describe('HKEX 2020 Guide on defective reports', () => {
  it('KPIs without their breakdowns are partial, naming the missing breakdowns', async () => {
    const f = await run(fixture('en', 'kpi-no-breakdown.md'));
    expect(notAddressed(f)).toEqual(['B1.1:partial', 'B3.2:partial']);
    const b11 = f.items.find((i) => i.id === 'B1.1')!;
    expect(b11.elements!.filter((e) => !e.found && !e.optional).map((e) => e.label).join(' ')).toMatch(/gender.*age|age.*gender/);
  });

  it('removed sections are missing, as errors', async () => {
    const f = await run(fixture('en', 'missing-sections.md'));
    for (const id of ['B4', 'B4.1', 'B4.2', 'MDR-materiality']) expect(statusOf(f, id)).toBe('missing');
    expect(statusOf(f, 'MDR-boundary')).not.toBe('addressed');
    const errors = f.findings.filter((x) => x.severity === 'error').map((x) => x.item);
    expect(errors).toEqual(expect.arrayContaining(['B4', 'B4.1', 'B4.2', 'MDR-materiality']));
  });

  it('omissions: reasoned ones pass, a bare N/A is flagged, absent aspects are errors', async () => {
    const f = await run(fixture('en', 'omissions.md'));
    expect(statusOf(f, 'A2.5')).toBe('explained');
    expect(statusOf(f, 'B6.1')).toBe('explained');
    expect(statusOf(f, 'A2.4')).toBe('explained');
    const bare = f.findings.filter((x) => x.ruleId === 'missing/unexplained-omission').map((x) => x.item);
    expect(bare).toEqual(['A2.4']);
    for (const id of ['B8', 'B8.1', 'B8.2']) expect(statusOf(f, id)).toBe('missing');
  });

  it('a board statement without element (iii) is partial', async () => {
    const f = await run(fixture('en', 'board-statement-no-review.md'));
    expect(notAddressed(f)).toEqual(['MDR-governance:partial']);
  });
});

describe('HKEX 2025 Code', () => {
  it('a complete FY2025 report is held against the 2025 Code, without A1.2 and A4, and addresses Part D', async () => {
    const f = await run(fixture('en', '2025-complete.md'));
    expect(f.editions).toEqual(['hkex-esg-2025']);
    const ids = f.items.map((i) => i.id);
    for (const gone of ['A1.2', 'A4', 'A4.1']) expect(ids).not.toContain(gone);
    const partD = f.items.filter((i) => i.id.startsWith('D-'));
    expect(partD.map((i) => i.id)).toEqual([
      'D-governance', 'D-risks-opportunities', 'D-business-model', 'D-strategy-decision', 'D-financial-effects',
      'D-resilience', 'D-risk-management', 'D-ghg-scope1', 'D-ghg-scope2', 'D-ghg-scope3', 'D-cross-industry',
      'D-carbon-price', 'D-remuneration', 'D-targets',
    ]);
    expect(partD.filter((i) => i.status !== 'addressed')).toEqual([]);
  });

  it('a FY2025 report without climate disclosures lacks Part D; Scope 1/2 are mandatory for every issuer', async () => {
    const f = await run(fixture('zh-Hans', '2025-no-part-d.md'));
    const partD = f.items.filter((i) => i.id.startsWith('D-'));
    expect(partD.filter((i) => i.status === 'addressed')).toEqual([]);
    expect(statusOf(f, 'D-ghg-scope3')).toBe('missing');
    expect(f.items.find((i) => i.id === 'D-ghg-scope1')!.obligation).toBe('mandatory');
    expect(f.items.find((i) => i.id === 'D-ghg-scope3')!.obligation).toBe('comply-or-explain');

    const gem = await run(fixture('zh-Hans', '2025-no-part-d.md'), { issuer: { board: 'gem' } });
    expect(gem.items.find((i) => i.id === 'D-ghg-scope1')!.obligation).toBe('mandatory');
    expect(gem.items.find((i) => i.id === 'D-ghg-scope3')!.obligation).toBe('voluntary');
    expect(gem.findings.find((x) => x.item === 'D-ghg-scope3')!.severity).toBe('info');

    const large2025 = await run(fixture('zh-Hans', '2025-no-part-d.md'), { issuer: { largeCap: true } });
    expect(large2025.items.find((i) => i.id === 'D-ghg-scope3')!.obligation).toBe('comply-or-explain');
    const large2026 = await run(fixture('zh-Hans', '2025-no-part-d.md'), { issuer: { largeCap: true }, period: '2026' });
    expect(large2026.items.find((i) => i.id === 'D-ghg-scope3')!.obligation).toBe('mandatory');
  });
});

describe.skipIf(!hasSharedReport)('the shared 2024 report', () => {
  it('no 2020-edition clause is missing; each verdict carries evidence', async () => {
    const f = await run(sharedReport);
    expect(f.items).toHaveLength(53);
    expect(f.items.filter((i) => i.status === 'missing').map((i) => i.id)).toEqual([]);
    for (const i of f.items) expect(i.evidence.length, i.id).toBeGreaterThan(0);
    // Its KPI table gives the packaging row as 不適用 with no reason.
    expect(statusOf(f, 'A2.5')).toBe('explained');
    expect(f.findings.some((x) => x.ruleId === 'missing/unexplained-omission' && x.item === 'A2.5')).toBe(true);
  });
});

describe('conditional requirements from HKEX reviews (rule-pack dependencies)', () => {
  const dependencyFindings = (f: FileResult) => f.findings.filter((x) => x.ruleId === 'missing/emission-factor-source' || x.ruleId === 'missing/targets-without-review').map((x) => x.ruleId);

  it('targets without a board review of progress are flagged', async () => {
    const f = await run(fixture('en', 'board-statement-no-review.md'));
    expect(dependencyFindings(f)).toEqual(['missing/targets-without-review']);
  });

  it('emission figures without the source of their factors are flagged', async () => {
    const f = await run(fixture('zh-Hant', 'missing-mdr.md'));
    expect(dependencyFindings(f).sort()).toEqual(['missing/emission-factor-source', 'missing/targets-without-review']);
  });

  it.each(['en/complete-2024.md', 'zh-Hant/complete-2024.md', 'zh-Hans/complete-2024.md'])('%s raises neither', async (name) => {
    expect(dependencyFindings(await run(fixture(...name.split('/'))))).toEqual([]);
  });
});
