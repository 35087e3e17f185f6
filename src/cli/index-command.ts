import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../index.js';
import { loadRules } from '../rules/load.js';
import { buildContentIndex } from '../report/content-index.js';
import { INDEX_FORMATS, indexToCsv, indexToMarkdown, indexToXlsx, type IndexFormat } from '../report/index-writers.js';
import type { Script } from '../report/language.js';
import { UsageError } from '../util/errors.js';
import type { CommandIo } from './commands.js';
import { parseFrameworks, REPORT_OPTIONS, reportOptions, parseCommand } from './options.js';

const HELP = `esglint index <report> [options] — generate a content index from the evidence found

  --framework <name>     hkex (default) or gri
  -f, --format <name>    markdown (default), csv or xlsx
  -o, --output <file>    write to a file (required for xlsx)
  --lang <script>        en, zh-Hant or zh-Hans for titles and headings (default: the report's)
  --organisation <name>  the reporting organisation, for the GRI statement of use
  --period, --board, --large-cap, --config, --no-config, --rules, --page-marker, --encoding, --max-size: as for check

Items the report does not address are listed with their location left empty ([not found]).`;

const SCRIPTS: Script[] = ['en', 'zh-Hant', 'zh-Hans'];

export async function indexCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('index', argv, {
    ...REPORT_OPTIONS,
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    lang: { type: 'string' },
    organisation: { type: 'string' },
  }, true);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('index needs exactly one report file (see esglint index --help)');
  const frameworks = parseFrameworks(values.framework);
  if (frameworks.length > 1) throw new UsageError('index makes one framework\'s index at a time: give --framework once');
  const framework = frameworks[0] ?? 'hkex';
  const format = (values.format ?? 'markdown') as IndexFormat;
  if (!INDEX_FORMATS.includes(format)) throw new UsageError(`unknown index format "${values.format}" (use ${INDEX_FORMATS.join(', ')})`);
  if (format === 'xlsx' && !values.output) throw new UsageError('the xlsx format needs --output <file>');
  const script = values.lang as Script | undefined;
  if (script !== undefined && !SCRIPTS.includes(script)) throw new UsageError(`unknown --lang "${values.lang}" (use ${SCRIPTS.join(', ')})`);

  if (values.output && resolve(values.output) === resolve(positionals[0])) throw new UsageError(`--output ${values.output} is the report itself; esglint never writes to its input`);
  const options = reportOptions({ ...values, framework: undefined });
  const result = await check(positionals, { ...options, frameworks: [framework] });
  if (result.files.length !== 1) throw new UsageError(`index needs one report file, and "${positionals[0]}" names ${result.files.length}`);
  const file = result.files[0];
  if (file.error) throw new UsageError(file.error);
  const rules = loadRules(options.rulesDir);
  const pack = rules.packs.find((p) => p.framework === framework && file.editions.includes(p.edition));
  if (!pack) throw new UsageError(`no ${framework} rule pack is loaded, so there is no ${framework} content index to make`);

  const index = buildContentIndex(file, pack, { script, organisation: values.organisation });
  const output = format === 'xlsx' ? await indexToXlsx(index) : format === 'csv' ? indexToCsv(index) : indexToMarkdown(index);
  if (values.output) {
    try {
      writeFileSync(values.output, output);
    } catch (err) {
      throw new UsageError(`${values.output}: cannot write the index (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  } else io.stdout(output as string);
  return 0;
}
