import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const setFlags = vi.fn();
vi.mock('node:v8', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:v8')>()), setFlagsFromString: setFlags }));
const { LARGE_REPORT_BYTES, tightenHeapForLargeReports } = await import('../../src/batch/heap.js');

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
