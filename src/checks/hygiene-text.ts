/** Finding hygiene patterns (rules/hygiene.yaml) in a document, with their places. */
import type { Block, Position } from '../document/types.js';
import { positionInBlock } from '../document/build.js';
import type { TextIndex } from '../evidence/text-index.js';
import { hasWithin } from '../util/sorted.js';
import type { TextPattern } from '../rules/hygiene.js';
import { normalize } from '../util/normalize.js';
import { blocksWhereMayMatch } from '../util/joined-text.js';

export interface TextHit {
  block: Block;
  /** Offsets in the block's text (the folded text has the same offsets). */
  start: number;
  end: number;
  /** The words as written in the report. */
  text: string;
  /** Named groups of a regular expression, folded (lower case, Simplified Chinese). */
  groups: Record<string, string | undefined>;
  /** The same groups as written in the report. */
  written: Record<string, string | undefined>;
}

/** Every place where a pattern occurs, in document order, overlapping hits merged. */
export function findPattern(index: TextIndex, pattern: TextPattern, accept: (b: Block) => boolean = () => true): TextHit[] {
  const hits: TextHit[] = [];
  for (const phrase of pattern.phrases) {
    const length = normalize(phrase.replace(/\*$/, '')).trim().length;
    for (const offset of index.find(phrase)) {
      const block = index.blockAt(offset);
      if (!accept(block)) continue;
      const start = offset - index.blockStarts[block.index];
      hits.push(hit(block, start, Math.min(block.text.length, start + length), {}, {}));
    }
  }
  // Each expression is run only in the blocks where the joined text says it may match (all
  // blocks when that cannot be told), block by block in document order as before.
  const regex = pattern.regex.map((re) => ({ re, blocks: blocksToTry(index, re, pattern.caseSensitive) })).filter((r) => r.blocks?.length !== 0);
  if (regex.length > 0) {
    const next = regex.map(() => 0);
    for (const b of candidateBlocks(index, regex.map((r) => r.blocks))) {
      const block = index.doc.blocks[b];
      if (!accept(block)) continue;
      const subject = pattern.caseSensitive ? block.text : block.norm;
      for (let r = 0; r < regex.length; r++) {
        const { re, blocks } = regex[r];
        if (blocks) {
          while (next[r] < blocks.length && blocks[next[r]] < b) next[r]++;
          if (blocks[next[r]] !== b) continue;
        }
        for (const m of subject.matchAll(re)) {
          if (m[0].length === 0) continue;
          // Report the match without the context it had to consume on its left (a clause start).
          const lead = m[0].length - m[0].trimStart().length;
          const written: TextHit['written'] = {};
          for (const [name, at] of Object.entries(m.indices?.groups ?? {})) written[name] = at ? block.text.slice(at[0], at[1]) : undefined;
          hits.push(hit(block, m.index + lead, m.index + m[0].length, { ...m.groups }, written));
        }
      }
    }
  }
  return mergeOverlapping(hits);
}

/** The blocks (ascending) in which the expression may match; undefined: any block may. */
function blocksToTry(index: TextIndex, re: RegExp, caseSensitive: boolean): number[] | undefined {
  if (caseSensitive) {
    // Few expressions read the original text: each block is tested on its own rather than on a
    // joined copy of the whole original text kept for them.
    const blocks: number[] = [];
    index.doc.blocks.forEach((b, i) => {
      re.lastIndex = 0;
      if (re.test(b.text)) blocks.push(i);
    });
    re.lastIndex = 0;
    return blocks;
  }
  return blocksWhereMayMatch(index.text, index.blockStarts, re);
}

/** The blocks any of the expressions may match in, ascending (every block when one may match anywhere). */
function candidateBlocks(index: TextIndex, lists: (number[] | undefined)[]): Iterable<number> {
  if (lists.some((l) => l === undefined)) return index.doc.blocks.keys();
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flatMap((l) => l!))].sort((a, b) => a - b);
}

function hit(block: Block, start: number, end: number, groups: TextHit['groups'], written: TextHit['written']): TextHit {
  return { block, start, end, text: block.text.slice(start, end).replace(/\s+/g, ' ').trim(), groups, written };
}

function mergeOverlapping(hits: TextHit[]): TextHit[] {
  hits.sort((a, b) => a.block.index - b.block.index || a.start - b.start || b.end - a.end);
  const out: TextHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && last.block === h.block && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}

/**
 * True when one of the phrases occurs within `window` characters of the hit; the window may
 * reach into the neighbouring blocks (a PDF index puts "A1.2" and "[deleted]" on separate lines).
 */
export function phraseNear(index: TextIndex, h: TextHit, phrases: string[], window: number): boolean {
  if (phrases.length === 0) return false;
  const base = index.blockStarts[h.block.index];
  const from = base + h.start - window;
  const to = base + h.end + window;
  return phrases.some((p) => hasWithin(index.find(p), from, to - 1) !== undefined);
}

/** True when one of the phrases occurs in [from, to) of the block. */
export function phraseWithin(index: TextIndex, block: Block, from: number, to: number, phrases: string[]): boolean {
  const base = index.blockStarts[block.index];
  return phrases.some((p) => hasWithin(index.find(p), base + from, base + to - 1) !== undefined);
}

/** Line, column and page of an offset in a block. */
export function locate(block: Block, offset: number): Position {
  const pos = positionInBlock(block, offset);
  let page = block.page;
  for (const s of block.segments) {
    if (s.offset <= offset) page = s.page ?? page;
    else break;
  }
  return page === undefined ? pos : { ...pos, page };
}

const SENTENCE_END = /[。！？!?；;\n]|\.(?=\s|$)/g;

/** The sentence around an offset: [start, end) in the block's text. */
export function sentenceAround(text: string, offset: number): [number, number] {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const after = m.index + m[0].length;
    if (after <= offset) start = after;
    else if (m.index >= offset) {
      end = after;
      break;
    }
  }
  return [start, end];
}

/** A short one-line quotation for a message. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export const notFurniture = (b: Block): boolean => b.role !== 'furniture';
