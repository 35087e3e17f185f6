import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { ingestText } from '../../src/ingest/index.js';
import { assignRoles } from '../../src/document/roles.js';
import { loadRules } from '../../src/rules/load.js';
import { analyseGri } from '../../src/evidence/gri.js';
import { fixture, hasSharedReport, sharedReport } from '../helpers/run.js';

async function gri(file: string, options: Parameters<typeof check>[1] = {}): Promise<FileResult> {
  const result = await check([file], { frameworks: ['gri'], ...options });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

const griFindings = (f: FileResult) => f.findings.filter((x) => x.framework === 'gri' && x.ruleId !== 'missing/item-partial');
const status = (f: FileResult, id: string) => f.items.find((i) => i.id === id)?.status;

async function analysis(file: string) {
  const rules = loadRules();
  const doc = await ingestText(file, readFileSync(file, 'utf8'), file.endsWith('.md') ? 'markdown' : 'text');
  assignRoles(doc, { indexHeadings: rules.common.contentIndex!.headings!, tocHeadings: rules.common.contentIndex!.toc! });
  return analyseGri(doc, rules.packs.find((p) => p.edition === 'gri-2021')!, rules.griCatalog!);
}

describe('GRI claims and content index', () => {
  it('reads an English "in accordance" statement, GRI 1 and a 48-row GFM index with its omissions', async () => {
    const a = await analysis(fixture('gri', 'en-in-accordance.md'));
    expect(a.statement.kind).toBe('in-accordance');
    expect(a.statement.at?.line).toBe(474);
    expect(a.statement.gri1?.line).toBe(476);
    expect(a.index.filter((e) => e.disclosure)).toHaveLength(48);
    const omitted = a.index.filter((e) => e.omission).map((e) => [e.disclosure, e.omission!.reason]);
    // One omission for each of GRI 1's four reasons.
    expect(omitted).toEqual([['2-21', 'confidentiality-constraints'], ['2-30', 'not-applicable'], ['403-9', 'information-unavailable'], ['405-1', 'legal-prohibitions']]);
    const e2_24 = a.index.find((e) => e.disclosure === '2-24')!;
    expect(e2_24.sections.map((s) => [s.name, s.sections.length])).toEqual([['Embedding our commitments', 1], ['Anti-corruption', 1]]);
  });

  it('reads a Simplified Chinese statement, GRI 1 and a Chinese omission reason', async () => {
    const a = await analysis(fixture('gri', 'zh-Hans-in-accordance.md'));
    expect(a.statement.kind).toBe('in-accordance');
    expect(a.statement.gri1).toBeDefined();
    expect(a.index.find((e) => e.disclosure === '2-21')!.omission).toMatchObject({ reason: 'confidentiality-constraints', reasonText: '保密限制' });
    expect(a.index.find((e) => e.disclosure === '305-1')!.standard).toMatchObject({ number: '305', year: 2016 });
  });

  it('tells "with reference" from "in accordance", and a 2016 Core claim from both', async () => {
    expect((await analysis(fixture('gri', 'en-with-reference.md'))).statement.kind).toBe('with-reference');
    const core = await analysis(fixture('gri', 'en-2016-core.md'));
    expect(core.statement.kind).toBe('informal');
    expect(core.statement.obsolete.map((o) => o.line)).toEqual([5]);
  });
});

describe('GRI requirements by claim', () => {
  it('in accordance: every GRI 2 and GRI 3 disclosure is required; a clean report raises nothing', async () => {
    const f = await gri(fixture('gri', 'en-in-accordance.md'));
    expect(f.editions).toEqual(['gri-2021']);
    expect(griFindings(f)).toEqual([]);
    for (const id of ['2-1', '2-15', '2-29', '3-1', '3-2', '305-1', '401-1']) expect(f.items.find((i) => i.id === id)!.required, id).not.toBe(false);
    expect(status(f, '2-21')).toBe('explained');
    expect(status(f, '207-1')).toBe('not-required');
    // Omitting requirements (403-9-b, 405-1-b-iii) leaves the disclosure reported.
    expect(status(f, '403-9')).toBe('addressed');
    expect(status(f, '405-1')).toBe('addressed');
    expect(status(f, '2-30')).toBe('explained');
  });

  it('with reference: only what the index lists is required', async () => {
    const f = await gri(fixture('gri', 'en-with-reference.md'));
    expect(griFindings(f)).toEqual([]);
    expect(f.period).toMatchObject({ start: '2024-04-01', end: '2025-03-31' });
    expect(status(f, '2-4')).toBe('not-required');
    expect(f.items.filter((i) => i.required !== false).map((i) => i.id).sort()).toEqual(['2-1', '2-2', '2-27', '2-3', '2-6', '2-7', '2-9', '302-1', '305-1', '305-2', '306-3', '401-1']);
  });

  it('Simplified Chinese in accordance report raises nothing', async () => {
    expect(griFindings(await gri(fixture('gri', 'zh-Hans-in-accordance.md')))).toEqual([]);
  });

  it('a report that only uses GRI as an input to its materiality assessment is not held to it', async () => {
    const f = await gri(fixture('zh-Hant', 'complete-2024.md'));
    expect(f.findings.filter((x) => x.framework === 'gri')).toEqual([]);
    expect(f.items.every((i) => i.required === false)).toBe(true);
  });

  it('a "with reference" claim without a content index, GRI 1 or disclosures listed is flagged', async () => {
    const f = await gri(fixture('en', 'complete-2024.md'));
    expect(griFindings(f).map((x) => [x.line, x.ruleId])).toEqual([[15, 'missing/gri-1-not-named'], [15, 'missing/gri-content-index']]);
    expect(f.items.every((i) => i.required === false)).toBe(true);
  });
});

describe('2-22: a message from the chair or chief executive is one section', () => {
  // Its sustainability passage opens the message and its commitments close it, paragraphs apart.
  const message = (heading: string) => `# Sustainability Report 2025

This report covers 1 January 2025 to 31 December 2025 and was prepared with reference to the GRI Standards.

## ${heading}

Dear shareholders, I am pleased to present our ESG report for the year.

Our depots handled more parcels than in any year before, and our drivers kept deliveries running
through two typhoon signals. I thank every colleague who worked through those nights, and the
customers who bore with the delays while roads were closed and the ferries stood still.

The cost of fuel and of labour rose again, and we opened two new sorting centres in the New
Territories. Both were built to the latest fire code, and the older centre in Kwai Chung was
refitted with new conveyor belts and a larger loading bay for the bigger vans now in service.

We will keep our commitment to halve the fuel our fleet burns for every parcel by 2030.

## Our people

We employed 1,250 staff at the end of the year.
`;
  const statusIn = async (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'esglint-2-22-'));
    const file = join(dir, 'report.md');
    writeFileSync(file, text);
    return status(await gri(file), '2-22');
  };

  it('is addressed when the message is set under its own heading', async () => {
    expect(await statusIn(message('Message from the Chairman'))).toBe('addressed');
    expect(await statusIn(message("A word from our Chief Executive"))).toBe('addressed');
  });

  it('is not found in the same paragraphs under another heading, far from the speaker', async () => {
    const text = message('Our year').replace('Dear shareholders, I am', 'Dear shareholders, as Chairman I am');
    expect(await statusIn(text)).not.toBe('addressed');
  });
});

