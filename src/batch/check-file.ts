/** Checking one file of a batch: any failure becomes that file's error, never the run's. */
import type { FileResult } from '../report/result.js';
import { InputError } from '../util/errors.js';

export function errorResult(path: string, error: string): FileResult {
  return { path, error, period: null, editions: [], items: [], facts: [], findings: [] };
}

/** Runs `check` on one file; an input error or an unexpected one is reported as the file's error. */
export async function checkSafely(path: string, check: (path: string) => Promise<FileResult>): Promise<FileResult> {
  try {
    return await check(path);
  } catch (err) {
    if (err instanceof InputError) return errorResult(path, err.message);
    return errorResult(path, `${path}: internal error while checking this file: ${(err as Error)?.message ?? String(err)}`);
  }
}
