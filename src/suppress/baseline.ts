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

/** Gathers, file by file, the baseline that accepts every finding; entries in a stable order. */
export class BaselineBuilder {
  private readonly entries = new Map<string, BaselineEntry>();

  constructor(readonly file: string) {}

  /** Adds the file's findings; returns the entries of this file alone. */
  add(result: FileResult): BaselineEntry[] {
    const path = baselinePath(this.file, result.path);
    const own: BaselineEntry[] = [];
    for (const x of result.findings) {
      const fingerprint = x.fingerprint ?? '';
      const key = keyOf(path, x.ruleId, x.item, fingerprint);
      const entry = this.entries.get(key);
      if (entry) entry.count++;
      else {
        const added = { path, ruleId: x.ruleId, ...(x.item ? { item: x.item } : {}), fingerprint, count: 1, message: x.message };
        this.entries.set(key, added);
        own.push(added);
      }
    }
    return own;
  }

  baseline(): Baseline {
    const findings = [...this.entries.values()].sort((a, b) =>
      a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || (a.item ?? '').localeCompare(b.item ?? '', 'en', { numeric: true }) || a.fingerprint.localeCompare(b.fingerprint));
    return { file: this.file, findings };
  }
}

/** The baseline that accepts every finding of the result, in a stable order. */
export function baselineOf(result: Result, file: string): Baseline {
  const builder = new BaselineBuilder(file);
  for (const f of result.files) builder.add(f);
  return builder.baseline();
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
 * Moves the findings a baseline accepts to `suppressed`, file by file (each entry accepts up to
 * `count` findings of its file), and counts what matched and which entries matched nothing.
 */
export class BaselineMatcher {
  private readonly remaining = new Map<string, number>();
  private matched = 0;

  constructor(private readonly baseline: Baseline) {
    for (const e of baseline.findings) {
      const key = keyOf(e.path, e.ruleId, e.item, e.fingerprint);
      this.remaining.set(key, (this.remaining.get(key) ?? 0) + e.count);
    }
  }

  apply(f: FileResult): FileResult {
    const path = baselinePath(this.baseline.file, f.path);
    const findings = [];
    const suppressed = [...(f.suppressed ?? [])];
    for (const x of f.findings) {
      const key = keyOf(path, x.ruleId, x.item, x.fingerprint ?? '');
      const left = this.remaining.get(key) ?? 0;
      if (left > 0) {
        this.remaining.set(key, left - 1);
        suppressed.push({ finding: x, kind: 'baseline' });
        this.matched++;
      } else findings.push(x);
    }
    return { ...f, findings, suppressed };
  }

  /** What the result records of the baseline, once every file has been through `apply`. */
  report(): NonNullable<Result['baseline']> {
    const unmatched = [...this.remaining.values()].reduce((a, b) => a + b, 0);
    return { path: this.baseline.file, matched: this.matched, unmatched };
  }
}

/** Applies the baseline to every file of a result and recounts its summary. */
export function applyBaseline(result: Result, baseline: Baseline): Result {
  const matcher = new BaselineMatcher(baseline);
  const files = result.files.map((f) => matcher.apply(f));
  return { ...result, files, summary: summarize(files), baseline: matcher.report() };
}
