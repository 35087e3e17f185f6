import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../util/errors.js';

/**
 * Turns the bytes of a text report into a string. Hong Kong reports arrive as UTF-8 (with or
 * without a BOM), UTF-16 with a BOM, Big5 / Big5-HKSCS (Traditional Chinese) and GBK / GB18030
 * (Simplified Chinese). UTF-8 is tried strictly first; anything else goes to a statistical
 * detector (chardet), and a candidate is accepted only if it decodes every byte — so a file
 * that no encoding reads cleanly is an error, never mojibake.
 */

export interface Decoded {
  text: string;
  /** The encoding the text was read in (canonical name). */
  encoding: string;
}

/** Names a user may give to --encoding, mapped to the codec that reads them. */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf16be': 'utf-16be',
  // Big5-HKSCS is a superset of Big5: reading Big5 with it loses nothing.
  'big5': 'big5-hkscs',
  'big5-hkscs': 'big5-hkscs',
  'big5hkscs': 'big5-hkscs',
  'cp950': 'big5-hkscs',
  // GB18030 is a superset of GBK and GB2312.
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'gb18030': 'gb18030',
  'cp936': 'gb18030',
  'euc-cn': 'gb18030',
  'latin1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'cp1252': 'windows-1252',
  'shift_jis': 'shift_jis',
  'euc-kr': 'euc-kr',
};

/** What chardet names, mapped to the codec we read it with. */
const DETECTED: Record<string, string> = {
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'Big5': 'big5-hkscs',
  'GB18030': 'gb18030',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'big5-hkscs', 'gbk', 'gb2312', 'gb18030', 'windows-1252', 'latin1'];

/** The codec for a user-given encoding name, or undefined when it is not one we read. */
export function encodingCodec(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const codec = ALIASES[key] ?? (iconv.encodingExists(key) ? key : undefined);
  return codec;
}

export function decodeBytes(path: string, bytes: Uint8Array, forced?: string): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (forced !== undefined) {
    const codec = encodingCodec(forced);
    if (!codec) throw new InputError(path, `unknown encoding "${forced}" (use one of ${ENCODINGS.join(', ')})`);
    const text = strict(buffer, codec);
    if (text === undefined) {
      throw new InputError(path, `the file is not valid ${forced}: ${undecodable(buffer, codec)}`);
    }
    return { text, encoding: codec };
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return readUtf8(path, buffer.subarray(3));
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const utf8 = strict(buffer, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  const sample = buffer.subarray(0, Math.min(buffer.length, 65536));
  const candidates = chardet.analyse(sample)
    .map((m) => ({ codec: DETECTED[m.name], confidence: m.confidence }))
    .filter((m): m is { codec: string; confidence: number } => m.codec !== undefined);
  // A Latin single-byte code page reads any bytes, so it is only believed for text that is
  // almost all ASCII (an English report with a few curly quotes), never for CJK text.
  const highBytes = sample.reduce((n, b) => n + (b >= 0x80 ? 1 : 0), 0);
  const latinPlausible = highBytes <= sample.length * 0.05;
  for (const c of candidates) {
    if (c.confidence < CONFIDENT) break;
    if (c.codec === 'windows-1252' && !latinPlausible) continue;
    const text = strict(buffer, c.codec);
    if (text !== undefined) return { text, encoding: c.codec };
  }
  // Too little text for the detector to be sure (a few words): Big5 and GBK byte ranges
  // overlap, so only an input that exactly one of them reads is taken.
  const readable = ['big5-hkscs', 'gb18030']
    .map((codec) => ({ codec, text: strict(buffer, codec) }))
    .filter((r): r is { codec: string; text: string } => r.text !== undefined && cjkShare(r.text) > 0.3);
  if (readable.length === 1) return { text: readable[0].text, encoding: readable[0].codec };
  if (readable.length > 1) {
    throw new InputError(path, 'the file is not UTF-8, and it is too short to tell Big5 from GBK; give the encoding with --encoding big5 or --encoding gbk, or re-save the file as UTF-8');
  }
  throw new InputError(path, `the file is not UTF-8 and its encoding could not be recognised (${undecodable(buffer, 'utf-8')}); give it with --encoding (e.g. big5, gbk, utf-16le) or re-save the file as UTF-8`);
}

/** chardet's confidence (0–100) from which its guess is taken without a second opinion. */
const CONFIDENT = 50;

function readUtf8(path: string, buffer: Buffer): Decoded {
  const text = strict(buffer, 'utf-8');
  if (text === undefined) throw new InputError(path, `the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (${undecodable(buffer, 'utf-8')})`);
  return { text, encoding: 'utf-8' };
}

/** Decodes, or returns undefined when any byte sequence is not valid in the encoding. */
function strict(buffer: Buffer, codec: string): string | undefined {
  if (codec === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buffer);
    } catch {
      return undefined;
    }
  }
  if (codec === 'utf-16le' || codec === 'utf-16be') {
    if (buffer.length % 2 !== 0) return undefined;
    try {
      return new TextDecoder(codec, { fatal: true }).decode(buffer);
    } catch {
      return undefined;
    }
  }
  const text = iconv.decode(buffer, codec);
  if (text.includes('\ufffd')) return undefined;
  // Round-trip: iconv-lite maps some invalid sequences to "?" or lone characters instead of U+FFFD.
  if (!iconv.encode(text, codec).equals(buffer)) return undefined;
  return text;
}

/** Where decoding fails first, for the message. */
function undecodable(buffer: Buffer, codec: string): string {
  if (codec === 'utf-16le' || codec === 'utf-16be') return 'not a whole number of UTF-16 code units, or unpaired surrogates';
  // 0x0A is never part of a multi-byte character in the encodings read here, so lines decode alone.
  let line = 1;
  let start = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) end = buffer.length;
    if (strict(buffer.subarray(start, end), codec) === undefined) return `undecodable bytes on line ${line}`;
    start = end + 1;
    line++;
  }
  return 'undecodable bytes';
}

function cjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\s|[\d\p{P}]/u.test(ch)) continue;
    letters++;
    if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) cjk++;
  }
  return letters === 0 ? 0 : cjk / letters;
}
