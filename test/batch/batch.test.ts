import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { runKey } from '../../src/batch/cache.js';
import { bin, esglint, fixture, root } from '../helpers/run.js';

const SOURCES = [
  fixture('en', 'complete-2024.md'),
  fixture('en', 'omissions.md'),
  fixture('en', 'missing-sections.md'),
  fixture('zh-Hant', 'complete-2024.txt'),
  fixture('en', 'kpi-no-breakdown.md'),
];

let dir: string;
/** Five reports named so that their order is not the order of their sizes or kinds. */
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'esglint-batch-'));
  files = SOURCES.map((src, i) => {
    const to = join(dir, `r${i}-${src.split('/').pop()}`);
    copyFileSync(src, to);
    return to;
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (args: string[], env?: Record<string, string>) => esglint(['check', ...args, '-f', 'json', '--no-config', '--framework', 'hkex'], { env });

describe('batch runs on worker threads', () => {
  it('gives the same result, file for file and in input order, on 1 or 2 workers', async () => {
    const reversed = [...files].reverse();
    const one = await check(reversed, { frameworks: ['hkex'], concurrency: 1 });
    const two = await check(reversed, { frameworks: ['hkex'], concurrency: 2 });
    expect(one.files.map((f) => f.path)).toEqual(reversed);
    expect(two.files.map((f) => f.path)).toEqual(reversed);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.files.every((f) => !f.error && f.items.length > 40)).toBe(true);
  });

  it('the CLI prints byte-identical JSON for the same input, run after run and whatever the concurrency', () => {
    const a = json([...files, '--concurrency', '2']);
    const b = json([...files, '--concurrency', '2']);
    const c = json([...files, '--concurrency', '1']);
    expect(a.code).toBe(1);
    expect(a.stdout.length).toBeGreaterThan(10000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('workers compare with last year\'s report and apply the options as this thread does', async () => {
    const options = { frameworks: ['hkex' as const], previous: SOURCES[1], rules: { 'missing/item-partial': 'off' as const }, pageMarker: /^\s*- \d+ -\s*$/ };
    const one = await check(files, { ...options, concurrency: 1 });
    const two = await check(files, { ...options, concurrency: 2 });
    expect(one.files.every((f) => f.previous?.path === SOURCES[1])).toBe(true);
    expect(one.files.some((f) => f.findings.some((x) => x.ruleId === 'stale/carried-over'))).toBe(true);
    expect(one.files.some((f) => f.findings.some((x) => x.ruleId === 'missing/item-partial'))).toBe(false);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('reports progress once per file', async () => {
    const seen: [number, number][] = [];
    await check(files, { frameworks: ['hkex'], concurrency: 2, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual(files.map((_, i) => [i + 1, files.length]));
  });

  it('an invalid --concurrency is a usage error', () => {
    const r = json([files[0], '--concurrency', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('esglint: invalid --concurrency "0" (use a whole number ≥ 1)\n');
  });
});

describe('faults: the file is reported with exit 2 and every other file still is', () => {
  const others = (r: { stdout: string }, bad: string) => {
    const result = JSON.parse(r.stdout) as { files: { path: string; error?: string; items: unknown[] }[] };
    const good = result.files.filter((f) => f.path !== bad);
    return { result, bad: result.files.find((f) => f.path === bad), good };
  };

  it('a worker that dies while checking a file', () => {
    const r = json([...files, '--concurrency', '2'], { ESGLINT_TEST_WORKER_CRASH: 'r2-' });
    expect(r.code).toBe(2);
    const { result, bad, good } = others(r, files[2]);
    expect(result.files.map((f) => f.path)).toEqual(files);
    expect(bad?.error).toBe(`${files[2]}: the worker checking this file stopped (exit code 70); the other files were checked`);
    expect(good).toHaveLength(4);
    expect(good.every((f) => !f.error && f.items.length > 40)).toBe(true);
    expect(r.stderr).toContain(`esglint: ${files[2]}: the worker checking this file stopped`);
  });

  it('a report that exhausts the heap, even checked alone with --concurrency 1', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-heap-'));
    try {
      // A Markdown list of short items: micromark holds every item's tokens to the end of the parse.
      const list = join(d, 'a-long-list.md');
      writeFileSync(list, `# Report\n\n${Array.from({ length: 20_000 }, (_, i) => `- item ${i} of the list\n`).join('')}`);
      const fine = join(d, 'b-report.md');
      copyFileSync(SOURCES[0], fine);
      const r = json([list, fine, '--concurrency', '1'], { NODE_OPTIONS: '--max-old-space-size=120' });
      expect(r.code).toBe(2);
      const { result, bad, good } = others(r, list);
      expect(result.files.map((f) => f.path)).toEqual([list, fine]);
      expect(bad?.error).toBe(`${list}: the worker checking this file stopped (it ran out of memory; Node can be given more with NODE_OPTIONS=--max-old-space-size=<MB>, or the report checked as text); the other files were checked`);
      expect(good[0].error).toBeUndefined();
      expect(good[0].items.length).toBeGreaterThan(40);
      expect(r.stderr).not.toMatch(/FATAL|heap limit|stack/i);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('workers that keep dying stop the batch early, every file reported', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-dying-'));
    try {
      const copies = Array.from({ length: 12 }, (_, i) => {
        const to = join(d, `doomed-${String(i).padStart(2, '0')}.md`);
        copyFileSync(SOURCES[0], to);
        return to;
      });
      const r = json([d, '--concurrency', '2'], { ESGLINT_TEST_WORKER_CRASH: 'doomed-' });
      expect(r.code).toBe(2);
      const result = JSON.parse(r.stdout) as { files: { path: string; error?: string }[] };
      expect(result.files.map((f) => f.path)).toEqual(copies);
      const stopped = result.files.filter((f) => f.error?.endsWith('the worker checking this file stopped (exit code 70); the other files were checked'));
      const skipped = result.files.filter((f) => /not checked: [56] workers in a row stopped before finishing a file$/.test(f.error ?? ''));
      expect(stopped.length).toBeGreaterThanOrEqual(5);
      expect(skipped.length).toBeGreaterThan(0);
      expect(stopped.length + skipped.length).toBe(12);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('a file that vanishes during the batch', async () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-vanish-'));
    try {
      const copies = Array.from({ length: 8 }, (_, i) => {
        const to = join(d, `v${i}.md`);
        copyFileSync(SOURCES[i % 3], to);
        return to;
      });
      const last = copies[copies.length - 1];
      // The first result comes in after the list was made and before the last file is read.
      const result = await check([d], {
        frameworks: ['hkex'],
        concurrency: 2,
        onProgress: (done) => {
          if (done === 1) unlinkSync(last);
        },
      });
      expect(result.files.map((f) => f.path)).toEqual(copies);
      expect(result.files[7].error).toBe(`${last}: no such file`);
      expect(result.files.slice(0, 7).every((f) => !f.error && f.items.length > 40)).toBe(true);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('permission denied', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-perm-'));
    try {
      const open = join(d, 'a.md');
      const closed = join(d, 'b.md');
      copyFileSync(SOURCES[0], open);
      copyFileSync(SOURCES[1], closed);
      chmodSync(closed, 0o000);
      chmodSync(d, 0o755);
      // root reads anything: run the CLI as an unprivileged user then.
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const r = spawnSync(process.execPath, [bin, 'check', open, closed, '-f', 'json', '--no-config', '--framework', 'hkex'], {
        cwd: d, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, ...asUser,
      });
      expect(r.status).toBe(2);
      const { bad, good } = others(r, closed);
      expect(bad?.error).toBe(`${closed}: permission denied`);
      expect(good).toHaveLength(1);
      expect(good[0].error).toBeUndefined();
      expect(r.stderr).toBe(`esglint: ${closed}: permission denied\n`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('directory loops, symbolic-link loops and a named pipe', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-loop-'));
    try {
      mkdirSync(join(d, 'sub'));
      copyFileSync(SOURCES[0], join(d, 'sub', 'a.md'));
      symlinkSync('..', join(d, 'sub', 'up')); // sub/up/sub/up/… forever
      symlinkSync('loop2.md', join(d, 'loop1.md')); // loop1 → loop2 → loop1
      symlinkSync('loop1.md', join(d, 'loop2.md'));
      execFileSync('mkfifo', [join(d, 'pipe.md')]); // reading it would wait forever
      // A directory is searched without following links: the loops end, each report once.
      const listed = json([d, '--concurrency', '2']);
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([`${d}/sub/a.md`]);
      // Named one by one, each is reported and the report beside them is checked.
      const named = [join(d, 'loop1.md'), join(d, 'pipe.md'), join(d, 'sub', 'up', 'sub', 'up', 'sub', 'a.md')];
      const r = json(named);
      expect(r.code).toBe(2);
      const result = JSON.parse(r.stdout) as { files: { path: string; error?: string; items: unknown[] }[] };
      expect(result.files.map((f) => f.error)).toEqual([`${named[0]}: too many symbolic links`, `${named[1]}: not a regular file`, undefined]);
      expect(result.files[2].items.length).toBeGreaterThan(40);
      expect(r.stderr).toBe(`esglint: ${named[0]}: too many symbolic links\nesglint: ${named[1]}: not a regular file\n`);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('--cache', () => {
  it('reuses the results of unchanged files and checks changed ones again', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-cache-'));
    try {
      const a = join(d, 'a.md');
      const b = join(d, 'b.md');
      copyFileSync(SOURCES[0], a);
      copyFileSync(SOURCES[1], b);
      const cacheFile = join(d, 'cache.json');
      const run = () => json([a, b, '--cache-location', cacheFile]);
      const first = run();
      expect(first.code).toBe(1);
      const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
      expect(cache.format).toBe('esglint-cache/1');
      expect(Object.keys(cache.entries).sort()).toEqual([a, b]);
      expect(run().stdout).toBe(first.stdout);

      // A result taken from the cache is not recomputed: mark the cached one and see it come back.
      cache.entries[b].result.findings[0].message = 'FROM THE CACHE';
      writeFileSync(cacheFile, JSON.stringify(cache));
      expect(run().stdout).toContain('FROM THE CACHE');
      // Changing the file's bytes invalidates its entry only.
      writeFileSync(b, readFileSync(b, 'utf8') + '\n');
      const third = run();
      expect(third.stdout).not.toContain('FROM THE CACHE');
      expect(third.stdout).toBe(first.stdout);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('an entry is keyed on the tool version, the rule packs hash and the options that shape a result', () => {
    const base = runKey('0.1.0', 'abc', { frameworks: ['hkex'] });
    expect(runKey('0.1.0', 'abc', { frameworks: ['hkex'] })).toBe(base);
    expect(runKey('0.1.1', 'abc', { frameworks: ['hkex'] })).not.toBe(base);
    expect(runKey('0.1.0', 'abd', { frameworks: ['hkex'] })).not.toBe(base);
    expect(runKey('0.1.0', 'abc', { frameworks: ['gri'] })).not.toBe(base);
    expect(runKey('0.1.0', 'abc', { frameworks: ['hkex'], period: '2023' })).not.toBe(base);
  });

  it('a damaged cache file is an empty cache; the cache never replaces an input', () => {
    const d = mkdtempSync(join(tmpdir(), 'esglint-cache-'));
    try {
      const a = join(d, 'a.md');
      copyFileSync(SOURCES[0], a);
      const cacheFile = join(d, '.esglintcache');
      writeFileSync(cacheFile, '{ not json');
      const r = esglint(['check', a, '-f', 'json', '--no-config', '--cache'], { cwd: d });
      expect(r.code).toBe(0);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8')).entries[a]).toBeDefined();
      const refused = esglint(['check', a, '--no-config', '--cache-location', a]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(`esglint: --cache-location ${a} is one of the reports checked; esglint never writes to its input\n`);
      expect(readFileSync(a, 'utf8')).toBe(readFileSync(SOURCES[0], 'utf8'));
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('progress bar', () => {
  const many = () => Array.from({ length: 10 }, (_, i) => files[i % files.length]).map((f, i) => {
    const to = join(dir, `p${i}.md`);
    if (!existsSync(to)) copyFileSync(f, to);
    return to;
  });

  it('is drawn on a terminal for a run of 10 files or more', () => {
    const inputs = many();
    // script(1) gives the command a terminal.
    const cmd = [process.execPath, bin, 'check', ...inputs, '--no-config', '--framework', 'hkex', '-f', 'json', '-o', join(dir, 'out.json')].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/esglint [░█]+ \d+\/10 reports \|/);
  });

  it('is silent when stderr is not a terminal, or with --no-progress', () => {
    const inputs = many();
    const r = esglint(['check', ...inputs, '--no-config', '--framework', 'hkex', '-f', 'json', '-o', join(dir, 'out.json')]);
    expect(r.stderr).toBe('');
    const cmd = [process.execPath, bin, 'check', ...inputs, '--no-config', '--framework', 'hkex', '-f', 'json', '-o', join(dir, 'out.json'), '--no-progress'].map((a) => `'${a}'`).join(' ');
    const t = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(t.stdout).not.toContain('reports |');
  });
});
