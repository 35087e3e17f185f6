/**
 * micromark applies batched edits to its event list with EditMap.consume, which rebuilds the
 * whole list even when every edit is near its end. Closing a list item that holds a nested list
 * makes such an edit, so a list of n items each holding a list cost O(n²): 4,000 of them took
 * 7 s. This consume keeps the events before the first edit where they are and rebuilds only the
 * rest; the result is the same list (test/ingest/markdown-edit-map.test.ts compares the two).
 * EditMap is one module shared by micromark and its extensions, so replacing the method on its
 * prototype reaches every use.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

type Change = [index: number, remove: number, add: Event[]];

interface EditMapState {
  map: Change[];
  index: Map<number, Change>;
}

/** Applies the edits of `editMap` to `events`, touching only the events from the first edit on. */
export function consumeFromFirstEdit(this: EditMapState, events: Event[]): void {
  const changes = this.map;
  if (changes.length === 0) return;
  changes.sort((a, b) => a[0] - b[0]);
  const first = changes[0][0];
  const tail: Event[] = [];
  let from = first;
  for (const [index, remove, add] of changes) {
    for (let i = from; i < index; i++) tail.push(events[i]);
    for (const event of add) tail.push(event);
    from = index + remove;
  }
  for (let i = from; i < events.length; i++) tail.push(events[i]);
  events.length = first;
  for (const event of tail) events.push(event);
  changes.length = 0;
  this.index.clear();
}

export const originalConsume = EditMap.prototype.consume;

(EditMap.prototype as unknown as { consume: typeof consumeFromFirstEdit }).consume = consumeFromFirstEdit;
