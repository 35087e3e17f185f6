#!/usr/bin/env node
// esglint's bench (npm run bench): in one process, side by side, remark-parse (+gfm) alone,
// markdownlint and esglint's whole check (HKEX + GRI + facts + consistency) per stage on
// (a) the shared report as text, (b) the same as Markdown, (c) reports built from the fixtures,
// 1× and 10× the size of (b); then whole-process runs, a batch of many reports on 1 and 2
// workers, and the peak memory on a 20 MB text input. Medians over repeated runs.
//
// In-process figures are of the library, which leaves V8's settings alone (remark and markdownlint
// run with the same defaults); whole-process and batch figures are of the command, which raises
// V8's optimizing budget (src/cli/tiering.ts).
//
// Usage: npm run bench [-- --runs N] [--quick] [--no-batch] [--no-memory] [--report <file>]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { spawn, spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { fixtureReports, largeText, reportsDir, synthetic, toMarkdown } from './inputs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean' },
    'no-batch': { type: 'boolean' },
    'no-memory': { type: 'boolean' },
    report: { type: 'string' },
    batch: { type: 'string' },
  },
});
const quick = values.quick ?? false;
const runs = Number(values.runs ?? (quick ? 3 : 11));
const batchSize = Number(values.batch ?? (quick ? 40 : 200));
const shared = values.report ?? resolve(root, '..', 'shared', 'corpus', 'vcredit-esg-2024.zh-Hant.txt');
const bin = join(root, 'bin', 'esglint.js');

const { decodeText, ingestText } = await import(join(root, 'dist/ingest/index.js'));
const { checkDocument } = await import(join(root, 'dist/index.js'));
const { loadRules } = await import(join(root, 'dist/rules/load.js'));
const { format } = await import(join(root, 'dist/report/index.js'));
const { unified } = await import('unified');
const remarkParse = (await import('remark-parse')).default;
const remarkGfm = (await import('remark-gfm')).default;
const { lint: markdownlint } = await import('markdownlint/sync');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1)).padStart(7);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const now = () => performance.now();

