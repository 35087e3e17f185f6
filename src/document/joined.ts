import type { Block, ReportDocument } from './types.js';

/** The blocks' folded text joined by '\n' in block order, and where each block starts in it. */
export interface JoinedNorms {
  text: string;
  starts: number[];
}

const joined = new WeakMap<Block[], JoinedNorms & { count: number }>();

/**
 * Every block's folded text joined by '\n' in block order, made once per document and shared
 * by the stages that search the whole text (period detection, the text index): on a large
 * document each copy is as large as the text itself.
 */
export function joinedNorms(doc: ReportDocument): JoinedNorms {
  const known = joined.get(doc.blocks);
  if (known && known.count === doc.blocks.length) return known;
  const starts: number[] = [];
  let offset = 0;
  for (const block of doc.blocks) {
    starts.push(offset);
    offset += block.norm.length + 1;
  }
  const made = { count: doc.blocks.length, text: doc.blocks.map((b) => b.norm).join('\n'), starts };
  joined.set(doc.blocks, made);
  return made;
}
