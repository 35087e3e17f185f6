import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { format } from '../../src/report/index.js';
import { esglint, fixture, root } from '../helpers/run.js';
import { checkOne, findingAt, HYGIENE_RULES, places } from './mine.js';

const yoyRules = new Set(['stale/carried-over', 'stale/copied-column', 'stale/unchanged-figure', 'inconsistent/prior-year-changed', 'inconsistent/restatement-without-reason', 'missing/dropped-since-last-year']);

describe('year over year: English Markdown pair (yoy/en)', () => {
  const previous = fixture('yoy', 'en', 'esg-2023.md');

  it('the draft: carried-over text, a changed prior-year figure, a restatement without reason, a copied column, a dropped aspect', async () => {
    const f = await checkOne(fixture('yoy', 'en', 'esg-2024-draft.md'), { previous });
    expect(f.previous).toEqual({ path: previous, period: { start: '2023-01-01', end: '2023-12-31', source: 'range' } });
    expect(places(f, (id) => yoyRules.has(id))).toEqual([
      'missing/dropped-since-last-year@1:1',
      'missing/dropped-since-last-year@1:1',
      'missing/dropped-since-last-year@1:1',
      'stale/carried-over@9:1',
      'stale/carried-over@13:1',
      'stale/carried-over@17:1',
      'inconsistent/prior-year-changed@25:1',
      'stale/carried-over@33:1',
      'inconsistent/restatement-without-reason@40:1',
      'stale/carried-over@44:1',
      'stale/unchanged-figure@48:1',
      'stale/copied-column@57:1',
    ]);
    // Word for word, and with only the year and a count changed ("met 3 times in 2023" → "met 4 times in 2024").
    expect(findingAt(f, 'stale/carried-over', 9).message).toMatch(/"About this report › Reporting boundary".*word for word at line 9/);
    expect(findingAt(f, 'stale/carried-over', 13).message).toContain('only years or figures changed at line 13');
    expect(findingAt(f, 'stale/carried-over', 9).related).toEqual([{ line: 9, column: 1, path: previous }]);
    // Scope 1 for 2023 was 2,140 in last year's report; Scope 2 (restated, with a reason) and
    // hazardous waste (restated, without one) are not reported as changed figures.
    const changed = findingAt(f, 'inconsistent/prior-year-changed', 25);
    expect(changed.message).toContain('2023: 2,190 here, 2,140 last year');
    expect(changed.related).toEqual([{ line: 23, column: 1, path: previous }]);
    expect(findingAt(f, 'inconsistent/restatement-without-reason', 40).message).toContain('hazardous waste');
    const copied = findingAt(f, 'stale/copied-column', 57);
    expect(copied.message).toContain('The 2024 column repeats the 2023 column cell for cell (3 figures');
    expect(copied.related?.map((r) => r.line)).toEqual([57, 58, 59]);
    const dropped = f.findings.filter((x) => x.ruleId === 'missing/dropped-since-last-year');
    expect(dropped.map((x) => x.item)).toEqual(['B8', 'B8.1', 'B8.2']);
    expect(dropped[0].message).toContain('line 58');
    expect(dropped[0].related).toEqual([{ line: 58, column: 1, path: previous }]);
  });

  it('the clean newer report yields none of them', async () => {
    const f = await checkOne(fixture('yoy', 'en', 'esg-2024.md'), { previous });
    expect(places(f)).toEqual([]);
  });
});

