import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.fn();
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString: setFlags }));
const { LARGE_REPORT_BYTES, mayExhaustHeap, tightenHeapForLargeReports } = await import('../../src/batch/heap.js');

const dir = mkdtempSync(join(tmpdir(), 'esglint-heap-'));
const small = join(dir, 'small.txt');
const large = join(dir, 'large.txt');
writeFileSync(small, 'A small report.\n');
writeFileSync(large, '');
truncateSync(large, LARGE_REPORT_BYTES);

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => setFlags.mockClear());

describe('heap growth for large reports', () => {
  it('leaves V8 alone for small and unreadable files', () => {
    tightenHeapForLargeReports([small, join(dir, 'missing.txt')])();
    expect(setFlags).not.toHaveBeenCalled();
  });

  it('limits heap growth while a large report is in the run, then restores the default', () => {
    const restore = tightenHeapForLargeReports([small, large]);
    expect(setFlags).toHaveBeenCalledTimes(1);
    expect(setFlags.mock.calls[0][0]).toMatch(/^--heap-growing-percent=[1-9]\d*$/);
    restore();
    expect(setFlags).toHaveBeenLastCalledWith('--heap-growing-percent=0');
  });
});

describe('reports that could exhaust the heap', () => {
  const kilobyte = (name: string) => {
    const file = join(dir, name);
    writeFileSync(file, 'x'.repeat(1024));
    return file;
  };

  it('weighs a file by the peak its format can reach: Markdown, HTML and DOCX far more than text', () => {
    const limit = 200 * 1024; // half of it is 100 KB
    expect(mayExhaustHeap(kilobyte('a.md'), limit)).toBe(true);
    expect(mayExhaustHeap(kilobyte('a.html'), limit)).toBe(true);
    expect(mayExhaustHeap(kilobyte('a.docx'), limit)).toBe(true);
    expect(mayExhaustHeap(kilobyte('a.txt'), limit)).toBe(false);
    expect(mayExhaustHeap(kilobyte('a.md'), 2 * 1024 * 1024)).toBe(false);
  });

  it('leaves files that cannot be read, and small ones under the real limit, to the usual path', () => {
    expect(mayExhaustHeap(join(dir, 'missing.md'))).toBe(false);
    expect(mayExhaustHeap(small)).toBe(false);
  });
});
