import { parse, preprocess } from 'micromark';
import { subtokenize } from 'micromark-util-subtokenize';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { readHtmlTable } from './html-table.js';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { Event, Extension, Token } from 'micromark-util-types';
import { parse as parseYaml } from 'yaml';
import { DocumentBuilder } from '../document/build.js';
import { InputError } from '../util/errors.js';
import { MAX_CONTAINER_DEPTH, tooDeeplyNested } from './markdown-depth.js';
import { gfmTableWithLookahead } from './markdown-table.js';
import './markdown-edit-map.js';
import type { ReportDocument, Segment, TableRow } from '../document/types.js';
import { lineStarts, offsetToLineColumn, TextLines } from '../util/lines.js';

/*
 * Markdown is read with micromark, the parser remark-parse is built on, with the extensions
 * remark-gfm and remark-frontmatter add but one: GFM's literal autolinks ("www.x.org" made a link)
 * only wrap text that is read the same either way, and finding them is a tenth of the parse and
 * of its garbage. The document model is built straight from micromark's events: the mdast tree
 * remark would build from them costs as much again as the parse and is thrown away at once.
 * Text is taken the way mdast-util-to-string reads that tree (link text and image alt kept,
 * destinations and titles left out, references decoded), which
 * test/ingest/markdown-reader.test.ts checks against remark on every fixture.
 */
const footnote = gfmFootnote();
const strikethrough = gfmStrikethrough();
const taskListItem = gfmTaskListItem();
const yamlFrontmatter = frontmatter(['yaml']);

/** The extensions, in remark-gfm's order, for one document (the table extension looks ahead in its source). */
function extensionsFor(source: string): Extension[] {
  return [footnote, strikethrough, gfmTableWithLookahead(source), taskListItem, yamlFrontmatter];
}

