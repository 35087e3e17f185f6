import type { FileResult, Result } from './result.js';

/** Counts findings by severity as files come, one at a time; suppressed findings apart. */
export class SummaryTally {
  private readonly counts = { errors: 0, warnings: 0, infos: 0, files: 0, failedFiles: 0, suppressed: 0 };

  add(file: FileResult): void {
    const c = this.counts;
    c.files++;
    if (file.error) c.failedFiles++;
    c.suppressed += file.suppressed?.length ?? 0;
    for (const x of file.findings) {
      if (x.severity === 'error') c.errors++;
      else if (x.severity === 'warning') c.warnings++;
      else c.infos++;
    }
  }

  summary(): Result['summary'] {
    return { ...this.counts };
  }
}

/** Counts the findings of every file by severity; suppressed findings are counted apart. */
export function summarize(files: FileResult[]): Result['summary'] {
  const tally = new SummaryTally();
  for (const f of files) tally.add(f);
  return tally.summary();
}