const rules = loadRules();
const tmp = mkdtempSync(join(tmpdir(), 'esglint-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---- inputs
const sharedBytes = readFileSync(shared);
const sharedText = decodeText(shared, sharedBytes).text;
const sharedMd = toMarkdown(await ingestText(shared, sharedText, 'text'));
const fixtures = fixtureReports(root);
const mdBytes = Buffer.byteLength(sharedMd);
const inputs = [
  { id: '(a)', name: 'shared report, PDF text', path: shared, text: sharedText, kind: 'text' },
  { id: '(b)', name: 'shared report as Markdown', path: 'shared.md', text: sharedMd, kind: 'markdown' },
  { id: '(c1)', name: 'fixtures, 1× (b)', path: 'c1.md', text: synthetic(fixtures, mdBytes), kind: 'markdown' },
  { id: '(c10)', name: 'fixtures, 10× (b)', path: 'c10.md', text: synthetic(fixtures, 10 * mdBytes), kind: 'markdown' },
];

const cpu = cpus();
console.log(`esglint bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(`machine: ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`${runs} runs per figure (after a warm-up run), medians in ms\n`);

// ---- per stage, in this process
console.log('input                          size      read   parse evidence   facts  checks  format   after-parse  total');
const stageResults = new Map();
for (const input of inputs) {
  const bytes = Buffer.from(input.text);
  const rows = { read: [], parse: [], evidence: [], facts: [], checks: [], format: [] };
  // The 10× input takes seconds a run: fewer runs of it.
  const n = input.text.length > 4 * mdBytes ? Math.min(runs, 5) : runs;
  for (let i = 0; i <= n; i++) {
    let t = now();
    if (input.kind === 'text' && input.path === shared) await readFile(shared);
    const text = decodeText(input.path, bytes).text;
    const read = now() - t;
    t = now();
    const doc = await ingestText(input.path, text, input.kind);
    const parse = now() - t;
    const times = { evidence: 0, facts: 0, checks: 0 };
    const file = checkDocument(doc, rules, {}, times);
    t = now();
    format('json', { tool: { name: 'esglint', version: '0', rulesHash: rules.hash }, files: [file], summary: { errors: 0, warnings: 0, infos: 0 } }, { cwd: root });
    const fmt = now() - t;
    if (i === 0) continue; // warm-up
    rows.read.push(read);
    rows.parse.push(parse);
    rows.evidence.push(times.evidence);
    rows.facts.push(times.facts);
    rows.checks.push(times.checks);
    rows.format.push(fmt);
  }
  const m = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
  const after = m.evidence + m.facts + m.checks;
  const total = m.read + m.parse + after + m.format;
  stageResults.set(input.id, { ...m, after, total, bytes: bytes.length });
  console.log(`${`${input.id} ${input.name}`.padEnd(28)} ${kb(bytes.length).padStart(8)} ${ms(m.read)} ${ms(m.parse)} ${ms(m.evidence)}  ${ms(m.facts)} ${ms(m.checks)} ${ms(m.format)}       ${ms(after)} ${ms(total)}`);
}

// ---- side by side on the Markdown: the three run in turn within each round (paired medians)
const md = inputs[1].text;
const remark = unified().use(remarkParse).use(remarkGfm);
const side = { remark: [], markdownlint: [], parse: [], after: [] };
for (let i = 0; i <= runs; i++) {
  let t = now();
  remark.parse(md);
  const r = now() - t;
  t = now();
  markdownlint({ strings: { report: md } });
  const l = now() - t;
  t = now();
  const doc = await ingestText('shared.md', md, 'markdown');
  const p = now() - t;
  const times = { evidence: 0, facts: 0, checks: 0 };
  checkDocument(doc, rules, {}, times);
  if (i === 0) continue;
  side.remark.push(r);
  side.markdownlint.push(l);
  side.parse.push(p);
  side.after.push(times.evidence + times.facts + times.checks);
}
const remarkMs = median(side.remark);
const mdlintMs = median(side.markdownlint);
const b = { parse: median(side.parse), after: median(side.after) };
const esglintMs = median(side.parse.map((p, i) => p + side.after[i]));
console.log(`\non (b), ${kb(mdBytes)} of Markdown:`);
console.log(`  remark-parse + remark-gfm, parse alone   ${ms(remarkMs)}`);
console.log(`  markdownlint (all rules)                 ${ms(mdlintMs)}`);
console.log(`  esglint parse + check                    ${ms(esglintMs)}   (parse ${ms(b.parse).trim()}, after parsing ${ms(b.after).trim()})`);
console.log(`  after parsing ÷ remark parse             ${(b.after / remarkMs).toFixed(2).padStart(7)}   target ≤ 0.5`);
console.log(`  esglint ÷ markdownlint                   ${(esglintMs / mdlintMs).toFixed(2).padStart(7)}   target < 1`);
// Growth: (c1) and (c10) checked in turn within each round, so that other load on the machine
// weighs on both alike; the median of the rounds' ratios.
const c1 = stageResults.get('(c1)');
const c10 = stageResults.get('(c10)');
const sizeRatio = c10.bytes / c1.bytes;
const whole = async (input) => {
  const t = now();
  checkDocument(await ingestText(input.path, input.text, input.kind), rules, {});
  return now() - t;
};
const ratios = [];
for (let i = 0; i < Math.min(runs, 5); i++) {
  const small = (await whole(inputs[2])) + (await whole(inputs[2]));
  ratios.push((await whole(inputs[3])) / (small / 2));
}
console.log(`  growth (c10) ÷ (c1), parse + check: ${sizeRatio.toFixed(1)}× the input, ${median(ratios).toFixed(1)}× the time (paired rounds; after parsing alone ${(c10.after / c1.after).toFixed(1)}×)   target ≤ ${(sizeRatio * 1.2).toFixed(1)}×`);

// ---- whole process, Node start-up included
const cpuOnExit = pathToFileURL(join(root, 'bench', 'cpu-on-exit.js')).href;

/** Wall time of `n` spawned runs (median, min); with `cpu`, also the CPU time each used on all its threads and its peak RSS (KB). */
function wallOf(args, n, { cpu = false } = {}) {
  const t = [];
  const used = [];
  const rss = [];
  let status;
  for (let i = 0; i < n; i++) {
    const s = now();
    const r = spawnSync(process.execPath, [...(cpu ? ['--import', cpuOnExit] : []), bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    t.push(now() - s);
    status = r.status;
    if (r.status === 2) throw new Error(`esglint ${args.join(' ')}: ${r.stderr}`);
    if (cpu) used.push(Number(/cpu-ms (\d+)/.exec(r.stderr)?.[1]));
    if (cpu) rss.push(Number(/max-rss-kb (\d+)/.exec(r.stderr)?.[1]));
  }
  return { median: median(t), min: Math.min(...t), status, cpu: used, rss };
}
const single = wallOf(['check', shared, '--no-config', '-f', 'json', '-o', '/dev/null'], runs);
const version = wallOf(['--version'], runs);
console.log(`\nwhole process (spawned; Node start-up included):`);
console.log(`  esglint check (a) -f json               ${ms(single.median)}   (min ${single.min.toFixed(0)})   target < 1000`);
console.log(`  esglint --version                       ${ms(version.median)}   (Node start-up and module loading)`);

// ---- batch on worker threads
if (!values['no-batch']) {
  const dir = reportsDir(join(tmp, 'reports'), fixtures, batchSize);
  const batchRuns = quick ? 1 : 3;
  const args = ['check', dir, '--no-config', '-f', 'json', '-o', '/dev/null', '--concurrency'];
  // 1 and 2 workers in turn, so that other load weighs on both alike; medians of each and of the pairs' ratios.
  const one = [];
  const two = [];
  // Cores kept busy: CPU time over wall time. One check already keeps V8's collector and
  // compiler busy on the other core, so 2 workers on 2 cores can gain at most 2 ÷ that.
  const busyOne = [];
  const busyTwo = [];
  const rssOne = [];
  const rssTwo = [];
  // What sharing one batch between two threads can hope for: two independent processes,
  // each checking half of the reports on its own (one thread each), side by side.
  const half = Math.floor(batchSize / 2);
  const halves = [reportsDir(join(tmp, 'half-a'), fixtures, half), reportsDir(join(tmp, 'half-b'), fixtures, batchSize - half, half)];
  const sideBySide = () => {
    const s = now();
    return Promise.all(halves.map((d) => new Promise((done, fail) => {
      const child = spawn(process.execPath, [bin, 'check', d, '--no-config', '-f', 'json', '-o', '/dev/null', '--concurrency', '1'], { stdio: 'ignore' });
      child.on('error', fail);
      child.on('exit', (code) => (code === 2 ? fail(new Error(`esglint check ${d} failed`)) : done()));
    }))).then(() => now() - s);
  };
  const apart = [];
  for (let i = 0; i < batchRuns; i++) {
    const a = wallOf([...args, '1'], 1, { cpu: true });
    const b = wallOf([...args, '2'], 1, { cpu: true });
    apart.push(await sideBySide());
    one.push(a.median);
    two.push(b.median);
    busyOne.push(a.cpu[0] / a.median);
    busyTwo.push(b.cpu[0] / b.median);
    rssOne.push(a.rss[0]);
    rssTwo.push(b.rss[0]);
  }
  // Results are written as they come, not held: twice the reports should not need more memory.
  const doubleDir = reportsDir(join(tmp, 'reports-double'), fixtures, 2 * batchSize);
  const double = wallOf(['check', doubleDir, '--no-config', '-f', 'json', '-o', '/dev/null', '--concurrency', '1'], 1, { cpu: true });
  const gain = median(one.map((o, i) => o / two[i]));
  // What this machine gives two threads at all: the same work on 1 and on 2 threads at once,
  // each thread compiling its own code (V8's background compiler would starve with both busy).
  setFlagsFromString('--no-concurrent-recompilation');
  const probe = (kind, threads) => new Promise((done, fail) => {
    const s = now();
    let left = threads;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(join(root, 'bench', 'scaling-probe.js'), { workerData: { kind } });
      w.on('error', fail);
      w.on('message', () => { void w.terminate(); if (--left === 0) done(now() - s); });
    }
  });
  const machine = {};
  for (const kind of ['loop', 'alloc']) {
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push((2 * (await probe(kind, 1))) / (await probe(kind, 2)));
    machine[kind] = median(rounds);
  }
  console.log(`\nbatch of ${batchSize} fixture reports (whole process, ${batchRuns} rounds of 1 then 2 workers; load average ${loadavg()[0].toFixed(2)}):`);
  console.log(`  --concurrency 1 (checks in the main thread)  ${ms(median(one))}  ${(batchSize / (median(one) / 1000)).toFixed(1)} reports/s`);
  console.log(`  --concurrency 2 (two worker threads)        ${ms(median(two))}  ${(batchSize / (median(two) / 1000)).toFixed(1)} reports/s   throughput ×${gain.toFixed(2)}   target ≥ 1.7`);
  console.log(`  two processes side by side, each with half the reports on 1 thread: ${ms(median(apart))}  ×${median(one.map((o, i) => o / apart[i])).toFixed(2)} (two independent runs: what 2 threads can hope for on this machine)`);
  console.log(`  cores kept busy: ${median(busyOne).toFixed(2)} with 1, ${median(busyTwo).toFixed(2)} with 2 (CPU time on all threads ÷ wall time): 2 cores allow at most ×${(2 / median(busyOne)).toFixed(2)}`);
  console.log(`  the machine itself, 2 threads against 1: arithmetic loop ×${machine.loop.toFixed(2)}, allocating loop ×${machine.alloc.toFixed(2)}`);
  const mb = (kbs) => `${(median(kbs) / 1024).toFixed(0)} MB`;
  console.log(`  peak RSS: ${mb(rssOne)} with 1, ${mb(rssTwo)} with 2; ${2 * batchSize} reports on 1: ${mb(double.rss)} in ${ms(double.median)}`);
}

// ---- memory on a 20 MB text input
if (!values['no-memory']) {
  const big = largeText(join(tmp, 'big.txt'), sharedText, 20 * 1024 * 1024);
  const s = now();
  const r = spawnSync(process.execPath, [join(root, 'bench', 'rss-child.js'), big], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const took = now() - s;
  const rss = /maxRSS (\d+)/.exec(r.stderr)?.[1];
  if (!rss) throw new Error(`memory run failed: ${r.stderr}`);
  console.log(`\n20 MB text input (${kb(statSync(big).size)}): peak RSS ${(Number(rss) / 1024).toFixed(0)} MB, ${(took / 1000).toFixed(1)} s   target < 300 MB`);
}
