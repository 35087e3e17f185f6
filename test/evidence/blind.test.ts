import { beforeAll, describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import { assignRoles } from '../../src/document/roles.js';
import { loadRules } from '../../src/rules/load.js';
import { parseContentIndexes } from '../../src/evidence/content-index.js';
import { fixture } from '../helpers/run.js';

/**
 * Two whole reports written for testing by someone who had not read the rules (see
 * test/fixtures/README.md): every HKEX clause is addressed, and the writer listed where. What
 * is asserted here was checked by hand against the text.
 */
const byRule = (f: FileResult, ruleId: string) => f.findings.filter((x) => x.ruleId === ruleId);
const hkexStatus = (f: FileResult, id: string) => f.items.find((i) => i.framework === 'hkex' && i.id === id)?.status;

/** What every writer's list promises: each HKEX clause is somewhere in the report, and no figure contradicts another. */
function expectNoneMissingNoError(f: FileResult): void {
  expect(f.items.filter((i) => i.framework === 'hkex' && i.status === 'missing').map((i) => i.id)).toEqual([]);
  expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
}

describe('blind report: English, 2020 Guide, PDF text laid out in columns', () => {
  const path = fixture('blind', 'en-2024-laid-out.txt');
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([path], {})).files[0];
  });

  it('no clause missing, no error', () => {
    expect(f.editions).toEqual(['hkex-esg-2020', 'gri-2021']);
    expectNoneMissingNoError(f);
  });

  it('running headers that name the chapter ("… ESG Report 2024/25 | Our People") are page furniture', async () => {
    const doc = await ingestFile(path, {});
    const inBlocks = new Set(doc.blocks.flatMap((b) => b.segments.map((s) => s.line)));
    const headers = Array.from({ length: doc.lines.length }, (_, i) => ({ l: doc.lines.at(i) ?? '', line: i + 1 })).filter(({ l }) => /ESG Report 2024\/25 {2}\| {2}\S/.test(l));
    expect(headers.length).toBeGreaterThan(25);
    expect(headers.filter(({ line }) => inBlocks.has(line))).toEqual([]);
    // So the index's title, under such a header, opens the index.
    expect(byRule(f, 'missing/gri-content-index')).toEqual([]);
  });

  it('the statement of use in the laid-out GRI index is found where it is', () => {
    expect(byRule(f, 'missing/gri-statement-of-use')).toEqual([]);
  });

  it('a table whose column heads stand over a rule is one table: the training table gives hours by gender and category', () => {
    expect(hkexStatus(f, 'B3.1')).toBe('addressed');
    expect(hkexStatus(f, 'B3.2')).toBe('addressed');
  });

  it('the HKEX index, its cells wrapped over lines in columns, is read cell by cell', () => {
    // Wrapped section cells ("Board Statement; Targets and" / "Progress Review") and labels on a
    // line of their own ("How we review our employment practices") resolve; none is a fragment.
    const notFound = byRule(f, 'inconsistent/index-section-not-found').map((x) => x.message);
    for (const fragment of ['"and"', '"Non-"', '"policies"', '"contributed"', '"information"']) {
      expect(notFound.some((m) => m.includes(fragment)), fragment).toBe(false);
    }
    expect(notFound.some((m) => m.includes('How we review our employment practices'))).toBe(false);
    expect(byRule(f, 'inconsistent/index-omits-clause').map((x) => x.item)).toEqual([]);
  });

  it('a row whose description wraps onto a line naming its clauses again stays one row', () => {
    // "Reporting Principles | Application of Materiality, / Quantitative and Consistency | … | 5, 11, / 29":
    // one claim for the three principles on pp. 5, 11 and 29, of which p. 5 holds consistency.
    const onMdr = f.findings.filter((x) => x.item?.startsWith('MDR-') && x.ruleId.startsWith('inconsistent/index-'));
    expect(onMdr).toEqual([]);
  });

  it('a short heading on a cited page is the section a longer name means ("data notes": the Notes on p. 29)', () => {
    expect(byRule(f, 'inconsistent/index-section-not-found').filter((x) => x.message.includes('"data notes"'))).toEqual([]);
  });

  it('a chairman\'s message under its own heading is the statement GRI 2-22 asks for, where the GRI index cites it', () => {
    expect(f.items.find((i) => i.framework === 'gri' && i.id === '2-22')?.status).toBe('addressed');
    expect(f.findings.filter((x) => x.item === '2-22')).toEqual([]);
  });

  it('a table headed by its title and years ("Work-related fatalities and injuries   FY2022/23 …") is read, units in brackets and "per 1,000" rates too', () => {
    const fatalities = f.facts.filter((x) => x.metric === 'safety.fatalities' && x.kind === 'table' && x.line === 1332);
    expect(fatalities.map((x) => [x.year, x.value])).toEqual([[2023, 0], [2024, 1], [2025, 0]]);
    // "(cases)" is a count (the unit's symbol is items), not the "3 days" in the label.
    expect(f.facts.find((x) => x.metric === 'safety.injuries' && x.line === 1334)?.unit).toBe('items');
    expect(byRule(f, 'stale/years-missing')).toEqual([]);
    expect(byRule(f, 'inconsistent/unit-dimension')).toEqual([]);
    // "Lost days per 1,000 employees" is a rate, not the lost days (2,914 in the row above).
    expect(f.facts.filter((x) => x.metric === 'safety.lost-days' && x.year === 2025).map((x) => x.value)).not.toContain(476);
  });

  it('a restatement that names the emission factor changed gives its reason', () => {
    expect(byRule(f, 'inconsistent/restatement-without-reason')).toEqual([]);
  });
});

