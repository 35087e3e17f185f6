import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { check } from '../../src/index.js';
import { loadRules } from '../../src/rules/load.js';
import { buildContentIndex, compressNumbers } from '../../src/report/content-index.js';
import { indexToCsv, indexToMarkdown, indexToXlsx } from '../../src/report/index-writers.js';
import { detectScript } from '../../src/report/language.js';
import type { FileResult } from '../../src/report/result.js';
import type { RulePack } from '../../src/rules/types.js';
import { main } from '../../src/cli/main.js';
import { fixture } from '../helpers/run.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const rules = loadRules();
const hkex2020 = rules.packs.find((p) => p.edition === 'hkex-esg-2020')!;

describe('helpers', () => {
  it('compresses page numbers into ranges, keeping labels that are not numbers', () => {
    expect(compressNumbers(['3', '1', '2', '5', '5'])).toBe('1–3, 5');
    expect(compressNumbers(['12'])).toBe('12');
    expect(compressNumbers(['ii', 'iii'])).toBe('ii, iii');
    expect(compressNumbers([])).toBe('');
  });

  it('tells English, Traditional and Simplified Chinese apart', () => {
    expect(detectScript(['The Board oversees ESG matters and reviews progress against targets.'])).toBe('en');
    expect(detectScript(['董事會負責監督環境、社會及管治事宜，並檢討目標進度。'])).toBe('zh-Hant');
    expect(detectScript(['董事会负责监督环境、社会及管治事宜，并检讨目标进度。'])).toBe('zh-Hans');
    expect(detectScript([])).toBe('en');
  });
});

