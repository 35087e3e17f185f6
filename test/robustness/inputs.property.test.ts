/**
 * Property tests: any input — arbitrary Unicode, huge lines, deep nesting, pathological
 * tables — is read and checked without an exception, in bounded time (every case is small
 * enough that a linear pass takes milliseconds; a super-linear one would blow the test's
 * time-out), and every position points inside the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { tooDeeplyNested } from '../../src/ingest/markdown-depth.js';
import { readText } from '../../src/ingest/text.js';
import { assignRoles } from '../../src/document/roles.js';
import type { ReportDocument } from '../../src/document/types.js';
import { detectPeriod, rangesIn } from '../../src/facts/period.js';
import { parseNumber, parseRange, splitFootnoteMarker, foldDigits } from '../../src/facts/numbers.js';
import { parseUnit, parseMultiplier } from '../../src/facts/units.js';
import { compileLexicon } from '../../src/facts/lexicon.js';
import { parseContentIndexes } from '../../src/evidence/content-index.js';
import { checkDocument } from '../../src/index.js';
import { loadRules } from '../../src/rules/load.js';

const rules = loadRules();

/** Any string, including astral characters, lone surrogates, controls and form feeds. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.constantFrom('\n', '\f', '\t', '\r', ' ', '|', '#', '>', '-', '*', '`', '[', ']', '(', ')', '年', '月', '日', '２０２４', '2024', '%', ',', '.', '　', '\u0000', '\ud83d', '😀', 'Ａ'), { maxLength: 300 }).map((a) => a.join('')),
);

/** One character repeated into a line far longer than any real one. */
const hugeLine = fc
  .tuple(fc.constantFrom(' ', '　', '0', '1,', 'x', 'X', 'xx.', 'tbd ', '百', '年', '.', '-', '|', '\t', 'a ', '本年度', '2024年', 'GRI ', '見第', '['), fc.integer({ min: 20_000, max: 120_000 }), fc.string({ maxLength: 30 }))
  .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)) + tail);

/** Blockquotes, lists and emphasis nested hundreds deep. */
const deepMarkdown = fc.tuple(fc.integer({ min: 50, max: 400 }), fc.constantFrom('>', '- ', '  - ', '1. ', '*', '_', '['), fc.string({ maxLength: 20 })).map(([depth, unit, text]) =>
  unit === '  - ' ? Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${text}`).join('\n') : `${unit.repeat(depth)} ${text}`,
);

/** Tables with hundreds of columns, ragged rows, empty and escaped cells. */
const pathologicalTable = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('', '1,234.5', '不適用', '\\|', '2024', 'x', '-')).map(([cols, rows, cell]) =>
  [
    `| ${Array.from({ length: cols }, (_, i) => `20${String(i % 100).padStart(2, '0')}`).join(' | ')} |`,
    `|${'---|'.repeat(cols)}`,
    ...Array.from({ length: rows }, (_, r) => `|${` ${cell} |`.repeat((r * 7) % (cols + 3))}`),
  ].join('\n'),
);

/** PDF-text lines ending in long runs of figures (read as table rows). */
const textTable = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 40 })).map(([figures, rows]) =>
  Array.from({ length: rows }, (_, r) => `指標${r} 噸 ${Array.from({ length: figures }, (_, i) => `${i},${String(r).padStart(3, '0')}.5`).join(' ')}`).join('\n'),
);

/** Readers get text as decoding leaves it: line endings are '\n' (a lone '\r' is one too). */
const decoded = (text: string) => text.replace(/\r\n?/g, '\n');

const input = fc.oneof(anyText, hugeLine, deepMarkdown, pathologicalTable, textTable).map(decoded);

/** Every block, segment and section of a document points inside the input. */
function expectPositionsWithin(doc: ReportDocument, source: string): void {
  const lineCount = source.split('\n').length;
  expect(doc.lines.length).toBeLessThanOrEqual(lineCount);
  for (const block of doc.blocks) {
    expect(block.norm.length).toBe(block.text.length);
    expect(block.line).toBeGreaterThanOrEqual(1);
    expect(block.endLine).toBeGreaterThanOrEqual(block.line);
    expect(block.endLine).toBeLessThanOrEqual(lineCount);
    expect(block.column).toBeGreaterThanOrEqual(1);
    for (const s of block.segments) {
      expect(s.line).toBeGreaterThanOrEqual(1);
      expect(s.line).toBeLessThanOrEqual(lineCount);
      expect(s.offset).toBeLessThanOrEqual(block.text.length);
    }
    if (block.page !== undefined) expect(block.page).toBeLessThanOrEqual(Math.max(1, doc.pages.length));
  }
  for (const section of doc.sections) expect(section.line).toBeLessThanOrEqual(lineCount);
}

/** The input read as Markdown and as PDF text; Markdown nested past the limit is refused instead. */
function readBoth(source: string): ReportDocument[] {
  const docs = [readText('p.txt', source)];
  if (tooDeeplyNested(source)) expect(() => readMarkdown('p.md', source)).toThrow(/nested \d+ levels deep/);
  else docs.unshift(readMarkdown('p.md', source));
  return docs;
}

describe('ingest (property)', () => {
  it('reads any input as Markdown and as PDF text, with every position inside the input', () => {
    fc.assert(
      fc.property(input, (source) => {
        for (const doc of readBoth(source)) expectPositionsWithin(doc, source);
      }),
      { numRuns: 80 },
    );
  }, 180_000);

  it('the whole check runs on huge lines and pathological tables, findings inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(hugeLine, pathologicalTable, textTable, deepMarkdown), (source) => {
        const text = `# ESG Report 2024\n\nThis report covers 1 January 2024 to 31 December 2024.\n\n${source}\n`;
        const lineCount = text.split('\n').length;
        for (const doc of readBoth(text)) {
          const result = checkDocument(doc, rules, {});
          for (const f of result.findings) {
            expect(f.line).toBeGreaterThanOrEqual(1);
            expect(f.line).toBeLessThanOrEqual(lineCount);
          }
          for (const f of result.facts) expect(f.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});

describe('period detection (property)', () => {
  const dateLike = fc.array(
    fc.oneof(
      fc.constantFrom('報告期為', '2024年1月1日至2024年12月31日', '截至2025年3月31日止年度', 'covering 1 January 2024 to 31 December 2024', 'year ended 31 March 2025', '2024/25', '2023-04-01..2024-03-31', '20XX', '9999年99月99日', '2024年13月40日', '31 February 2024', '2024-02-30', '本年度', 'FY2024', '\f'),
      fc.integer({ min: -1, max: 99999 }).map(String),
      fc.string({ maxLength: 15 }),
    ),
    { maxLength: 30 },
  );

  it('gives a real period (valid dates, start before end) at a place inside the input, or none', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike.map((a) => a.join(' ')), dateLike.map((a) => a.join('\n')), anyText, hugeLine).map(decoded), (source) => {
        for (const doc of readBoth(source)) {
          const period = detectPeriod(doc);
          if (!period) continue;
          for (const d of [period.start, period.end]) {
            expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
          }
          expect(period.start <= period.end).toBe(true);
          if (period.line !== undefined) {
            expect(period.line).toBeGreaterThanOrEqual(1);
            expect(period.line).toBeLessThanOrEqual(source.split('\n').length);
          }
        }
        for (const r of rangesIn(source.toLowerCase())) expect(r.start <= r.end).toBe(true);
      }),
      { numRuns: 120 },
    );
  }, 180_000);
});

