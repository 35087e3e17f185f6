import { markdownTable } from 'markdown-table';
import type { Finding, Result, Severity } from './result.js';
import { compareIds } from './stylish.js';
import { statusCounts, statusesOf } from './statuses.js';

export interface MarkdownOptions {
  /** Findings at or above this level are listed as failing (default: error). */
  failLevel?: Severity;
  /** Most rows per table; GitHub comments are limited to 65,536 characters. */
  maxRows?: number;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const ICON: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** A table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function byClause(a: Finding, b: Finding): number {
  if (!a.item !== !b.item) return a.item ? 1 : -1;
  return (a.framework ?? '').localeCompare(b.framework ?? '') || compareIds(a.item ?? '', b.item ?? '') || a.line - b.line;
}

function findingsTable(findings: Finding[], maxRows: number): string {
  const sorted = [...findings].sort(byClause);
  const rows: string[][] = [];
  let previous = '';
  for (const f of sorted.slice(0, maxRows)) {
    const clause = f.item ? `${f.framework ? `${f.framework} ` : ''}**${f.item}**` : '—';
    rows.push([clause === previous ? '' : clause, ICON[f.severity], `${f.line}:${f.column}${f.page ? ` p.${f.page}` : ''}`, cell(f.message), code(f.ruleId)]);
    previous = clause;
  }
  const table = markdownTable([['Clause', 'Severity', 'Where', 'Finding', 'Rule'], ...rows], { align: ['l', 'l', 'r', 'l', 'l'], alignDelimiters: false });
  return sorted.length > maxRows ? `${table}\n\n… and ${sorted.length - maxRows} more (see the full report).` : table;
}


/**
 * A summary for a pull-request comment: the verdict and counts, each report's period,
 * editions and clause statuses, then per report a table of what fails, grouped by clause;
 * findings below the fail level are folded away.
 */
export function formatMarkdown(result: Result, options: MarkdownOptions = {}): string {
  const failLevel = options.failLevel ?? 'error';
  const maxRows = options.maxRows ?? 250;
  const { errors, warnings, infos } = result.summary;
  const failing = result.files.flatMap((f) => f.findings).filter((f) => RANK[f.severity] >= RANK[failLevel]).length;
  const unreadable = result.files.filter((f) => f.error).length;
  const verdict = failing > 0 || unreadable > 0 ? '❌' : '✅';
  const out: string[] = [
    `## ${verdict} esglint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info`,
    '',
  ];
  const notes: string[] = [`fail level: ${failLevel}`];
  if (result.summary.suppressed) notes.push(`${result.summary.suppressed} accepted by suppressions or the baseline`);
  if (unreadable) notes.push(`${plural(unreadable, 'file')} could not be read`);
  out.push(`<sub>esglint ${result.tool.version} · ${notes.join(' · ')}</sub>`, '');

  const statuses = statusesOf(result.files);
  const heading = (s: string) => s[0].toUpperCase() + s.slice(1).replace('-', ' ');
  const overview: string[][] = [['Report', 'Period', 'Held against', ...statuses.map(heading), 'Findings']];
  for (const file of result.files) {
    if (file.error) {
      overview.push([code(file.path), cell(file.error), '', ...statuses.map(() => ''), '']);
      continue;
    }
    overview.push([
      code(file.path),
      file.period ? `${file.period.start} – ${file.period.end}` : 'not found',
      file.editions.join(', ') || '—',
      ...statusCounts(file, statuses).map(([, n]) => String(n)),
      String(file.findings.length),
    ]);
  }
  out.push(markdownTable(overview, { align: ['l', 'l', 'l', ...statuses.map(() => 'r'), 'r'] }), '');

  for (const file of result.files) {
    if (file.error) continue;
    const fails = file.findings.filter((f) => RANK[f.severity] >= RANK[failLevel]);
    const others = file.findings.filter((f) => RANK[f.severity] < RANK[failLevel]);
    if (fails.length === 0 && others.length === 0) continue;
    out.push(`### ${code(file.path)}`, '');
    if (fails.length > 0) out.push(findingsTable(fails, maxRows), '');
    else out.push(`Nothing at or above ${failLevel}.`, '');
    if (others.length > 0) {
      out.push(`<details><summary>${plural(others.length, 'finding')} below the fail level</summary>`, '', findingsTable(others, maxRows), '', '</details>', '');
    }
  }
  return out.join('\n');
}