describe('year over year: Traditional Chinese PDF-text pair (yoy/zh-Hant)', () => {
  const previous = fixture('yoy', 'zh-Hant', 'esg-2023.txt');

  it('the draft', async () => {
    const f = await checkOne(fixture('yoy', 'zh-Hant', 'esg-2024-draft.txt'), { previous });
    expect(places(f, (id) => yoyRules.has(id))).toEqual([
      'missing/dropped-since-last-year@1:1',
      'missing/dropped-since-last-year@1:1',
      'stale/carried-over@21:1',
      'stale/carried-over@30:1',
      'stale/carried-over@42:1',
      'missing/dropped-since-last-year@70:3',
      'inconsistent/prior-year-changed@74:1',
      'stale/unchanged-figure@77:1',
      'inconsistent/restatement-without-reason@84:1',
      'stale/copied-column@91:1',
    ]);
    expect(findingAt(f, 'stale/carried-over', 30).message).toMatch(/2 paragraphs in "環境 › 排放物".*word for word at line 30; with only years or figures changed at line 34/);
    const changed = findingAt(f, 'inconsistent/prior-year-changed', 74);
    expect(changed.page).toBe(4);
    expect(changed.message).toContain('2023: 771.80 here, 765.30 last year');
    expect(changed.related).toEqual([{ line: 72, column: 1, page: 4, path: previous }]);
    expect(findingAt(f, 'inconsistent/restatement-without-reason', 84).message).toContain('有害廢棄物');
    expect(findingAt(f, 'stale/copied-column', 91).related?.map((r) => r.line)).toEqual([91, 92, 93, 94]);
    const dropped = f.findings.filter((x) => x.ruleId === 'missing/dropped-since-last-year').map((x) => x.item);
    expect(dropped).toEqual(['B8', 'B8.1', 'B8.2']);
  });

  it('the clean newer report yields none of them', async () => {
    const f = await checkOne(fixture('yoy', 'zh-Hant', 'esg-2024.txt'), { previous });
    expect(places(f)).toEqual([]);
  });
});

describe('year over year: the option', () => {
  it('a report is not compared with itself', async () => {
    const file = fixture('yoy', 'en', 'esg-2023.md');
    const f = await checkOne(file, { previous: file });
    expect(f.previous).toBeUndefined();
    expect(places(f, (id) => yoyRules.has(id) && id !== 'inconsistent/restatement-without-reason')).toEqual([]);
  });

  it('the JSON result, with the previous report and related places in it, is valid', async () => {
    const result = await check([fixture('yoy', 'en', 'esg-2024-draft.md')], { previous: fixture('yoy', 'en', 'esg-2023.md') });
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(`${root}/schemas/result.schema.json`, 'utf8')));
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    // In SARIF, a related place in last year's report points at that file.
    const sarif = JSON.parse(format('sarif', result, { color: false }));
    const changed = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'inconsistent/prior-year-changed');
    expect(changed.relatedLocations[0].physicalLocation.artifactLocation.uri).toMatch(/esg-2023\.md$/);
    expect(changed.relatedLocations[0].physicalLocation.region.startLine).toBe(23);
  });

  it('CLI: --previous reads last year\'s report; one that cannot be read is exit 2 with one line', () => {
    const ok = esglint(['check', 'test/fixtures/yoy/en/esg-2024-draft.md', '--previous', 'test/fixtures/yoy/en/esg-2023.md', '--format', 'json', '--framework', 'hkex']);
    expect(ok.code).toBe(1);
    const file = JSON.parse(ok.stdout).files[0];
    expect(file.previous.path).toBe('test/fixtures/yoy/en/esg-2023.md');
    expect(file.findings.some((x: { ruleId: string }) => x.ruleId === 'inconsistent/prior-year-changed')).toBe(true);
    const missing = esglint(['check', 'test/fixtures/yoy/en/esg-2024-draft.md', '--previous', 'no/such/report.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(["esglint: last year's report (--previous) no/such/report.md: no such file"]);
    expect(missing.stdout).toBe('');
  });

  it('every finding of these checks belongs to a documented rule', async () => {
    const f = await checkOne(fixture('yoy', 'en', 'esg-2024-draft.md'), { previous: fixture('yoy', 'en', 'esg-2023.md') });
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    for (const id of HYGIENE_RULES) expect(readme, id).toContain(`\`${id}\``);
    expect(f.findings.filter((x) => HYGIENE_RULES.has(x.ruleId)).length).toBeGreaterThan(20);
  });
});
