/**
 * A worker thread of a batch: loads the rules once, then checks the files the main thread
 * sends, one at a time in the order sent, and posts each result back with its index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, type CheckOptions } from '../index.js';
import { ingestFile } from '../ingest/index.js';
import { readPrevious } from '../compare/previous.js';
import { loadRules } from '../rules/load.js';
import type { ReportDocument } from '../document/types.js';
import { checkSafely } from './check-file.js';
import type { Task, TaskResult, WorkerSetup } from './pool.js';

const { options } = workerData as WorkerSetup;
const rules = loadRules(options.rulesDir);
let previous: Promise<ReportDocument> | undefined;

async function checkOne(path: string) {
  if (typeof options.previous === 'string') previous ??= readPrevious(options.previous, options);
  const doc = await ingestFile(path, options);
  const prior = previous ? await previous : undefined;
  return checkDocument(doc, rules, { ...(options as CheckOptions), previous: prior });
}

async function check(task: Task) {
  // A test hook: simulate a worker that dies while checking a given file.
  const crash = process.env.ESGLINT_TEST_WORKER_CRASH;
  if (crash && task.path.includes(crash)) process.exit(70);
  const result = await checkSafely(task.path, checkOne);
  parentPort!.postMessage({ index: task.index, result } satisfies TaskResult);
}

// The main thread sends the next file before this one is done: checks run one after another.
let last: Promise<void> = Promise.resolve();
parentPort!.on('message', (task: Task) => {
  last = last.then(() => check(task));
});
