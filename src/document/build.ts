import { normalize } from '../util/normalize.js';
import { shareJoinedNorms } from './joined.js';
import type { Block, BlockKind, BlockRole, DocumentLines, ReportDocument, Section, Segment, TableRow, InputFormat, Page } from './types.js';

const FIELDS = 4;

/**
 * Every block's segments in one array, four numbers each (offset, line, column, page or 0):
 * a large text has a segment per line, and an object per segment would be much of the
 * document's memory.
 */
class SegmentStore {
  private data: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(FIELDS * Math.max(1, capacity));
  }

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
    if (this.data.length > FIELDS * this.count) this.data = this.data.slice(0, FIELDS * this.count);
  }

  offset(i: number): number {
    return this.data[FIELDS * i];
  }

  line(i: number): number {
    return this.data[FIELDS * i + 1];
  }

  column(i: number): number {
    return this.data[FIELDS * i + 2];
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

/** Per block, four numbers: its first segment, end line, page (0 for none) and section. */
const BLOCK_FIELDS = 4;

/**
 * The numbers of every block in one array (a large text has 120K blocks, and a field is 8
 * bytes on an object), with the tables' rows and the lists' items by block.
 */
class BlockStore {
  private data = new Int32Array(BLOCK_FIELDS * 256);
  count = 0;
  readonly rows = new Map<number, TableRow[]>();
  readonly items = new Map<number, string[]>();

  constructor(readonly segments: SegmentStore) {}

  add(firstSegment: number, endLine: number, page: number | undefined, section: number, rows: TableRow[] | undefined, items: string[] | undefined): number {
    if (BLOCK_FIELDS * (this.count + 1) > this.data.length) {
      const grown = new Int32Array(2 * this.data.length);
      grown.set(this.data);
      this.data = grown;
    }
    const index = this.count++;
    const at = BLOCK_FIELDS * index;
    this.data[at] = firstSegment;
    this.data[at + 1] = endLine;
    this.data[at + 2] = page ?? 0;
    this.data[at + 3] = section;
    if (rows) this.rows.set(index, rows);
    if (items) this.items.set(index, items);
    return index;
  }

  trim(): void {
    if (this.data.length > BLOCK_FIELDS * this.count) this.data = this.data.slice(0, BLOCK_FIELDS * this.count);
    this.segments.trim();
  }

  firstSegment(block: number): number {
    return this.data[BLOCK_FIELDS * block];
  }

  segmentCount(block: number): number {
    const end = block + 1 < this.count ? this.data[BLOCK_FIELDS * (block + 1)] : this.segments.count;
    return end - this.data[BLOCK_FIELDS * block];
  }

  endLine(block: number): number {
    return this.data[BLOCK_FIELDS * block + 1];
  }

  page(block: number): number | undefined {
    const page = this.data[BLOCK_FIELDS * block + 2];
    return page === 0 ? undefined : page;
  }

  section(block: number): number {
    return this.data[BLOCK_FIELDS * block + 3];
  }
}

/**
 * A block as the builder makes it: its text, kind and role on the object, its numbers and
 * segments read from the document's store.
 */
class StoredBlock implements Block {
  role: BlockRole = 'body';

  constructor(
    readonly index: number,
    public kind: BlockKind,
    public text: string,
    public norm: string,
    private readonly store: BlockStore,
  ) {}

  get line(): number {
    return this.store.segments.line(this.store.firstSegment(this.index));
  }

  get column(): number {
    return this.store.segments.column(this.store.firstSegment(this.index));
  }

  get endLine(): number {
    return this.store.endLine(this.index);
  }

  get page(): number | undefined {
    return this.store.page(this.index);
  }

  get section(): number {
    return this.store.section(this.index);
  }

  get rows(): TableRow[] | undefined {
    return this.store.rows.get(this.index);
  }

  get items(): string[] | undefined {
    return this.store.items.get(this.index);
  }

  get segmentCount(): number {
    return this.store.segmentCount(this.index);
  }

  /** A new array on every read: callers that walk many blocks read positions with positionInBlock. */
  get segments(): Segment[] {
    const first = this.store.firstSegment(this.index);
    const out = new Array<Segment>(this.segmentCount);
    for (let i = 0; i < out.length; i++) out[i] = this.store.segments.segment(first + i);
    return out;
  }

  /** The page of the i-th segment, read without building a Segment. */
  segmentPage(i: number): number | undefined {
    return this.store.segments.segmentPage(this.store.firstSegment(this.index) + i);
  }

  /** The last segment starting at or before `offset` (the first when none does). */
  segmentAt(offset: number): Segment {
    const first = this.store.firstSegment(this.index);
    const end = first + this.segmentCount;
    const segments = this.store.segments;
    let found = first;
    for (let i = first + 1; i < end; i++) {
      if (segments.offset(i) <= offset) found = i;
      else break;
    }
    return segments.segment(found);
  }
}

/** What a section without subsections lists as its children: one shared, frozen, empty array. */
const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

/**
 * A section as the builder makes it. A large text has a section per heading (84K in a 20 MB
 * report), so what can be derived is: its path is read from its ancestors, and its blocks,
 * which are consecutive (blocks always go to the section opened last), are a range.
 */
class StoredSection implements Section {
  children: number[] = NO_CHILDREN;
  firstBlock = 0;
  blockCount = 0;

  constructor(
    readonly index: number,
    public title: string,
    public norm: string,
    public level: number,
    public parent: number | null,
    public line: number,
    public column: number,
    public page: number | undefined,
    private readonly all: readonly StoredSection[],
  ) {}

  /** Titles from the top-level heading down to this one (a new array on every read). */
  get path(): string[] {
    let depth = 0;
    for (let s: StoredSection = this; s.parent !== null; s = this.all[s.parent]) depth++;
    const out = new Array<string>(depth);
    for (let s: StoredSection = this; s.parent !== null; s = this.all[s.parent]) out[--depth] = s.title;
    return out;
  }

  /** The indexes of its blocks (a new array on every read). */
  get blocks(): number[] {
    const out = new Array<number>(this.blockCount);
    for (let i = 0; i < this.blockCount; i++) out[i] = this.firstBlock + i;
    return out;
  }

  addChild(index: number): void {
    if (this.children === NO_CHILDREN) this.children = [index];
    else this.children.push(index);
  }

  addBlock(index: number): void {
    if (this.blockCount === 0) this.firstBlock = index;
    else if (index !== this.firstBlock + this.blockCount) throw new Error('the blocks of a section must be consecutive');
    this.blockCount++;
  }
}

/**
 * Accumulates sections and blocks in document order; readers call it as they walk their
 * input so that every reader produces the same shape.
 */
export class DocumentBuilder {
  private readonly sections: StoredSection[] = [];
  private readonly blocks: Block[] = [];
  private stack: number[] = [0];
  private readonly store: BlockStore;

  /** `segments`: how many segments the blocks will have, where the reader knows (the store is made that size). */
  constructor(segments = 256) {
    this.store = new BlockStore(new SegmentStore(segments));
    this.sections.push(new StoredSection(0, '', '', 0, null, 1, 1, undefined, this.sections));
  }

  get currentSection(): number {
    return this.stack[this.stack.length - 1];
  }

  heading(title: string, level: number, line: number, column: number, page?: number, source?: { text: string; segments: Segment[] }): Section {
    while (this.stack.length > 1 && this.sections[this.stack[this.stack.length - 1]].level >= level) {
      this.stack.pop();
    }
    const parent = this.sections[this.currentSection];
    const section = new StoredSection(this.sections.length, title, normalize(title), level, parent.index, line, column, page, this.sections);
    this.sections.push(section);
    parent.addChild(section.index);
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
    const index = this.store.add(this.store.segments.add(segments), endLine, extra.page, section, extra.rows, extra.items);
    const block = new StoredBlock(index, kind, text, normalize(text), this.store);
    this.blocks.push(block);
    this.sections[section].addBlock(block.index);
    return block;
  }

  finish(path: string, format: InputFormat, lines: DocumentLines, pages: Page[], rest: Partial<ReportDocument> = {}): ReportDocument {
    this.store.trim();
    shareJoinedNorms(this.blocks);
    return { path, format, lines, sections: this.sections, blocks: this.blocks, pages, comments: [], ...rest };
  }
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
