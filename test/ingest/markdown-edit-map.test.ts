import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { consumeFromFirstEdit, originalConsume } from '../../src/ingest/markdown-edit-map.js';
import { readMarkdown } from '../../src/ingest/markdown.js';

type Consume = (this: EditMap, events: Event[]) => void;
const proto = EditMap.prototype as unknown as { consume: Consume };

function withConsume<T>(consume: Consume, run: () => T): T {
  const kept = proto.consume;
  proto.consume = consume;
  try {
    return run();
  } finally {
    proto.consume = kept;
  }
}

function markdownFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFixtures(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const nestedList = (items: number) => Array.from({ length: items }, (_, i) => `- item ${i}\n  - sub ${i}\n    > quote ${i}\nlazy ${i}\n`).join('');

describe('EditMap.consume from the first edit on', () => {
  it('is the method micromark and its extensions use once the Markdown reader is loaded', () => {
    expect(proto.consume).toBe(consumeFromFirstEdit);
    const spy = vi.spyOn(proto, 'consume');
    try {
      readMarkdown('r.md', nestedList(3));
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves the same events as micromark\'s own consume for any set of edits', () => {
    const edit = fc.record({ at: fc.nat(40), remove: fc.nat(6), add: fc.array(fc.nat(99), { maxLength: 5 }), before: fc.boolean() });
    fc.assert(
      fc.property(fc.nat(40), fc.array(edit, { maxLength: 8 }), (length, edits) => {
        const apply = (consume: Consume) => {
          const events = Array.from({ length }, (_, i) => `e${i}`) as unknown as Event[];
          const map = new EditMap();
          for (const e of edits) {
            const add = e.add.map((n) => `a${n}`) as unknown as Event[];
            if (e.before) map.addBefore(e.at, e.remove, add);
            else map.add(e.at, e.remove, add);
          }
          consume.call(map, events);
          return events;
        };
        expect(apply(consumeFromFirstEdit)).toEqual(apply(originalConsume));
      }),
      { numRuns: 500 },
    );
  });

  it('reads every Markdown fixture and nested lists into the same document as micromark\'s own consume', () => {
    const sources = markdownFixtures(join(import.meta.dirname, '..', 'fixtures')).map((f) => readFileSync(f, 'utf8'));
    sources.push(nestedList(50), '> - a\n>   - b\n> c\n\n1. x\n   > y\n   z\n');
    for (const source of sources) {
      const theirs = withConsume(originalConsume, () => readMarkdown('r.md', source));
      const ours = withConsume(consumeFromFirstEdit, () => readMarkdown('r.md', source));
      expect(ours).toEqual(theirs);
    }
  });
});