describe('blind report: Simplified Chinese, 2025 Code with Part D, Markdown', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'zh-Hans-2025.md')], {})).files[0];
  });

  it('no clause missing, no error', () => {
    expect(f.editions).toEqual(['hkex-esg-2025', 'gri-2026']);
    expectNoneMissingNoError(f);
  });

  it('index locations with tables ("5.5（表5-4）", "附录一表A-1"), section numbers and "各议题章节" resolve', () => {
    expect(byRule(f, 'inconsistent/index-section-not-found')).toEqual([]);
    expect(byRule(f, 'inconsistent/gri-index-section-not-found')).toEqual([]);
  });

  it('Part D rows named by topic ("策略——气候韧性", "指标及目标——温室气体排放（范围3）") are index entries', () => {
    expect(byRule(f, 'inconsistent/index-omits-clause')).toEqual([]);
  });

  it('"单位产品取水量下降4.8%" is a change of the intensity, "年节约天然气约32万立方米" no level of consumption', () => {
    expect(byRule(f, 'inconsistent/stated-change')).toEqual([]);
    expect(byRule(f, 'inconsistent/value-mismatch')).toEqual([]);
    const gas = f.facts.filter((x) => x.metric === 'energy.natural-gas' && x.kind === 'narrative');
    expect(gas.map((x) => x.value)).not.toContain(320000);
  });

  it('diesel in tonnes, and fuels in a table of emissions by source, are no unit errors; a fuel in t and MWh side by side is no mismatch', () => {
    expect(byRule(f, 'inconsistent/unit-dimension')).toEqual([]);
    expect(byRule(f, 'inconsistent/unit-mismatch')).toEqual([]);
  });
});

describe('blind report: English, a bank under the 2025 Code (LargeCap), Markdown', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'en-2025-bank.md')], { issuer: { board: 'main', largeCap: true } })).files[0];
  });

  it('no clause missing, no error; packaging explained as not applicable to a bank', () => {
    expect(f.editions).toContain('hkex-esg-2025');
    expectNoneMissingNoError(f);
    // "As a financial institution we do not manufacture finished products, so KPI A2.5 … is not applicable to us."
    expect(hkexStatus(f, 'A2.5')).toBe('explained');
  });

  it('index locations: "Section 10.2, 84", "4.1 Product recalls (0%; explanation given)", "10.2 Training", the annual report', () => {
    expect(byRule(f, 'inconsistent/index-section-not-found')).toEqual([]);
    expect(byRule(f, 'inconsistent/gri-index-section-not-found')).toEqual([]);
    const unsupported = byRule(f, 'inconsistent/index-claim-unsupported').map((x) => x.item);
    for (const id of ['B3.1', 'B3.2', 'B6.1', 'B6.4', 'D-ghg-scope1', 'D-ghg-scope3', 'D-cross-industry', 'D-carbon-price']) expect(unsupported, id).not.toContain(id);
  });

  it('Part D rows under nested lead-ins ("Metrics — cross-industry: internal carbon prices") are entries', () => {
    expect(byRule(f, 'inconsistent/index-omits-clause')).toEqual([]);
  });

  it('two rows of one table are two parts; "employees dismissed" is no headcount', () => {
    expect(byRule(f, 'inconsistent/value-mismatch')).toEqual([]);
    expect(f.facts.filter((x) => x.metric === 'workforce.total' && (x.value ?? 0) < 10)).toEqual([]);
  });

  it('"No employees are covered by collective bargaining agreements" reports GRI 2-30', () => {
    expect(f.items.find((i) => i.framework === 'gri' && i.id === '2-30')?.status).toBe('addressed');
  });
});

