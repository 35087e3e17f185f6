import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtrackingProblem } from '../../src/rules/regex-safety.js';
import { defaultRulesDir, loadRules, parseRuleFiles } from '../../src/rules/load.js';
import { compileHygiene } from '../../src/rules/hygiene.js';
import { esglint, fixture } from '../helpers/run.js';

function rulesCopy(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'esglint-regex-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  const file = join(dir, 'hygiene.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('regular expressions in rule files are checked for super-linear backtracking', () => {
  it('nested quantifiers are catastrophic', () => {
    expect(backtrackingProblem(/(a+)+$/)).toMatch(/^exponential \(catastrophic\) backtracking: a\+ repeats inside \(a\+\)\+/);
    expect(backtrackingProblem(/(?:\w+\s?)*$/)).toMatch(/^exponential/);
  });

  it('two repeats that can trade the same characters, or a repeat retried from every start, are polynomial', () => {
    expect(backtrackingProblem(/gri\s*101\s*:?\s*foundation/)).toMatch(/^polynomial backtracking: \\s\* and \\s\* can trade/);
    expect(backtrackingProblem(/(?<=(?:^|[.;])\s*)in\s+\d{4}/m)).toMatch(/^polynomial backtracking: \\s\* at a place where matching may start/);
  });

  it('the same patterns written without ambiguity pass, with lookbehind and named groups', () => {
    expect(backtrackingProblem(/gri\s*101\s*(?::\s*)?foundation/)).toBeUndefined();
    expect(backtrackingProblem(/(?:^|(?<=[.;]))[^\S\n\r\u2028\u2029]*in\s+(?<year>\d{4})/dgim)).toBeUndefined();
    expect(backtrackingProblem(/(?<![a-z0-9])(?:tbd|tbc)(?![a-z0-9])/gi)).toBeUndefined();
  });

  it('every built-in hygiene pattern passes when the YAML is read and checked (as --rules does)', () => {
    const { data } = parseRuleFiles(defaultRulesDir, false);
    const hygiene = compileHygiene(data['hygiene.yaml'], 'rules/hygiene.yaml');
    expect(hygiene.placeholders.length).toBeGreaterThan(5);
  });

  it('a rule file with an unsafe pattern is refused with its file, pointer and the reason', () => {
    const dir = rulesCopy((y) => y.replace("regex: ['\\?{3,}']", "regex: ['(?:x+x+)+y']"));
    try {
      expect(() => loadRules(dir)).toThrow(
        /hygiene\.yaml: unsafe regular expression at \/placeholders\/\d+\/regex\/0 \(\/\(\?:x\+x\+\)\+y\/\): exponential \(catastrophic\) backtracking/,
      );
      const r = esglint(['check', fixture('en', 'complete-2024.md'), '--rules', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^esglint: .*hygiene\.yaml: unsafe regular expression at \/placeholders\/\d+\/regex\/0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unsafe --page-marker is a usage error; a safe one is used', () => {
    const bad = esglint(['check', fixture('zh-Hant', 'complete-2024.txt'), '--no-config', '--page-marker', '^(\\s*\\d+)+$']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^esglint: unsafe --page-marker \/\^\(\\s\*\\d\+\)\+\$\/: exponential \(catastrophic\) backtracking/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const good = esglint(['check', fixture('zh-Hant', 'complete-2024.txt'), '--no-config', '--page-marker', '^\\s*第\\d+頁\\s*$']);
    expect(good.code).not.toBe(2);
  });

  it('a polynomial pattern is refused too, naming the quantifier to fix', () => {
    const dir = rulesCopy((y) => y.replace("regex: ['\\?{3,}']", "regex: ['todo\\s*:?\\s*now']"));
    try {
      expect(() => loadRules(dir)).toThrow(/unsafe regular expression at \/placeholders\/\d+\/regex\/0 .*polynomial backtracking: \\s\* and \\s\* can trade/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
