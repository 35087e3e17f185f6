/**
 * A table written as HTML inside Markdown (what pandoc writes for a Word table with merged
 * cells): its rows and cells, with a cell that spans rows (rowspan) repeated in each row it
 * spans and one that spans columns (colspan) repeated in each column, so that every row has its
 * cells in the columns of the table's head.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Segment, TableRow } from '../document/types.js';

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<(t[dh])\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
/** Cells no HTML table needs more of; a larger span is a typing error, not a layout. */
const MAX_SPAN = 50;

function span(attributes: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  return m ? Math.min(MAX_SPAN, Math.max(1, Number(m[1]))) : 1;
}

function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return decodeNamedCharacterReference(ref) || whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The table in `html` (its first line at `firstLine` of the document); undefined when it has no row. */
export function readHtmlTable(html: string, firstLine: number): { rows: TableRow[]; text: string; segments: Segment[] } | undefined {
  const rows: TableRow[] = [];
  const segments: Segment[] = [];
  let text = '';
  // Cells carried down from rows above: column → text and rows still to fill.
  const carried = new Map<number, { text: string; rows: number }>();
  for (const row of html.matchAll(ROW)) {
    const cells: string[] = [];
    const take = () => {
      for (let c = carried.get(cells.length); c; c = carried.get(cells.length)) {
        cells.push(c.text);
        if (--c.rows === 0) carried.delete(cells.length - 1);
      }
    };
    for (const cell of row[1].matchAll(CELL)) {
      take();
      const value = cellText(cell[3]);
      const rowSpan = span(cell[2], 'rowspan');
      for (let k = span(cell[2], 'colspan'); k > 0; k--) {
        if (rowSpan > 1) carried.set(cells.length, { text: value, rows: rowSpan - 1 });
        cells.push(value);
      }
    }
    take();
    if (cells.length === 0 || cells.every((c) => c === '')) continue;
    const line = firstLine + html.slice(0, row.index).split('\n').length - 1;
    segments.push({ offset: text === '' ? 0 : text.length + 1, line, column: 1 });
    text += (text === '' ? '' : '\n') + cells.join(' | ');
    rows.push({ cells, line });
  }
  return rows.length > 0 ? { rows, text, segments } : undefined;
}
