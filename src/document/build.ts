import { normalize } from '../util/normalize.js';
import type { Block, BlockKind, BlockRole, ReportDocument, Section, Segment, TableRow, InputFormat, Page } from './types.js';

const FIELDS = 4;

/**
 * Every block's segments in one array, four numbers each (offset, line, column, page or 0):
 * a large text has a segment per line, and an object per segment would be much of the
 * document's memory.
 */
class SegmentStore {
  private data = new Int32Array(FIELDS * 256);
  count = 0;

  add(segments: readonly Segment[]): number {
    const first = this.count;
    if (FIELDS * (this.count + segments.length) > this.data.length) {
      const grown = new Int32Array(Math.max(2 * this.data.length, FIELDS * (this.count + segments.length)));
      grown.set(this.data.subarray(0, FIELDS * this.count));
      this.data = grown;
    }
    for (const s of segments) {
      const at = FIELDS * this.count++;
      this.data[at] = s.offset;
      this.data[at + 1] = s.line;
      this.data[at + 2] = s.column;
      this.data[at + 3] = s.page ?? 0;
    }
    return first;
  }

  /** Drops the spare room once the document is built. */
  trim(): void {
    this.data = this.data.slice(0, FIELDS * this.count);
  }

  offset(i: number): number {
    return this.data[FIELDS * i];
  }

  segmentPage(i: number): number | undefined {
    const page = this.data[FIELDS * i + 3];
    return page === 0 ? undefined : page;
  }

  segment(i: number): Segment {
    const at = FIELDS * i;
    const page = this.data[at + 3];
    return { offset: this.data[at], line: this.data[at + 1], column: this.data[at + 2], page: page === 0 ? undefined : page };
  }
}

/** A block as the builder makes it: its segments are read from the document's store. */
class StoredBlock implements Block {
  role: BlockRole = 'body';

  constructor(
    public index: number,
    public kind: BlockKind,
    public text: string,
    public norm: string,
    public line: number,
    public column: number,
    public endLine: number,
    public page: number | undefined,
    public section: number,
    public rows: TableRow[] | undefined,
    public items: string[] | undefined,
    private readonly store: SegmentStore,
    private readonly firstSegment: number,
    readonly segmentCount: number,
  ) {}

  /** A new array on every read: callers that walk many blocks read positions with positionInBlock. */
  get segments(): Segment[] {
    const out = new Array<Segment>(this.segmentCount);
    for (let i = 0; i < this.segmentCount; i++) out[i] = this.store.segment(this.firstSegment + i);
    return out;
  }

  /** The page of the i-th segment, read without building a Segment. */
  segmentPage(i: number): number | undefined {
    return this.store.segmentPage(this.firstSegment + i);
  }

  /** The last segment starting at or before `offset` (the first when none does). */
  segmentAt(offset: number): Segment {
    let found = this.firstSegment;
    for (let i = this.firstSegment + 1; i < this.firstSegment + this.segmentCount; i++) {
      if (this.store.offset(i) <= offset) found = i;
      else break;
    }
    return this.store.segment(found);
  }
}

/**
 * Accumulates sections and blocks in document order; readers call it as they walk their
 * input so that every reader produces the same shape.
 */
export class DocumentBuilder {
  readonly sections: Section[] = [];
  readonly blocks: Block[] = [];
  private stack: number[] = [0];
  private readonly segmentStore = new SegmentStore();

  constructor() {
    this.sections.push({
      index: 0, title: '', norm: '', level: 0, parent: null, path: [], line: 1, column: 1,
      blocks: [], children: [],
    });
  }

  get currentSection(): number {
    return this.stack[this.stack.length - 1];
  }

  heading(title: string, level: number, line: number, column: number, page?: number, source?: { text: string; segments: Segment[] }): Section {
    while (this.stack.length > 1 && this.sections[this.stack[this.stack.length - 1]].level >= level) {
      this.stack.pop();
    }
    const parent = this.sections[this.currentSection];
    const section: Section = {
      index: this.sections.length,
      title,
      norm: normalize(title),
      level,
      parent: parent.index,
      path: withTitle(parent.path, title),
      line,
      column,
      page,
      blocks: [],
      children: [],
    };
    this.sections.push(section);
    parent.children.push(section.index);
    this.stack.push(section.index);
    const own = source ?? { text: title, segments: [{ offset: 0, line, column, page }] };
    this.block('heading', own.text, own.segments, line, { page });
    return section;
  }

  block(
    kind: BlockKind,
    text: string,
    segments: Segment[],
    endLine: number,
    extra: { page?: number; rows?: TableRow[]; items?: string[] } = {},
  ): Block | undefined {
    if (text.trim() === '' || segments.length === 0) return undefined;
    const section = this.currentSection;
    const first = segments[0];
    const block = new StoredBlock(
      this.blocks.length, kind, text, normalize(text), first.line, first.column, endLine, extra.page, section,
      extra.rows, extra.items, this.segmentStore, this.segmentStore.add(segments), segments.length,
    );
    this.blocks.push(block);
    this.sections[section].blocks.push(block.index);
    return block;
  }

  finish(path: string, format: InputFormat, lines: string[], pages: Page[], rest: Partial<ReportDocument> = {}): ReportDocument {
    // Lists grown by push keep spare room; a large document has one per section.
    for (const section of this.sections) if (section.blocks.length > 0) section.blocks = section.blocks.slice();
    this.segmentStore.trim();
    return { path, format, lines, sections: this.sections, blocks: this.blocks, pages, comments: [], ...rest };
  }
}

/** A section's path: its parent's and its own title, in an array of exactly that size. */
function withTitle(path: string[], title: string): string[] {
  const out = new Array<string>(path.length + 1);
  for (let i = 0; i < path.length; i++) out[i] = path[i];
  out[path.length] = title;
  return out;
}

/** Position of an offset inside a block. */
export function positionInBlock(block: Block, offset: number): { line: number; column: number } {
  const seg = segmentAt(block, offset);
  return { line: seg.line, column: seg.column + Math.max(0, offset - seg.offset) };
}

/** The segment an offset of a block's text falls in (the first one when none starts before it). */
export function segmentAt(block: Block, offset: number): Segment {
  if (block instanceof StoredBlock) return block.segmentAt(offset);
  let seg = block.segments[0];
  for (const s of block.segments) {
    if (s.offset <= offset) seg = s;
    else break;
  }
  return seg;
}

/** How many segments a block has, for loops that should not build `segments` on every block. */
export function segmentCount(block: Block): number {
  return block instanceof StoredBlock ? block.segmentCount : block.segments.length;
}

/** The page of a block's i-th segment (undefined where it has none). */
export function segmentPage(block: Block, i: number): number | undefined {
  return block instanceof StoredBlock ? block.segmentPage(i) : block.segments[i].page;
}
