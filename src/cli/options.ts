import { parseArgs, type ParseArgsConfig } from 'node:util';

type CommandOptions = NonNullable<ParseArgsConfig['options']>;
type HelpOption = { help: { type: 'boolean'; short: 'h' } };
type ParsedCommand<O extends CommandOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: boolean; strict: true; options: O & HelpOption }>>;
import type { CheckOptions } from '../index.js';
import type { Framework } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import { backtrackingProblem } from '../rules/regex-safety.js';
import { parsePeriodOption } from '../facts/period.js';
import { findConfig, loadConfig } from './config.js';
import { ENCODINGS, encodingCodec } from '../ingest/encoding.js';

/** The options every command that reads a report shares (parseArgs spec). */
export const REPORT_OPTIONS = {
  framework: { type: 'string', multiple: true },
  period: { type: 'string' },
  board: { type: 'string' },
  'large-cap': { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  rules: { type: 'string' },
  'page-marker': { type: 'string' },
  encoding: { type: 'string' },
  'max-size': { type: 'string' },
} as const;

export interface ReportOptionValues {
  framework?: string[];
  period?: string;
  board?: string;
  'large-cap'?: boolean;
  config?: string;
  'no-config'?: boolean;
  rules?: string;
  'page-marker'?: string;
  encoding?: string;
  'max-size'?: string;
}

export function parseFrameworks(values: string[] | undefined): Framework[] {
  return (values ?? []).map((f) => {
    if (f !== 'hkex' && f !== 'gri') throw new UsageError(`unknown framework "${f}" (use hkex or gri)`);
    return f;
  });
}

/** Validates the shared options and merges them over the config file. */
export function reportOptions(values: ReportOptionValues): CheckOptions {
  const frameworks = parseFrameworks(values.framework);
  if (values.period !== undefined && !parsePeriodOption(values.period)) {
    throw new UsageError(`invalid --period "${values.period}": use a year (2024) or start..end (2024-04-01..2025-03-31)`);
  }
  if (values.board !== undefined && values.board !== 'main' && values.board !== 'gem') {
    throw new UsageError(`invalid --board "${values.board}" (use main or gem)`);
  }
  let pageMarker: RegExp | undefined;
  if (values['page-marker'] !== undefined) {
    try {
      pageMarker = new RegExp(values['page-marker']);
    } catch (err) {
      throw new UsageError(`invalid --page-marker: ${(err as Error).message}`);
    }
    // It runs on every line of the report: one that backtracks badly could hang the run.
    const problem = backtrackingProblem(pageMarker);
    if (problem) throw new UsageError(`unsafe --page-marker /${pageMarker.source}/: ${problem}`);
  }
  if (values.encoding !== undefined && !encodingCodec(values.encoding)) {
    throw new UsageError(`unknown --encoding "${values.encoding}" (use one of ${ENCODINGS.join(', ')})`);
  }
  const maxBytes = values['max-size'] !== undefined ? parseSize(values['max-size']) : undefined;
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfig(process.cwd()));
  const config = configFile ? loadConfig(configFile) : {};
  return {
    frameworks: frameworks.length ? frameworks : config.frameworks,
    period: values.period ?? config.period,
    issuer: {
      board: (values.board as 'main' | 'gem' | undefined) ?? config.issuer?.board,
      largeCap: values['large-cap'] ?? config.issuer?.largeCap,
    },
    rules: config.rules,
    rulesDir: values.rules ?? config.rulesDir,
    ignorePatterns: config.ignorePatterns,
    pageMarker,
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    ...(maxBytes !== undefined ? { maxBytes } : {}),
  };
}

/** parseArgs with its errors turned into one-line usage errors. */
/**
 * A subcommand's arguments, strictly: an unknown option is a usage error naming the command.
 * Every subcommand takes -h/--help.
 */
export function parseCommand<const O extends CommandOptions>(command: string, argv: string[], options: O, allowPositionals: boolean): ParsedCommand<O> {
  const help: HelpOption = { help: { type: 'boolean', short: 'h' } };
  try {
    return parseArgs({ args: argv, allowPositionals, strict: true, options: { ...options, ...help } });
  } catch (err) {
    throw usageErrorFrom(err, command);
  }
}

export function usageErrorFrom(err: unknown, command: string): UsageError {
  return new UsageError(`${(err as Error).message.split('\n')[0]} (see esglint ${command} --help)`);
}

/** "100MB", "20 MB", "500k", "1.5G" or a number of bytes. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  const n = m ? Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'] : NaN;
  if (!Number.isFinite(n) || n < 1) throw new UsageError(`invalid --max-size "${text}" (use a size such as 100MB, 500KB or a number of bytes)`);
  return Math.floor(n);
}
