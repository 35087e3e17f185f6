import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check, version, type CheckOptions } from '../index.js';
import { findConfig, loadConfig } from './config.js';
import { FORMATS, format, type FormatName } from '../report/index.js';
import type { Result, Severity } from '../report/result.js';
import type { Framework } from '../rules/types.js';
import { UsageError } from '../util/errors.js';
import { parsePeriodOption } from '../facts/period.js';

const HELP = `esglint — lint ESG report drafts against the HKEX ESG Reporting Code and the GRI Standards

Usage:
  esglint check <files|dirs|globs...> [options]

Options:
  -f, --format <name>      Output format: ${FORMATS.join(', ')} (default: stylish); may repeat
  -o, --output <file>      Write the output to a file (pairs with the --format before it)
      --framework <name>   hkex or gri; may repeat (default: both)
      --period <period>    Reporting period: 2024, or 2024-04-01..2025-03-31 (overrides the report)
      --board <main|gem>   Issuer's board (default: main)
      --large-cap          Issuer is a Hang Seng Composite LargeCap Index constituent
      --config <file>      Config file (default: esglint.config.yaml/.json found upward)
      --no-config          Ignore config files
      --rules <dir>        Use rule packs from this directory instead of the built-in ones
      --page-marker <re>   Regular expression marking the first line of each page (text input)
      --quiet              Report errors only
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --fail-level <lvl>   error, warning or info: exit 1 at or above this level (default: error)
      --no-color           No colours in stylish output
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it;
            2 usage, config, rule-pack or input error.`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface Output {
  format: FormatName;
  file?: string;
}

export async function main(argv: string[], io: { stdout?: (s: string) => void; stderr?: (s: string) => void } = {}): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => process.stderr.write(s));
  try {
    return await run(argv, stdout, stderr);
  } catch (err) {
    if (err instanceof UsageError) {
      stderr(`esglint: ${err.message}\n`);
      return 2;
    }
    stderr(`esglint: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.ESGLINT_DEBUG) stderr(`${(err as Error)?.stack}\n`);
    return 2;
  }
}

async function run(argv: string[], stdout: (s: string) => void, stderr: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o', multiple: true },
        framework: { type: 'string', multiple: true },
        period: { type: 'string' },
        board: { type: 'string' },
        'large-cap': { type: 'boolean' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
        rules: { type: 'string' },
        'page-marker': { type: 'string' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'fail-level': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      tokens: true,
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see esglint --help)`);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    stdout(HELP + '\n');
    return 0;
  }
  if (values.version) {
    stdout(`${version}\n`);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (!command) {
    stdout(HELP + '\n');
    return 2;
  }
  if (command !== 'check') throw new UsageError(`unknown command "${command}" (see esglint --help)`);
  if (inputs.length === 0) throw new UsageError('check needs at least one file, directory or glob');

  const outputs = pairOutputs(tokens ?? []);
  const frameworks = (values.framework ?? []).map((f) => {
    if (f !== 'hkex' && f !== 'gri') throw new UsageError(`unknown framework "${f}" (use hkex or gri)`);
    return f as Framework;
  });
  if (values.period !== undefined && !parsePeriodOption(values.period)) {
    throw new UsageError(`invalid --period "${values.period}": use a year (2024) or start..end (2024-04-01..2025-03-31)`);
  }
  if (values.board !== undefined && values.board !== 'main' && values.board !== 'gem') {
    throw new UsageError(`invalid --board "${values.board}" (use main or gem)`);
  }
  const maxWarnings = values['max-warnings'] !== undefined ? Number(values['max-warnings']) : undefined;
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`invalid --max-warnings "${values['max-warnings']}" (use a whole number ≥ 0)`);
  }
  const failLevel = (values['fail-level'] ?? 'error') as Severity;
  if (!(failLevel in SEVERITY_RANK)) throw new UsageError(`invalid --fail-level "${values['fail-level']}" (use error, warning or info)`);
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
  const options: CheckOptions = {
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

  let result = await check(inputs, options);
  if (values.quiet) result = errorsOnly(result);

  const color = values['no-color'] ? false : values.color ?? (!process.env.NO_COLOR && !!process.stdout.isTTY);
  for (const out of outputs) {
    const text = format(out.format, result, { color: out.file ? false : color, quiet: values.quiet });
    if (out.file) {
      try {
        writeFileSync(out.file, text);
      } catch (err) {
        throw new UsageError(`${out.file}: cannot write the output (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    } else stdout(text);
  }
  if (result.files.some((f) => f.error)) {
    for (const f of result.files) if (f.error) stderr(`esglint: ${f.error}\n`);
    return 2;
  }
  const atOrAbove = result.files.flatMap((f) => f.findings).filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failLevel]).length;
  if (atOrAbove > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}

/** Each --output belongs to the --format before it; a lone --output goes with stylish. */
function pairOutputs(tokens: { kind: string; name?: string; value?: string }[]): Output[] {
  const outputs: Output[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') {
      const name = t.value as FormatName;
      if (!FORMATS.includes(name)) throw new UsageError(`unknown format "${t.value}" (use ${FORMATS.join(', ')})`);
      outputs.push({ format: name });
    } else if (t.name === 'output') {
      const last = outputs[outputs.length - 1];
      if (last && last.file === undefined) last.file = t.value;
      else outputs.push({ format: 'stylish', file: t.value });
    }
  }
  return outputs.length ? outputs : [{ format: 'stylish' }];
}

function errorsOnly(result: Result): Result {
  const files = result.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  return { ...result, files, summary: { ...result.summary, warnings: 0, infos: 0 } };
}
