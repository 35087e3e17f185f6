import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { esglint, fixture, root } from '../helpers/run.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateBaseline = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'baseline.schema.json'), 'utf8')));
const validateResult = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'result.schema.json'), 'utf8')));

// The draft with B8 deleted and A2.4 a bare "N/A", without its suppression comments.
const draft = readFileSync(fixture('report', 'draft-with-suppressions.md'), 'utf8').split('\n').filter((l) => !/^<!-- esglint-/.test(l)).join('\n');

interface Json {
  files: { findings: { ruleId: string; item?: string; line: number }[]; suppressed: { kind: string; finding: { item?: string } }[] }[];
  baseline?: { path: string; matched: number; unmatched: number };
}

describe('baseline: --update-baseline, then --baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'esglint-baseline-'));
  const report = join(dir, 'report.md');
  const baseline = join(dir, 'esglint-baseline.json');
  const checkJson = (args: string[], cwd = dir) => {
    const r = esglint(['check', ...args, '--framework', 'hkex', '--no-config', '-f', 'json'], { cwd });
    return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as Json) : undefined };
  };

  writeFileSync(report, draft);
  const before = checkJson(['report.md']);
  const known = before.json!.files[0].findings;

  it('the draft fails without a baseline', () => {
    expect(before.code).toBe(1);
    expect(known.some((f) => f.item === 'B8')).toBe(true);
  });

  it('--update-baseline writes every current finding, keyed by file, rule, clause and fingerprint, and exits 0', () => {
    const r = checkJson(['report.md', '--update-baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`esglint: wrote ${known.length} accepted finding(s) to esglint-baseline.json\n`);
    const data = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(validateBaseline(data), JSON.stringify(validateBaseline.errors)).toBe(true);
    expect(data.findings.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(known.length);
    expect(data.findings.find((e: { item?: string }) => e.item === 'B8')).toMatchObject({ path: 'report.md', ruleId: 'missing/item-missing', count: 1 });
    expect(r.json!.files[0].findings).toEqual([]);
    expect(validateResult(r.json), JSON.stringify(validateResult.errors)).toBe(true);
  });

  it('--baseline accepts the known findings: exit 0, each one listed as accepted by the baseline', () => {
    const r = checkJson(['report.md', '--baseline', 'esglint-baseline.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.json!.files[0].findings).toEqual([]);
    expect(r.json!.files[0].suppressed).toHaveLength(known.length);
    expect(r.json!.files[0].suppressed.every((s) => s.kind === 'baseline')).toBe(true);
    expect(r.json!.baseline).toEqual({ path: 'esglint-baseline.json', matched: known.length, unmatched: 0 });
  });

  it('still matches after edits elsewhere move every line', () => {
    const lines = draft.split('\n');
    const title = lines.findIndex((l) => l.startsWith('# '));
    const edited = [...lines.slice(0, title + 1), '', 'A new introduction paragraph.', '', 'And another one, so every finding moves down four lines.', ...lines.slice(title + 1)]
      .join('\n')
      .replace('freight forwarding', 'freight forwarding, customs brokerage');
    writeFileSync(report, edited);
    const moved = checkJson(['report.md']).json!.files[0].findings;
    // The same findings, four lines further down where they have a place in the text.
    const a24 = (fs: typeof known) => fs.find((f) => f.item === 'A2.4')!.line;
    expect(a24(moved)).toBe(a24(known) + 4);
    const r = checkJson(['report.md', '--baseline', 'esglint-baseline.json']);
    expect(r.code).toBe(0);
    expect(r.json!.baseline).toMatchObject({ matched: known.length, unmatched: 0 });
  });

  it('a new finding fails as usual, and an edited line is a new finding; the entries left over are reported', () => {
    const lines = draft.split('\n');
    const start = lines.findIndex((l) => l.startsWith('## Aspect B7'));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    const worse = [...lines.slice(0, start), ...lines.slice(end)].join('\n').replace('**KPI A2.4 Water sourcing and water efficiency targets.** N/A.', '**KPI A2.4 Water sourcing and water targets.** N/A.');
    writeFileSync(report, worse);
    const r = checkJson(['report.md', '--baseline', 'esglint-baseline.json']);
    expect(r.code).toBe(1);
    const left = r.json!.files[0].findings.map((f) => f.item);
    expect(left).toEqual(expect.arrayContaining(['B7', 'A2.4']));
    expect(left).not.toContain('B8');
    expect(r.json!.baseline!.unmatched).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^esglint: \d+ baseline entr(y matches|ies match) no finding any more; run with --update-baseline to prune\n$/);
  });

  it('matches from another directory: paths are relative to the baseline file', () => {
    writeFileSync(report, draft);
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    const r = checkJson(['../report.md', '--baseline', '../esglint-baseline.json'], sub);
    expect(r.code).toBe(0);
    expect(r.json!.baseline).toMatchObject({ matched: known.length, unmatched: 0 });
  });

  it('a missing or broken baseline is one clear line and exit 2', () => {
    const missing = esglint(['check', 'report.md', '--baseline', 'nope.json', '--no-config'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('esglint: nope.json: cannot read the baseline (ENOENT); create it with --update-baseline\n');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, findings: [{ path: 'report.md', ruleId: 'x' }] }));
    const bad = esglint(['check', 'report.md', '--baseline', 'bad.json', '--no-config'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^esglint: bad\.json: invalid baseline: \/findings\/0 \(line 1\): missing required property "fingerprint"/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
