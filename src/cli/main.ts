import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkEach, version, type CheckOptions } from '../index.js';
import { REPORT_OPTIONS, reportOptions } from './options.js';
import { SUBCOMMANDS } from './commands.js';
import { BaselineBuilder, BaselineMatcher, DEFAULT_BASELINE, writeBaseline } from '../suppress/index.js';
import { FORMATS, type FormatName, type FormatOptions } from '../report/index.js';
import type { Severity } from '../report/result.js';
import { SummaryTally } from '../report/summary.js';
import { resultWriter, type ResultWriter } from '../report/writer.js';
import { UsageError } from '../util/errors.js';
import { defaultConcurrency, type BatchOptions } from '../batch/run.js';
import { DEFAULT_CACHE_FILE } from '../batch/cache.js';
import { PROGRESS_MIN_FILES } from '../batch/progress.js';

const HELP = `esglint — lint ESG report drafts against the HKEX ESG Reporting Code and the GRI Standards

Usage:
  esglint check <files|dirs|globs...> [options]   lint report drafts
  esglint index <report> [options]                generate the HKEX or GRI content index
  esglint explain <item>                          what a clause or disclosure requires
  esglint rules [--framework <name>]              every item with edition and obligation
  esglint init                                    write a commented esglint.config.yaml
  (esglint <command> --help for each command's options)

Options of check:
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
      --encoding <name>    Encoding of text, Markdown and HTML inputs (default: detected): utf-8, utf-16le, big5, gbk, gb18030, …
      --max-size <size>    Refuse input files larger than this (default: 100MB)
      --previous <file>    Last year's report: list carried-over text, changed prior-year figures, dropped clauses
      --baseline <file>    Accept the findings listed in this baseline file
      --update-baseline    Write every current finding to the baseline (default esglint-baseline.json)
      --quiet              Report errors only
      --max-warnings <n>   Exit 1 when there are more than n warnings
      --fail-level <lvl>   error, warning or info: exit 1 at or above this level (default: error)
      --no-color           No colours in stylish output
      --concurrency <n>    Check files on n worker threads (default: the number of cores, ${defaultConcurrency()} here)
      --cache              Reuse the results of unchanged files (same content, esglint version, rules and options)
      --cache-location <f> The cache file (default ${DEFAULT_CACHE_FILE}); implies --cache
      --no-progress        No progress bar (shown on a terminal for runs of ${PROGRESS_MIN_FILES} files or more)
  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it;
            2 usage, config, rule-pack or input error.`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface Output {
  format: FormatName;
  file?: string;
}

/** Thrown by a write to stdout once its reader has gone (`esglint check … | head`). */
class StdoutClosed extends Error {}

/**
 * process.stdout that stops the run once its reader has gone: the write that found the pipe
 * closed reports EPIPE on the stream, and the next write ends the run quietly, as `head` expects.
 */
function processStdout(): (s: string) => void {
  let failed: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    failed = err;
  });
  return (s: string) => {
    if (failed?.code === 'EPIPE') throw new StdoutClosed();
    if (failed) throw new UsageError(`cannot write the output to stdout (${failed.code ?? failed.message})`);
    process.stdout.write(s);
  };
}

