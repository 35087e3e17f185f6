import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReportDocument } from '../document/types.js';
import { InputError } from '../util/errors.js';
import { readText, type TextOptions } from './text.js';
import { decodeBytes } from './encoding.js';

export interface IngestOptions extends TextOptions {
  /** Files larger than this are refused (bytes). */
  maxBytes?: number;
  /** The encoding of text inputs (Markdown, text, HTML), instead of detecting it. */
  encoding?: string;
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
const TEXT = new Set(['.txt', '.text']);
const HTML = new Set(['.html', '.htm', '.xhtml']);
const PDF = new Set(['.pdf']);
const DOCX = new Set(['.docx']);

export const SUPPORTED_EXTENSIONS = [...MARKDOWN, ...TEXT, ...PDF, ...DOCX, ...HTML];

export type FileKind = 'markdown' | 'text' | 'pdf' | 'docx' | 'html';

export function formatOf(path: string): FileKind | undefined {
  const ext = extname(path).toLowerCase();
  if (MARKDOWN.has(ext)) return 'markdown';
  if (TEXT.has(ext)) return 'text';
  if (PDF.has(ext)) return 'pdf';
  if (DOCX.has(ext)) return 'docx';
  if (HTML.has(ext)) return 'html';
  return undefined;
}

/** Decodes bytes to text (detecting the encoding unless one is given), refusing what is not text. */
export function decode(path: string, bytes: Buffer, encoding?: string): string {
  return decodeText(path, bytes, encoding).text;
}

export function decodeText(path: string, bytes: Buffer, encoding?: string): { text: string; encoding: string } {
  if (bytes.length === 0) throw new InputError(path, 'the file is empty');
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom && encoding === undefined) {
    const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
    if (sample.includes(0)) throw new InputError(path, 'this is a binary file, not a text report');
  }
  const decoded = decodeBytes(path, bytes, encoding);
  let text = decoded.text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 8192); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 12) control++;
  }
  if (control > 8) throw new InputError(path, 'this looks like a binary file, not a text report');
  if (text.trim() === '') throw new InputError(path, 'the file has no text');
  return { text, encoding: decoded.encoding };
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<ReportDocument> {
  const format = formatOf(path);
  if (!format) {
    throw new InputError(path, `unsupported file type "${extname(path) || '(none)'}" (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  if (format === 'pdf' || format === 'docx') return ingestBytes(path, await readInput(path, options), format, options);
  // The bytes are let go once decoded (the helper's frame holds them, not this one): on a large
  // text they are as large as the text again, and reading it into a document takes a while.
  const { text, encoding } = await readDecoded(path, options);
  return ingestDecoded(path, text, encoding, format, options);
}

async function readDecoded(path: string, options: IngestOptions): Promise<{ text: string; encoding: string }> {
  const bytes = await readInput(path, options);
  return decodeText(path, bytes, options.encoding);
}

async function readInput(path: string, options: IngestOptions): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, 'is a directory');
    // A named pipe or a device would be read until it ends, perhaps never.
    if (!info.isFile()) throw new InputError(path, 'not a regular file');
    const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (info.size > max) throw new InputError(path, `the file is ${info.size} bytes, over the limit of ${max} bytes (--max-size)`);
    return await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, describeFsError(err));
  }
}

/** Reads a file's bytes as the given kind. Every reader but plain text loads its libraries on first use. */
export async function ingestBytes(path: string, bytes: Buffer, format: FileKind, options: IngestOptions = {}): Promise<ReportDocument> {
  if (format === 'pdf') return (await import('./pdf.js')).readPdf(path, bytes);
  if (format === 'docx') return (await import('./docx.js')).readDocx(path, bytes);
  const { text, encoding } = decodeText(path, bytes, options.encoding);
  return ingestDecoded(path, text, encoding, format, options);
}

async function ingestDecoded(path: string, text: string, encoding: string, format: 'markdown' | 'text' | 'html', options: IngestOptions): Promise<ReportDocument> {
  const doc = format === 'html' ? (await import('./html.js')).readHtml(path, text) : await ingestText(path, text, format, options);
  return encoding === 'utf-8' ? doc : { ...doc, encoding };
}

/** Reads text as Markdown or as PDF text. The Markdown parser (micromark) loads on first use. */
export async function ingestText(path: string, text: string, format: 'markdown' | 'text', options: TextOptions = {}): Promise<ReportDocument> {
  return format === 'markdown' ? (await import('./markdown.js')).readMarkdown(path, text) : readText(path, text, options);
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