describe('blind report: Traditional Chinese, 2020 Guide, PDF text laid out in columns', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'zh-Hant-2024-laid-out.txt')], {})).files[0];
  });

  it('no clause missing, no error', () => {
    expect(f.editions).toContain('hkex-esg-2020');
    expectNoneMissingNoError(f);
  });

  it('the index is read by display column (Chinese characters two places wide)', () => {
    expect(byRule(f, 'inconsistent/index-section-not-found')).toEqual([]);
    expect(byRule(f, 'inconsistent/index-claim-unsupported')).toEqual([]);
  });

  it('column heads without a rule open the training table: B3.2 by gender and category', () => {
    expect(hkexStatus(f, 'B3.1')).toBe('addressed');
    expect(hkexStatus(f, 'B3.2')).toBe('addressed');
  });
});

describe('blind report: English, 2025 Code, PDF text with every table cell on its own line', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'en-2025-flat.txt')], {})).files[0];
  });

  it('no clause missing, no error', () => {
    expect(f.editions).toContain('hkex-esg-2025');
    expectNoneMissingNoError(f);
  });

  it('the flattened HKEX index stays an index through its Part D rows (bare page cells keep it open)', () => {
    const omitted = byRule(f, 'inconsistent/index-omits-clause').map((x) => x.item);
    for (const id of ['D-governance', 'D-risks-opportunities', 'D-strategy-decision', 'D-risk-management', 'D-targets']) expect(omitted, id).not.toContain(id);
  });

  it('the flattened GRI index: page cells ("3–4", "6, 29") are pages, its column heads no section names', () => {
    expect(byRule(f, 'inconsistent/gri-unknown-disclosure')).toEqual([]);
    const claims = byRule(f, 'inconsistent/gri-index-claim-unsupported').map((x) => x.message);
    expect(claims.some((m) => /"(?:Statement of use|GRI Standard|Disclosure|Location)"/.test(m))).toBe(false);
  });
});

describe('blind report: Simplified Chinese utility, 2020 Guide, PDF text laid out in columns', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'zh-Hans-2024-laid-out.txt')], {})).files[0];
  });

  it('no clause missing, no error (a conversion factor in 千克标准煤/千克 is no diesel figure)', () => {
    expectNoneMissingNoError(f);
  });

  it('year column heads repeated over many tables stay: the safety table gives 2022 to 2024', () => {
    expect(byRule(f, 'stale/years-missing')).toEqual([]);
    const fatalities = f.facts.filter((x) => x.metric === 'safety.fatalities' && x.kind === 'table');
    expect(new Set(fatalities.map((x) => x.year))).toEqual(new Set([2022, 2023, 2024]));
  });
});


describe('blind report: English property manager, 2025 Code, Markdown, no GRI claim', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'en-2025-property.md')], {})).files[0];
  });

  it('no clause missing; the clause the writer left out (B2.2 lost days) is partial', () => {
    expect(f.items.filter((i) => i.framework === 'hkex' && i.status === 'missing').map((i) => i.id)).toEqual([]);
    expect(hkexStatus(f, 'B2.2')).toBe('partial');
  });

  it('the one error is the writer\'s planted one: "the Group had 3,046 employees" against 3,084 in the table', () => {
    const errors = f.findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => [x.ruleId, x.item])).toEqual([['inconsistent/value-mismatch', 'B1.1']]);
    expect(errors[0].message).toContain('3,046');
    expect(errors[0].message).toContain('3,084');
  });

  it('"has not prepared this report with reference to the GRI Standards" makes no GRI claim', () => {
    expect(byRule(f, 'missing/gri-statement-of-use')).toEqual([]);
    expect(f.items.filter((i) => i.framework === 'gri').every((i) => i.required === false)).toBe(true);
  });

  it('the Part D table under its own sub-heading of the Markdown index is read, labels with lead-ins too', () => {
    expect(byRule(f, 'inconsistent/index-omits-clause')).toEqual([]);
    expect(byRule(f, 'inconsistent/index-section-not-found')).toEqual([]);
  });

  it('cited tables ("6.3 Waste; Table P-4") are found by their captions', () => {
    const unsupported = byRule(f, 'inconsistent/index-claim-unsupported').map((x) => x.item);
    expect(unsupported).not.toContain('A1.3');
    expect(unsupported).not.toContain('A1.4');
  });

  it('tCO₂e is tCO2e: Scope 1 and 2 figures are found', () => {
    expect(hkexStatus(f, 'D-ghg-scope1')).toBe('addressed');
    expect(hkexStatus(f, 'D-ghg-scope2')).toBe('addressed');
  });

  it('"Employees receiving anti-corruption training | number" is no workforce total; a headcount may be a "number"', () => {
    expect(byRule(f, 'inconsistent/unit-dimension')).toEqual([]);
    // 1,146 employees trained in 2025 is no total for the table's 3,084 to disagree with.
    expect(f.findings.filter((x) => x.message.includes('1,146'))).toEqual([]);
    const total = f.facts.filter((x) => x.metric === 'workforce.total' && x.kind === 'table' && x.year === 2025 && !x.breakdown && x.value !== null);
    expect(total.map((x) => x.value)).toEqual([3084]);
  });

  it('sub-rows ("| – male | 17.5 |") read under their group row: training hours by gender and category', () => {
    expect(hkexStatus(f, 'B3.2')).toBe('addressed');
  });

  it('"is therefore not applicable" gives its reason in the sentence before, and answers B6.4\'s recall part', () => {
    expect(byRule(f, 'missing/unexplained-omission')).toEqual([]);
    expect(hkexStatus(f, 'B6.4')).toBe('addressed');
  });

  it('clauses cited as deleted or replaced ("replaces the section on Aspect A4") are not stale citations', () => {
    expect(byRule(f, 'stale/deleted-clause')).toEqual([]);
  });

  it('a "2024 (restated)" column head is explained by the note on the restated rows', () => {
    expect(byRule(f, 'inconsistent/restatement-without-reason')).toEqual([]);
  });
});

