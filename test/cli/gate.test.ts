import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FORMATS } from '../../src/report/index.js';
import { esglint, fixture } from '../helpers/run.js';

/** Runs the CLI in-process (same code as bin/esglint.js), capturing its output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'esglint-gate-'));
// B8, B8.1, B8.2 are deleted from this fixture (errors) and A2.4 is a bare "N/A" (a warning).
const report = fixture('en', 'omissions.md');
function config(name: string, rules: Record<string, string>): string {
  const file = join(dir, name);
  writeFileSync(file, `frameworks: [hkex]\nrules:\n${Object.entries(rules).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
  return file;
}
// Leaves only warnings: the missing clauses are switched off.
const warningsOnly = config('warnings.yaml', { 'missing/item-missing': 'off' });
// Leaves only infos.
const infosOnly = config('infos.yaml', { 'missing/item-missing': 'info', 'missing/item-partial': 'info', 'missing/unexplained-omission': 'info' });

describe('the CI gate: exit codes 0/1/2 exactly as DESIGN.md, whatever --output says', async () => {
  const base = JSON.parse((await cli(['check', report, '--config', warningsOnly, '-f', 'json'])).stdout);
  const warnings = base.summary.warnings;

  it('the configs leave what they say (checked once, so the tests below mean something)', async () => {
    expect(base.summary.errors).toBe(0);
    expect(warnings).toBeGreaterThan(0);
    const infos = JSON.parse((await cli(['check', report, '--config', infosOnly, '-f', 'json'])).stdout).summary;
    expect(infos).toMatchObject({ errors: 0, warnings: 0 });
    expect(infos.infos).toBeGreaterThan(0);
  });

  it('--fail-level: error (default) passes warnings; warning fails them; info fails infos', async () => {
    expect((await cli(['check', report, '--config', warningsOnly])).code).toBe(0);
    expect((await cli(['check', report, '--config', warningsOnly, '--fail-level', 'error'])).code).toBe(0);
    expect((await cli(['check', report, '--config', warningsOnly, '--fail-level', 'warning'])).code).toBe(1);
    expect((await cli(['check', report, '--config', infosOnly, '--fail-level', 'warning'])).code).toBe(0);
    expect((await cli(['check', report, '--config', infosOnly, '--fail-level', 'info'])).code).toBe(1);
    expect((await cli(['check', report, '--no-config', '--framework', 'hkex'])).code).toBe(1);
  });

  it('--max-warnings: fails above the number, passes at it, and says why on stderr', async () => {
    const over = await cli(['check', report, '--config', warningsOnly, '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`esglint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${warnings - 1}\n`);
    expect((await cli(['check', report, '--config', warningsOnly, '--max-warnings', String(warnings)])).code).toBe(0);
    expect((await cli(['check', report, '--config', warningsOnly, '--max-warnings', '0', '-f', 'sarif', '-o', join(dir, 'm.sarif')])).code).toBe(1);
  });

  it('writing any format to --output changes neither the exit code nor what is written', async () => {
    for (const format of FORMATS) {
      const file = join(dir, `out-${format}`);
      const toFile = await cli(['check', report, '--no-config', '--framework', 'hkex', '-f', format, '-o', file, '--no-color']);
      const toStdout = await cli(['check', report, '--no-config', '--framework', 'hkex', '-f', format, '--no-color']);
      expect([format, toFile.code]).toEqual([format, 1]);
      expect(toStdout.code).toBe(1);
      expect(toFile.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(toStdout.stdout);
      const passing = await cli(['check', report, '--config', warningsOnly, '-f', format, '-o', file]);
      expect([format, passing.code]).toEqual([format, 0]);
    }
  });

  it('several --format/--output pairs in one run; a format without --output goes to stdout', async () => {
    const sarif = join(dir, 'pair.sarif');
    const junit = join(dir, 'pair.xml');
    const r = await cli(['check', report, '--no-config', '--framework', 'hkex', '-f', 'sarif', '-o', sarif, '-f', 'junit', '-o', junit, '-f', 'markdown']);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(junit, 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/^## ❌ esglint: 3 errors/);
  });

  it('exit 2 for an unreadable report even when the output goes to a file, with the other report still written', async () => {
    const out = join(dir, 'with-missing.html');
    const r = await cli(['check', report, join(dir, 'nope.md'), '--no-config', '--framework', 'hkex', '-f', 'html', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.md: no such file/);
    expect(readFileSync(out, 'utf8')).toContain('omissions.md');
  });

  it('exit 2, one line, for bad gate options, and for an --output that is the report itself', async () => {
    for (const [args, message] of [
      [['--max-warnings=-1'], /invalid --max-warnings "-1"/],
      [['--max-warnings', 'many'], /invalid --max-warnings "many"/],
      [['--fail-level', 'fatal'], /invalid --fail-level "fatal" \(use error, warning or info\)/],
      [['-f', 'pdf'], /unknown format "pdf"/],
      [['-f', 'json', '-o', report], /--output .*omissions\.md is one of the reports checked; esglint never writes to its input/],
    ] as const) {
      const r = await cli(['check', report, '--no-config', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(report)).toBe(true);
  });

  it('the installed binary agrees: same exit code, SARIF written to a file', () => {
    const out = join(dir, 'bin.sarif');
    const r = esglint(['check', report, '--no-config', '--framework', 'hkex', '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });
});

describe('stylish colours', () => {
  it('are off when stdout is not a terminal or NO_COLOR is set, and on with --color', () => {
    const plain = esglint(['check', report, '--no-config', '--framework', 'hkex'], { env: { NO_COLOR: '' } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toMatch(/hkex B8\n\s+1:1\s+error/);
    const forced = esglint(['check', report, '--no-config', '--framework', 'hkex', '--color']);
    expect(forced.stdout).toMatch(/\u001b\[31merror/);
    expect(forced.code).toBe(1);
  });
});
