import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { esglint, fixture, root } from '../helpers/run.js';

/** Splits a shell command line the way the workflow's folded `run:` reaches the shell (quotes only). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

describe('examples/github-workflow.yml', () => {
  const workflow = parseYaml(readFileSync(join(root, 'examples', 'github-workflow.yml'), 'utf8'));
  const steps: { name?: string; run?: string; uses?: string; with?: Record<string, string> }[] = workflow.jobs['lint-report'].steps;

  it('uploads the SARIF file that the lint step writes', () => {
    const lint = steps.find((s) => s.run?.includes('esglint check'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with!.sarif_file).toBe('esglint.sarif');
    expect(words(lint.run!)).toEqual(expect.arrayContaining(['-f', 'sarif', '-o', 'esglint.sarif']));
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('its esglint command runs as written on a report repository and writes every output it names', () => {
    const repo = mkdtempSync(join(tmpdir(), 'esglint-workflow-'));
    mkdirSync(join(repo, 'report'));
    copyFileSync(fixture('en', 'omissions.md'), join(repo, 'report', 'esg-2024.md'));
    const args = words(steps.find((s) => s.run?.includes('esglint check'))!.run!).slice(1); // drop "npx"
    expect(args[0]).toBe('esglint');
    // First, the committed baseline, as the comment at the top says.
    const update = esglint(['check', 'report/**/*.md', '--update-baseline', '--no-config'], { cwd: repo });
    expect(update.code).toBe(0);
    expect(existsSync(join(repo, 'esglint-baseline.json'))).toBe(true);
    const r = esglint([...args.slice(1), '--no-config'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const out of ['esglint.sarif', 'esglint-junit.xml', 'esglint-summary.md', 'esglint-gaps.html']) {
      expect(existsSync(join(repo, out))).toBe(true);
    }
    expect(readFileSync(join(repo, 'esglint-summary.md'), 'utf8')).toMatch(/^## ✅ esglint: 0 errors/);
    // A new defect fails the job.
    writeFileSync(join(repo, 'report', 'esg-2024.md'), readFileSync(join(repo, 'report', 'esg-2024.md'), 'utf8').replace(/## Aspect B7[\s\S]*?(?=\n## )/, ''));
    expect(esglint([...args.slice(1), '--no-config'], { cwd: repo }).code).toBe(1);
  });
});
