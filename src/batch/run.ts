/**
 * Checks the files of a run: from the cache where unchanged, the rest in this thread or on
 * worker threads (`concurrency`), and hands every file's result over in input order as soon
 * as it and the files before it are done — a run over thousands of reports holds only the
 * results that finished ahead of an earlier file.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { CheckOptions } from '../index.js';
import type { ReportDocument } from '../document/types.js';
import type { FileResult } from '../report/result.js';
import { UsageError } from '../util/errors.js';
import { DEFAULT_CACHE_FILE, ResultCache, runKey } from './cache.js';
import { checkSafely } from './check-file.js';
import { checkOnWorkers, workersAvailable, type Task } from './pool.js';
import { progressBar } from './progress.js';
import { mayExhaustHeap, tightenHeapForLargeReports } from './heap.js';

/** Below this many files to check, starting workers costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 4;

export interface BatchOptions {
  /** Worker threads (default: the number of cores); 1 checks in this thread. */
  concurrency?: number;
  /** Reuse results of unchanged files: true for `.esglintcache`, or the cache file. */
  cache?: boolean | string;
  /** Show a progress bar on stderr (only on a terminal, for 10 files or more; the CLI does). */
  progress?: boolean;
  /** Called as each file is done (in completion order). */
  onProgress?: (done: number, total: number, path: string) => void;
}

export function defaultConcurrency(): number {
  return availableParallelism();
}

export async function checkFiles(
  files: string[],
  options: CheckOptions & BatchOptions,
  context: { version: string; rulesHash: string; previous: ReportDocument | undefined },
  checkHere: (path: string) => Promise<FileResult>,
  emit: (result: FileResult, index: number) => void,
): Promise<void> {
  const concurrency = options.concurrency ?? defaultConcurrency();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError(`invalid concurrency ${concurrency} (use a whole number ≥ 1)`);
  const cacheFile = options.cache ? (typeof options.cache === 'string' ? options.cache : DEFAULT_CACHE_FILE) : undefined;
  if (cacheFile && files.some((f) => resolve(f) === resolve(cacheFile))) {
    throw new UsageError(`--cache-location ${cacheFile} is one of the reports checked; esglint never writes to its input`);
  }
  const cache = cacheFile ? new ResultCache(cacheFile, runKey(context.version, context.rulesHash, options)) : undefined;

  const ahead = new Map<number, FileResult>();
  let nextOut = 0;
  // Whatever `emit` threw (say, the output could not be written): no more files are started.
  let emitFailure: { error: unknown } | undefined;
  const keys: (string | undefined)[] = new Array(files.length);
  const todo: Task[] = [];
  let done = 0;
  const bar = options.progress ? progressBar(files.length) : undefined;
  const loosenHeap = tightenHeapForLargeReports(files);
  const settle = (index: number, result: FileResult) => {
    cache?.set(files[index], keys[index], result);
    done++;
    bar?.tick(files[index]);
    options.onProgress?.(done, files.length, files[index]);
    ahead.set(index, result);
    while (!emitFailure && ahead.has(nextOut)) {
      const next = ahead.get(nextOut)!;
      ahead.delete(nextOut);
      try {
        emit(next, nextOut++);
      } catch (error) {
        emitFailure = { error };
      }
    }
  };
  const stopped = () => emitFailure !== undefined;

  try {
    for (let i = 0; i < files.length; i++) {
      if (cache) {
        keys[i] = await cache.keyOf(files[i]);
        const hit = cache.get(files[i], keys[i]);
        if (hit) {
          settle(i, hit);
          continue;
        }
      }
      todo.push({ index: i, path: files[i] });
    }

    // A read document as `previous` (API) cannot be handed to a thread: such runs stay here.
    // A report that could exhaust the heap is checked on a worker even alone (see mayExhaustHeap).
    const threads = Math.max(1, Math.min(concurrency, todo.length));
    const worthThreads = threads > 1 && todo.length >= MIN_FILES_FOR_WORKERS;
    const onWorkers = (worthThreads || todo.some((task) => mayExhaustHeap(task.path))) && typeof options.previous !== 'object' && workersAvailable();
    if (onWorkers) {
      const { onProgress: _p, cache: _c, baseline: _b, progress: _g, concurrency: _n, ...rest } = options;
      await checkOnWorkers(todo, { options: { ...rest, previous: options.previous as string | undefined } }, threads, settle, stopped);
    } else {
      for (const task of todo) {
        if (stopped()) break;
        settle(task.index, await checkSafely(task.path, checkHere));
      }
    }
  } finally {
    bar?.stop();
    loosenHeap();
  }
  if (emitFailure) throw emitFailure.error;
  cache?.save();
}
