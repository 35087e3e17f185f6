import { endianness } from 'node:os';

/** True for the code of an ASCII digit, 0–9. */
export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** A string's UTF-16 code units. */
export function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

// Decoding the array's bytes as UTF-16LE is many times faster than fromCharCode on long texts
// (and keeps lone surrogates); it reads the bytes in the machine's order, so only where that is LE.
const DECODE_BYTES = endianness() === 'LE';
const SHORT = 64;
const CHUNK = 8192;

/** A string from UTF-16 code units, lone surrogates kept (no intermediate string per character). */
export function fromCodes(codes: Uint16Array): string {
  if (DECODE_BYTES && codes.length > SHORT) return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]));
  return parts.join('');
}
