#!/usr/bin/env node
// How well the evidence lexicon of the HKEX 2020 pack tells a sentence's aspect.
// Usage: npm run bench:lexicon -- [csv] (columns: sentence, source_label, hkex_aspect).
// A sentence is assigned every aspect one of whose items has an element found in it; the
// label `B1-B4` accepts any of B1…B4 (scored on one group row), `none` expects no aspect.
// Prints per-aspect precision and recall, and `macro-F1 <value>` (over the aspects the set
// labels) as the last line.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = process.argv[2] ?? resolve(root, '..', 'shared', 'data', 'lcy-sentences-dev.csv');
if (!existsSync(csvPath)) {
  console.error(`bench:lexicon: ${csvPath} not found`);
  process.exit(2);
}
const { readMarkdown } = await import(resolve(root, 'dist/ingest/markdown.js'));
const { CoverageFinder } = await import(resolve(root, 'dist/evidence/coverage.js'));
const { loadRules } = await import(resolve(root, 'dist/rules/load.js'));

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const rules = loadRules();
const pack = rules.packs.find((p) => p.edition === 'hkex-esg-2020');
const items = pack.items.filter((i) => i.aspect);
const aspects = [...new Set(items.map((i) => i.aspect))].sort();
const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
const col = (name) => header.indexOf(name);
const S = col('sentence'), L = col('hkex_aspect');

/** An item's topic terms name its subject: a sentence using one is about the item's aspect. */
function topicFound(finder, item) {
  return (item.evidence.topic ?? []).some((t) => finder.index.find(t).length > 0);
}

const stats = Object.fromEntries([...aspects, 'B1-B4'].map((a) => [a, { tp: 0, fp: 0, fn: 0 }]));
for (const r of rows) {
  const sentence = r[S];
  const label = r[L];
  const doc = readMarkdown('s.md', sentence.replace(/^[#>*\-+\d.|]+/, ''));
  const finder = new CoverageFinder(doc, rules.common);
  const predicted = new Set();
  for (const item of items) {
    const c = finder.cover(pack, item);
    if (c.elements.some((e) => e.found) || topicFound(finder, item)) predicted.add(item.aspect);
  }
  const expected = label === 'none' ? [] : label === 'B1-B4' ? ['B1', 'B2', 'B3', 'B4'] : [label];
  const anyOf = label === 'B1-B4';
  for (const a of aspects) {
    // A "B1-B4" sentence is scored once, on the group row below, not on each of B1…B4.
    if (anyOf && expected.includes(a)) continue;
    const isExpected = expected.includes(a);
    if (predicted.has(a) && isExpected) stats[a].tp++;
    else if (predicted.has(a) && !isExpected) stats[a].fp++;
    else if (!predicted.has(a) && isExpected) stats[a].fn++;
  }
  // Employee sentences without a finer label: right when any of B1…B4 is predicted.
  const group = ['B1', 'B2', 'B3', 'B4'].some((a) => predicted.has(a));
  if (anyOf) group ? stats['B1-B4'].tp++ : stats['B1-B4'].fn++;
  else if (group) stats['B1-B4'].fp++;
}
let f1sum = 0, counted = 0;
console.log('aspect  precision  recall   f1     (tp/fp/fn)');
for (const a of [...aspects, 'B1-B4']) {
  const { tp, fp, fn } = stats[a];
  // Aspects the set never labels on their own (B1…B4 here) have no recall to measure.
  if (tp + fn === 0) {
    if (fp > 0) console.log(`${a.padEnd(7)} (no sentence labelled ${a} alone; ${fp} predicted outside B1-B4 — not in the macro average)`);
    continue;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  f1sum += f1; counted++;
  console.log(`${a.padEnd(7)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)} ${f1.toFixed(3).padStart(6)}  (${tp}/${fp}/${fn})`);
}
console.log(`sentences ${rows.length}`);
console.log(`macro-F1 ${(f1sum / Math.max(1, counted)).toFixed(3)}`);
