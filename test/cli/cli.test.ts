import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { esglint, fixture, root } from '../helpers/run.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateResult = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'result.schema.json'), 'utf8')));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'esglint-cli-'));
}

const complete = fixture('mdr', 'en-complete.md');
const lacking = fixture('mdr', 'zh-Hant-missing.txt');

describe('esglint check: exit codes and formats', () => {
  it('prints the version and help', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(esglint(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = esglint(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('esglint check <files|dirs|globs...>');
  });

  it('exits 0 on a report with nothing at error level, and prints editions and period', () => {
    const r = esglint(['check', complete, '--framework', 'hkex', '--fail-level', 'error', '--no-config']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('period 2024-01-01..2024-12-31');
    expect(r.stdout).toContain('hkex-esg-2020');
    expect(r.stdout).toMatch(/✔|✖/);
  });

  it('exits 1 when a mandatory item is missing, and groups findings by clause', () => {
    const r = esglint(['check', lacking, '--framework', 'hkex', '--no-config']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hkex MDR-governance\n\s+1:1\s+error\s+MDR-governance \(Governance structure: board statement\) is a mandatory disclosure/);
    expect(r.stdout).toMatch(/✖ \d+ errors?/);
  });

  it('prints JSON that validates against schemas/result.schema.json and lists every item', () => {
    const r = esglint(['check', complete, lacking, '-f', 'json', '--framework', 'hkex', '--no-config']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(validateResult(result), JSON.stringify(validateResult.errors)).toBe(true);
    expect(result.files.map((f: { path: string }) => f.path)).toEqual([complete, lacking]);
    const ids = result.files[0].items.map((i: { id: string }) => i.id);
    expect(ids.slice(0, 5)).toEqual(['MDR-governance', 'MDR-materiality', 'MDR-quantitative', 'MDR-consistency', 'MDR-boundary']);
    expect(result.files[1].items.length).toBe(ids.length);
    expect(result.summary.errors).toBeGreaterThan(0);
  });

  it('writes --output to a file without changing the exit code', () => {
    const dir = tmp();
    const out = join(dir, 'result.json');
    const r = esglint(['check', lacking, '-f', 'json', '-o', out, '--framework', 'hkex', '--no-config']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).files[0].path).toBe(lacking);
  });

  it('--quiet keeps errors only; --period overrides the report and picks the edition', () => {
    const quiet = JSON.parse(esglint(['check', complete, '-f', 'json', '--quiet', '--no-config']).stdout);
    expect(quiet.files[0].findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    const r = JSON.parse(esglint(['check', complete, '-f', 'json', '--period', '2025-04-01..2026-03-31', '--no-config']).stdout);
    expect(r.files[0].period).toMatchObject({ start: '2025-04-01', end: '2026-03-31', source: 'option' });
    expect(r.files[0].editions[0]).not.toBe('hkex-esg-2020');
  });

  it('a report with no period is a finding, not a crash, and the latest edition is used', () => {
    const dir = tmp();
    const file = join(dir, 'undated.md');
    writeFileSync(file, '# Sustainability at Harbour Co\n\nWe care about the environment.\n');
    const result = JSON.parse(esglint(['check', file, '-f', 'json', '--framework', 'hkex', '--no-config']).stdout);
    expect(result.files[0].period).toBeNull();
    expect(result.files[0].editionDetails[0].reason).toContain('no reporting period was found');
    expect(result.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'missing/reporting-period')).toMatchObject({ severity: 'warning', line: 1 });
  });

  it('reads a config found upward from the working directory, with severity overrides', () => {
    const dir = tmp();
    const nested = join(dir, 'a', 'b');
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(dir, 'esglint.config.yaml'), 'frameworks: [hkex]\nrules:\n  missing/item-missing: warning\n');
    const r = esglint(['check', lacking, '-f', 'json'], { cwd: nested });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.summary.errors).toBe(0);
    expect(result.files[0].findings.some((f: { ruleId: string; severity: string }) => f.ruleId === 'missing/item-missing' && f.severity === 'warning')).toBe(true);
  });
});

describe('bad input: one clear line, exit 2, no stack trace', () => {
  const dir = tmp();
  const expectUsageError = (args: string[], pattern: RegExp, cwd?: string) => {
    const r = esglint(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it('a missing file', () => expectUsageError(['check', join(dir, 'nope.md'), '--no-config'], /nope\.md: no such file/));

  it('an empty file', () => {
    writeFileSync(join(dir, 'empty.md'), '');
    expectUsageError(['check', join(dir, 'empty.md'), '--no-config'], /empty\.md: the file is empty/);
  });

  it('a binary file', () => {
    writeFileSync(join(dir, 'report.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]));
    expectUsageError(['check', join(dir, 'report.txt'), '--no-config'], /report\.txt: this is a binary file/);
  });

  it('an unsupported file type', () => {
    writeFileSync(join(dir, 'report.xyz'), 'text');
    expectUsageError(['check', join(dir, 'report.xyz'), '--no-config'], /unsupported file type "\.xyz"/);
  });

  it('a malformed YAML config', () => {
    const cfg = join(dir, 'bad.yaml');
    writeFileSync(cfg, 'frameworks: [hkex\nperiod: 2024\n');
    expectUsageError(['check', complete, '--config', cfg], /bad\.yaml:\d+:\d+: invalid YAML/);
  });

  it('a config that breaks the schema names pointer and problem', () => {
    const cfg = join(dir, 'esglint.config.json');
    writeFileSync(cfg, JSON.stringify({ issuer: { board: 'growth' } }));
    expectUsageError(['check', complete, '--config', cfg], /esglint\.config\.json: invalid config: \/issuer\/board \(line 1\): must be equal to one of the allowed values/);
  });

  it('an invalid rule pack', () => {
    const rules = join(dir, 'rules');
    cpSync(join(root, 'rules'), rules, { recursive: true });
    const file = join(rules, 'hkex', 'esg-code-2020.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: mandatory-disclosure', 'kind: wish'));
    expectUsageError(['check', complete, '--rules', rules, '--no-config'], /esg-code-2020\.yaml: invalid rule pack: \/items\/0\/kind \(line \d+\): must be equal to one of the allowed values/);
  });

  it('unknown options, formats and periods', () => {
    expectUsageError(['check', complete, '--frobnicate'], /Unknown option '--frobnicate'/);
    expectUsageError(['check', complete, '-f', 'pdf'], /unknown format "pdf"/);
    expectUsageError(['check', complete, '--period', '2024-13-01..2025-01-01'], /invalid --period/);
    expectUsageError(['check', '--no-config'], /needs at least one file/);
  });

  it('still reports the other files when one cannot be read', () => {
    const r = esglint(['check', complete, join(dir, 'nope.md'), '-f', 'json', '--no-config']);
    expect(r.code).toBe(2);
    const result = JSON.parse(r.stdout);
    expect(result.files[0].items.length).toBeGreaterThan(0);
    expect(result.files[1].error).toMatch(/no such file/);
    expect(result.summary.failedFiles).toBe(1);
  });
});
