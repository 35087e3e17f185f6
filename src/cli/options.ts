import type { CheckOptions } from '../index.js';
import type { Framework } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import { parsePeriodOption } from '../facts/period.js';
import { findConfig, loadConfig } from './config.js';

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
  }
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
  };
}

/** parseArgs with its errors turned into one-line usage errors. */
export function usageErrorFrom(err: unknown, command: string): UsageError {
  return new UsageError(`${(err as Error).message.split('\n')[0]} (see esglint ${command} --help)`);
}
