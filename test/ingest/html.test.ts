import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/ingest/html.js';
import { positionInBlock } from '../../src/document/build.js';
import { checkDocument } from '../../src/index.js';
import { loadRules } from '../../src/rules/load.js';
import { fixture } from '../helpers/run.js';

const path = fixture('ingest', 'en-web.html');
const source = readFileSync(path, 'utf8');
const doc = readHtml(path, source);
const lines = source.split('\n');

describe('HTML reader', () => {
  it('reads headings with their levels, and nothing from navigation, header, footer, scripts or styles', () => {
    expect(doc.source).toBe('html');
    expect(doc.sections.slice(1).map((s) => [s.title, s.level])).toEqual([
      ['Harbourview Holdings – ESG Report 2024', 1],
      ['Aspect A1: Emissions', 2],
      ['Waste', 3],
      ['社會', 2],
    ]);
    const all = doc.blocks.map((b) => b.text).join('\n');
    for (const outside of ['Investor relations', 'Privacy', 'analytics', 'color: green', 'Hidden text']) expect(all).not.toContain(outside);
  });

  it('collapses whitespace and keeps each text node\'s place in the source', () => {
    const para = doc.blocks.find((b) => b.text.startsWith('This report covers'))!;
    expect(para.text).toBe('This report covers the period from 1 January 2024 to 31 December 2024.');
    const at = positionInBlock(para, para.text.indexOf('31 December'));
    expect(lines[at.line - 1].slice(at.column - 1)).toMatch(/^31 December 2024/);
  });

  it('keeps tables as rows and cells, lists as items, and loose text as a paragraph', () => {
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows!.map((r) => r.cells)).toEqual([
      ['Indicator', 'Unit', '2023', '2024'],
      ['Scope 1 GHG emissions', 'tCO2e', '1,310', '1,204'],
      ['Scope 2 GHG emissions', 'tCO2e', '2,020', '1,985'],
    ]);
    expect(lines[table.rows![1].line - 1]).toContain('<td>Scope 1 GHG emissions</td>');
    expect(doc.blocks.find((b) => b.kind === 'list')!.items).toEqual(['Cartons are recycled.', 'Oil is collected by a licensed collector.']);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === 'Loose text in a div is a paragraph too.')).toBe(true);
    expect(doc.blocks.find((b) => b.text.startsWith('本集團'))!.text).toBe('本集團共有320名僱員。');
  });

  it('reads <ins>/<del> as tracked changes (the text as accepted) and comments for suppressions', () => {
    const para = doc.blocks.find((b) => b.text.startsWith('Our fleet emitted'))!;
    expect(para.text).toBe('Our fleet emitted 1,204 tCO2e of Scope 1 emissions. We reduced idling.');
    const delLine = lines.findIndex((l) => l.includes('<del')) + 1;
    expect(doc.revisions!.map((r) => [r.kind, r.text, r.line, r.date])).toEqual([
      ['deletion', 'halved', delLine, '2025-02-01'],
      ['insertion', 'reduced', delLine, '2025-02-01'],
    ]);
    expect(doc.comments).toEqual([{ text: 'esglint-disable-next-line A1.5 -- targets are set in the 2025 strategy', line: lines.findIndex((l) => l.includes('esglint-disable')) + 1 }]);
  });

  it('gives tracked changes as draft findings, at their place in the source', () => {
    const result = checkDocument(readHtml(path, source), loadRules(), { frameworks: ['hkex'] });
    const changes = result.findings.filter((f) => f.ruleId === 'draft/tracked-change');
    const delLine = lines.findIndex((l) => l.includes('<del')) + 1;
    expect(changes.map((f) => [f.line, f.column])).toEqual([
      [delLine, lines[delLine - 1].indexOf('<del') + 1],
      [delLine, lines[delLine - 1].indexOf('<ins') + 1],
    ]);
  });
});

describe('HTML: esglint\'s own output', () => {
  it('is refused as input with a message, so a gap report written beside the drafts is not linted', () => {
    const page = '<!DOCTYPE html><html><head><meta charset="utf-8">\n<meta name="generator" content="esglint 0.1.0"></head><body><h1>esglint</h1></body></html>';
    expect(() => readHtml('gaps.html', page)).toThrow('gaps.html: this is an esglint output file (the HTML gap report), not a report to check');
  });
});
