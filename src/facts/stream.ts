import type { Block, ReportDocument } from '../document/types.js';

/**
 * The document as the physical lines it was printed in, in reading order: PDF text flattens a
 * table into rows, headings and paragraphs that the ingest stage grouped by prose rules; the
 * facts reader needs the lines back. Every line keeps its block, so positions stay exact.
 */
export interface StreamLine {
  /** Index in the stream. */
  index: number;
  text: string;
  line: number;
  column: number;
  page?: number;
  block: Block;
  /** Offset of this line in the block's text. */
  offset: number;
  kind: Block['kind'];
}

export function lineStream(doc: ReportDocument): StreamLine[] {
  const out: StreamLine[] = [];
  for (const block of doc.blocks) {
    if (block.role !== 'body') continue;
    if (block.kind === 'table' && doc.format === 'markdown') continue;
    const segs = block.segments;
    if (segs.length === 0) continue;
    if (block.kind === 'table' && block.rows) {
      // PDF-text tables: one row per line, in order; offsets follow the joined text.
      let offset = 0;
      const texts = block.text.split('\n');
      block.rows.forEach((row, i) => {
        const seg = segs.find((s) => s.line === row.line) ?? segs[Math.min(i, segs.length - 1)];
        const text = texts[i] ?? row.cells.join(' ');
        out.push({ index: out.length, text, line: row.line, column: seg.column, page: seg.page ?? block.page, block, offset, kind: 'table' });
        offset += text.length + 1;
      });
      continue;
    }
    for (let i = 0; i < segs.length; i++) {
      const start = segs[i].offset;
      const end = i + 1 < segs.length ? segs[i + 1].offset : block.text.length;
      const raw = block.text.slice(start, end).replace(/\n$/, '');
      let pieceOffset = start;
      for (const [j, piece] of raw.split('\n').entries()) {
        const offset = pieceOffset;
        pieceOffset += piece.length + 1;
        if (piece.trim() === '') continue;
        const lead = piece.length - piece.trimStart().length;
        out.push({
          index: out.length,
          text: piece.trim(),
          line: segs[i].line + j,
          column: (j === 0 ? segs[i].column : 1) + lead,
          page: segs[i].page ?? block.page,
          block,
          offset: offset + lead,
          kind: block.kind,
        });
      }
    }
  }
  return out;
}

/** Display width: CJK counts double. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
