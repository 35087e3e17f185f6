import { Chalk } from 'chalk';
import type { FileResult, Finding, Result } from './result.js';
import { statusCounts } from './statuses.js';

export interface StylishOptions {
  color: boolean;
  quiet?: boolean;
}

function where(f: { line: number; column: number; page?: number }): string {
  return `${f.line}:${f.column}${f.page ? ` p.${f.page}` : ''}`;
}

/**
 * ESLint-style terminal output: per file, the editions and period used, then findings
 * grouped by clause, then a summary line.
 */
export function formatStylish(result: Result, options: StylishOptions): string {
  const pieces = new StylishPieces(options);
  return result.files.map((f) => pieces.file(f)).join('') + pieces.end(result.summary);
}

/** The stylish output in pieces, as files come: each file's block, then the summary line. */
export class StylishPieces {
  private readonly c: InstanceType<typeof Chalk>;

  constructor(private readonly options: StylishOptions) {
    this.c = new Chalk({ level: options.color ? 1 : 0 });
  }

  file(file: FileResult): string {
    const c = this.c;
    const out: string[] = ['', c.underline(file.path)];
    if (file.error) {
      out.push(`  ${c.red('error')}  ${file.error}`);
      return out.join('\n') + '\n';
    }
    out.push(c.dim(`  ${describeContext(file)}`));
    const findings = this.options.quiet ? file.findings.filter((f) => f.severity === 'error') : file.findings;
    const groups = new Map<string, Finding[]>();
    for (const f of findings) {
      const key = f.item ? `${f.framework ?? ''} ${f.item}` : '';
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : compareIds(a, b)));
    for (const key of keys) {
      if (key) out.push(`  ${c.bold(key.trim())}`);
      for (const f of groups.get(key)!) {
        const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
        out.push(`    ${c.dim(where(f).padEnd(12))} ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      }
    }
    const counts = describeCounts(file);
    out.push(c.dim(`  items: ${counts}`));
    const accepted = file.suppressed ?? [];
    if (accepted.length > 0) {
      const inline = accepted.filter((s) => s.kind === 'inline').length;
      out.push(c.dim(`  accepted: ${inline} by suppression comments, ${accepted.length - inline} by the baseline`));
    }
    return out.join('\n') + '\n';
  }

  end(summary: Result['summary']): string {
    const c = this.c;
    const { errors, warnings, infos } = summary;
    const failed = summary.failedFiles ?? 0;
    const total = errors + warnings + (this.options.quiet ? 0 : infos);
    const line = `${total === 0 && failed === 0 ? '✔' : '✖'} ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${failed ? `, ${failed} file${failed === 1 ? '' : 's'} could not be read` : ''}`;
    return ['', errors > 0 || failed > 0 ? c.red.bold(line) : warnings > 0 ? c.yellow.bold(line) : c.green.bold(line), ''].join('\n');
  }
}

function describeContext(file: FileResult): string {
  const period = file.period ? `period ${file.period.start}..${file.period.end} (${file.period.source ?? 'detected'}${file.period.line ? ` at line ${file.period.line}` : ''})` : 'period not found';
  const editions = file.editions.length ? file.editions.join(', ') : 'no editions';
  return `${period}; held against ${editions}`;
}

function describeCounts(file: FileResult): string {
  return statusCounts(file).map(([k, v]) => `${v} ${k}`).join(', ');
}

/** Orders clause ids naturally: MDR first, then A1 < A1.1 < A2, B…, D…, GRI numbers. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
