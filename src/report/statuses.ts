import type { FileResult, ResultItem } from './result.js';

export type Status = ResultItem['status'];

/** Every status, in display order; 'not-required' (GRI) is shown only where it occurs. */
const ALL: Status[] = ['addressed', 'partial', 'explained', 'missing', 'not-required'];

export function statusesOf(files: FileResult[]): Status[] {
  const present = new Set(files.flatMap((f) => f.items.map((i) => i.status)));
  return ALL.filter((s) => s !== 'not-required' || present.has(s));
}

/** Items per status, in display order. */
export function statusCounts(file: FileResult, statuses: Status[] = statusesOf([file])): [Status, number][] {
  return statuses.map((s) => [s, file.items.filter((i) => i.status === s).length]);
}
