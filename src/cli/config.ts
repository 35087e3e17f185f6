import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDataFile, validateData } from '../util/schema.js';
import { UsageError } from '../util/errors.js';
import type { Framework } from '../rules/types.js';
import type { Severity } from '../report/result.js';

export interface Config {
  frameworks?: Framework[];
  period?: string;
  issuer?: { board?: 'main' | 'gem'; largeCap?: boolean };
  rules?: Record<string, Severity | 'off'>;
  rulesDir?: string;
  ignorePatterns?: string[];
}

export const CONFIG_NAMES = ['esglint.config.yaml', 'esglint.config.yml', 'esglint.config.json'];

/** The nearest config file from `cwd` upward, if any. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function loadConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read the config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const parsed = parseDataFile(file, text);
  if (parsed.data === null || parsed.data === undefined) return {};
  validateData(file, 'config.schema.json', parsed, 'config');
  const config = parsed.data as Config;
  if (config.rulesDir) config.rulesDir = resolve(dirname(file), config.rulesDir);
  return config;
}