export async function main(argv: string[], io: { stdout?: (s: string) => void; stderr?: (s: string) => void } = {}): Promise<number> {
  const stdout = io.stdout ?? processStdout();
  const stderr = io.stderr ?? ((s: string) => process.stderr.write(s));
  try {
    return await run(argv, stdout, stderr);
  } catch (err) {
    if (err instanceof StdoutClosed) return 0;
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
  const subcommand = SUBCOMMANDS[argv[0]];
  if (subcommand) return subcommand(argv.slice(1), { stdout, stderr });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        output: { type: 'string', short: 'o', multiple: true },
        ...REPORT_OPTIONS,
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        previous: { type: 'string' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'fail-level': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        concurrency: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'no-progress': { type: 'boolean' },
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
  const maxWarnings = values['max-warnings'] !== undefined ? Number(values['max-warnings']) : undefined;
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`invalid --max-warnings "${values['max-warnings']}" (use a whole number ≥ 0)`);
  }
  const failLevel = (values['fail-level'] ?? 'error') as Severity;
  if (!(failLevel in SEVERITY_RANK)) throw new UsageError(`invalid --fail-level "${values['fail-level']}" (use error, warning or info)`);
  const options: CheckOptions = reportOptions(values);
  const baselineFile = values.baseline ?? (values['update-baseline'] ? DEFAULT_BASELINE : undefined);

  const concurrency = values.concurrency !== undefined ? Number(values.concurrency) : undefined;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new UsageError(`invalid --concurrency "${values.concurrency}" (use a whole number ≥ 1)`);
  }
  const batch: BatchOptions = {
    concurrency,
    cache: values['cache-location'] ?? values.cache,
    progress: !values['no-progress'],
  };
  const updateBaseline = values['update-baseline'] && baselineFile ? new BaselineBuilder(baselineFile) : undefined;
  const color = values['no-color'] ? false : values.color ?? (!process.env.NO_COLOR && !!process.stdout.isTTY);
  const tally = new SummaryTally();
  const failures: string[] = [];
  let atOrAbove = 0;
  let acceptedNow = 0;
  const sinks: Sink[] = [];
  try {
    const { baseline } = await checkEach(inputs, { ...options, ...batch, previous: values.previous, baseline: updateBaseline ? undefined : baselineFile }, {
      onStart: ({ files, tool }) => {
        for (const out of outputs) {
          if (out.file && files.some((f) => resolve(f) === resolve(out.file!))) {
            throw new UsageError(`--output ${out.file} is one of the reports checked; esglint never writes to its input`);
          }
        }
        for (const out of outputs) {
          sinks.push(openSink(out, { color: out.file ? false : color, quiet: values.quiet, failLevel, cwd: process.cwd() }, stdout));
        }
        for (const sink of sinks) sink.writer.start(tool);
      },
      onFile: (checked) => {
        let file = checked;
        if (updateBaseline) {
          // The new baseline accepts every finding: this file's own entries accept all of its findings.
          const matcher = new BaselineMatcher({ file: updateBaseline.file, findings: updateBaseline.add(file) });
          file = matcher.apply(file);
          acceptedNow += matcher.report().matched;
        }
        if (values.quiet) file = { ...file, findings: file.findings.filter((x) => x.severity === 'error') };
        tally.add(file);
        if (file.error) failures.push(file.error);
        atOrAbove += file.findings.filter((x) => SEVERITY_RANK[x.severity] >= SEVERITY_RANK[failLevel]).length;
        for (const sink of sinks) sink.writer.file(file);
      },
    });
    let baselineRecord = baseline;
    if (updateBaseline) {
      const written = updateBaseline.baseline();
      writeBaseline(written);
      stderr(`esglint: wrote ${written.findings.reduce((n, e) => n + e.count, 0)} accepted finding(s) to ${written.file}\n`);
      baselineRecord = { path: written.file, matched: acceptedNow, unmatched: 0 };
    } else if (baseline && baseline.unmatched > 0) {
      stderr(`esglint: ${baseline.unmatched} baseline entr${baseline.unmatched === 1 ? 'y matches' : 'ies match'} no finding any more; run with --update-baseline to prune\n`);
    }
    const summary = values.quiet ? { ...tally.summary(), warnings: 0, infos: 0 } : tally.summary();
    for (const sink of sinks) sink.writer.end({ summary, ...(baselineRecord ? { baseline: baselineRecord } : {}) });
    if (failures.length > 0) {
      for (const error of failures) stderr(`esglint: ${error}\n`);
      return 2;
    }
    if (atOrAbove > 0) return 1;
    if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
      stderr(`esglint: ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
      return 1;
    }
    return 0;
  } finally {
    for (const sink of sinks) sink.close();
  }
}

interface Sink {
  writer: ResultWriter;
  close(): void;
}

/** An output's destination: its file (opened now, written as results come) or stdout. */
function openSink(out: Output, options: FormatOptions, stdout: (s: string) => void): Sink {
  if (!out.file) return { writer: resultWriter(out.format, options, stdout), close: () => {} };
  const file = out.file;
  const cannotWrite = (err: unknown) => new UsageError(`${file}: cannot write the output (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'w');
  } catch (err) {
    throw cannotWrite(err);
  }
  const write = (chunk: string) => {
    try {
      const bytes = Buffer.from(chunk);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd!, bytes, at);
    } catch (err) {
      throw cannotWrite(err);
    }
  };
  return {
    writer: resultWriter(out.format, options, write),
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
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
