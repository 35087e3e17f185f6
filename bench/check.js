#!/usr/bin/env node
// Times ingest and the whole check on a report (default: the shared 2024 report) and prints
// the medians. Usage: npm run bench [-- <report> [runs]]
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { cpus } from 'node:os';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const report = process.argv[2] ?? resolve(root, '..', 'shared', 'corpus', 'vcredit-esg-2024.zh-Hant.txt');
const runs = Number(process.argv[3] ?? 15);
if (!existsSync(report)) {
  console.error(`bench: ${report} not found; pass a report path`);
  process.exit(2);
}

const { ingestText, formatOf, decode } = await import(resolve(root, 'dist/ingest/index.js'));
const { checkDocument } = await import(resolve(root, 'dist/index.js'));
const { loadRules } = await import(resolve(root, 'dist/rules/load.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

const t0 = performance.now();
const rules = loadRules();
const loadMs = performance.now() - t0;
const bytes = readFileSync(report);
const format = formatOf(report);
const text = decode(report, bytes);

const ingest = [];
const check = [];
for (let i = 0; i < runs; i++) {
  let doc;
  ingest.push(time(() => (doc = ingestText(report, text, format))));
  check.push(time(() => checkDocument(doc, rules, {})));
}
const cli = [];
for (let i = 0; i < Math.min(runs, 7); i++) {
  const t = performance.now();
  spawnSync(process.execPath, [resolve(root, 'bin/esglint.js'), 'check', report, '-f', 'json', '--no-config'], { encoding: 'utf8' });
  cli.push(performance.now() - t);
}

console.log(`report: ${report} (${bytes.length} bytes, ${text.split('\n').length} lines)`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${runs} runs, medians`);
console.log(`rule packs load (once per process): ${loadMs.toFixed(1)} ms`);
console.log(`ingest (decode done, parse to ReportDocument): ${median(ingest).toFixed(1)} ms`);
console.log(`evidence + checks after ingest:              ${median(check).toFixed(1)} ms`);
console.log(`whole process, esglint check --format json:  ${median(cli).toFixed(0)} ms`);
