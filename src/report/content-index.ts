import type { ItemSpec, RulePack } from '../rules/types.js';
import type { FileResult, ResultEvidence, ResultItem } from './result.js';
import { detectScript, type Script } from './language.js';

/** A content index as a table, ready for any writer (Markdown, CSV, XLSX). */
export interface ContentIndex {
  framework: string;
  edition: string;
  title: string;
  script: Script;
  /** Label/value lines above the table (GRI 1: statement of use, GRI 1 used, …). */
  preamble: [string, string][];
  columns: string[];
  /** How groups are shown: a heading row (HKEX parts) or the first column of the group's first row (GRI standards). */
  groupStyle: 'row' | 'first-column';
  /** Columns that hold the location; highlighted when an item has no evidence. */
  locationColumns: number[];
  rows: ContentIndexRow[];
}

export interface ContentIndexRow {
  group: string;
  id: string;
  status: ResultItem['status'];
  cells: string[];
}

export interface ContentIndexOptions {
  /** Script of titles and headings; detected from the report's evidence when absent. */
  script?: Script;
  /** The reporting organisation's name, for the GRI statement of use. */
  organisation?: string;
}

const WORDS = {
  en: { clause: 'Clause', description: 'Description', section: 'Section', page: 'Page', line: 'Line', remarks: 'Remarks',
    notFound: '[not found]', partial: 'Partly addressed', explained: 'Omission explained', part: (p: string) => `Part ${p}` },
  'zh-Hant': { clause: '條文', description: '描述', section: '章節', page: '頁碼', line: '行', remarks: '備註',
    notFound: '[未找到]', partial: '部分披露', explained: '已解釋省略原因', part: (p: string) => `${p}部分` },
  'zh-Hans': { clause: '条文', description: '描述', section: '章节', page: '页码', line: '行', remarks: '备注',
    notFound: '[未找到]', partial: '部分披露', explained: '已解释省略原因', part: (p: string) => `${p}部分` },
} as const;

const TO_COMPLETE = '[to complete]';

/** Fields a GRI pack adds to its items (read when present). */
type GriItemSpec = ItemSpec & { standard?: string; omissionAllowed?: boolean };

/** "12, 14–16" from page labels or numbers; lines for inputs without pages. */
export function compressNumbers(values: string[]): string {
  const numbers = values.map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
  if (numbers.some(Number.isNaN)) return [...new Set(values)].join(', ');
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return ranges.join(', ');
}

function hasPages(item: ResultItem[]): boolean {
  return item.some((i) => i.evidence.some((e) => e.page !== undefined));
}

function locationsOf(evidence: ResultEvidence[], paged: boolean): string {
  return compressNumbers(evidence.map((e) => (paged ? (e.pageLabel ?? (e.page !== undefined ? String(e.page) : '')) : String(e.line))).filter(Boolean));
}

function sectionsOf(evidence: ResultEvidence[]): string {
  // The nearest heading names the place best; the path above it repeats the report's title.
  const nearest = evidence.map((e) => e.section.split(' › ').pop()!.trim()).filter(Boolean);
  return [...new Set(nearest)].slice(0, 3).join('; ');
}

function groupLabel(item: ResultItem, script: Script): string {
  if (item.part && item.part.length <= 2) return WORDS[script].part(item.part);
  return item.part ?? item.aspect ?? '';
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${d} ${month} ${y}`;
}

/**
 * The content index of one framework for one checked report, from the evidence found: every
 * item of the edition the report was held against, in the rule pack's order. An item without
 * evidence keeps its location visibly empty; nothing is invented.
 */
export function buildContentIndex(file: FileResult, pack: RulePack, options: ContentIndexOptions = {}): ContentIndex {
  const order = new Map(pack.items.map((s, i) => [s.id, i]));
  const items = file.items
    // A disclosure that the report's claim does not require and that was not found has no row.
    .filter((i) => i.framework === pack.framework && (i.edition === undefined || i.edition === pack.edition) && i.status !== 'not-required')
    .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  const script = options.script ?? detectScript(items.flatMap((i) => i.evidence.map((e) => `${e.section} ${e.text}`)));
  const specs = new Map(pack.items.map((s) => [s.id, s as GriItemSpec]));
  const titleOf = (item: ResultItem) => specs.get(item.id)?.title[script] ?? item.title ?? '';
  const paged = hasPages(items);
  const w = WORDS[script];
  const base = { framework: pack.framework, edition: pack.edition, title: pack.title, script };

  if (pack.framework === 'gri') {
    const period = file.period ? `for the period ${longDate(file.period.start)} to ${longDate(file.period.end)}` : `for the period ${TO_COMPLETE}`;
    return {
      ...base,
      preamble: [
        ['Statement of use', `${options.organisation ?? '[organisation]'} has reported in accordance with the GRI Standards ${period}.`],
        ['GRI 1 used', 'GRI 1: Foundation 2021'],
        ['Applicable GRI Sector Standard(s)', TO_COMPLETE],
      ],
      columns: ['GRI Standard', 'Disclosure', 'Location', 'Omission: requirement(s) omitted', 'Omission: reason', 'Omission: explanation'],
      groupStyle: 'first-column',
      locationColumns: [2],
      rows: items.map((item) => {
        const spec = specs.get(item.id);
        const group = spec?.standard ?? item.aspect ?? item.part ?? '';
        const where = item.evidence.length === 0 ? w.notFound : `${sectionsOf(item.evidence)}${paged ? ` (p. ${locationsOf(item.evidence, true)})` : ` (${w.line.toLowerCase()} ${locationsOf(item.evidence, false)})`}`;
        const explained = item.status === 'explained';
        const said = item.evidence[item.evidence.length - 1];
        const excerpt = explained && said
          ? `The report states: “${said.text}” (${paged && said.page !== undefined ? `p. ${said.pageLabel ?? said.page}` : `line ${said.line}`})`
          : '';
        return {
          group, id: item.id, status: item.status,
          cells: explained && spec?.omissionAllowed === false
            ? [group, `${item.id} ${titleOf(item)}`, w.notFound, 'Omission not permitted for this disclosure', '', excerpt]
            : [group, `${item.id} ${titleOf(item)}`, explained ? '' : where, explained ? TO_COMPLETE : '', explained ? TO_COMPLETE : '', excerpt],
        };
      }),
    };
  }

  return {
    ...base,
    preamble: [
      ['Edition', pack.title],
      ['Reporting period', file.period ? `${file.period.start} – ${file.period.end}` : TO_COMPLETE],
    ],
    columns: [w.clause, w.description, w.section, paged ? w.page : w.line, w.remarks],
    groupStyle: 'row',
    locationColumns: [2, 3],
    rows: items.map((item) => {
      const missing = item.evidence.length === 0;
      const lacking = (item.elements ?? []).filter((e) => !e.found && !e.optional).map((e) => e.label);
      const remark = item.status === 'partial'
        ? `${w.partial}${script === 'en' && lacking.length ? `; not found: ${lacking.join('; ')}` : ''}`
        : item.status === 'explained' ? w.explained : '';
      return {
        group: groupLabel(item, script), id: item.id, status: item.status,
        cells: [item.id, titleOf(item), missing ? w.notFound : sectionsOf(item.evidence), missing ? '' : locationsOf(item.evidence, paged), remark],
      };
    }),
  };
}
