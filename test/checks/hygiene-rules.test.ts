import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesDir, loadRules } from '../../src/rules/load.js';
import { esglint, fixture } from '../helpers/run.js';

function rulesCopy(edit?: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'esglint-hygiene-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  const file = join(dir, 'hygiene.yaml');
  if (edit) writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('rules/hygiene.yaml', () => {
  it('loads, with Traditional Chinese in a regular expression folded to Simplified like the text', () => {
    expect(loadRules().hygiene.superseded.map((s) => s.id)).toContain('appendix-27');
    const dir = rulesCopy((y) => y.replace("regex: ['\\?{3,}']", "regex: ['\\?{3,}', '報告待補']"));
    try {
      const rule = loadRules(dir).hygiene.placeholders.find((p) => p.id === 'question-marks')!;
      expect(rule.regex.map((r) => r.source)).toEqual(['\\?{3,}', '报告待补']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an invalid regular expression is one clear error naming the file and the place', () => {
    const dir = rulesCopy((y) => y.replace("regex: ['\\{\\{[^{}\\n]{0,80}\\}\\}']", "regex: ['\\{\\{[^{}']"));
    try {
      expect(() => loadRules(dir)).toThrow(/hygiene\.yaml: invalid hygiene rules: \/placeholders\/\d+\/regex\/0: invalid regular expression/);
      const r = esglint(['check', fixture('en', 'complete-2024.md'), '--rules', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a schema violation names the pointer and line', () => {
    const dir = rulesCopy((y) => y.replace('  - id: tbd\n    label: TBD / TBC\n', '  - id: tbd\n    label: TBD / TBC\n    kind: typo\n'));
    try {
      expect(() => loadRules(dir)).toThrow(/invalid hygiene rules: \/placeholders\/0\/kind \(line \d+\): must be equal to one of the allowed values/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an expression without the named group the check reads is rejected', () => {
    const dir = rulesCopy((y) => y.replace("(?<page>\\d{1,4})(?!\\d|\\.\\d)'", "(\\d{1,4})(?!\\d|\\.\\d)'"));
    try {
      expect(() => loadRules(dir)).toThrow(/\/references\/page\/0: the expression needs a named group "page"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a rules directory without hygiene.yaml uses the built-in one', () => {
    const dir = rulesCopy();
    rmSync(join(dir, 'hygiene.yaml'));
    try {
      expect(loadRules(dir).hygiene.placeholders.length).toBe(loadRules().hygiene.placeholders.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