describe('blind report: Traditional Chinese cold-chain logistics, 2025 Code, PDF text laid out in columns', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'zh-Hant-2025-laid-out.txt')], {})).files[0];
  });

  it('no clause missing, no error: the category rows beside an unknown one ("前線員工") are not summed', () => {
    expectNoneMissingNoError(f);
    expect(byRule(f, 'inconsistent/sum-mismatch')).toEqual([]);
  });

  it('the GRI index with a remarks column after the pages: each row its own pages, nothing above the heads a section', () => {
    const gri = f.findings.filter((x) => x.framework === 'gri' && x.ruleId.startsWith('inconsistent/'));
    expect(gri.some((x) => /已參照|感謝/.test(x.message))).toBe(false);
    for (const id of ['2-1', '2-2', '2-3', '2-4', '2-6', '2-7']) expect(gri.filter((x) => x.item === id), id).toEqual([]);
  });

  it('the writer\'s wrong page (B7.3 training on p. 34, not 35) is found in the "章節╱頁碼" column', () => {
    const b73 = byRule(f, 'inconsistent/index-page-unsupported').filter((x) => x.item === 'B7.3');
    expect(b73).toHaveLength(1);
    expect(b73[0].message).toContain('p. 34');
    expect(b73[0].related?.[0]?.page).toBe(35);
  });

  it('Part D rows whose first cell wraps ("策略：氣候相關風險及" / "機遇") are read, their location pushed under the remarks head too', () => {
    const omitted = byRule(f, 'inconsistent/index-omits-clause').map((x) => x.item);
    for (const id of ['D-risks-opportunities', 'D-business-model', 'D-strategy-decision', 'D-financial-effects', 'D-targets']) expect(omitted, id).not.toContain(id);
    // The reader survey after the index ("□ 社會 □ 數據表及索引") is no index title and no row.
    expect(f.findings.some((x) => x.message.includes('□'))).toBe(false);
  });

  it('a page that opens a topic covers its figures overleaf (waste on pp. 14–15)', () => {
    const pages = byRule(f, 'inconsistent/gri-index-page-unsupported').map((x) => x.item);
    for (const id of ['306-3', '306-4']) expect(pages).not.toContain(id);
  });
});