describe('HKEX content index from the evidence found', async () => {
  const en = (await check([fixture('en', 'omissions.md')], { frameworks: ['hkex'] })).files[0];
  const index = buildContentIndex(en, hkex2020);
  const row = (id: string) => index.rows.find((r) => r.id === id)!;

  it('lists every item of the edition in the pack order, grouped by part', () => {
    expect(index.rows.map((r) => r.id)).toEqual(hkex2020.items.map((i) => i.id));
    expect(index.rows[0]).toMatchObject({ id: 'MDR-governance', group: 'Part B' });
    expect(row('A1').group).toBe('Part C');
    expect(index.columns).toEqual(['Clause', 'Description', 'Section', 'Line', 'Remarks']);
    expect(index.script).toBe('en');
  });

  it('gives the section and line of the evidence, and leaves items without evidence visibly empty', () => {
    // B8 is deleted from this fixture.
    expect(row('B8').cells).toEqual(['B8', hkex2020.items.find((i) => i.id === 'B8')!.title.en, '[not found]', '', '']);
    expect(row('B8').status).toBe('missing');
    // Its board statement is under "## Board statement" at lines 24–30 (checked in the fixture).
    const mdr = row('MDR-governance').cells;
    expect(mdr[2]).toBe('Board statement');
    expect(mdr[3]).toMatch(/^2[4-9]|^30/);
    // A2.5 is omitted with a considered reason.
    expect(row('A2.5').cells[4]).toBe('Omission explained');
    for (const r of index.rows.filter((x) => x.status !== 'missing')) expect(r.cells[2]).not.toBe('');
  });

  it('uses the Traditional Chinese titles and headings, and printed pages, for a Traditional Chinese PDF text', async () => {
    const zh = (await check([fixture('zh-Hant', 'complete-2024.txt')], { frameworks: ['hkex'] })).files[0];
    const zhIndex = buildContentIndex(zh, hkex2020);
    expect(zhIndex.script).toBe('zh-Hant');
    expect(zhIndex.columns).toEqual(['條文', '描述', '章節', '頁碼', '備註']);
    expect(zhIndex.rows[0].group).toBe('B部分');
    const a1 = zhIndex.rows.find((r) => r.id === 'A1')!;
    expect(a1.cells[1]).toBe(hkex2020.items.find((i) => i.id === 'A1')!.title['zh-Hant']);
    // The fixture has 10 pages; every location is a page number or a range of them.
    for (const r of zhIndex.rows.filter((x) => x.status !== 'missing')) expect(r.cells[3]).toMatch(/^(10|[1-9])(–(10|[1-9]))?(, (10|[1-9])(–(10|[1-9]))?)*$/);
    // --lang overrides the detected script.
    expect(buildContentIndex(zh, hkex2020, { script: 'en' }).columns[0]).toBe('Clause');
  });

  it('writes Markdown with a heading row per part, escaping pipes', () => {
    const md = indexToMarkdown(index);
    expect(md).toMatch(/^# Content index\n\n\*\*Edition:\*\* HKEX Environmental/);
    expect(md).toContain('\n| Clause | Description | Section | Line | Remarks |\n| - | - | - | - | - |\n| **Part B** | | | | |\n| MDR-governance | Governance structure: board statement | Board statement |');
    expect(md).toContain(`| B8 | ${hkex2020.items.find((i) => i.id === 'B8')!.title.en} | [not found] | | |`);
    const piped = { ...index, rows: [{ ...index.rows[0], cells: ['X', 'a | b', '', '', ''] }] };
    expect(indexToMarkdown(piped)).toContain('| X | a \\| b |');
  });

  it('writes CSV with a byte-order mark, CRLF rows, quoting, and the status of each row', () => {
    const csv = indexToCsv(index);
    expect(csv.startsWith('\ufeffClause,Description,Section,Line,Remarks,Status\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(hkex2020.items.length + 2);
    expect(csv).toMatch(/\r\nB8,[^\r\n]*,\[not found\],,,missing\r\n/);
    const quoted = indexToCsv({ ...index, rows: [{ ...index.rows[0], cells: ['X', 'say "hi", then', '', '', ''] }] });
    expect(quoted).toContain('X,"say ""hi"", then",,,,addressed');
  });

  it('writes an XLSX workbook that reads back: header, part rows, and empty locations highlighted', async () => {
    const buffer = await indexToXlsx(index);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Content index')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Content index']);
    const header = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === 'Clause')!;
    expect(values(header)).toEqual(['Clause', 'Description', 'Section', 'Line', 'Remarks']);
    expect(values(header + 1)[0]).toBe('Part B');
    const b8 = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === 'B8')!;
    expect(values(b8)[2]).toBe('[not found]');
    expect((sheet.getRow(b8).getCell(3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFD7D5');
    const mdr = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === 'MDR-governance')!;
    expect((sheet.getRow(mdr).getCell(3).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb).toBeUndefined();
  });
});

describe('GRI content index in the layout of GRI 1', () => {
  // A small test pack (three disclosures of two standards) and a hand-made result for it.
  const pack = { ...(parseYaml(readFileSync(fixture('report', 'gri-test-pack.yaml'), 'utf8')) as RulePack), file: 'gri-test-pack.yaml' };
  const file: FileResult = {
    path: 'report.txt', format: 'text',
    period: { start: '2024-01-01', end: '2024-12-31' }, editions: [pack.edition], items: [
      { framework: 'gri', edition: pack.edition, id: '2-1', obligation: 'mandatory', status: 'addressed',
        evidence: [{ line: 10, column: 1, page: 3, pageLabel: '2', section: 'Report › About us', text: 'Harbour Co Limited is listed …' }] },
      { framework: 'gri', edition: pack.edition, id: '2-7', obligation: 'mandatory', status: 'missing', evidence: [] },
      { framework: 'gri', edition: pack.edition, id: '305-1', obligation: 'mandatory', status: 'explained',
        evidence: [{ line: 90, column: 1, page: 12, section: 'Emissions', text: 'Scope 1 is not material as we lease offices.' }] },
      { framework: 'gri', edition: pack.edition, id: '2-3', obligation: 'mandatory', status: 'explained',
        evidence: [{ line: 5, column: 1, page: 1, section: 'About this report', text: 'Not applicable.' }] },
    ],
    facts: [], findings: [],
  };
  const index = buildContentIndex(file, pack, { organisation: 'Harbour Co' });

  it('starts with the statement of use, GRI 1 used and the sector standards, never inventing the organisation', () => {
    expect(index.preamble).toEqual([
      ['Statement of use', 'Harbour Co has reported in accordance with the GRI Standards for the period 1 January 2024 to 31 December 2024.'],
      ['GRI 1 used', 'GRI 1: Foundation 2021'],
      ['Applicable GRI Sector Standard(s)', '[to complete]'],
    ]);
    expect(buildContentIndex(file, pack).preamble[0][1]).toMatch(/^\[organisation\] has reported/);
  });

  it('has the standard / disclosure / location / omission columns, by standard, in pack order', () => {
    expect(index.columns).toEqual(['GRI Standard', 'Disclosure', 'Location', 'Omission: requirement(s) omitted', 'Omission: reason', 'Omission: explanation']);
    // The items in the pack's order, each with its standard.
    expect(index.rows.map((r) => [r.group, r.id])).toEqual([
      ['GRI 2: General Disclosures 2021', '2-1'],
      ['GRI 2: General Disclosures 2021', '2-3'],
      ['GRI 2: General Disclosures 2021', '2-7'],
      ['GRI 305: Emissions 2016', '305-1'],
    ]);
  });

  it('fills the location from the evidence (printed page), leaves missing ones visibly empty, and quotes explanations without inventing reasons', () => {
    const row = (id: string) => index.rows.find((r) => r.id === id)!.cells;
    expect(row('2-1')).toEqual(['GRI 2: General Disclosures 2021', '2-1 Organizational details', 'About us (p. 2)', '', '', '']);
    expect(row('2-7')).toEqual(['GRI 2: General Disclosures 2021', '2-7 Employees', '[not found]', '', '', '']);
    expect(row('305-1')).toEqual(['GRI 305: Emissions 2016', '305-1 Direct (Scope 1) GHG emissions', '', '[to complete]', '[to complete]',
      'The report states: “Scope 1 is not material as we lease offices.” (p. 12)']);
    // GRI 1 does not allow omission for 2-3.
    expect(row('2-3')[2]).toBe('[not found]');
    expect(row('2-3')[3]).toBe('Omission not permitted for this disclosure');
  });

  it('names each standard once in Markdown, and the statement of use above the table', () => {
    const md = indexToMarkdown(index);
    expect(md).toMatch(/^# GRI content index\n\n\*\*Statement of use:\*\* Harbour Co has reported/);
    expect(md).toContain('| GRI 2: General Disclosures 2021 | 2-1 Organizational details | About us (p. 2) |');
    expect(md).toContain('\n| | 2-7 Employees | [not found] |');
  });
});

describe('esglint index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esglint-index-'));

  it('prints the Markdown index by default, and writes CSV and XLSX to files', async () => {
    const md = await cli(['index', fixture('en', 'omissions.md'), '--no-config']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Content index\n/);
    expect(md.stdout).toMatch(/\n\| B8 \| .* \| \[not found\] \| \| \|\n/);
    const csvFile = join(dir, 'index.csv');
    expect((await cli(['index', fixture('en', 'omissions.md'), '-f', 'csv', '-o', csvFile, '--no-config'])).code).toBe(0);
    expect(readFileSync(csvFile, 'utf8').startsWith('\ufeffClause,')).toBe(true);
    const xlsx = join(dir, 'index.xlsx');
    expect((await cli(['index', fixture('zh-Hant', 'complete-2024.txt'), '-f', 'xlsx', '-o', xlsx, '--lang', 'zh-Hant', '--no-config'])).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses what it cannot do, in one line with exit 2', async () => {
    for (const [args, message] of [
      [['-f', 'xlsx'], /the xlsx format needs --output <file>/],
      [['-f', 'pdf'], /unknown index format "pdf"/],
      [['--lang', 'fr'], /unknown --lang "fr"/],
      [['--framework', 'hkex', '--framework', 'gri'], /one framework's index at a time/],
      [['-o', fixture('en', 'omissions.md')], /is the report itself; esglint never writes to its input/],
    ] as const) {
      const r = await cli(['index', fixture('en', 'omissions.md'), '--no-config', ...args]);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toMatch(message);
    }
    expect((await cli(['index', fixture('en'), '--no-config'])).stderr).toMatch(/index needs one report file/);
    expect((await cli(['index', '--no-config'])).stderr).toMatch(/index needs exactly one report file/);
  });
});

describe.skipIf(!rules.packs.some((p) => p.framework === 'gri'))('esglint index --framework gri with the built-in GRI pack', () => {
  it('lays out every disclosure the claim requires (and any other found) under its standard, after the statement of use', async () => {
    const report = fixture('gri', 'en-in-accordance.md');
    const r = await cli(['index', report, '--framework', 'gri', '--organisation', 'Example Co', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# GRI content index\n\n\*\*Statement of use:\*\* Example Co has reported in accordance with the GRI Standards for the period \d+ \w+ \d{4} to \d+ \w+ \d{4}\. {2}\n\*\*GRI 1 used:\*\* GRI 1: Foundation 2021/);
    expect(r.stdout).toContain('| GRI Standard | Disclosure | Location | Omission: requirement(s) omitted | Omission: reason | Omission: explanation |');
    const file = (await check([report], { frameworks: ['gri'] })).files[0];
    const listed = file.items.filter((i) => i.status !== 'not-required');
    // Rows are "| <standard, on a group's first row> | <id> <title> | <location> | …".
    const rows = r.stdout.split('\n').filter((l) => /^\| [^|]*\| \d+-\d+ /.test(l));
    expect(rows.map((l) => l.split(' | ')[1].split(' ')[0])).toEqual(listed.map((i) => i.id));
    expect(listed.some((i) => i.id === '2-1')).toBe(true);
    // A required disclosure the report does not address keeps its location visibly empty.
    for (const item of listed.filter((i) => i.status === 'missing')) {
      expect(r.stdout).toMatch(new RegExp(`\\| ${item.id} [^|]*\\| \\[not found\\] \\|`));
    }
  });
});
