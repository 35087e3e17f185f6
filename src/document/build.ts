import { normalize } from '../util/normalize.js';
import type { Block, BlockKind, ReportDocument, Section, Segment, TableRow, InputFormat, Page } from './types.js';

/**
 * Accumulates sections and blocks in document order; readers call it as they walk their
 * input so that every reader produces the same shape.
 */
export class DocumentBuilder {
  readonly sections: Section[] = [];
  readonly blocks: Block[] = [];
  private stack: number[] = [0];

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
    const block: Block = {
      index: this.blocks.length,
      kind,
      role: 'body',
      text,
      norm: normalize(text),
      line: segments[0].line,
      column: segments[0].column,
      endLine,
      page: extra.page,
      section,
      segments,
      rows: extra.rows,
      items: extra.items,
    };
    this.blocks.push(block);
    this.sections[section].blocks.push(block.index);
    return block;
  }

  finish(path: string, format: InputFormat, lines: string[], pages: Page[], rest: Partial<ReportDocument> = {}): ReportDocument {
    // Lists grown by push keep spare room; a large document has one per section.
    for (const section of this.sections) if (section.blocks.length > 0) section.blocks = section.blocks.slice();
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
  let seg = block.segments[0];
  for (const s of block.segments) {
    if (s.offset <= offset) seg = s;
    else break;
  }
  return { line: seg.line, column: seg.column + Math.max(0, offset - seg.offset) };
}
