import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesDir } from '../../src/rules/load.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';
import { checkOne, findingAt, places } from './mine.js';

describe('stale: a 2025 report with references the 2025 Code superseded (hygiene/en-2025.md)', () => {
  it('finds each stale item at its place, and says what is current instead', async () => {
    const f = await checkOne(fixture('hygiene', 'en-2025.md'));
    expect(places(f, (id) => id.startsWith('stale/'))).toEqual([
      'stale/superseded-reference@5:112',
      'stale/superseded-reference@7:59',
      'stale/period-sentence@11:1',
      'stale/deleted-clause@11:91',
      'stale/deleted-clause@11:136',
      'stale/current-year-missing@25:1',
      'stale/current-year-missing@33:1',
      'stale/no-comparatives@40:1',
      'stale/years-missing@47:28',
    ]);
    for (const x of f.findings.filter((x) => x.category === 'stale')) expect(x.message).toMatch(/Current: /);
    const guide = findingAt(f, 'stale/superseded-reference', 5);
    expect(guide.message).toContain('"Environmental, Social and Governance Reporting Guide"');
    expect(guide.message).toContain('Reporting Code');
    const tcfd = findingAt(f, 'stale/superseded-reference', 7);
    expect(tcfd.severity).toBe('info');
    expect(tcfd.message).toContain('Part D');
    expect(findingAt(f, 'stale/period-sentence', 11).message).toContain('2024-03-15');
    const deleted = f.findings.filter((x) => x.ruleId === 'stale/deleted-clause');
    expect(deleted.map((x) => [x.item, x.framework])).toEqual([['A1.2', 'hkex'], ['A4', 'hkex']]);
    expect(deleted[0].message).toContain('Scope 1 and Scope 2');
    expect(findingAt(f, 'stale/current-year-missing', 25).severity).toBe('error');
    expect(findingAt(f, 'stale/current-year-missing', 33).message).toContain('no column for 2025');
    expect(findingAt(f, 'stale/no-comparatives', 40).message).toContain('"Electricity consumption", "Diesel"');
    const b21 = findingAt(f, 'stale/years-missing', 47);
    expect(b21.item).toBe('B2.1');
    expect(b21.message).toContain('2023 to 2025');
  });

  it('leaves alone "Appendix C2 (formerly Appendix 27)" and "core" outside a GRI claim', async () => {
    const f = await checkOne(fixture('hygiene', 'en-2025.md'));
    expect(f.findings.filter((x) => x.category === 'stale' && x.line === 5).map((x) => x.column)).toEqual([112]);
    expect(f.findings.filter((x) => x.category === 'stale' && x.line > 47)).toEqual([]);
  });
});

describe('stale: a clause only a later edition has', () => {
  it('is not yet in force, and the message names the edition that has it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esglint-later-'));
    try {
      cpSync(defaultRulesDir, join(dir, 'rules'), { recursive: true });
      // A made-up later edition with one new clause, A5.1.
      writeFileSync(join(dir, 'rules', 'hkex', 'esg-code-2030.yaml'), [
        'framework: hkex', 'edition: hkex-esg-2030', 'title: A later edition for this test',
        'applies: { periodStartFrom: "2030-01-01" }', 'source: test', 'verification: test', 'items:',
        '  - id: A5.1', '    kind: kpi', '    title: { en: Test clause, zh-Hant: 測試, zh-Hans: 测试 }',
        '    obligation: voluntary', '    requirement: test', '    source: test', '    verification: test',
        '    evidence: { elements: [{ id: e, label: e, all: [[test clause]] }] }', '',
      ].join('\n'));
      const report = join(dir, 'report.md');
      writeFileSync(report, '# Report\n\nThis report covers 1 January 2024 to 31 December 2024. KPI A5.1 is not reported yet.\n');
      const f = await checkOne(report, { rulesDir: join(dir, 'rules') });
      const x = findingAt(f, 'stale/clause-not-yet-in-force', 3);
      expect([x.column, x.item, x.framework]).toEqual([56, 'A5.1', 'hkex']);
      expect(x.message).toContain('exists only from hkex-esg-2030');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stale: period, title and "this year" sentences', () => {
  it('a title year and a "本年度（2023 年）" sentence in a 2024 report (PDF text)', async () => {
    const f = await checkOne(fixture('hygiene', 'zh-Hant-2024.txt'));
    expect(places(f, (id) => id.startsWith('stale/'))).toEqual(['stale/title-year@3:1', 'stale/period-sentence@22:1']);
    const title = findingAt(f, 'stale/title-year', 3);
    expect(title.page).toBe(1);
    expect(title.message).toContain('2023 年可持續發展報告');
    expect(title.message).toContain('Current: 2024');
    const sentence = findingAt(f, 'stale/period-sentence', 22);
    expect(sentence.message).toContain('"本年度"');
    expect(sentence.page).toBe(2);
  });

  it('"During 2023, the year under review" in an English 2024 report', async () => {
    const f = await checkOne(fixture('hygiene', 'en-2024.txt'));
    expect(places(f, (id) => id.startsWith('stale/'))).toEqual(['stale/period-sentence@16:45']);
    expect(findingAt(f, 'stale/period-sentence', 16).message).toContain('"the year under review"');
  });

  it('a period given as an option that differs from the one the report states', async () => {
    const f = await checkOne(fixture('en', 'complete-2024.md'), { period: '2025' });
    const mismatch = findingAt(f, 'stale/period-mismatch', 7);
    expect(mismatch.severity).toBe('error');
    expect(mismatch.message).toContain('2024-01-01 to 2024-12-31');
    expect(mismatch.message).toContain('Current: 2025-01-01 to 2025-12-31');
    // The title "ESG Report 2024" is a second, separate place.
    expect(findingAt(f, 'stale/title-year', 1).message).toContain('Current: 2025');
  });

  it('the same report checked for its own period has none of these', async () => {
    const f = await checkOne(fixture('en', 'complete-2024.md'), { period: '2024' });
    expect(places(f)).toEqual([]);
  });
});

