import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

/** From this size on, a report is checked with the heap kept close to what it holds. */
export const LARGE_REPORT_BYTES = 4 * 1024 * 1024;

/**
 * How much V8 lets the heap grow after each full collection while a large report is checked.
 * By default it lets the heap grow to up to four times what is live when a program allocates
 * fast, which on a 20 MB report is more memory than the check holds at any moment; growing by a
 * fifth each time costs a few more collections (see bench/: peak RSS on the 20 MB input).
 */
const LARGE_REPORT_HEAP_GROWING_PERCENT = 20;

/**
 * Keeps the heap tight while the run holds a large report, and gives back V8's default with the
 * returned function. The flag is the process's, read at each collection (worker threads too).
 */
export function tightenHeapForLargeReports(files: string[]): () => void {
  if (!files.some(isLarge)) return () => {};
  setFlagsFromString(`--heap-growing-percent=${LARGE_REPORT_HEAP_GROWING_PERCENT}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}

function isLarge(file: string): boolean {
  try {
    return statSync(file).size >= LARGE_REPORT_BYTES;
  } catch {
    // A file that cannot be read is reported as such when it is checked.
    return false;
  }
}
