import { statSync } from 'node:fs';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { formatOf, type FileKind } from '../ingest/index.js';

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

/**
 * Peak heap a check can need per byte of input, by format: the worst shapes measured. Markdown
 * and HTML parsers hold every token until the end of a parse (a Markdown list of short items:
 * about 500 bytes a byte); DOCX and PDF files are compressed; text peaks near 15 bytes a byte.
 */
const PEAK_HEAP_PER_BYTE: Record<FileKind, number> = { markdown: 500, html: 500, docx: 500, pdf: 100, text: 20 };

/**
 * Whether checking `file` could take more than half of the heap V8 allows this process. Such a
 * report is checked on a worker thread: a worker that runs out of memory fails its file, where
 * this thread running out of memory would end the process.
 */
export function mayExhaustHeap(file: string, heapLimit = getHeapStatistics().heap_size_limit): boolean {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return false;
  }
  return size * PEAK_HEAP_PER_BYTE[formatOf(file) ?? 'text'] > heapLimit / 2;
}
