import type { Block, ReportDocument } from '../document/types.js';
import { segmentCount } from '../document/build.js';

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

/**
 * The stream, one column per property: a large text has hundreds of thousands of lines, and
 * an object (and a string) per line held through the whole facts stage would be most of its
 * memory. `at(i)` makes line i's object when a reader asks for it; its text is cut from the
 * block's text then.
 */
export class LineStream implements Iterable<StreamLine> {
  private readonly blockIndex: Int32Array;
  private readonly lineNo: Int32Array;
  private readonly columnNo: Int32Array;
  /** 0 where the line has no page. */
  private readonly pageNo: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  /** Texts that are not a part of the block's text, by line (a table row without a text line). */
  private readonly ownTexts: Map<number, string>;
  readonly length: number;

  constructor(private readonly blocks: readonly Block[], lines: LineColumns) {
    lines.trim();
    this.length = lines.count;
    this.blockIndex = lines.block;
    this.lineNo = lines.line;
    this.columnNo = lines.column;
    this.pageNo = lines.page;
    this.start = lines.start;
    this.end = lines.end;
    this.ownTexts = lines.ownTexts;
  }

  text(i: number): string {
    return this.ownTexts.get(i) ?? this.blocks[this.blockIndex[i]].text.slice(this.start[i], this.end[i]);
  }

  line(i: number): number {
    return this.lineNo[i];
  }

  page(i: number): number | undefined {
    return this.pageNo[i] === 0 ? undefined : this.pageNo[i];
  }

  at(i: number): StreamLine {
    const block = this.blocks[this.blockIndex[i]];
    return { index: i, text: this.text(i), line: this.lineNo[i], column: this.columnNo[i], page: this.page(i), block, offset: this.start[i], kind: block.kind };
  }

  *[Symbol.iterator](): Iterator<StreamLine> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** The stream's columns while they are filled, made for `capacity` lines and grown if more come. */
class LineColumns {
  count = 0;
  block: Int32Array;
  line: Int32Array;
  column: Int32Array;
  page: Int32Array;
  start: Int32Array;
  end: Int32Array;
  ownTexts = new Map<number, string>();

  constructor(capacity: number) {
    const size = Math.max(1, capacity);
    this.block = new Int32Array(size);
    this.line = new Int32Array(size);
    this.column = new Int32Array(size);
    this.page = new Int32Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  add(block: number, line: number, column: number, page: number | undefined, start: number, end: number): number {
    if (this.count === this.block.length) this.grow();
    const i = this.count++;
    this.block[i] = block;
    this.line[i] = line;
    this.column[i] = column;
    this.page[i] = page ?? 0;
    this.start[i] = start;
    this.end[i] = end;
    return i;
  }

  private grow(): void {
    this.resize(2 * this.block.length);
  }

  /** Drops the spare room. */
  trim(): void {
    if (this.block.length > this.count) this.resize(this.count);
  }

  private resize(size: number): void {
    const resized = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, Math.min(size, a.length)));
      return b;
    };
    this.block = resized(this.block);
    this.line = resized(this.line);
    this.column = resized(this.column);
    this.page = resized(this.page);
    this.start = resized(this.start);
    this.end = resized(this.end);
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A line per table row or per segment, mostly: what the stream is made for before it is read. */
function expectedLines(doc: ReportDocument): number {
  let n = 0;
  for (const block of doc.blocks) if (block.role === 'body') n += block.kind === 'table' && block.rows ? block.rows.length : segmentCount(block);
  return n;
}

export function lineStream(doc: ReportDocument): LineStream {
  const out = new LineColumns(expectedLines(doc));
  doc.blocks.forEach((block, b) => {
    if (block.role !== 'body') return;
    if (block.kind === 'table' && doc.format === 'markdown') return;
    if (segmentCount(block) === 0) return;
    const segs = block.segments;
    const text = block.text;
    if (block.kind === 'table' && block.rows) {
      // PDF-text tables: one row per line, in order; offsets follow the joined text.
      let offset = 0;
      block.rows.forEach((row, i) => {
        const seg = segs.find((s) => s.line === row.line) ?? segs[Math.min(i, segs.length - 1)];
        let end = text.indexOf('\n', offset);
        const hasLine = offset <= text.length;
        if (end < 0) end = text.length;
        const at = out.add(b, row.line, seg.column, seg.page ?? block.page, offset, hasLine ? end : offset);
        if (!hasLine) out.ownTexts.set(at, row.cells.join(' '));
        offset = (hasLine ? end : offset + out.ownTexts.get(at)!.length) + 1;
      });
      return;
    }
    for (let i = 0; i < segs.length; i++) {
      const segEnd = i + 1 < segs.length ? segs[i + 1].offset : text.length;
      // The segment's text without a final line break, line by line; blank pieces are skipped.
      const stop = segEnd > segs[i].offset && text.charCodeAt(segEnd - 1) === 10 ? segEnd - 1 : segEnd;
      let pieceStart = segs[i].offset;
      for (let j = 0; pieceStart <= stop; j++) {
        let pieceEnd = text.indexOf('\n', pieceStart);
        if (pieceEnd < 0 || pieceEnd > stop) pieceEnd = stop;
        let first = pieceStart;
        while (first < pieceEnd && isSpace(text.charCodeAt(first))) first++;
        let last = pieceEnd;
        while (last > first && isSpace(text.charCodeAt(last - 1))) last--;
        if (first < last) out.add(b, segs[i].line + j, (j === 0 ? segs[i].column : 1) + first - pieceStart, segs[i].page ?? block.page, first, last);
        pieceStart = pieceEnd + 1;
      }
    }
  });
  return new LineStream(doc.blocks, out);
}

/** Display width: CJK counts double. */
export function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
