import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReportDocument } from '../document/types.js';
import { InputError } from '../util/errors.js';
import { readMarkdown } from './markdown.js';
import { readText, type TextOptions } from './text.js';

export interface IngestOptions extends TextOptions {
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const TEXT = new Set(['.txt', '.text']);

export const SUPPORTED_EXTENSIONS = [...MARKDOWN, ...TEXT];

export function formatOf(path: string): 'markdown' | 'text' | undefined {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN.has(ext)) return 'markdown';
  if (TEXT.has(ext)) return 'text';
  return undefined;
}

/** Decodes bytes to text, refusing what is not text. */
export function decode(path: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new InputError(path, 'the file is empty');
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
    if (sample.includes(0)) throw new InputError(path, 'this is a binary file, not a text report');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new InputError(path, 'the file is not valid UTF-8 (re-save it as UTF-8)');
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 8192); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12) control++;
  }
  if (control > 8) throw new InputError(path, 'this looks like a binary file, not a text report');
  if (text.trim() === '') throw new InputError(path, 'the file has no text');
  return text;
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<ReportDocument> {
  const format = formatOf(path);
  if (!format) {
    throw new InputError(path, `unsupported file type "${extname(path) || '(none)'}" (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory');
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > max) throw new InputError(path, `the file is ${info.size} bytes, over the limit of ${max} bytes`);
    bytes = await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, describeFsError(err));
  }
  return ingestText(path, decode(path, bytes), format, options);
}

export function ingestText(path: string, text: string, format: 'markdown' | 'text', options: TextOptions = {}): ReportDocument {
  return format === 'markdown' ? readMarkdown(path, text) : readText(path, text, options);
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many symbolic links';
    default: return `cannot read the file (${code ?? (err as Error)?.message ?? 'unknown error'})`;
  }
}