describe('GRI content index verification', () => {
  it('finds each planted defect, and nothing else', async () => {
    const f = await gri(fixture('gri', 'en-index-defects.md'));
    const found = griFindings(f).map((x) => [x.line, x.ruleId, x.item ?? '']);
    expect(found).toEqual([
      [488, 'inconsistent/gri-omission-not-allowed', '2-3'],
      [506, 'inconsistent/gri-omission-reason', '2-21'],
      [523, 'inconsistent/gri-index-claim-unsupported', '305-1'],
      [526, 'inconsistent/gri-unknown-disclosure', '305-8'],
      [527, 'stale/gri-superseded-standard', ''],
      [536, 'inconsistent/gri-index-section-not-found', '404-1'],
    ]);
    expect(f.findings.find((x) => x.line === 527)!.message).toContain('GRI 303: Water and Effluents 2018');
  });

  it('a 2016 "Core" report: the obsolete claim and each superseded standard, not a flood of missing disclosures', async () => {
    const f = await gri(fixture('gri', 'en-2016-core.md'));
    const found = griFindings(f).map((x) => [x.line, x.ruleId]);
    expect(found).toEqual(expect.arrayContaining([
      [5, 'missing/gri-statement-of-use'],
      [5, 'stale/gri-obsolete-claim'],
      [51, 'stale/gri-superseded-standard'],
      [54, 'stale/gri-superseded-standard'],
      [55, 'stale/gri-superseded-standard'],
    ]));
    expect(f.findings.filter((x) => x.ruleId === 'missing/item-missing')).toEqual([]);
    expect(f.findings.some((x) => x.ruleId === 'inconsistent/gri-index-claim-unsupported')).toBe(false);
  });
});

