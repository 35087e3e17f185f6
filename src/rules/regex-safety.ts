/**
 * Rule files may hold regular expressions (rules/hygiene.yaml). A pattern whose backtracking
 * grows faster than the text (nested quantifiers like `(a+)+`, or two unbounded repeats that
 * can trade the same characters, like `\s*(?:x)?\s*`) could hang a run on one long line, so a
 * rule file with such a pattern is refused at load. scslre (regexpp-based) reads the full
 * syntax the rules use — lookbehind, named groups, the d and u flags.
 */
import { createRequire } from 'node:module';
import type { Report } from 'scslre';
import { UsageError } from '../util/errors.js';

// Loaded on first use: runs on the built-in rules skip the check (the build did it).
let scslre: typeof import('scslre') | undefined;
const load = () => (scslre ??= createRequire(import.meta.url)('scslre') as typeof import('scslre'));

/** What is wrong with a pattern, or undefined when its matching time is linear in the text. */
export function backtrackingProblem(re: RegExp): string | undefined {
  let reports: Report[];
  try {
    reports = load().analyse({ source: re.source, flags: re.flags }).reports;
  } catch (err) {
    return `cannot analyse it (${(err as Error).message})`;
  }
  const report = reports.find((r) => r.exponential) ?? reports[0];
  if (!report) return undefined;
  const growth = report.exponential ? 'exponential (catastrophic) backtracking' : 'polynomial backtracking';
  const on = report.character.literal.source;
  switch (report.type) {
    case 'Self':
      return `${growth}: ${report.quant.raw} repeats inside ${report.parentQuant.raw} and both can match "${on}"`;
    case 'Trade':
      return `${growth}: ${report.startQuant.raw} and ${report.endQuant.raw} can trade the same characters ("${on}") — make one of them need something first`;
    case 'Move':
      return `${growth}: ${report.quant.raw} at a place where matching may start or retry consumes "${on}" again from each position — anchor it or bound it`;
  }
}

/** Refuses a pattern with super-linear backtracking: `file: unsafe regular expression at pointer: …`. */
export function assertLinear(re: RegExp, file: string, pointer: string): void {
  const problem = backtrackingProblem(re);
  if (problem) throw new UsageError(`${file}: unsafe regular expression at ${pointer} (/${re.source}/): ${problem}`);
}