/** Markup characters that would split phrases; blanked out so offsets stay aligned. */
const MARKUP = /[*_`~]|<br\s*\/?>/g;

/** Parts of inline content that hold no text of their own: destinations, titles, labels of references. */
const WITHOUT_TEXT = new Set(['resource', 'reference', 'gfmFootnoteCall', 'gfmFootnoteDefinitionLabel', 'definition', 'codeFencedFence', 'taskListCheck']);

/** Tokens whose source text is their text. */
const VERBATIM = new Set([
  'data', 'characterEscapeValue', 'codeTextData', 'htmlTextData', 'htmlFlowData', 'codeFlowValue',
  'autolinkProtocol', 'autolinkEmail',
]);

/** Tokens inside which a line ending is part of the text (elsewhere it only separates blocks). */
const KEEPS_LINE_ENDINGS = new Set(['paragraph', 'atxHeadingText', 'setextHeadingText', 'tableContent', 'codeText', 'htmlText', 'htmlFlow']);

function sourceSegments(source: string, starts: Int32Array, from: number, to: number): { text: string; segments: Segment[] } {
  const text = source.slice(from, to).replace(MARKUP, (m) => ' '.repeat(m.length));
  const first = offsetToLineColumn(starts, from);
  const segments: Segment[] = [{ offset: 0, line: first.line, column: first.column }];
  for (let k = first.line; k < starts.length && starts[k] <= to; k++) {
    segments.push({ offset: starts[k] - from, line: k + 1, column: 1 });
  }
  return { text, segments };
}

/** For each enter event, the index of its exit. */
function exitsOf(events: Event[]): Int32Array {
  const exits = new Int32Array(events.length);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i][0] === 'enter') open.push(i);
    else exits[open.pop()!] = i;
  }
  return exits;
}

class EventReader {
  readonly exits: Int32Array;

  constructor(readonly events: Event[], readonly source: string) {
    this.exits = exitsOf(events);
  }

  token(i: number): Token {
    return this.events[i][1];
  }

  slice(token: Token): string {
    return this.source.slice(token.start.offset, token.end.offset);
  }

  /** A line ending's own characters (inside containers its token runs on over the next line's prefix). */
  lineEnding(token: Token): string {
    const at = token.start.offset;
    return this.source.startsWith('\r\n', at) ? '\r\n' : this.source[at];
  }

  /** Indexes of the enter events directly inside the token entered at `i` (or of the whole stream for -1). */
  *children(i: number): Generator<number> {
    const end = i < 0 ? this.events.length : this.exits[i];
    for (let j = i + 1; j < end; j = this.exits[j] + 1) yield j;
  }

  child(i: number, type: string): number | undefined {
    for (const j of this.children(i)) if (this.token(j).type === type) return j;
    return undefined;
  }

  /** The text of the events from `from` to `to` (exclusive), as mdast-util-to-string gives it. */
  text(from: number, to: number): string {
    let out = '';
    let keepLineEndingsUntil = -1;
    let afterHardBreak = false;
    let referenceBase = 0;
    for (let i = from; i < to; i++) {
      if (this.events[i][0] !== 'enter') continue;
      const token = this.token(i);
      const type = token.type as string;
      if (WITHOUT_TEXT.has(type)) {
        i = this.exits[i];
      } else if (VERBATIM.has(type)) {
        out += this.slice(token);
      } else if (KEEPS_LINE_ENDINGS.has(type)) {
        keepLineEndingsUntil = Math.max(keepLineEndingsUntil, this.exits[i]);
      } else if (type === 'lineEnding') {
        if (afterHardBreak) afterHardBreak = false;
        else if (i < keepLineEndingsUntil) out += this.lineEnding(token);
      } else if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') {
        afterHardBreak = true;
      } else if (type === 'characterReference') {
        referenceBase = 0;
      } else if (type === 'characterReferenceMarkerNumeric') {
        referenceBase = 10;
      } else if (type === 'characterReferenceMarkerHexadecimal') {
        referenceBase = 16;
      } else if (type === 'characterReferenceValue') {
        const value = this.slice(token);
        out += referenceBase ? decodeNumericCharacterReference(value, referenceBase) : (decodeNamedCharacterReference(value) || '');
      } else if (type === 'codeFenced' || type === 'codeIndented') {
        out += this.codeValue(i, type === 'codeFenced');
        i = this.exits[i];
      }
    }
    return out;
  }

  /** Text of the token entered at `i`. */
  textOf(i: number): string {
    return this.text(i, this.exits[i]);
  }

  /** A code block's content, as mdast holds it: its lines without the fences or the indent. */
  private codeValue(i: number, fenced: boolean): string {
    let value = '';
    for (let j = i + 1; j < this.exits[i]; j++) {
      if (this.events[j][0] !== 'enter') continue;
      const type = this.token(j).type as string;
      if (type === 'codeFlowValue') value += this.slice(this.token(j));
      else if (type === 'lineEnding') value += this.lineEnding(this.token(j));
      else if (type === 'codeFencedFence') j = this.exits[j];
    }
    return fenced ? value.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '') : value.replace(/(\r?\n|\r)$/g, '');
  }
}

/**
 * micromark's postprocess (tokenizing embedded content until none is left), except that some
 * inline content is left untokenized, as its events would be thrown away unread or would only
 * repeat the source: the inline content of paragraphs outside lists, whose text is read from the
 * source (see sourceSegments), and the one-line content of headings and table cells outside
 * lists that holds no character an inline construct starts with, whose text is its source.
 * Together they are most of the parse's inline tokenizers (one is made per content).
 */
function postprocess(events: Event[], source: string): Event[] {
  // micromark loops until a pass finds nothing to tokenize; that last pass changes nothing
  // (container exits were moved by the pass before), so it is not run.
  while (leaveTextUnread(events, source) && !subtokenize(events));
  return events;
}

/** Code units at which an inline construct may start (line endings included). */
const INLINE_STARTS = (() => {
  const starts = new Uint8Array(0x10000);
  for (const key of Object.keys(parse({ extensions: extensionsFor('') }).constructs.text ?? {})) {
    const code = Number(key);
    if (code >= 0) starts[code] = 1;
  }
  starts[0x0a] = starts[0x0d] = 1;
  return starts;
})();

function isPlainText(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (INLINE_STARTS[source.charCodeAt(i)]) return false;
  return true;
}

/** Contents whose text is read trimmed, so that whitespace micromark drops at their ends does not matter. */
const TRIMMED_CONTENT = new Set(['atxHeadingText', 'setextHeadingText', 'tableContent']);

/** Unmarks the inline content read from the source; whether any embedded content is left to tokenize. */
function leaveTextUnread(events: Event[], source: string): boolean {
  let pending = false;
  let lists = 0;
  let inParagraph = false;
  let inTrimmedContent = false;
  for (let i = 0; i < events.length; i++) {
    const enter = events[i][0] === 'enter';
    const token = events[i][1];
    const type = token.type as string;
    if (type === 'listOrdered' || type === 'listUnordered') lists += enter ? 1 : -1;
    else if (type === 'paragraph') inParagraph = enter;
    else if (TRIMMED_CONTENT.has(type)) inTrimmedContent = enter;
    else if (enter && lists === 0 && type === 'chunkText' && token.contentType === 'text') {
      if (inParagraph) token.contentType = undefined;
      else if (inTrimmedContent && !token.previous && !token.next && isPlainText(source, token.start.offset, token.end.offset)) {
        // What micromark would make of it: one data token (up to whitespace at its ends).
        token.contentType = undefined;
        token.type = 'data';
      }
    }
    if (enter && token.contentType !== undefined) pending = true;
  }
  return pending;
}

export function readMarkdown(path: string, source: string): ReportDocument {
  const deep = tooDeeplyNested(source);
  if (deep) throw new InputError(path, `Markdown nested ${deep.depth} levels deep at line ${deep.line}: esglint reads quotes and lists up to ${MAX_CONTAINER_DEPTH} levels deep`);
  const events = postprocess(parse({ extensions: extensionsFor(source) }).document().write(preprocess()(source, undefined, true)), source);
  const reader = new EventReader(events, source);
  const starts = lineStarts(source);
  const builder = new DocumentBuilder();
  const comments: { text: string; line: number }[] = [];
  let frontmatter: Record<string, unknown> | undefined;

  const segmentsOf = (token: Token) => sourceSegments(source, starts, token.start.offset, token.end.offset);
  const block = (kind: 'paragraph' | 'table' | 'list' | 'code', token: Token, extra?: { rows?: TableRow[]; items?: string[] }): void => {
    const { text, segments } = segmentsOf(token);
    builder.block(kind, text, segments, token.end.line, extra);
  };

  // Containers are entered through a stack, not by recursion: quotes can nest thousands deep.
  const pending: number[] = [];
  const enter = (i: number): void => {
    const children = [...reader.children(i)];
    for (let k = children.length - 1; k >= 0; k--) pending.push(children[k]);
  };

  const visit = (i: number): void => {
    const token = reader.token(i);
    switch (token.type as string) {
      case 'yaml': {
        const values = [...reader.children(i)].filter((j) => (reader.token(j).type as string) === 'yamlValue').map((j) => reader.token(j));
        const value = values.length ? source.slice(values[0].start.offset, values[values.length - 1].end.offset) : '';
        try {
          const data = parseYaml(value);
          if (data && typeof data === 'object' && !Array.isArray(data)) frontmatter = data as Record<string, unknown>;
        } catch {
          // Front matter that is not YAML is treated as absent; it is not report content.
        }
        return;
      }
      case 'atxHeading':
      case 'setextHeading': {
        const atx = token.type === 'atxHeading';
        const content = reader.child(i, atx ? 'atxHeadingText' : 'setextHeadingText');
        const title = content === undefined ? '' : reader.textOf(content).trim();
        const depth = atx
          ? reader.slice(reader.token(reader.child(i, 'atxHeadingSequence')!)).length
          : reader.slice(reader.token(i)).trimEnd().endsWith('=') ? 1 : 2;
        builder.heading(title, depth, token.start.line, token.start.column, undefined, segmentsOf(token));
        return;
      }
      case 'htmlFlow': {
        const value = reader.textOf(i);
        for (const m of value.matchAll(/<!--([\s\S]*?)-->/g)) {
          const line = token.start.line + value.slice(0, m.index).split('\n').length - 1;
          comments.push({ text: m[1].trim(), line });
        }
        // A table pandoc wrote as HTML (merged cells) is a table of the report all the same.
        const table = /<table[\s>]/i.test(value) ? readHtmlTable(value.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')), token.start.line) : undefined;
        if (table) builder.block('table', table.text, table.segments, token.end.line, { rows: table.rows });
        return;
      }
      case 'table': {
        const rows: TableRow[] = [];
        for (const part of reader.children(i)) {
          for (const row of reader.children(part)) {
            if ((reader.token(row).type as string) !== 'tableRow') continue;
            const cells = [...reader.children(row)].map((cell) => {
              const content = reader.child(cell, 'tableContent');
              return content === undefined ? '' : reader.textOf(content).trim();
            });
            rows.push({ cells, line: reader.token(row).start.line });
          }
        }
        block('table', token, { rows });
        return;
      }
      case 'listOrdered':
      case 'listUnordered': {
        const items: string[] = [];
        let itemStart = -1;
        const closeItem = (end: number) => {
          if (itemStart >= 0) items.push(reader.text(itemStart, end).trim());
        };
        for (const j of reader.children(i)) {
          if (reader.token(j).type !== 'listItemPrefix') continue;
          closeItem(j);
          itemStart = reader.exits[j] + 1;
        }
        closeItem(reader.exits[i]);
        block('list', token, { items });
        return;
      }
      case 'blockQuote':
      case 'content':
        enter(i);
        return;
      case 'codeFenced':
      case 'codeIndented':
        block('code', token);
        return;
      case 'paragraph':
      case 'gfmFootnoteDefinition':
        block('paragraph', token);
        return;
      default:
        // Line endings, prefixes, thematic breaks and definitions: no content of the report.
        return;
    }
  };

  enter(-1);
  while (pending.length > 0) visit(pending.pop()!);
  return builder.finish(path, 'markdown', new TextLines(source, starts), [], { frontmatter, comments });
}
