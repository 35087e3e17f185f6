/**
 * Checks many files on worker threads, each file once, results in input order. A worker that
 * dies (a crash, running out of memory) fails the file it was checking — reported as that
 * file's error — and is replaced while files remain.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { CheckOptions } from '../index.js';
import type { FileResult } from '../report/result.js';
import { packageRoot } from '../util/paths.js';
import { errorResult } from './check-file.js';

export interface Task {
  index: number;
  path: string;
}

export interface TaskResult {
  index: number;
  result: FileResult;
}

/** What each worker is started with: options that can be copied to a thread. */
export interface WorkerSetup {
  options: Omit<CheckOptions, 'previous' | 'onProgress' | 'cache' | 'baseline'> & { previous?: string };
}

/** The built worker script (tests that run the TypeScript sources use the build's). */
export const workerScript = join(packageRoot, 'dist', 'batch', 'worker.js');

export function workersAvailable(): boolean {
  return existsSync(workerScript);
}

const MAX_FAILURES_IN_A_ROW = 5;

const OUT_OF_MEMORY = 'it ran out of memory; Node can be given more with NODE_OPTIONS=--max-old-space-size=<MB>, or the report checked as text';

/**
 * The young generation of workers running side by side, larger than V8's default (16 MB
 * semi-spaces): parsing and checking a report allocate heavily, and with every core busy the
 * collector has no idle core to run on. Measured on 2 cores, 180 fixture reports a worker: 2
 * workers finished in 11.9–12.9 s instead of 16.2–16.3 s (CPU 23–25 s instead of 31 s). A worker
 * alone (a report that could exhaust the heap, see batch/heap.ts) keeps V8's default, which holds
 * less memory.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * Workers optimize their code on their own thread. V8 compiles hot code on a background thread;
 * with every core running a worker that thread gets no time, and workers run unoptimized code for
 * long (on 2 cores, a loop on 2 threads took 1.3 s instead of 0.2–0.3 s; 200 fixture reports on 2
 * workers 7.2–8.5 s instead of 9.0–9.7 s). The flag is read when an isolate is made: it is set
 * while workers start and put back once they run, so that this thread and any other isolate the
 * process makes later keep V8's default.
 */
let workersStarting = 0;

function beforeWorkerStarts(): void {
  if (workersStarting++ === 0) setFlagsFromString('--no-concurrent-recompilation');
}

function whenWorkerRuns(worker: Worker): void {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (--workersStarting === 0) setFlagsFromString('--concurrent-recompilation');
  };
  worker.once('online', release);
  worker.once('exit', release);
}

/**
 * Files handed to a worker ahead of the one it checks: it starts the next as soon as it posts a
 * result, instead of waiting for this thread to take the result in and send another — with
 * every core busy, this thread is not always running when a worker finishes (on 2 cores a
 * worker waited 8% of its time).
 */
const TASKS_IN_FLIGHT = 2;

export function checkOnWorkers(
  tasks: Task[],
  setup: WorkerSetup,
  concurrency: number,
  onResult: (index: number, result: FileResult) => void,
  stopped: () => boolean = () => false,
): Promise<void> {
  return new Promise((resolve) => {
    // Files not yet handed out; files a dead worker had queued go back to the front.
    const queue = [...tasks];
    let pending = tasks.length;
    let running = 0;
    // Workers that died one after another with no file done: the rest would fail alike.
    let failedInARow = 0;
    if (pending === 0) return resolve();

    const finish = (task: Task, result: FileResult) => {
      onResult(task.index, result);
      pending--;
      if (pending === 0) resolve();
    };
    // Once the caller has stopped, files not yet handed out are dropped and the run ends as
    // soon as the files being checked are done.
    const dropRemaining = () => {
      pending -= queue.length;
      queue.length = 0;
      if (pending === 0) resolve();
    };

    const start = () => {
      beforeWorkerStarts();
      const worker = new Worker(workerScript, {
        workerData: setup,
        stdout: false,
        stderr: false,
        // One worker alone checks a report that could exhaust the heap: V8's default holds less.
        resourceLimits: concurrency > 1 ? { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } : {},
      });
      whenWorkerRuns(worker);
      running++;
      // The worker checks these in order; the first is the one it is checking.
      const inFlight: Task[] = [];
      let failure: string | undefined;
      const feed = () => {
        if (stopped()) dropRemaining();
        while (inFlight.length < TASKS_IN_FLIGHT && queue.length > 0) {
          const task = queue.shift()!;
          inFlight.push(task);
          worker.postMessage(task);
        }
        if (inFlight.length === 0) void worker.terminate();
      };
      worker.on('message', (message: TaskResult) => {
        const task = inFlight.shift()!;
        failedInARow = 0;
        finish(task, message.result);
        feed();
      });
      worker.on('error', (err: NodeJS.ErrnoException) => {
        failure = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : err.message;
      });
      worker.on('exit', (code) => {
        running--;
        const current = inFlight.shift();
        queue.unshift(...inFlight);
        inFlight.length = 0;
        if (current) {
          const why = failure ?? `exit code ${code}`;
          finish(current, errorResult(current.path, `${current.path}: the worker checking this file stopped (${why}); the other files were checked`));
          failedInARow++;
        }
        if (failedInARow >= MAX_FAILURES_IN_A_ROW) {
          for (const task of queue.splice(0)) finish(task, errorResult(task.path, `${task.path}: not checked: ${failedInARow} workers in a row stopped before finishing a file`));
          return;
        }
        // Replace a worker that died while files remain to be handed out.
        if (queue.length > 0 && running < concurrency) start();
      });
      feed();
    };

    for (let i = 0; i < Math.min(concurrency, tasks.length); i++) start();
  });
}
