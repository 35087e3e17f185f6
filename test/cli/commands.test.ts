import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadRules } from '../../src/rules/load.js';
import { esglint, fixture } from '../helpers/run.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('esglint explain <item>', () => {
  it('says what the clause requires, its obligation per edition, the evidence looked for and linked items', async () => {
    const r = await cli(['explain', 'A1.2', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A1\.2 — Direct \(Scope 1\) and energy indirect \(Scope 2\) greenhouse gas emissions/);
    expect(r.stdout).toContain('What it requires (our paraphrase):');
    // A1.2 left Part C when the 2025 Code moved climate into Part D.
    expect(r.stdout).toContain('hkex-esg-2020 (periods starting 2020-07-01 to before 2025-01-01): comply-or-explain');
    expect(r.stdout).toContain('hkex-esg-2025 (periods starting on or after 2025-01-01): not in this edition');
    expect(r.stdout).toMatch(/Evidence esglint looks for:\n {2}Sections headed: .*greenhouse gas/);
    expect(r.stdout).toMatch(/Linked items:\n {2}GRI: .*305-1/);
  });

  it('gives Part D obligations by issuer tier and year; ids are matched without regard to case', async () => {
    const r = await cli(['explain', 'd-ghg-scope3', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^D-ghg-scope3 — /);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('hkex-esg-2025 (periods starting on or after 2025-01-01): comply-or-explain; but voluntary for GEM issuers; mandatory for LargeCap issuers for periods starting on or after 2026-01-01');
    const json = JSON.parse((await cli(['explain', 'D-ghg-scope3', '--json', '--no-config'])).stdout);
    expect(json[0]).toMatchObject({ edition: 'hkex-esg-2025', id: 'D-ghg-scope3', obligation: 'comply-or-explain' });
  });

  it('an unknown item is exit 2 with suggestions', async () => {
    const r = await cli(['explain', 'B8.9', '--no-config']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('esglint: unknown item "B8.9" (did you mean B8?); esglint rules lists every item\n');
    expect((await cli(['explain', '--no-config'])).code).toBe(2);
  });
});

describe.skipIf(!loadRules().packs.some((p) => p.framework === 'gri'))('esglint explain with the GRI packs', () => {
  it('names the standard, the editions by publication date, and that omission is not permitted for 2-1', async () => {
    const r = await cli(['explain', '2-1', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2-1 — Organizational details\n.*\n {2}GRI · GRI 2: General Disclosures 2021 · disclosure\n/);
    expect(r.stdout).toMatch(/\n {2}gri-2021 \(reports published 2023-01-01 to before 2026-01-01\): mandatory\n/);
    expect(r.stdout).toContain('A reason for omission may not replace this disclosure.');
    expect((await cli(['explain', '305-1', '--no-config'])).stdout).not.toContain('A reason for omission may not');
  });
});

describe('esglint rules', () => {
  it('lists every item of every edition with its obligation, marking tier-dependent ones', async () => {
    const r = await cli(['rules', '--framework', 'hkex', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hkex-esg-2020 — HKEX Environmental, Social and Governance Reporting Guide/);
    expect(r.stdout).toMatch(/\n {2}MDR-governance +mandatory +Governance structure: board statement\n/);
    expect(r.stdout).toMatch(/\n {2}D-ghg-scope3 +comply-or-explain\* +/);
    const json = JSON.parse((await cli(['rules', '--framework', 'hkex', '--json', '--no-config'])).stdout);
    const editions = json.map((p: { edition: string }) => p.edition);
    expect(editions).toEqual(['hkex-esg-2020', 'hkex-esg-2025']);
    // Every item appears once per edition in the text listing too.
    for (const pack of json) {
      for (const item of pack.items) expect(r.stdout).toContain(`  ${item.id} `);
    }
    const e2025 = json[1].items.map((i: { id: string }) => i.id);
    expect(e2025).not.toContain('A1.2');
    expect(e2025).toContain('D-ghg-scope1');
  });

  it('--edition narrows the list; an unknown edition is exit 2', async () => {
    const r = await cli(['rules', '--edition', 'hkex-esg-2025', '--no-config']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('hkex-esg-2020 —');
    expect((await cli(['rules', '--edition', 'hkex-1999', '--no-config'])).stderr).toMatch(/unknown edition "hkex-1999"/);
  });
});

describe('esglint init', () => {
  it('writes a commented esglint.config.yaml with $schema that esglint then uses, and never overwrites it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'esglint-init-'));
    const r = esglint(['init', '--framework', 'hkex', '--period', '2024-04-01..2025-03-31'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote esglint.config.yaml\n');
    const text = readFileSync(join(dir, 'esglint.config.yaml'), 'utf8');
    expect(text).toMatch(/^# esglint configuration/);
    expect(text).toMatch(/\n\$schema: \S+\/schemas\/config\.schema\.json\n/);
    expect(text).toContain('frameworks: [hkex]');
    // The config is found and used by check: the period comes from it, hence the 2025 edition.
    const checked = JSON.parse(esglint(['check', fixture('mdr', 'en-complete.md'), '-f', 'json'], { cwd: dir }).stdout);
    expect(checked.files[0].period).toMatchObject({ start: '2024-04-01', end: '2025-03-31', source: 'option' });
    expect(checked.files[0].editions).toEqual(['hkex-esg-2020']);
    // Its $schema path resolves to the schema file.
    const schema = text.match(/\n\$schema: (\S+)\n/)![1];
    expect(existsSync(join(dir, schema))).toBe(true);
    writeFileSync(join(dir, 'esglint.config.yaml'), 'frameworks: [gri]\n');
    const again = esglint(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('esglint: esglint.config.yaml already exists here; esglint init never overwrites a config\n');
    expect(readFileSync(join(dir, 'esglint.config.yaml'), 'utf8')).toBe('frameworks: [gri]\n');
  });
});

describe('help for every command', () => {
  it('esglint --help names the commands; each command has --help', async () => {
    const help = (await cli(['--help'])).stdout;
    for (const c of ['check', 'index', 'explain', 'rules', 'init']) expect(help).toContain(`esglint ${c}`);
    expect(help).toContain('--baseline <file>');
    for (const c of ['index', 'explain', 'rules', 'init']) {
      const r = await cli([c, '--help']);
      expect([c, r.code]).toEqual([c, 0]);
      expect(r.stdout).toMatch(new RegExp(`^esglint ${c}`));
    }
    const bad = await cli(['rules', '--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--frobnicate'.*\(see esglint rules --help\)/);
  });
});
