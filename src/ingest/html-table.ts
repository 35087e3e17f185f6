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
  return m ? spanOf(m[1]) : 1;
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

/**
 * Places cells in the grid of a table whose cells may span rows and columns: a row's own cells
 * go to the columns left free by cells carried down from rows above.
 */
export class SpanGrid {
  // Cells carried down from rows above: column → text and rows still to fill.
  private readonly carried = new Map<number, { text: string; rows: number }>();

  /** The cells carried into the row at column `at` onwards, until a free column; each is given to `put`. */
  carry(at: number, put: (text: string) => void): number {
    let col = at;
    for (let c = this.carried.get(col); c; c = this.carried.get(col)) {
      put(c.text);
      if (--c.rows === 0) this.carried.delete(col);
      col++;
    }
    return col;
  }

  /** A cell of the row at column `at`, spanning `rowSpan` rows and `colSpan` columns; the column after it. */
  place(at: number, text: string, rowSpan: number, colSpan: number): number {
    for (let k = 0; k < colSpan; k++) if (rowSpan > 1) this.carried.set(at + k, { text, rows: rowSpan - 1 });
    return at + colSpan;
  }
}

/** A span attribute's value within reason (1 when absent). */
export function spanOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? Math.min(MAX_SPAN, Math.max(1, Math.floor(n))) : 1;
}

/** The table in `html` (its first line at `firstLine` of the document); undefined when it has no row. */
export function readHtmlTable(html: string, firstLine: number): { rows: TableRow[]; text: string; segments: Segment[] } | undefined {
  const rows: TableRow[] = [];
  const segments: Segment[] = [];
  let text = '';
  const grid = new SpanGrid();
  for (const row of html.matchAll(ROW)) {
    const cells: string[] = [];
    const put = (value: string) => cells.push(value);
    for (const cell of row[1].matchAll(CELL)) {
      const value = cellText(cell[3]);
      const colSpan = span(cell[2], 'colspan');
      grid.place(grid.carry(cells.length, put), value, span(cell[2], 'rowspan'), colSpan);
      for (let k = 0; k < colSpan; k++) cells.push(value);
    }
    grid.carry(cells.length, put);
    if (cells.length === 0 || cells.every((c) => c === '')) continue;
    const line = firstLine + html.slice(0, row.index).split('\n').length - 1;
    segments.push({ offset: text === '' ? 0 : text.length + 1, line, column: 1 });
    text += (text === '' ? '' : '\n') + cells.join(' | ');
    rows.push({ cells, line });
  }
  return rows.length > 0 ? { rows, text, segments } : undefined;
}