describe('GRI editions by publication date', () => {
  it('picks GRI 101: Biodiversity 2024 for a report published in 2026, and GRI 102/103 from 2027', async () => {
    const y2025 = await gri(fixture('gri', 'en-in-accordance.md'), { period: '2025' });
    expect(y2025.editions).toEqual(['gri-2026']);
    const ids2025 = y2025.items.map((i) => i.id);
    expect(ids2025).toContain('101-1');
    expect(ids2025).not.toContain('304-1');
    const y2026 = await gri(fixture('gri', 'en-in-accordance.md'), { period: '2026' });
    expect(y2026.editions).toEqual(['gri-2027']);
    const ids2026 = y2026.items.map((i) => i.id);
    expect(ids2026).toContain('102-5');
    expect(ids2026).not.toContain('305-1');
    expect(ids2026).toContain('101-1');
  });
});

describe.skipIf(!hasSharedReport)('the shared report\'s GRI content index (附錄三)', () => {
  it('is parsed section by section, and the report is held to what it lists', async () => {
    const a = await analysis(sharedReport);
    expect(a.statement.kind).toBe('informal');
    const byId = (id: string) => a.index.find((e) => e.disclosure === id)!;
    expect(byId('2-2').sections.map((s) => s.name)).toContain('報告編制說明');
    expect(byId('2-2').pages).toEqual([1]);
    expect(byId('2-9').sections.find((s) => s.name === '夯實管治基礎')!.sections.length).toBeGreaterThan(0);
    const standards = a.index.filter((e) => !e.disclosure).map((e) => e.standard!.number);
    expect(standards).toEqual(expect.arrayContaining(['205', '206', '305', '306', '401', '403']));
    const f = await gri(sharedReport);
    expect(f.findings.filter((x) => x.ruleId === 'missing/gri-statement-of-use')).toHaveLength(1);
    expect(status(f, '2-5')).toBe('not-required');
  });
});

describe('GRI statement of use details', () => {
  const base = readFileSync(fixture('gri', 'en-in-accordance.md'), 'utf8');
  const variant = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'esglint-gri-'));
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('a statement of use naming another period than the report is stale', async () => {
    const text = base.replace('for the period from 1 January 2024 to 31 December 2024', 'for the period from 1 January 2023 to 31 December 2023');
    expect(text).not.toBe(base);
    const f = await gri(variant('period.md', text));
    expect(griFindings(f).map((x) => [x.ruleId, x.line])).toEqual([['stale/gri-statement-period', 474]]);
  });

  it('in accordance, topic disclosures need a 3-3 for their material topic', async () => {
    const rows = base.split('\n');
    const without33 = rows.filter((l) => !/^\| GRI 3: Material Topics 2021 \| 3-3 /.test(l));
    expect(rows.length - without33.length).toBe(6);
    const f = await gri(variant('no-3-3.md', without33.join('\n')));
    const flagged = griFindings(f).filter((x) => x.ruleId === 'missing/gri-3-3-per-topic').map((x) => x.message.match(/GRI (\d+)/)![1]);
    expect(flagged).toEqual(['302', '305', '403', '401', '404', '405', '418']);
  });
});
