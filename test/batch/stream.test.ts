import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, checkEach, type Result } from '../../src/index.js';
import { main } from '../../src/cli/main.js';
import { formatJson } from '../../src/report/json.js';
import { summarize } from '../../src/report/summary.js';
import { applyBaseline, baselineOf } from '../../src/suppress/index.js';
import { bin, esglint, fixture } from '../helpers/run.js';

const SOURCES = [
  fixture('en', 'complete-2024.md'),
  fixture('en', 'omissions.md'),
  fixture('zh-Hant', 'complete-2024.txt'),
  fixture('en', 'missing-sections.md'),
  fixture('en', 'kpi-no-breakdown.md'),
  fixture('zh-Hans', 'complete-2024.md'),
];

let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esglint-stream-'));
  files = SOURCES.map((src, i) => {
    const to = join(dir, `r${i}-${src.split('/').pop()}`);
    copyFileSync(src, to);
    return to;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('results handed over file by file', () => {
  it('each file as soon as it is checked, in input order, none held back to the end', async () => {
    const events: string[] = [];
    await checkEach(files, { frameworks: ['hkex'], concurrency: 1, onProgress: (done) => events.push(`checked ${done}`) }, {
      onStart: ({ files: found }) => events.push(`start ${found.length}`),
      onFile: (file, index) => events.push(`file ${index} ${file.path === files[index]}`),
    });
    expect(events).toEqual(['start 6', ...files.flatMap((_, i) => [`checked ${i + 1}`, `file ${i} true`])]);
  });

  it('on worker threads, still every file once and in input order', async () => {
    const seen: number[] = [];
    const reversed = [...files].reverse();
    await checkEach(reversed, { frameworks: ['hkex'], concurrency: 2 }, { onFile: (file, index) => {
      expect(file.path).toBe(reversed[index]);
      seen.push(index);
    } });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  for (const concurrency of [1, 2]) {
    it(`stops checking when the receiver fails (concurrency ${concurrency}) and passes its error on`, async () => {
      let checked = 0;
      const run = checkEach([...files, ...files], { frameworks: ['hkex'], concurrency, onProgress: () => checked++ }, {
        onFile: () => {
          throw new Error('disk full');
        },
      });
      await expect(run).rejects.toThrow('disk full');
      // The first file's result failed; at most the files already handed out are finished: on
      // 2 workers, 2 files each in flight, and a second file the other worker may have finished
      // first (and been handed one more for) — not the 12 of the run.
      expect(checked).toBeGreaterThanOrEqual(1);
      expect(checked).toBeLessThanOrEqual(concurrency === 1 ? 1 : 6);
    });
  }
});

describe('the CLI writes what the whole result would print', () => {
  const options = { frameworks: ['hkex' as const], concurrency: 1 };
  const args = ['check', '--no-config', '--framework', 'hkex', '--concurrency', '1', '-f', 'json'];

  it('plain JSON', async () => {
    const run = await cli([...args, ...files]);
    expect(run.stdout).toBe(formatJson(await check(files, options)));
    expect(run.code).toBe(1);
  });

  it('--quiet: only errors, warnings and infos counted as none', async () => {
    const whole = await check(files, options);
    const quiet: Result = {
      ...whole,
      files: whole.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })),
      summary: { ...whole.summary, warnings: 0, infos: 0 },
    };
    expect(whole.summary.warnings).toBeGreaterThan(0);
    expect((await cli([...args, '--quiet', ...files])).stdout).toBe(formatJson(quiet));
  });

  it('--update-baseline: every finding accepted, the baseline written, and then --baseline accepts the same', async () => {
    const baselineFile = join(dir, 'baseline.json');
    const whole = await check(files, options);
    const baseline = baselineOf(whole, baselineFile);
    const update = await cli([...args, '--update-baseline', '--baseline', baselineFile, ...files]);
    expect(update.code).toBe(0);
    expect(update.stdout).toBe(formatJson(applyBaseline(whole, baseline)));
    expect(JSON.parse(readFileSync(baselineFile, 'utf8')).findings).toEqual(baseline.findings);
    const accepted = JSON.parse(update.stdout) as Result;
    expect(accepted.baseline).toEqual({ path: baselineFile, matched: summarize(whole.files).errors + summarize(whole.files).warnings + summarize(whole.files).infos, unmatched: 0 });

    const again = await cli([...args, '--baseline', baselineFile, ...files]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(update.stdout);
  });

  it('on two workers, the same bytes as on one', () => {
    const one = esglint([...args, ...files]);
    const two = esglint(['check', '--no-config', '--framework', 'hkex', '--concurrency', '2', '-f', 'json', ...files]);
    expect(two.stdout.length).toBeGreaterThan(10000);
    expect(two.stdout).toBe(one.stdout);
  });

  it('an output that cannot be written ends the run with exit 2 and says why', () => {
    const run = esglint([...args, '-o', '/dev/full', ...files]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('esglint: /dev/full: cannot write the output (ENOSPC)\n');
  });

  for (const concurrency of ['1', '2']) {
    it(`a reader that goes away (esglint check … | head) ends the run quietly, exit 0 (concurrency ${concurrency})`, async () => {
      const child = spawn(process.execPath, [bin, ...args.slice(0, 5), concurrency, ...files, ...files, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      let received = 0;
      child.stdout.once('data', (d: Buffer) => {
        received = d.length;
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(received).toBeGreaterThan(0);
      expect(stderr).toBe('');
      expect(code).toBe(0);
    });
  }
});
