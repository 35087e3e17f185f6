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
  return join(doc.blocks);
}

/**
 * Makes the joined folded text as a document is built, and makes each block's folded text that
 * differs from its text a slice of it: the folded text is then held once, not once in the
 * blocks and again in the joined text.
 */
export function shareJoinedNorms(blocks: Block[]): void {
  const { text, starts } = join(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.norm !== b.text) b.norm = text.slice(starts[i], starts[i] + b.norm.length);
  }
}

function join(blocks: Block[]): JoinedNorms {
  const starts = new Array<number>(blocks.length);
  let offset = 0;
  for (let i = 0; i < blocks.length; i++) {
    starts[i] = offset;
    offset += blocks[i].norm.length + 1;
  }
  const made = { count: blocks.length, text: blocks.map((b) => b.norm).join('\n'), starts };
  joined.set(blocks, made);
  return made;
}
