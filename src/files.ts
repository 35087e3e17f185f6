import { stat } from 'node:fs/promises';
// The glob library loads only when a directory or a pattern is given.
const globber = () => import('tinyglobby');
import { SUPPORTED_EXTENSIONS } from './ingest/index.js';
import { UsageError } from './util/errors.js';

const exts = SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',');

/** Expands files, directories and globs to a sorted, de-duplicated list of report files. */
export async function expandInputs(inputs: string[], ignore: string[] = []): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      info = undefined;
    }
    if (info?.isDirectory()) {
      const { glob } = await globber();
      const found = await glob(`**/*.{${exts}}`, {
        cwd: input, ignore: ['**/node_modules/**', '**/.git/**', ...ignore], absolute: false, followSymbolicLinks: false, dot: false,
      });
      out.push(...found.sort().map((f) => `${input.replace(/\/+$/, '')}/${f}`));
    } else if (!info && (await globber()).isDynamicPattern(input)) {
      const { glob } = await globber();
      const found = await glob(input, { ignore: ['**/node_modules/**', ...ignore], followSymbolicLinks: false });
      if (found.length === 0) throw new UsageError(`no files match the pattern "${input}"`);
      out.push(...found.sort());
    } else {
      // A plain path, existing or not: reading it reports what is wrong.
      out.push(input);
    }
  }
  return [...new Set(out)];
}
