/**
 * How deep Markdown may nest block containers (quotes and list items) on one line. micromark,
 * like remark and markdownlint built on it, takes time growing with the square of the nesting
 * for every line inside it: 1,000 lines of ever deeper lists took 14 s, 2,000 over two minutes.
 * No report nests like that, so deeper input is refused as malformed instead of hanging the run.
 */
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
    let indent = 0;
    let markers = 0;
    let startsContainer = false;
    let at = i;
    for (;;) {
      const c = source.charCodeAt(at);
      if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4;
      else break;
      at++;
    }
    for (;;) {
      const marker = containerMarkerAt(source, at);
      if (marker === 0) break;
      startsContainer = true;
      markers++;
      at += marker;
      while (source.charCodeAt(at) === 0x20 || source.charCodeAt(at) === 0x09) at++;
    }
    const depth = markers + (startsContainer ? indent >> 1 : 0);
    if (depth > MAX_CONTAINER_DEPTH) return { line, depth };
    const end = source.indexOf('\n', at);
    if (end === -1) break;
    i = end + 1;
  }
  return undefined;
}

/** The length of a quote or list marker at `at` ('>', '-', '*', '+', '1.', '1)'), else 0. */
function containerMarkerAt(source: string, at: number): number {
  const c = source.charCodeAt(at);
  if (c === 0x3e) return 1;
  const next = source.charCodeAt(at + 1);
  const spaceAfter = (code: number) => code === 0x20 || code === 0x09;
  if ((c === 0x2d || c === 0x2a || c === 0x2b) && spaceAfter(next)) return 1;
  let digits = 0;
  while (digits < 9 && source.charCodeAt(at + digits) >= 0x30 && source.charCodeAt(at + digits) <= 0x39) digits++;
  if (digits === 0) return 0;
  const close = source.charCodeAt(at + digits);
  return (close === 0x2e || close === 0x29) && spaceAfter(source.charCodeAt(at + digits + 1)) ? digits + 1 : 0;
}
