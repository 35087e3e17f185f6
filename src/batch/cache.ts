/**
 * `--cache`: results of unchanged files are reused. An entry is valid while the file's bytes,
 * esglint's version, the rule packs' hash and the options that shape a result are the same.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CheckOptions } from '../index.js';
import type { FileResult } from '../report/result.js';
import { UsageError } from '../util/errors.js';

export const DEFAULT_CACHE_FILE = '.esglintcache';
const FORMAT = 'esglint-cache/1';

interface CacheFile {
  format: typeof FORMAT;
  entries: Record<string, { key: string; result: FileResult }>;
}

/** The part of a cache key that is the same for every file of a run. */
export function runKey(version: string, rulesHash: string, options: CheckOptions): string {
  const shaping = {
    frameworks: options.frameworks ?? null,
    period: options.period ?? null,
    issuer: options.issuer ?? null,
    rules: options.rules ?? null,
    pageMarker: options.pageMarker ? String(options.pageMarker) : null,
    encoding: options.encoding ?? null,
    maxBytes: options.maxBytes ?? null,
    previous: typeof options.previous === 'string' ? fileDigest(options.previous) : null,
  };
  return createHash('sha256').update(JSON.stringify([version, rulesHash, shaping])).digest('hex');
}

function fileDigest(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'unreadable';
  }
}

export class ResultCache {
  private readonly entries: CacheFile['entries'];
  private readonly fresh: CacheFile['entries'] = {};
  hits = 0;

  constructor(readonly file: string, private readonly run: string) {
    this.entries = readCache(file);
  }

  /** The file's key, or undefined when it cannot be read (checking it reports why). */
  async keyOf(path: string): Promise<string | undefined> {
    try {
      return createHash('sha256').update(this.run).update(await readFile(path)).digest('hex');
    } catch {
      return undefined;
    }
  }

  get(path: string, key: string | undefined): FileResult | undefined {
    const entry = key ? this.entries[resolve(path)] : undefined;
    if (!entry || entry.key !== key) return undefined;
    this.hits++;
    this.fresh[resolve(path)] = entry;
    return { ...entry.result, path };
  }

  set(path: string, key: string | undefined, result: FileResult): void {
    // Errors are not kept: a file that could not be read is tried again next time.
    if (key && !result.error) this.fresh[resolve(path)] = { key, result };
  }

  /** Writes the entries of this run (entries of files not checked this time are kept too). */
  save(): void {
    const data: CacheFile = { format: FORMAT, entries: { ...this.entries, ...this.fresh } };
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(data));
      renameSync(temp, this.file);
    } catch (err) {
      throw new UsageError(`${this.file}: cannot write the cache (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
}

/** A missing, damaged or foreign cache file is an empty cache. */
function readCache(file: string): CacheFile['entries'] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (data.format === FORMAT && data.entries && typeof data.entries === 'object') return data.entries;
  } catch {
    // fall through
  }
  return {};
}