describe('number and unit parsing (property)', () => {
  const lex = compileLexicon(rules.metrics);
  const numberLike = fc.oneof(
    anyText,
    fc.array(fc.constantFrom('0', '1', '9', ',', '.', '-', '−', '(', ')', '%', '萬', '億', '百萬', '１', '．', ' ', 'e', '+', '~', '至'), { maxLength: 60 }).map((a) => a.join('')),
    fc.integer({ min: 400, max: 5000 }).map((n) => '9'.repeat(n)),
    fc.integer({ min: 200, max: 3000 }).map((n) => '1,'.repeat(n) + '0'),
  );

  it('never throws; a number read is finite, a unit read has a finite multiplier', () => {
    fc.assert(
      fc.property(numberLike, (text) => {
        const n = parseNumber(text);
        if (n) expect(Number.isFinite(n.value)).toBe(true);
        const r = parseRange(text);
        if (r) expect(Number.isFinite(r.low.value) && Number.isFinite(r.high.value)).toBe(true);
        expect(foldDigits(text).length).toBe(text.length);
        expect(() => splitFootnoteMarker(text, 2, () => true)).not.toThrow();
        const unit = parseUnit(lex, text);
        if (unit) expect(Number.isFinite(unit.multiplier)).toBe(true);
        const m = parseMultiplier(lex, text);
        if (m !== undefined) expect(Number.isFinite(m)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 180_000);
});

describe('content-index parsing (property)', () => {
  const indexLike = fc.array(
    fc.oneof(
      fc.constantFrom('# HKEX ESG Reporting Guide Content Index', '香港聯交所《環境、社會及管治報告指引》內容索引', '| Aspect | KPI | Section | Page |', '|---|---|---|---|', '| A1 | A1.1 | Emissions | 12 |', 'A1.1-A1.6 排放物 12-15', '層面A1', 'KPI A1.2 已刪除', 'B2.1 to B2.3 第 99 頁', '| B8 | | | |', '不適用', 'A9.9', 'A1.1 A1.2 A1.3 A1.4 A1.5 A1.6 A2.1 A2.2', '\f', '一般披露', '|||||||||'),
      fc.integer({ min: 0, max: 100000 }).map(String),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 60 },
  );
  const packs = rules.packs;
  const vocab = { deletedMarkers: rules.common.contentIndex?.deleted ?? [], notApplicableMarkers: rules.common.explanation.markers };

  it('never throws; every claim names ids and pages of the input at a line inside it', () => {
    fc.assert(
      fc.property(fc.oneof(indexLike.map((a) => a.join('\n')), anyText, pathologicalTable).map(decoded), (source) => {
        const lineCount = source.split('\n').length;
        for (const doc of readBoth(source)) {
          assignRoles(doc, { indexHeadings: rules.common.contentIndex?.headings ?? [], tocHeadings: rules.common.contentIndex?.toc ?? [] });
          for (const claim of parseContentIndexes(doc, packs, vocab)) {
            expect(claim.line).toBeGreaterThanOrEqual(1);
            expect(claim.line).toBeLessThanOrEqual(lineCount);
            for (const p of claim.pages) expect(Number.isInteger(p) && p >= 0).toBe(true);
            expect(claim.ids.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 180_000);
});
