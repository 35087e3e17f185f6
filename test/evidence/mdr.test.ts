import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';

const MDR = ['MDR-governance', 'MDR-materiality', 'MDR-quantitative', 'MDR-consistency', 'MDR-boundary'];

async function statuses(file: string, extra: Parameters<typeof check>[1] = {}) {
  const result = await check([file], { frameworks: ['hkex'], ...extra });
  const f = result.files[0];
  expect(f.error).toBeUndefined();
  return { file: f, status: Object.fromEntries(f.items.filter((i) => MDR.includes(i.id)).map((i) => [i.id, i.status])) };
}

describe('Part B mandatory disclosures', () => {
  it.each(['en-complete.md', 'zh-Hant-complete.md', 'zh-Hans-complete.md'])('%s addresses all five', async (name) => {
    const { status, file } = await statuses(fixture('mdr', name));
    expect(status).toEqual(Object.fromEntries(MDR.map((id) => [id, 'addressed'])));
    expect(file.editions).toEqual(['hkex-esg-2020']);
  });

  it('a board statement without element (iii) is partial, with a warning naming the element', async () => {
    const { status, file } = await statuses(fixture('mdr', 'en-no-review.md'));
    expect(status['MDR-governance']).toBe('partial');
    const gov = file.items.find((i) => i.id === 'MDR-governance')!;
    expect(gov.elements!.filter((e) => !e.found).map((e) => e.id)).toEqual(['review']);
    const finding = file.findings.find((f) => f.item === 'MDR-governance')!;
    expect(finding).toMatchObject({ ruleId: 'missing/item-partial', severity: 'warning', category: 'missing' });
    expect(finding.message).toContain('(iii)');
  });

  it('a report without Part B content has every item missing, as errors', async () => {
    const { status, file } = await statuses(fixture('mdr', 'zh-Hant-missing.txt'));
    expect(status).toEqual(Object.fromEntries(MDR.map((id) => [id, 'missing'])));
    const errors = file.findings.filter((f) => f.ruleId === 'missing/item-missing' && MDR.includes(f.item!));
    expect(errors.map((f) => f.item).sort()).toEqual([...MDR].sort());
    expect(errors.every((f) => f.severity === 'error')).toBe(true);
  });

  it('evidence points at the lines that carry each element', async () => {
    const { file } = await statuses(fixture('mdr', 'en-complete.md'));
    const gov = file.items.find((i) => i.id === 'MDR-governance')!;
    const byElement = Object.fromEntries(gov.evidence.map((e) => [e.element, e.line]));
    expect(byElement).toEqual({ oversight: 27, approach: 28, review: 30 });
    const boundary = file.items.find((i) => i.id === 'MDR-boundary')!;
    expect(boundary.evidence[0].section).toBe('Kowloon Freight Holdings — Environmental, Social and Governance Report 2024 › About this report › Reporting boundary');
  });
});

describe.skipIf(!hasSharedReport)('the shared 2024 report (../shared/corpus)', () => {
  it('has its period detected and all five Part B items addressed with evidence about them', async () => {
    const { file, status } = await statuses(sharedReport);
    expect(file.period).toMatchObject({ start: '2024-01-01', end: '2024-12-31', source: 'range' });
    expect(status).toEqual(Object.fromEntries(MDR.map((id) => [id, 'addressed'])));
    const text = (id: string, element: string) => file.items.find((i) => i.id === id)!.evidence.find((e) => e.element === element)!.text;
    expect(text('MDR-governance', 'oversight')).toMatch(/董事會.*監管/);
    expect(text('MDR-governance', 'approach')).toMatch(/評估與優次排序/);
    expect(text('MDR-governance', 'review')).toMatch(/目標與進度/);
    expect(text('MDR-materiality', 'process')).toMatch(/實質性議題/);
    expect(text('MDR-materiality', 'stakeholders')).toMatch(/利益相關者/);
    expect(text('MDR-quantitative', 'methods')).toMatch(/^量化/);
    expect(text('MDR-consistency', 'comparability')).toMatch(/^一致性/);
    expect(text('MDR-boundary', 'entities')).toMatch(/附屬公司/);
  });
});

if (!hasSharedReport) console.warn('skipping shared-report tests: ../shared/corpus/vcredit-esg-2024.zh-Hant.txt is not present');
