import type { FileResult, Result } from './result.js';

/** Counts the findings of every file by severity; suppressed findings are counted apart. */
export function summarize(files: FileResult[]): Result['summary'] {
  const summary = { errors: 0, warnings: 0, infos: 0, files: files.length, failedFiles: 0, suppressed: 0 };
  for (const f of files) {
    if (f.error) summary.failedFiles++;
    summary.suppressed += f.suppressed?.length ?? 0;
    for (const x of f.findings) {
      if (x.severity === 'error') summary.errors++;
      else if (x.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}
