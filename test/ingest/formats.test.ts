import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fixture, root } from '../helpers/run.js';
import { markdownToDocx, markdownToHtml, markdownToPdf } from './render.js';

/**
 * One report, four formats: the Markdown fixture rendered to DOCX, PDF (two columns, running
 * header, navigation bar) and HTML must come out with the same status for every item.
 */
const dir = mkdtempSync(join(tmpdir(), 'esglint-formats-'));

async function statuses(path: string, frameworks?: ('hkex' | 'gri')[]): Promise<FileResult> {
  const result = await check([path], frameworks ? { frameworks } : {});
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schemas', 'result.schema.json'), 'utf8')));

const byId = (f: FileResult) => Object.fromEntries(f.items.map((i) => [`${i.framework} ${i.id}`, i.status]));

describe('the same report as Markdown, DOCX, PDF and HTML', () => {
  const markdown = readFileSync(fixture('en', 'complete-2024.md'), 'utf8');
  let md: FileResult;
  beforeAll(async () => {
    writeFileSync(join(dir, 'report.docx'), await markdownToDocx(markdown, { breakBeforeDepth: 2 }));
    writeFileSync(join(dir, 'report.pdf'), await markdownToPdf(markdown, { header: 'Tidemark Logistics ESG Report 2024', nav: 'About  Environment  Social  Governance', columns: 2 }));
    writeFileSync(join(dir, 'report.html'), markdownToHtml(markdown));
    md = await statuses(fixture('en', 'complete-2024.md'));
  }, 60000);

  it('the Markdown fixture is complete (the baseline the others are held to)', () => {
    const hkex = md.items.filter((i) => i.framework === 'hkex');
    expect(hkex.filter((i) => i.status === 'missing')).toEqual([]);
    expect(hkex.length).toBeGreaterThan(40);
  });

  for (const [format, file] of [['docx', 'report.docx'], ['pdf', 'report.pdf'], ['html', 'report.html']] as const) {
    it(`${format}: every HKEX and GRI item has the Markdown status`, async () => {
      const result = await check([join(dir, file)]);
      expect(validate(JSON.parse(JSON.stringify(result))), JSON.stringify(validate.errors)).toBe(true);
      const other = result.files[0];
      expect(other.error).toBeUndefined();
      expect(other.format).toBe(format);
      expect(other.lineUnit).toBe(format === 'docx' ? 'paragraph' : undefined);
      expect(byId(other)).toEqual(byId(md));
    }, 60000);
  }

  it('zh-Hant: the PDF gives every HKEX item the Markdown status', async () => {
    const zh = readFileSync(fixture('zh-Hant', 'complete-2024.md'), 'utf8');
    writeFileSync(join(dir, 'zh.pdf'), await markdownToPdf(zh, { header: '澄峰零售 2024年環境、社會及管治報告', nav: '環境 社會 管治', columns: 2 }));
    writeFileSync(join(dir, 'zh.docx'), await markdownToDocx(zh));
    const base = byId(await statuses(fixture('zh-Hant', 'complete-2024.md'), ['hkex']));
    expect(byId(await statuses(join(dir, 'zh.pdf'), ['hkex']))).toEqual(base);
    expect(byId(await statuses(join(dir, 'zh.docx'), ['hkex']))).toEqual(base);
  }, 60000);
});
