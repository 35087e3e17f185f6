import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { loadRules } from '../../src/rules/load.js';
import { extractFacts } from '../../src/facts/index.js';
import { inconsistentChecks } from '../../src/checks/inconsistent.js';
import type { CheckContext } from '../../src/checks/context.js';

const rules = loadRules();

/** Lines that look like parts of KPI tables and highlights, shuffled into any order. */
const piece = fc.oneof(
  fc.constantFrom('指標 單位 2022 年 2023 年 2024 年', 'Indicator Unit 2023 2024', '按性別劃分', 'By gender', '男 % 52.00 48.00', '女', '% 不適用 不適用', '/ 人民幣億元', '千克 /', '19 自本年度起計入範圍三。', '溫室氣體排放總量 噸二氧化碳當量 1,092.40 805.17 1,044.3919', '廢氣排放密度', '0.42 0.46 0.39', '員工總數', '870人', '2.63 小時', '汽油消耗量較去年下降 35.07%。', 'Scope 1 emissions were 50.74 tCO2e.', '| Scope 1 | tCO2e | 1 | 2 |', '| Indicator | Unit | 2023 | 2024 |', '|---|---|---|---|', '\f', ''),
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.constantFrom('', '-', '(', '１２'), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', '%', ' 噸', ' kWh', ' 萬', '/人')).map(([a, n, u]) => `${a}${n}${u}`),
);

describe('the facts reader never fails (property)', () => {
  it('reads any jumble of table-like, highlight-like and random lines, as Markdown and as PDF text, and checks it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        for (const doc of [readMarkdown('f.md', text), readText('f.txt', text)]) {
          const facts = extractFacts(doc, rules, { start: '2024-01-01', end: '2024-12-31' });
          for (const f of facts) {
            expect(f.line).toBeGreaterThanOrEqual(1);
            expect(f.value === null || Number.isFinite(f.value)).toBe(true);
          }
          const ctx = { doc, rules, editions: [], facts } as unknown as CheckContext;
          expect(() => inconsistentChecks(ctx)).not.toThrow();
        }
      }),
      { numRuns: 150 },
    );
  });
});
