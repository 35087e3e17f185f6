import { describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { loadRules } from '../../src/rules/load.js';
import { fixture } from '../helpers/run.js';

// Vocabulary of the rule packs: wordings found in real reports (units, workforce counts,
// plain-English whistle-blowing channels, …) that the element term lists must accept, and
// looser wordings ("aims to") they must not. Fixtures: test/fixtures/vocab (invented text).

async function run(name: string, frameworks: string[] = ['hkex']): Promise<FileResult> {
  const result = await check([fixture('vocab', name)], { frameworks });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

/** The ids of the found elements of an item, as "item/element". */
function found(f: FileResult, ...ids: string[]): string[] {
  return f.items.filter((i) => ids.includes(i.id)).flatMap((i) => (i.elements ?? []).filter((e) => e.found).map((e) => `${i.id}/${e.id}`));
}

describe('units shared by the emission, waste, water and energy elements', () => {
  it('grams, kilograms, thousand tons and megawatt-hours carry a figure', async () => {
    const f = await run('en-units.md', ['hkex', 'gri']);
    expect(found(f, 'A1.1', 'A1.3', 'A1.4', 'A2.1', 'A2.2')).toEqual(expect.arrayContaining([
      'A1.1/data', 'A1.3/total', 'A1.4/total', 'A2.1/by-type', 'A2.2/total',
    ]));
    expect(found(f, '305-7')).toEqual(expect.arrayContaining(['305-7/nox', '305-7/sox']));
  });

  it('greenhouse gas figures without the Scope 1 / Scope 2 split make A1.2 partial, not missing', async () => {
    const f = await run('en-ghg-unsplit.md');
    const a12 = f.items.find((i) => i.id === 'A1.2')!;
    expect(a12.status).toBe('partial');
    expect(found(f, 'A1.2')).toEqual(['A1.2/quantity']);
    const lacking = f.findings.find((x) => x.item === 'A1.2')!;
    expect(lacking).toMatchObject({ ruleId: 'missing/item-partial', severity: 'warning' });
    expect(lacking.message).toContain('Scope 1 (direct) GHG emissions');
    // A report with no greenhouse gas figure at all still lacks the KPI.
    expect((await run('en-units.md')).items.find((i) => i.id === 'A1.2')!.status).toBe('missing');
  });

  it('"e.g." next to pollutant names is not a unit', async () => {
    const f = await run('en-units-eg.md');
    expect(found(f, 'A1.1')).not.toContain('A1.1/data');
  });

  it('克 alone is a unit of an air-emission figure', async () => {
    const f = await run('zh-Hant-units.md');
    expect(found(f, 'A1.1')).toContain('A1.1/data');
  });

  it('is one shared definition, used by the HKEX and GRI elements', () => {
    const rules = loadRules();
    const mass = rules.common.termSets['mass-units'];
    for (const unit of ['gram*', 'ton', 'tons', 'thousand ton*', 'metric ton*', '克', '千噸', '萬噸']) expect(mass).toContain(unit);
    // "e.g." must not read as a unit.
    expect(mass).not.toContain('g');
    expect(rules.common.termSets['energy-units']).toEqual(expect.arrayContaining(['mwh', 'megawatt-hour*', 'megawatt hour*']));
    const element = (edition: string, item: string, id: string) =>
      rules.packs.find((p) => p.edition === edition)!.items.find((i) => i.id === item)!.evidence.elements.find((e) => e.id === id)!;
    expect(element('hkex-esg-2020', 'A1.3', 'total').all[1]).toEqual(mass);
    expect(element('hkex-esg-2025', 'A1.4', 'total').all[1]).toEqual(mass);
    expect(element('gri-2021', '306-3', 'total').all).toContainEqual(mass);
  });
});

describe('social vocabulary', () => {
  it('English: staff members, trained staff, "an average of N training hours", identity information, supplier counts, reporting channels, fulfil/participate', async () => {
    const f = await run('en-social.md');
    expect(found(f, 'B1.1', 'B3.1', 'B3.2', 'B4.1', 'B5.2', 'B7.2', 'B8')).toEqual(expect.arrayContaining([
      'B1.1/total', 'B1.1/gender', 'B1.1/region',
      'B3.1/overall',
      'B3.2/average',
      'B4.1/review',
      'B5.2/count',
      'B7.2/whistleblowing',
      'B8/policies',
    ]));
  });

  it('Traditional Chinese counterparts', async () => {
    const f = await run('zh-Hant-social.md');
    expect(found(f, 'B1.1', 'B3.1', 'B3.2', 'B4.1', 'B5.2', 'B7.2', 'B8')).toEqual(expect.arrayContaining([
      'B1.1/total', 'B3.1/overall', 'B3.2/average', 'B4.1/review', 'B5.2/count', 'B7.2/whistleblowing', 'B8/policies',
    ]));
  });
});

describe('targets', () => {
  it('"aims to" alone is no target, and raises no targets-without-review', async () => {
    const f = await run('en-targets-aims.md');
    expect(found(f, 'A1.5', 'A1.6', 'A2.3', 'A2.4').filter((id) => id.endsWith('/target'))).toEqual([]);
    expect(f.findings.filter((x) => x.ruleId === 'missing/targets-without-review')).toEqual([]);
  });

  it('a dated commitment is a target, with or without the word', async () => {
    expect(found(await run('en-targets-dated.md'), 'A1.5')).toContain('A1.5/target');
    const zh = await run('zh-Hant-targets.md');
    // 力爭 ("strive to") alone is no target; 於2030年前 ("by 2030") is.
    expect(found(zh, 'A1.5')).not.toContain('A1.5/target');
    expect(found(zh, 'A2.3')).toContain('A2.3/target');
  });
});

describe('restatement reasons', () => {
  it('after data review, correspondingly and upon verification are reasons; a bare restatement is not', async () => {
    const f = await run('en-restatement.md');
    const lines = f.findings.filter((x) => x.ruleId === 'inconsistent/restatement-without-reason').map((x) => x.line);
    expect(lines).toEqual([13]);
  });
});

describe('content-index headings', () => {
  it('"References to HKEX ESG Reporting Guide" opens an index, whose restated clauses evidence nothing', async () => {
    const f = await run('en-index-heading.txt');
    for (const id of ['B4', 'B4.1', 'B4.2']) expect(f.items.find((i) => i.id === id)!.elements!.filter((e) => e.found)).toEqual([]);
  });

  it('a heading that names an ESG index but lists no clauses is body text', async () => {
    const f = await run('en-index-named.md');
    expect(found(f, 'B8')).toEqual(['B8/policies', 'B8/needs']);
  });
});

describe('wordings of a second round of real reports', () => {
  it('stakeholder communication channels, staff by age with its bands, and training hours by category in one sentence', async () => {
    const f = await run('en-social-2.md');
    expect(found(f, 'MDR-materiality')).toContain('MDR-materiality/stakeholders');
    expect(found(f, 'B1.1')).toContain('B1.1/age');
    expect(found(f, 'B3.2')).toContain('B3.2/category');
  });

  it('child labour practices are about employment, not "underage audiences" offered children\'s channels', async () => {
    expect(found(await run('en-social-2.md'), 'B4.1')).not.toContain('B4.1/practices');
    expect(found(await run('en-labour.md'), 'B4.1')).toContain('B4.1/practices');
  });
});

describe('lost days (B2.2)', () => {
  it('a report that says there were no work injuries has spoken to them: partial, lacking the days lost', async () => {
    const f = await run('en-injuries.md');
    expect(f.items.find((i) => i.id === 'B2.2')!.status).toBe('partial');
    expect(found(f, 'B2.2')).toEqual(['B2.2/injuries']);
    expect(f.findings.find((x) => x.item === 'B2.2')).toMatchObject({ ruleId: 'missing/item-partial', severity: 'warning' });
    expect((await run('en-units.md')).items.find((i) => i.id === 'B2.2')!.status).toBe('missing');
  });
});