describe('stale: superseded GRI versions are reported once', () => {
  const draft = fixture('yoy', 'en', 'esg-2024-draft.md');
  it('by the hygiene rules when GRI is not checked', async () => {
    const f = await checkOne(draft, { frameworks: ['hkex'] });
    const at92 = f.findings.filter((x) => x.line === 92 && x.category === 'stale');
    expect(at92.map((x) => x.ruleId)).toEqual(['stale/superseded-reference']);
    expect(at92[0].message).toContain('GRI 403 Occupational Health and Safety 2018');
    expect(findingAt(f, 'stale/superseded-reference', 90).message).toContain('"102-8"');
  });

  it('by the GRI checks, and not again, when GRI is checked', async () => {
    const f = await checkOne(draft, { frameworks: ['hkex', 'gri'] });
    expect(f.findings.filter((x) => x.line === 92 && x.category === 'stale').map((x) => x.ruleId)).toEqual(['stale/gri-superseded-standard']);
    // A 2016 disclosure number is the hygiene rules' own: the GRI checks do not cover it.
    expect(f.findings.filter((x) => x.line === 90 && x.category === 'stale').map((x) => x.ruleId)).toEqual(['stale/superseded-reference']);
  });
});

describe('no stale or draft findings on complete reports', () => {
  it.each([
    'en/complete-2024.md', 'en/2025-complete.md', 'zh-Hant/complete-2024.md', 'zh-Hant/complete-2024.txt',
    'zh-Hans/complete-2024.md', 'zh-Hans/2025-no-part-d.md',
  ])('%s', async (name) => {
    const f = await checkOne(fixture(...name.split('/')), { frameworks: ['hkex', 'gri'] });
    expect(places(f)).toEqual([]);
  });

  it('the example report', async () => {
    const f = await checkOne('examples/harbourview-esg-2024.md', { frameworks: ['hkex', 'gri'] });
    expect(places(f)).toEqual([]);
  });
});

describe.runIf(hasSharedReport)('the shared 2024 report (PDF text)', () => {
  it('has no stale or draft findings; its one restatement note without a reason is reported', async () => {
    const f = await checkOne(sharedReport, { frameworks: ['hkex', 'gri'] });
    expect(f.findings.filter((x) => (x.category === 'stale' || x.category === 'draft')).map((x) => `${x.ruleId}@${x.line}`)).toEqual([]);
    expect(places(f)).toEqual(['inconsistent/restatement-without-reason@4773:42']);
    const note = findingAt(f, 'inconsistent/restatement-without-reason', 4773);
    expect(note.severity).toBe('warning');
    expect(note.message).toContain('本數據較去年有所調整');
  });

  it('held against 2025, its 2024 statements and tables are stale', async () => {
    const f = await checkOne(sharedReport, { period: '2025' });
    expect(findingAt(f, 'stale/period-mismatch', 23).message).toContain('2024 年 1 月 1 日至 2024 年 12 月 31 日');
    // "2024 年，…在本年度…" (line 2380) and "2024 年 5 月，…本年度…" (line 4445) are dated in 2024.
    expect(places(f, (id) => id === 'stale/period-sentence')).toEqual(['stale/period-sentence@2380:1', 'stale/period-sentence@4445:1']);
    // The KPI appendix has 2022–2024 columns only.
    expect(findingAt(f, 'stale/current-year-missing', 4570).message).toContain('no column for 2025');
  });
});