describe('blind report: Simplified Chinese H-share pharmaceutical group, 2025 Code, Markdown from Word, GRI "in accordance"', () => {
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([fixture('blind', 'zh-Hans-2025-hshare.md')], {})).files[0];
  });

  it('no HKEX clause missing; the one error is the writer\'s planted one (employees by region)', () => {
    expect(f.items.filter((i) => i.framework === 'hkex' && i.status === 'missing').map((i) => i.id)).toEqual([]);
    // Read from an HTML table with merged cells ("按地区（人）" spanning four rows of regions).
    const errors = f.findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => [x.ruleId, x.item])).toEqual([['inconsistent/sum-mismatch', 'B1.1']]);
    expect(errors[0].message).toContain('14,826');
    // The directors' 6 training hours are no workforce average.
    expect(f.findings.filter((x) => x.item === 'B3.2' && x.category === 'inconsistent')).toEqual([]);
  });

  it('GRI disclosures the index says are in the annual report ("2025年年度报告 – 企业管治报告") are not missing', () => {
    for (const id of ['2-18', '2-20']) {
      const item = f.items.find((i) => i.framework === 'gri' && i.id === id)!;
      expect(item.status, id).toBe('explained');
      expect(item.evidence.at(-1)).toMatchObject({ section: 'GRI content index', text: 'reported in 2025年年度报告 – 企业管治报告' });
    }
  });

  it('"信息不可获得/不完整" is GRI 1\'s "information unavailable/incomplete"', () => {
    expect(byRule(f, 'inconsistent/gri-omission')).toEqual([]);
  });

  it('Part D rows named with 和 ("策略 – 气候相关风险和机遇") are index rows', () => {
    expect(byRule(f, 'inconsistent/index-omits-clause')).toEqual([]);
  });
});

describe('blind report: English restaurant group, 2020 Guide, pdftotext without -layout', () => {
  const path = fixture('blind', 'en-2024-restaurants-flat.txt');
  let f: FileResult;
  beforeAll(async () => {
    f = (await check([path], {})).files[0];
  });

  it('no clause missing, no error; "does not claim to be prepared in accordance with, or with reference to, the GRI Standards" makes no claim', () => {
    expectNoneMissingNoError(f);
    expect(byRule(f, 'missing/gri-statement-of-use')).toEqual([]);
  });

  it('"total Scope 1 and Scope 2 greenhouse gas emissions fell by 6.8%" is a stated change', () => {
    const change = f.facts.find((x) => x.metric === 'ghg.scope1-2' && x.change);
    expect(change).toMatchObject({ value: -6.8, change: { from: 2024 } });
  });

  it('the index printed one cell per line: each row its pages; "Aspect A3: …" before a KPI row\'s page is its section cell, not a row', async () => {
    const rules = loadRules();
    const doc = await ingestFile(path, {});
    assignRoles(doc, { indexHeadings: rules.common.contentIndex!.headings!, tocHeadings: rules.common.contentIndex!.toc! });
    const claims = parseContentIndexes(doc, [rules.packs.find((p) => p.edition === 'hkex-esg-2020')!], { deletedMarkers: [], notApplicableMarkers: [] });
    const pagesOf = (id: string) => claims.filter((c) => c.ids.includes(id)).map((c) => c.pages);
    expect(pagesOf('A3.1')).toEqual([[23]]);
    expect(pagesOf('A4.1')).toEqual([[23]]);
    expect(pagesOf('B1.1')).toEqual([[25]]);
    expect(pagesOf('B1')).toEqual([[24]]);
  });
});

describe('tables printed one cell per line (pdftotext without -layout)', () => {
  it('are read: head, years, then label, unit and one value per year; year heads and "Total" are no page furniture', async () => {
    const f = (await check([fixture('blind', 'en-2024-restaurants-flat.txt')], {})).files[0];
    const at = (metric: string, year: number) => f.facts.filter((x) => x.kind === 'table' && x.metric === metric && x.year === year && !x.breakdown).map((x) => [x.value, x.unit]);
    // "Total GHG emissions (Scope 1 and 2)" / "tCO2e" / 25,766 / 28,402 / 27,443 (FY2022/23 to FY2024/25).
    expect(at('ghg.total', 2025)).toEqual([[27443, 'tCO2e']]);
    expect(at('ghg.total', 2024)).toEqual([[28402, 'tCO2e']]);
    // "Packaging material (tonnes)" heads rows with no unit of their own; "Total" is a row.
    const packaging = f.facts.filter((x) => x.kind === 'table' && x.line >= 1230 && x.line <= 1260 && x.year === 2025);
    expect(packaging.find((x) => x.label === 'Plastic containers, lids, bags and cutlery')).toMatchObject({ value: 88.4, unit: 't' });
    expect(packaging.find((x) => x.label === 'Total')).toMatchObject({ value: 333, unit: 't' });
  });

  it('a three-year safety table so printed gives its years', async () => {
    const f = (await check([fixture('blind', 'en-2025-flat.txt')], {})).files[0];
    expect(byRule(f, 'stale/years-missing')).toEqual([]);
    const fatalities = f.facts.filter((x) => x.metric === 'safety.fatalities' && x.kind === 'table');
    expect(new Set(fatalities.map((x) => x.year))).toEqual(new Set([2024, 2025, 2026]));
  });
});
