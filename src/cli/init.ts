import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { packageRoot } from '../util/paths.js';
import { UsageError } from '../util/errors.js';
import { parsePeriodOption } from '../facts/period.js';
import type { CommandIo } from './commands.js';
import { CONFIG_NAMES } from './config.js';
import { parseFrameworks, parseCommand } from './options.js';

const HELP = `esglint init [options] — write a commented esglint.config.yaml in the current directory

  --framework <name>   hkex or gri; may repeat (default: both)
  --period <period>    2024, or 2024-04-01..2025-03-31
  --board <main|gem>   the issuer's board (default: main)
  --large-cap          the issuer is a Hang Seng Composite LargeCap Index constituent

An existing esglint config in the directory is never overwritten.`;

/** Where the config schema is, as the config file should reference it. */
function schemaReference(cwd: string): string {
  const installed = join(cwd, 'node_modules', 'esglint', 'schemas', 'config.schema.json');
  if (existsSync(installed)) return './node_modules/esglint/schemas/config.schema.json';
  const rel = relative(cwd, join(packageRoot, 'schemas', 'config.schema.json')).split(sep).join('/');
  return rel.startsWith('.') || rel.startsWith('/') ? rel : `./${rel}`;
}

export function configTemplate(options: { schema: string; frameworks: string[]; period?: string; board: string; largeCap: boolean }): string {
  return `# esglint configuration. Every key is optional; command-line options override these.
# Validated by the JSON schema below (editors with YAML support complete and check keys).
# yaml-language-server: $schema=${options.schema}
$schema: ${options.schema}

# Frameworks to hold reports against: hkex (HKEX ESG Reporting Guide / Code), gri.
frameworks: [${options.frameworks.join(', ')}]

# The reporting period, when the report does not state it in a form esglint recognises
# (it decides the edition: the 2020 Guide before 2025-01-01, the 2025 Code from then on).
${options.period ? `period: "${options.period}"` : '# period: 2024-04-01..2025-03-31'}

# The issuer, which decides the obligations of Part D of the 2025 Code.
issuer:
  board: ${options.board}        # main or gem
  largeCap: ${options.largeCap}   # a Hang Seng Composite LargeCap Index constituent

# Severity per ruleId (off, info, warning or error), e.g.
#   missing/item-partial: error
#   draft/unused-suppression: off
rules: {}

# Files to skip when a directory is checked.
# ignorePatterns: ["**/archive/**"]

# Rule packs from this directory instead of the built-in ones (relative to this file).
# rulesDir: ./rules
`;
}

export async function initCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommand('init', argv, {
    framework: { type: 'string', multiple: true },
    period: { type: 'string' },
    board: { type: 'string' },
    'large-cap': { type: 'boolean' },
  }, false);
  const { values } = parsed;
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  const frameworks = parseFrameworks(values.framework);
  if (values.period !== undefined && !parsePeriodOption(values.period)) {
    throw new UsageError(`invalid --period "${values.period}": use a year (2024) or start..end (2024-04-01..2025-03-31)`);
  }
  if (values.board !== undefined && values.board !== 'main' && values.board !== 'gem') {
    throw new UsageError(`invalid --board "${values.board}" (use main or gem)`);
  }
  const cwd = process.cwd();
  const existing = CONFIG_NAMES.find((name) => existsSync(join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here; esglint init never overwrites a config`);
  const file = join(cwd, CONFIG_NAMES[0]);
  const text = configTemplate({
    schema: schemaReference(cwd),
    frameworks: frameworks.length ? [...new Set(frameworks)] : ['hkex', 'gri'],
    period: values.period,
    board: values.board ?? 'main',
    largeCap: values['large-cap'] ?? false,
  });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    throw new UsageError(`${CONFIG_NAMES[0]}: cannot write the config (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  io.stdout(`wrote ${CONFIG_NAMES[0]}\n`);
  return 0;
}
