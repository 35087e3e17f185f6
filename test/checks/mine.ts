import { expect } from 'vitest';
import { check, type FileResult, type Finding } from '../../src/index.js';

/** The rules of the stale, draft and year-over-year checks (src/checks/stale*.ts, draft.ts, yoy.ts). */
export const HYGIENE_RULES = new Set([
  'stale/period-mismatch', 'stale/title-year', 'stale/period-sentence', 'stale/superseded-reference',
  'stale/deleted-clause', 'stale/clause-not-yet-in-force', 'stale/current-year-missing', 'stale/copied-column',
  'stale/unchanged-figure', 'stale/no-comparatives', 'stale/years-missing', 'stale/carried-over',
  'draft/placeholder', 'draft/editing-debris', 'draft/empty-section', 'draft/duplicate-heading', 'draft/broken-reference',
  'inconsistent/prior-year-changed', 'inconsistent/restatement-without-reason', 'missing/dropped-since-last-year',
]);

export async function checkOne(file: string, options: Parameters<typeof check>[1] = {}): Promise<FileResult> {
  const result = await check([file], { frameworks: ['hkex'], ...options });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

/** This family's findings as "ruleId@line:column", sorted by place. */
export function places(f: FileResult, rules: (id: string) => boolean = (id) => HYGIENE_RULES.has(id)): string[] {
  return f.findings.filter((x) => rules(x.ruleId)).map((x) => `${x.ruleId}@${x.line}:${x.column}`);
}

export function findingAt(f: FileResult, ruleId: string, line: number): Finding {
  const found = f.findings.find((x) => x.ruleId === ruleId && x.line === line);
  expect(found, `${ruleId} at line ${line}`).toBeDefined();
  return found!;
}
