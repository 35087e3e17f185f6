/**
 * The Markdown reader as it was built on the remark tree (mdast), kept as the reference the
 * event-based reader in src/ingest/markdown.ts is checked against: remark-parse with the GFM
 * extensions remark-gfm adds, but for literal autolinks, which that reader leaves out.
 */
import { readHtmlTable } from '../../src/ingest/html-table.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Processor } from 'unified';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Root, RootContent, Table, List, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { DocumentBuilder } from '../../src/document/build.js';
import type { ReportDocument, Segment, TableRow } from '../../src/document/types.js';
import { lineStarts, offsetToLineColumn, TextLines } from '../../src/util/lines.js';

/** remark-gfm without literal autolinks: the same micromark and mdast extensions, less that one. */
function gfmWithoutLiteralAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmWithoutLiteralAutolinks).use(remarkFrontmatter, ['yaml']);

/** Markup characters that would split phrases; blanked out so offsets stay aligned. */
const MARKUP = /[*_`~]|<br\s*\/?>/g;

function sourceSegments(source: string, starts: Int32Array, from: number, to: number): { text: string; segments: Segment[] } {
  const raw = source.slice(from, to).replace(MARKUP, (m) => ' '.repeat(m.length));
  const segments: Segment[] = [];
  let offset = 0;
  for (const piece of raw.split('\n')) {
    const pos = offsetToLineColumn(starts, from + offset);
    segments.push({ offset, line: pos.line, column: pos.column });
    offset += piece.length + 1;
  }
  return { text: raw, segments };
}

export function readMarkdownWithRemark(path: string, source: string): ReportDocument {
  const tree = processor.parse(source) as Root;
  const starts = lineStarts(source);
  const builder = new DocumentBuilder();
  const comments: { text: string; line: number }[] = [];
  let frontmatter: Record<string, unknown> | undefined;

  const visit = (node: RootContent): void => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end || start.offset === undefined || end.offset === undefined) return;
    switch (node.type) {
      case 'yaml': {
        try {
          const data = parseYaml(node.value);
          if (data && typeof data === 'object' && !Array.isArray(data)) frontmatter = data as Record<string, unknown>;
        } catch {
          // Front matter that is not YAML is treated as absent; it is not report content.
        }
        return;
      }
      case 'heading': {
        const h = node as Heading;
        builder.heading(toString(h).trim(), h.depth, start.line, start.column, undefined,
          sourceSegments(source, starts, start.offset, end.offset));
        return;
      }
      case 'html': {
        for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
          const line = start.line + node.value.slice(0, m.index).split('\n').length - 1;
          comments.push({ text: m[1].trim(), line });
        }
        const table = /<table[\s>]/i.test(node.value) ? readHtmlTable(node.value.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')), start.line) : undefined;
        if (table) builder.block('table', table.text, table.segments, end.line, { rows: table.rows });
        return;
      }
      case 'table': {
        const table = node as Table;
        const rows: TableRow[] = table.children.map((row) => ({
          cells: row.children.map((cell) => toString(cell).trim()),
          line: row.position?.start.line ?? start.line,
        }));
        const { text, segments } = sourceSegments(source, starts, start.offset, end.offset);
        builder.block('table', text, segments, end.line, { rows });
        return;
      }
      case 'list': {
        const list = node as List;
        const items = list.children.map((item) => toString(item).trim());
        const { text, segments } = sourceSegments(source, starts, start.offset, end.offset);
        builder.block('list', text, segments, end.line, { items });
        return;
      }
      case 'blockquote': {
        for (const child of node.children) visit(child);
        return;
      }
      case 'code': {
        const { text, segments } = sourceSegments(source, starts, start.offset, end.offset);
        builder.block('code', text, segments, end.line);
        return;
      }
      case 'thematicBreak':
      case 'definition':
        return;
      default: {
        const { text, segments } = sourceSegments(source, starts, start.offset, end.offset);
        builder.block('paragraph', text, segments, end.line);
      }
    }
  };

  for (const node of tree.children) visit(node);
  return builder.finish(path, 'markdown', new TextLines(source, starts), [], { frontmatter, comments });
}
