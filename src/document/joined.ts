import type { Block, ReportDocument } from './types.js';

const joined = new WeakMap<Block[], { count: number; text: string }>();

/**
 * Every block's folded text joined by '\n' in block order, made once per document and shared
 * by the stages that search the whole text (period detection, the text index): on a large
 * document each copy is as large as the text itself.
 */
export function joinedNorms(doc: ReportDocument): string {
  const known = joined.get(doc.blocks);
  if (known && known.count === doc.blocks.length) return known.text;
  const text = doc.blocks.map((b) => b.norm).join('\n');
  joined.set(doc.blocks, { count: doc.blocks.length, text });
  return text;
}
