import { stringify } from 'csv-stringify/sync';
import { markdownTable } from 'markdown-table';
import type { ContentIndex } from './content-index.js';

export const INDEX_FORMATS = ['markdown', 'csv', 'xlsx'] as const;
export type IndexFormat = (typeof INDEX_FORMATS)[number];

function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Rows with the group shown the layout's way: a heading row, or once in the first column. */
function laidOut(index: ContentIndex): { heading?: string; cells: string[]; empty: boolean }[] {
  const out: { heading?: string; cells: string[]; empty: boolean }[] = [];
  let group: string | undefined;
  for (const row of index.rows) {
    const empty = row.status === 'missing';
    const cells = [...row.cells];
    if (row.group !== group) {
      if (index.groupStyle === 'row' && row.group) out.push({ heading: row.group, cells: [], empty: false });
      group = row.group;
    } else if (index.groupStyle === 'first-column') cells[0] = '';
    out.push({ cells, empty });
  }
  return out;
}

export function indexToMarkdown(index: ContentIndex): string {
  const lines = [`# ${index.framework === 'gri' ? 'GRI content index' : 'Content index'}`, ''];
  for (const [label, value] of index.preamble) lines.push(`**${label}:** ${value}  `);
  lines.push('');
  const rows = laidOut(index).map((r) =>
    r.heading !== undefined ? [`**${mdCell(r.heading)}**`, ...index.columns.slice(1).map(() => '')] : r.cells.map((c) => mdCell(c)));
  lines.push(markdownTable([index.columns, ...rows], { alignDelimiters: false }), '');
  return lines.join('\n');
}

/** CSV with a byte-order mark, so spreadsheet programs read Chinese text as UTF-8. */
export function indexToCsv(index: ContentIndex): string {
  const rows = index.rows.map((r) => [...r.cells, r.status]);
  return '\ufeff' + stringify([[...index.columns, 'Status'], ...rows], { record_delimiter: '\r\n' });
}

export async function indexToXlsx(index: ContentIndex): Promise<Buffer> {
  // exceljs takes about half a second to load: only `esglint index --format xlsx` pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'esglint';
  const sheet = workbook.addWorksheet('Content index');
  const width = index.columns.length;
  const title = sheet.addRow([index.framework === 'gri' ? 'GRI content index' : 'Content index']);
  title.font = { bold: true, size: 14 };
  for (const [label, value] of index.preamble) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, width);
  }
  sheet.addRow([]);
  const header = sheet.addRow(index.columns);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE3EA' } };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const r of laidOut(index)) {
    if (r.heading !== undefined) {
      const row = sheet.addRow([r.heading]);
      row.font = { bold: true };
      sheet.mergeCells(row.number, 1, row.number, width);
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F4' } };
      continue;
    }
    const row = sheet.addRow(r.cells);
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.empty) {
      for (const c of index.locationColumns) {
        row.getCell(c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFD7D5' } };
      }
    }
  }
  const widths = index.columns.map((_, i) => (i === 1 ? 50 : i === 0 ? 16 : 28));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
