import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinedNorms } from '../../src/document/joined.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { normalize } from '../../src/util/normalize.js';
import type { ReportDocument } from '../../src/document/types.js';

function expectJoinedFolds(doc: ReportDocument): void {
  for (const b of doc.blocks) expect(b.norm).toBe(normalize(b.text));
  const joined = joinedNorms(doc);
  expect(joined.text).toBe(doc.blocks.map((b) => b.norm).join('\n'));
  doc.blocks.forEach((b, i) => expect(joined.text.slice(joined.starts[i], joined.starts[i] + b.norm.length)).toBe(b.norm));
}

describe('the folded texts, kept in the joined text', () => {
  it('read back as each block text folded (Markdown)', () => {
    expectJoinedFolds(readMarkdown('t.md', '# ＥＳＧ 報告\n\nText with CAPITALS and 溫室氣體 “quotes”.\n\nplain lower case text here\n\n| a | 2023 |\n|---|---|\n| Ｘ | 1 |\n'));
  });

  it('read back as each block text folded (text)', () => {
    expectJoinedFolds(readText('t.txt', readFileSync('test/fixtures/facts/zh-Hant-planted.txt', 'utf8')));
  });
});
