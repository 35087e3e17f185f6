/** The one model every reader produces and every later stage reads. */

/**
 * How a document is structured, which is what later stages branch on: 'markdown' — headings nest
 * and tables have real cells (Markdown, DOCX, HTML); 'text' — flat lines of text laid out on
 * pages, with headings and tables inferred (PDF-extracted text, PDF).
 */
export type InputFormat = 'markdown' | 'text';

/** The kind of file the document was read from. */
export type SourceFormat = 'markdown' | 'text' | 'pdf' | 'docx' | 'html';

/** A tracked change or a reviewer's comment left in the source (DOCX, HTML <ins>/<del>). */
export interface Revision {
  kind: 'insertion' | 'deletion' | 'move' | 'formatting' | 'comment';
  author?: string;
  date?: string;
  /** The inserted, deleted or moved text, or the comment's text. */
  text: string;
  line: number;
  column: number;
  page?: number;
}

export interface Position {
  /** 1-based line in the original input. */
  line: number;
  /** 1-based column (UTF-16 code units) in the original line. */
  column: number;
  /** 1-based physical page, where the input has pages. */
  page?: number;
}

/** Maps an offset inside a block's text back to the input. */
export interface Segment {
  /** Offset in the block text where this segment starts. */
  offset: number;
  line: number;
  column: number;
  page?: number;
}

export type BlockKind = 'heading' | 'paragraph' | 'table' | 'list' | 'code';

/** Where a block sits in the report, which decides whether it can count as evidence. */
export type BlockRole = 'body' | 'content-index' | 'toc' | 'furniture';

export interface TableRow {
  cells: string[];
  line: number;
}

export interface Block {
  index: number;
  kind: BlockKind;
  role: BlockRole;
  /** Original text (rows joined by newlines for tables). */
  text: string;
  /** Folded copy of `text`, same length, for matching. */
  norm: string;
  line: number;
  column: number;
  endLine: number;
  page?: number;
  section: number;
  segments: Segment[];
  rows?: TableRow[];
  items?: string[];
}

export interface Section {
  index: number;
  /** Heading text as written ('' for the document root). */
  title: string;
  norm: string;
  /** 0 for the document root, 1–6 below it. */
  level: number;
  parent: number | null;
  /** Titles from the top-level heading down to this one. */
  path: string[];
  line: number;
  column: number;
  page?: number;
  blocks: number[];
  children: number[];
}

export interface Page {
  /** 1-based physical page index. */
  index: number;
  startLine: number;
  /** The page number as printed, where it could be read. */
  label?: string;
}

/**
 * The input's lines, line n at index n - 1: an array, or a view that cuts them from the text
 * as they are read (TextLines).
 */
export interface DocumentLines extends Iterable<string> {
  readonly length: number;
  at(index: number): string | undefined;
}

export interface ReportDocument {
  path: string;
  format: InputFormat;
  /** The kind of file read, where it differs from `format` (PDF, DOCX, HTML). */
  source?: SourceFormat;
  /** Where the lines come from, for a reader: how `line` is to be understood. */
  lineUnit?: 'line' | 'paragraph';
  /** The encoding a text input was read in, where it was not UTF-8. */
  encoding?: string;
  /** Tracked changes and comments left in the source. */
  revisions?: Revision[];
  /** Page breaks guessed from the text's look (no form feeds, no --page-marker): close, not exact. */
  pagesInferred?: boolean;
  /** The input's lines, as read (BOM and line endings removed). */
  lines: DocumentLines;
  sections: Section[];
  blocks: Block[];
  pages: Page[];
  frontmatter?: Record<string, unknown>;
  /** Comments in the source (Markdown HTML comments), for suppressions. */
  comments: { text: string; line: number }[];
}
