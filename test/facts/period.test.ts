import { describe, expect, it } from 'vitest';
import { detectPeriod, parsePeriodOption } from '../../src/facts/period.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';

function periodOf(text: string, format: 'md' | 'txt' = 'md') {
  const doc = format === 'md' ? readMarkdown('r.md', text) : readText('r.txt', text);
  const p = detectPeriod(doc);
  return p && { start: p.start, end: p.end, basis: p.basis, line: p.line };
}

describe('reporting period detection', () => {
  it.each([
    ['This report covers the period from 1 January 2024 to 31 December 2024.', '2024-01-01', '2024-12-31', 'range'],
    ['The reporting period is 1 April 2024 – 31 March 2025.', '2024-04-01', '2025-03-31', 'range'],
    ['Reporting period: January 1, 2023 through December 31, 2023.', '2023-01-01', '2023-12-31', 'range'],
    ['報告期為 2024 年 1 月 1 日至 2024 年 12 月 31 日（「報告期」）。', '2024-01-01', '2024-12-31', 'range'],
    ['本报告时间范围为2024年1月1日至2024年12月31日。', '2024-01-01', '2024-12-31', 'range'],
    ['本報告涵蓋２０２４年４月１日至２０２５年３月３１日。', '2024-04-01', '2025-03-31', 'range'],
    ['Period: 2024-07-01 to 2025-06-30.', '2024-07-01', '2025-06-30', 'range'],
    ['This report covers the year ended 31 March 2025.', '2024-04-01', '2025-03-31', 'year-end'],
    ['本報告涵蓋截至2024年6月30日止年度。', '2023-07-01', '2024-06-30', 'year-end'],
    ['Our performance in the 2024/25 financial year improved.', '2024-04-01', '2025-03-31', 'split-year'],
  ])('%s', (sentence, start, end, basis) => {
    expect(periodOf(`# Report\n\n${sentence}\n`)).toEqual({ start, end, basis, line: 3 });
  });

  it('falls back to the year in the title', () => {
    expect(periodOf('# Harbour Group 2024 ESG Report\n\nWe grew.\n')).toMatchObject({ start: '2024-01-01', end: '2024-12-31', basis: 'title-year' });
    expect(periodOf('# 2023年度環境、社會及管治報告\n\n內容。\n')).toMatchObject({ start: '2023-01-01', basis: 'title-year' });
  });

  it('prefers a stated range to a title year, and a range in context to a stray one', () => {
    const text = '# 2024 ESG Report\n\nA project ran from 1 March 2023 to 30 June 2023.\n\nThe reporting period covers 1 January 2024 to 31 December 2024.\n';
    expect(periodOf(text)).toMatchObject({ start: '2024-01-01', end: '2024-12-31', basis: 'range', line: 5 });
  });

  it('reads a range broken across wrapped PDF lines', () => {
    const text = 'About this report\n\n本報告爲年度報告，涵蓋的時間範圍爲 2024 年 1 月 1 日至 2024 年\n12 月 31 日（以下簡稱「報告期」）。\n';
    expect(periodOf(text, 'txt')).toMatchObject({ start: '2024-01-01', end: '2024-12-31', line: 3 });
  });

  it('returns nothing rather than guessing from unrelated dates', () => {
    expect(periodOf('# Notes\n\nFounded on 3 May 1998. Call 2024 1234.\n')).toBeUndefined();
    expect(periodOf('# Notes\n\nFrom 31 December 2024 to 1 January 2024.\n')).toBeUndefined();
  });

  it('parses --period values', () => {
    expect(parsePeriodOption('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(parsePeriodOption('2024-04-01..2025-03-31')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(parsePeriodOption('2024-02-30..2025-03-31')).toBeUndefined();
    expect(parsePeriodOption('24')).toBeUndefined();
  });
});
