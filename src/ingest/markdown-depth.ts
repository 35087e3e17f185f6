/**
 * How deep Markdown may nest block containers (quotes and list items) on one line. micromark,
 * like remark and markdownlint built on it, takes time growing with the square of the nesting
 * for every line inside it: 1,000 lines of ever deeper lists took 14 s, 2,000 over two minutes.
 * No report nests like that, so deeper input is refused as malformed instead of hanging the run.
 */
import { isAsciiDigit } from '../util/code-units.js';

export const MAX_CONTAINER_DEPTH = 32;

/**
 * The first line (1-based) whose containers may nest deeper than MAX_CONTAINER_DEPTH, with that
 * depth, or undefined. The depth of a line is counted from its start: each '>' and list marker,
 * plus, when the line starts a container after indentation, one level for every two columns of
 * that indentation (how nested lists are written).
 */
export function tooDeeplyNested(source: string): { line: number; depth: number } | undefined {
  let line = 1;
  for (let i = 0; i < source.length; line++) {
    let end = source.indexOf('\n', i);
    if (end === -1) end = source.length;
    let depth = depthOf(source, i, end, end);
    // A long rule ("* * * * …", three or more of one of - * _) is a thematic break, not nesting.
    if (depth > MAX_CONTAINER_DEPTH) depth = depthOf(source, i, end, thematicBreakStart(source, i, end));
    if (depth > MAX_CONTAINER_DEPTH) return { line, depth };
    i = end + 1;
  }
  return undefined;
}

/** The container depth of the line [from, end), counting markers that start before `stop`. */
function depthOf(source: string, from: number, end: number, stop: number): number {
  let indent = 0;
  let at = from;
  for (; at < end; at++) {
    const c = source.charCodeAt(at);
    if (c === 0x20) indent++;
    else if (c === 0x09) indent += 4;
    else break;
  }
  let markers = 0;
  while (at < stop) {
    const marker = containerMarkerAt(source, at);
    if (marker === 0) break;
    markers++;
    at += marker;
    while (source.charCodeAt(at) === 0x20 || source.charCodeAt(at) === 0x09) at++;
  }
  return markers + (markers > 0 ? indent >> 1 : 0);
}

/** Where the line's closing thematic break begins (its first - * or _), or `end` when it has none. */
function thematicBreakStart(source: string, from: number, end: number): number {
  let last = end;
  while (last > from && isBlank(source.charCodeAt(last - 1))) last--;
  const c = source.charCodeAt(last - 1);
  if (last === from || (c !== 0x2d && c !== 0x2a && c !== 0x5f)) return end;
  let count = 0;
  let start = last;
  for (let k = last - 1; k >= from; k--) {
    const d = source.charCodeAt(k);
    if (d === c) {
      count++;
      start = k;
    } else if (!isBlank(d)) break;
  }
  return count >= 3 ? start : end;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** The length of a quote or list marker at `at` ('>', '-', '*', '+', '1.', '1)'), else 0. */
function containerMarkerAt(source: string, at: number): number {
  const c = source.charCodeAt(at);
  if (c === 0x3e) return 1;
  const next = source.charCodeAt(at + 1);
  const spaceAfter = (code: number) => code === 0x20 || code === 0x09;
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && spaceAfter(next)) return 1;
  let digits = 0;
  while (digits < 9 && isAsciiDigit(source.charCodeAt(at + digits))) digits++;
  if (digits === 0) return 0;
  const close = source.charCodeAt(at + digits);
  return (close === 0x2e || close === 0x29) && spaceAfter(source.charCodeAt(at + digits + 1)) ? digits + 1 : 0;
}
