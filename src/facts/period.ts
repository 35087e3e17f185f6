import { joinedNorms } from '../document/joined.js';
import type { ReportDocument } from '../document/types.js';
import { blocksWhereMayMatch } from '../util/joined-text.js';
import { positionInBlock } from '../document/build.js';

export interface Period {
  start: string;
  end: string;
}

export interface DetectedPeriod extends Period {
  /** How it was found: an explicit range beats a year-end, which beats a title year. */
  basis: 'range' | 'year-end' | 'split-year' | 'title-year' | 'option';
  line?: number;
  column?: number;
  page?: number;
  text?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const TO = '\\s*(?:to|until|through|till|and|-|~|至|到|起至)\\s*';

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  if (y < 1990 || y > 2100) return undefined;
  return date.toISOString().slice(0, 10);
}

function dayAfterYearBefore(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface Pattern {
  basis: DetectedPeriod['basis'];
  re: RegExp;
  build(m: RegExpMatchArray): Period | undefined;
}

const cnDate = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?';
const cnMonth = '(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)';

const PATTERNS: Pattern[] = [
  {
    basis: 'range',
    re: new RegExp(`${cnDate}${TO}${cnDate}`, 'g'),
    build: (m) => range(iso(+m[1], +m[2], +m[3]), iso(+m[4], +m[5], +m[6])),
  },
  {
    basis: 'range',
    re: new RegExp(`${cnMonth}${TO}${cnMonth}`, 'g'),
    build: (m) => range(iso(+m[1], +m[2], 1), iso(+m[3], +m[4], lastDay(+m[3], +m[4]))),
  },
  {
    basis: 'range',
    re: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})${TO}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`, 'g'),
    build: (m) => range(iso(+m[3], MONTHS[m[2]], +m[1]), iso(+m[6], MONTHS[m[5]], +m[4])),
  },
  {
    basis: 'range',
    re: new RegExp(`${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TO}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'g'),
    build: (m) => range(iso(+m[3], MONTHS[m[1]], +m[2]), iso(+m[6], MONTHS[m[4]], +m[5])),
  },
  {
    basis: 'range',
    re: new RegExp(`(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TO}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})`, 'g'),
    build: (m) => range(iso(+m[1], +m[2], +m[3]), iso(+m[4], +m[5], +m[6])),
  },
  {
    basis: 'year-end',
    re: new RegExp(`(?:year|period)s?\\s+ended\\s+(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})`, 'g'),
    build: (m) => yearEnding(iso(+m[3], MONTHS[m[2]], +m[1])),
  },
  {
    basis: 'year-end',
    re: new RegExp(`(?:year|period)s?\\s+ended\\s+${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'g'),
    build: (m) => yearEnding(iso(+m[3], MONTHS[m[1]], +m[2])),
  },
  {
    basis: 'year-end',
    re: new RegExp(`截至\\s*${cnDate}\\s*止(?:财政)?年度`, 'g'),
    build: (m) => yearEnding(iso(+m[1], +m[2], +m[3])),
  },
  {
    basis: 'split-year',
    re: /(?:fy\s*|financial\s+year\s+|财政年度\s*|财年\s*)?(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\s*(?:financial\s+year|fiscal\s+year|财政年度|财年|年度)/g,
    build: (m) => splitYear(+m[1], +m[2]),
  },
  {
    basis: 'split-year',
    re: /(?:fy|financial\s+year|fiscal\s+year)\s*(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})(?![\d-])/g,
    build: (m) => splitYear(+m[1], +m[2]),
  },
];

const TITLE_YEAR = [
  /(20\d{2})\s*(?:年度?)?\s*(?:环境、?社会及管治|环境、社会与管治|esg|可持续发展|社会责任|sustainability|environmental,?\s+social\s+and\s+governance)[^\n]{0,12}(?:报告|report)/,
  /(?:esg|sustainability|environmental,?\s+social\s+and\s+governance)\s+report\s+(20\d{2})/,
  /\bfy\s*(20\d{2})\b/,
];

function range(start?: string, end?: string): Period | undefined {
  if (!start || !end || start >= end) return undefined;
  const days = (Date.parse(end) - Date.parse(start)) / 86400000;
  if (days < 27 || days > 800) return undefined;
  return { start, end };
}

function yearEnding(end?: string): Period | undefined {
  return end ? { start: dayAfterYearBefore(end), end } : undefined;
}

function splitYear(first: number, second: number): Period | undefined {
  const endYear = second < 100 ? Math.floor(first / 100) * 100 + second : second;
  if (endYear !== first + 1) return undefined;
  // Hong Kong split financial years most often run April to March.
  return { start: `${first}-04-01`, end: `${endYear}-03-31` };
}

const RANK: Record<DetectedPeriod['basis'], number> = { option: 0, range: 1, 'year-end': 2, 'split-year': 3, 'title-year': 4 };
const CONTEXT = /报告期|报告期间|汇报期|时间范围|报告范围|涵盖|覆盖|reporting\s+period|covering|covers|period|financial\s+year|fiscal/;

/** Explicit date ranges stated in a folded text (e.g. a GRI statement of use). */
export function rangesIn(norm: string): Period[] {
  const out: Period[] = [];
  for (const p of PATTERNS) {
    if (p.basis !== 'range') continue;
    for (const m of norm.matchAll(p.re)) {
      const period = p.build(m);
      if (period) out.push(period);
    }
  }
  return out;
}

/** Finds the reporting period the report states, with where it says so. */
export function detectPeriod(doc: ReportDocument): DetectedPeriod | undefined {
  let best: (DetectedPeriod & { score: number }) | undefined;
  const consider = (candidate: DetectedPeriod, score: number) => {
    if (!best || score < best.score) best = { ...candidate, score };
  };
  // Most patterns match nowhere in a report: tried once on the whole text, then block by block.
  // Each is then run only in the blocks where the whole text says it may match.
  const { text: joined, starts } = joinedNorms(doc);
  const patterns = PATTERNS.map((p) => ({ p, blocks: blocksWhereMayMatch(joined, starts, p.re), next: 0 })).filter((c) => c.blocks?.length !== 0);
  for (const block of doc.blocks) {
    if (block.role !== 'body') continue;
    const norm = block.norm;
    for (const candidate of patterns) {
      const { p, blocks } = candidate;
      if (blocks) {
        while (candidate.next < blocks.length && blocks[candidate.next] < block.index) candidate.next++;
        if (blocks[candidate.next] !== block.index) continue;
      }
      for (const m of norm.matchAll(p.re)) {
        const period = p.build(m);
        if (!period) continue;
        const before = norm.slice(Math.max(0, m.index - 40), m.index);
        const days = (Date.parse(period.end) - Date.parse(period.start)) / 86400000;
        const fullYear = days >= 330 && days <= 380;
        const score = RANK[p.basis] * 10 + (CONTEXT.test(before) ? 0 : 5) + (fullYear ? 0 : 3) + block.index / 1e6;
        const pos = positionInBlock(block, m.index);
        consider({ ...period, basis: p.basis, ...pos, page: block.page, text: block.text.slice(m.index, m.index + m[0].length) }, score);
      }
    }
    if (best && best.score < 10) continue;
    const titleWindow = block.kind === 'heading' || block.index < 40;
    if (!titleWindow) continue;
    for (const re of TITLE_YEAR) {
      const m = norm.match(re);
      if (!m || m.index === undefined) continue;
      const year = +m[1];
      const pos = positionInBlock(block, m.index);
      consider({ start: `${year}-01-01`, end: `${year}-12-31`, basis: 'title-year', ...pos, page: block.page, text: block.text.slice(m.index, m.index + m[0].length) }, RANK['title-year'] * 10 + block.index / 1e6);
    }
  }
  if (!best) {
    const fm = doc.frontmatter?.period;
    if (typeof fm === 'string' || typeof fm === 'number') {
      const parsed = parsePeriodOption(String(fm));
      if (parsed) return { ...parsed, basis: 'option', line: 1, column: 1, text: `period: ${fm}` };
    }
    return undefined;
  }
  const { score: _score, ...result } = best;
  return result;
}

/** Parses `--period 2024` (calendar year) or `--period 2024-04-01..2025-03-31`. */
export function parsePeriodOption(value: string): Period | undefined {
  const year = /^(\d{4})$/.exec(value.trim());
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  const r = /^(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!r) return undefined;
  const start = iso(+r[1], +r[2], +r[3]);
  const end = iso(+r[4], +r[5], +r[6]);
  if (!start || !end || start >= end) return undefined;
  return { start, end };
}
