/**
 * Pairs the paragraphs of this year's draft with last year's report: those carried over word
 * for word, and those where only years or figures changed.
 */
import type { Block, ReportDocument } from '../document/types.js';

export type Carry = 'unchanged' | 'figures-changed';

export interface CarriedParagraph {
  block: Block;
  previous: Block;
  carry: Carry;
}

/** Display width: a Chinese character counts double, the way a page lays it out. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

const flat = (norm: string) => norm.replace(/\s+/g, ' ').trim();
/** Years, figures and ordinals masked: "in 2023 we planted 1,200 trees" ~ "in 2024 we planted 1,350 trees". */
const masked = (norm: string) => flat(norm).replace(/\d[\d,.]*/g, '#');

function eligible(block: Block, minWidth: number): boolean {
  if (block.role !== 'body' || (block.kind !== 'paragraph' && block.kind !== 'list')) return false;
  const text = flat(block.norm);
  if (!/[a-z\u3400-\u9fff]/.test(text)) return false;
  return displayWidth(text) >= minWidth;
}

export function carriedParagraphs(current: ReportDocument, previous: ReportDocument, minWidth: number): CarriedParagraph[] {
  const exact = new Map<string, Block>();
  const loose = new Map<string, Block>();
  for (const b of previous.blocks) {
    if (!eligible(b, minWidth)) continue;
    if (!exact.has(flat(b.norm))) exact.set(flat(b.norm), b);
    if (!loose.has(masked(b.norm))) loose.set(masked(b.norm), b);
  }
  const out: CarriedParagraph[] = [];
  for (const b of current.blocks) {
    if (!eligible(b, minWidth)) continue;
    const same = exact.get(flat(b.norm));
    if (same) {
      out.push({ block: b, previous: same, carry: 'unchanged' });
      continue;
    }
    const similar = loose.get(masked(b.norm));
    if (similar) out.push({ block: b, previous: similar, carry: 'figures-changed' });
  }
  return out;
}
