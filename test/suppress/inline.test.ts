import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type Finding, type Result } from '../../src/index.js';
import { parseDirectives } from '../../src/suppress/directives.js';
import { fixture } from '../helpers/run.js';

const source = readFileSync(fixture('report', 'draft-with-suppressions.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'esglint-suppress-'));
let n = 0;

/** Checks a variant of the fixture (HKEX only, no config). */
async function run(text: string, rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>): Promise<Result> {
  const file = join(dir, `variant-${n++}.md`);
  writeFileSync(file, text);
  return check([file], { frameworks: ['hkex'], rules });
}

const withoutDirectives = source.split('\n').filter((l) => !/^<!-- esglint-/.test(l)).join('\n');
const lineOf = (text: string, start: string) => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;
const key = (f: Finding) => `${f.ruleId} ${f.item ?? ''} ${f.message}`;

describe('parseDirectives', () => {
  it('reads kind, targets, reason and lines; flags misspelt directives; ignores other comments', () => {
    const lines = ['<!-- esglint-disable-next-line B6.1, missing/item-partial -- sold no products -->', '', '<!-- esglint-disable', 'A1 -->', '<!-- esglint-enable -->'];
    const { directives, malformed } = parseDirectives([
      { text: 'esglint-disable-next-line B6.1, missing/item-partial -- sold no products', line: 1 },
      { text: 'fixture: not a directive', line: 2 },
      { text: 'esglint-disable\nA1', line: 3 },
      { text: 'esglint-enable', line: 5 },
      { text: 'esglint-disable-nextline B6.1 -- typo', line: 6 },
    ], lines);
    expect(directives).toEqual([
      { kind: 'disable-next-line', targets: ['B6.1', 'missing/item-partial'], reason: 'sold no products', line: 1, endLine: 1 },
      { kind: 'disable', targets: ['A1'], reason: '', line: 3, endLine: 4 },
      { kind: 'enable', targets: [], reason: '', line: 5, endLine: 5 },
    ]);
    expect(malformed).toEqual([{ text: 'esglint-disable-nextline', line: 6 }]);
  });
});

describe('inline suppressions in a Markdown draft', async () => {
  const base = await run(withoutDirectives);
  const suppressed = await run(source);
  const baseFile = base.files[0];
  const file = suppressed.files[0];

  it('the draft without its comments has the defects the fixture was built with', () => {
    const ids = baseFile.findings.map((f) => `${f.ruleId} ${f.item}`);
    expect(ids).toEqual(expect.arrayContaining(['missing/item-missing B8', 'missing/item-missing B8.1', 'missing/item-missing B8.2']));
    // A2.4's bare "N/A" gives a finding on its line.
    expect(baseFile.findings.some((f) => f.item === 'A2.4' && f.line === lineOf(withoutDirectives, '**KPI A2.4'))).toBe(true);
  });

  it('a disable before the first paragraph covers the whole file, including clauses missing altogether; only the targets named', () => {
    const accepted = file.suppressed!.map((s) => [s.finding.item, s.kind, s.line, s.reason]);
    expect(accepted).toContainEqual(['B8', 'inline', 5, 'community investment is reported in the Annual Report 2024, section 7']);
    expect(accepted).toContainEqual(['B8.1', 'inline', 5, 'community investment is reported in the Annual Report 2024, section 7']);
    expect(file.findings.some((f) => f.item === 'B8.2' && f.ruleId === 'missing/item-missing')).toBe(true);
    expect(file.findings.some((f) => f.item === 'B8' || f.item === 'B8.1')).toBe(false);
  });

  it('disable-next-line covers the next line, and reasons are kept', () => {
    const a24 = file.suppressed!.filter((s) => s.finding.item === 'A2.4');
    expect(a24.length).toBeGreaterThan(0);
    expect(a24.every((s) => s.line === 91 && s.finding.line === 92 && s.reason!.startsWith('all water is bought'))).toBe(true);
  });

  it('reports the unused suppression, the one without a reason and the misspelt one — and nothing else changes', () => {
    const own = file.findings.filter((f) => f.category === 'draft' && /suppression/.test(f.ruleId)).map((f) => [f.ruleId, f.severity, f.line]);
    expect(own).toEqual([
      ['draft/unused-suppression', 'warning', 200],
      ['draft/suppression-without-reason', 'error', 212],
      ['draft/unused-suppression', 'warning', 212],
      ['draft/malformed-suppression', 'warning', 214],
    ]);
    const rest = file.findings.filter((f) => !/suppression/.test(f.ruleId)).map(key).sort();
    const expected = baseFile.findings.filter((f) => !['B8', 'B8.1', 'A2.4'].includes(f.item ?? '')).map(key).sort();
    expect(rest).toEqual(expected);
    expect(suppressed.summary.suppressed).toBe(file.suppressed!.length);
    expect(suppressed.summary.errors).toBe(file.findings.filter((f) => f.severity === 'error').length);
  });

  it('esglint-disable … esglint-enable covers the lines between, and only them', async () => {
    const a24 = '**KPI A2.4 Water sourcing';
    const plain = withoutDirectives.split('\n');
    const at = plain.findIndex((l) => l.startsWith(a24));
    const around = [...plain.slice(0, at), '<!-- esglint-disable A2.4 -- reason -->', '', plain[at], '', '<!-- esglint-enable -->', ...plain.slice(at + 1)].join('\n');
    const inRange = (await run(around)).files[0];
    expect(inRange.findings.some((f) => f.item === 'A2.4')).toBe(false);
    expect(inRange.suppressed!.some((s) => s.finding.item === 'A2.4' && s.reason === 'reason')).toBe(true);
    const closedBefore = [...plain.slice(0, at), '<!-- esglint-disable A2.4 -- reason -->', '', '<!-- esglint-enable A2.4 -->', '', ...plain.slice(at)].join('\n');
    const outside = (await run(closedBefore)).files[0];
    expect(outside.findings.some((f) => f.item === 'A2.4' && f.ruleId !== 'draft/unused-suppression')).toBe(true);
    expect(outside.findings.some((f) => f.ruleId === 'draft/unused-suppression' && f.line === at + 1)).toBe(true);
  });

  it('a disable after the first paragraph does not reach findings about the whole file', async () => {
    const plain = withoutDirectives.split('\n');
    const at = plain.findIndex((l) => l.startsWith('## Aspect B7'));
    const late = [...plain.slice(0, at), '<!-- esglint-disable B8 -- reason -->', '', ...plain.slice(at)].join('\n');
    const f = (await run(late)).files[0];
    expect(f.findings.some((x) => x.item === 'B8' && x.ruleId === 'missing/item-missing')).toBe(true);
    expect(f.findings.some((x) => x.ruleId === 'draft/unused-suppression' && x.line === at + 1)).toBe(true);
  });

  it('the findings about suppressions obey severity overrides from the config', async () => {
    const r = await run(source, { 'draft/unused-suppression': 'off', 'draft/suppression-without-reason': 'warning' });
    const own = r.files[0].findings.filter((f) => /suppression/.test(f.ruleId)).map((f) => [f.ruleId, f.severity]);
    expect(own).toEqual([['draft/suppression-without-reason', 'warning'], ['draft/malformed-suppression', 'warning']]);
  });
});
