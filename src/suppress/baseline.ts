import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { FileResult, Result } from '../report/result.js';
import { summarize } from '../report/summary.js';
import { UsageError } from '../util/errors.js';
import { parseDataFile, validateData } from '../util/schema.js';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  item?: string;
  fingerprint: string;
  count: number;
  message?: string;
}

export interface Baseline {
  /** Where the baseline was read from (or will be written to). */
  file: string;
  findings: BaselineEntry[];
}

export const DEFAULT_BASELINE = 'esglint-baseline.json';

/** A report path as the baseline records it: relative to the baseline file, with '/'. */
function baselinePath(baselineFile: string, reportPath: string): string {
  return relative(dirname(resolve(baselineFile)), resolve(reportPath)).split(sep).join('/');
}

function keyOf(path: string, ruleId: string, item: string | undefined, fingerprint: string): string {
  return [path, ruleId, item ?? '', fingerprint].join('\u0000');
}

export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read the baseline (${(err as NodeJS.ErrnoException).code ?? 'error'}); create it with --update-baseline`);
  }
  const parsed = parseDataFile(file, text);
  validateData(file, 'baseline.schema.json', parsed, 'baseline');
  return { file, findings: (parsed.data as { findings: BaselineEntry[] }).findings };
}

/** The baseline that accepts every finding of the result, in a stable order. */
export function baselineOf(result: Result, file: string): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of result.files) {
    const path = baselinePath(file, f.path);
    for (const x of f.findings) {
      const fingerprint = x.fingerprint ?? '';
      const key = keyOf(path, x.ruleId, x.item, fingerprint);
      const entry = entries.get(key);
      if (entry) entry.count++;
      else entries.set(key, { path, ruleId: x.ruleId, ...(x.item ? { item: x.item } : {}), fingerprint, count: 1, message: x.message });
    }
  }
  const findings = [...entries.values()].sort((a, b) =>
    a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || (a.item ?? '').localeCompare(b.item ?? '', 'en', { numeric: true }) || a.fingerprint.localeCompare(b.fingerprint));
  return { file, findings };
}

export function writeBaseline(baseline: Baseline): void {
  const body = { version: 1, findings: baseline.findings };
  try {
    writeFileSync(baseline.file, JSON.stringify(body, null, 2) + '\n');
  } catch (err) {
    throw new UsageError(`${baseline.file}: cannot write the baseline (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * Moves the findings the baseline accepts to `suppressed` (each entry accepts up to `count`
 * findings of its file), recounts the summary and records how many entries matched nothing.
 */
export function applyBaseline(result: Result, baseline: Baseline): Result {
  const remaining = new Map<string, number>();
  for (const e of baseline.findings) {
    const key = keyOf(e.path, e.ruleId, e.item, e.fingerprint);
    remaining.set(key, (remaining.get(key) ?? 0) + e.count);
  }
  let matched = 0;
  const files: FileResult[] = result.files.map((f) => {
    const path = baselinePath(baseline.file, f.path);
    const findings = [];
    const suppressed = [...(f.suppressed ?? [])];
    for (const x of f.findings) {
      const key = keyOf(path, x.ruleId, x.item, x.fingerprint ?? '');
      const left = remaining.get(key) ?? 0;
      if (left > 0) {
        remaining.set(key, left - 1);
        suppressed.push({ finding: x, kind: 'baseline' });
        matched++;
      } else findings.push(x);
    }
    return { ...f, findings, suppressed };
  });
  const unmatched = [...remaining.values()].reduce((a, b) => a + b, 0);
  return { ...result, files, summary: summarize(files), baseline: { path: baseline.file, matched, unmatched } };
}
