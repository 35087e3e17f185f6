import { lastAtOrBefore } from './sorted.js';

/**
 * A regular expression is run block by block (a match never spans two blocks). Most never
 * match a report at all (placeholders, superseded names), so each is first tried once on the
 * whole text — the blocks joined by '\n' — and skipped when it finds nothing there. That is
 * exact when a block edge read as a line break cannot stop a match the block alone would give:
 * true with the m flag (^ and $ match at line breaks) or no ^ and $ at all, and no negative
 * lookaround able to see the '\n'. Other expressions are always run block by block.
 */
const verdicts = new WeakMap<RegExp, boolean>();

/** False when the expression has no match in text that is the blocks joined by '\n', so no block has one. */
export function mayMatchJoined(joined: string, re: RegExp): boolean {
  if (!wholeTextExact(re)) return true;
  re.lastIndex = 0;
  const found = re.test(joined);
  re.lastIndex = 0;
  return found;
}

/**
 * The indexes of the blocks in which the expression may match, ascending, found by searching
 * the joined text (`starts`: where each block begins in it): a block gets a match only if the
 * joined text has one that starts in that block or earlier, so after each match the search
 * resumes at the next block. Exact on the same condition as mayMatchJoined; undefined when it
 * does not hold (every block must be tried).
 */
export function blocksWhereMayMatch(joined: string, starts: ArrayLike<number>, re: RegExp): number[] | undefined {
  if (!wholeTextExact(re)) return undefined;
  const scan = scannerOf(re);
  const out: number[] = [];
  let from = 0;
  while (from <= joined.length) {
    scan.lastIndex = from;
    const m = scan.exec(joined);
    if (!m) break;
    const block = lastAtOrBefore(starts, m.index);
    out.push(block);
    if (block + 1 >= starts.length) break;
    from = starts[block + 1];
  }
  return out;
}

/**
 * What the joined text is searched with: the expression, global, without match indices (not
 * needed there), and without a leading context that only looks behind. An expression such as
 * `(?:^|(?<=[.;:]))[^\S\n]*(?:in|during) …` is tried at every position of the text; what
 * follows its context starts with text the engine can skip ahead to. Dropping the context (and
 * the white space a `[…]*` or `\s*` after it allows) can only add matches, and a match the
 * expression has inside a block still has one of what is left inside the same block: the
 * blocks found are the same or more, never fewer.
 */
const scanners = new WeakMap<RegExp, RegExp>();

function scannerOf(re: RegExp): RegExp {
  let scan = scanners.get(re);
  if (!scan) {
    const flags = `${re.flags.replace(/[gyd]/g, '')}g`;
    try {
      scan = new RegExp(withoutLeadingContext(re.source), flags);
    } catch {
      scan = new RegExp(re.source, flags);
    }
    scanners.set(re, scan);
  }
  return scan;
}

/** The source without a leading look-behind context and the white space after it (the source itself when it has none). */
export function withoutLeadingContext(source: string): string {
  const end = groupEnd(source, 0);
  if (end === undefined || !onlyLooksBehind(source.slice(0, end))) return source;
  let rest = source.slice(end);
  if (/^[?*+{]/.test(rest)) return source;
  const space = /^(?:\[(?:\\.|[^\]\\])*\]|\\s)\*(?![?+*{])/.exec(rest);
  if (space) rest = rest.slice(space[0].length);
  if (rest === '' || /^[?*+{|)]/.test(rest) || rest.includes('\\k<') || /\\[1-9]/.test(rest)) return source;
  return repeatsOnlyWhiteSpace(rest) ? rest : source;
}

const NOT_WHITE_SPACE = ['a', 'x', 'X', '0', '9', '_', '.', ',', '-', '|', '年', '中', '。'];

/**
 * True when every unbounded repeat (`*`, `+`, `{n,}`) in the source is of white space. Without
 * its context an expression is tried at every position: one that repeats what the context kept
 * it from starting inside (`(?<![a-z])x{2,}…` on a run of a hundred thousand x) would scan the
 * rest of the run from each of them, quadratic time where the expression had linear.
 */
function repeatsOnlyWhiteSpace(source: string): boolean {
  const groups: number[] = [];
  for (let i = 0; i < source.length; ) {
    const start = i;
    let isGroup = false;
    if (source[i] === '\\') {
      const braced = /^\\(?:[pPu]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|.)/.exec(source.slice(i));
      i += braced ? braced[0].length : 2;
    } else if (source[i] === '[') {
      const end = classEnd(source, i);
      if (end === undefined) return false;
      i = end;
    } else if (source[i] === '(') {
      groups.push(i);
      i++;
      continue;
    } else if (source[i] === ')') {
      i++;
      isGroup = true;
    } else i++;
    const atom = isGroup ? '' : source.slice(start, i);
    const groupStart = isGroup ? groups.pop() : undefined;
    const quantifier = /^(?:[*+]|\{\d+,\})/.exec(source.slice(i));
    if (!quantifier) continue;
    // A repeated group is not looked into: it is taken to repeat more than white space.
    if (groupStart !== undefined || !matchesOnlyWhiteSpace(atom)) return false;
    i += quantifier[0].length;
  }
  return true;
}

function matchesOnlyWhiteSpace(atom: string): boolean {
  try {
    const re = new RegExp(`^(?:${atom})$`, 'iu');
    return !NOT_WHITE_SPACE.some((c) => re.test(c));
  } catch {
    return false;
  }
}

/** A group that matches no text and only looks behind: `(?<=…)`, `(?<!…)`, or `(?:^|(?<=…)|…)`; it captures nothing. */
function onlyLooksBehind(group: string): boolean {
  if (/\((?!\?)|\(\?<(?![=!])/.test(group.replace(/\\./g, '').replace(/\[(?:\\.|[^\]\\])*\]/g, ''))) return false;
  if (group.startsWith('(?<=') || group.startsWith('(?<!')) return true;
  if (!group.startsWith('(?:')) return false;
  const body = group.slice(3, -1);
  const alternatives: string[] = [];
  let at = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === '|') {
      alternatives.push(body.slice(at, i));
      at = i + 1;
    } else if (body[i] === '(') {
      const end = groupEnd(body, i);
      if (end === undefined) return false;
      i = end - 1;
    } else if (body[i] === '[') {
      const end = classEnd(body, i);
      if (end === undefined) return false;
      i = end - 1;
    } else if (body[i] === '\\') i++;
  }
  return alternatives.every((a) => a === '^' || ((a.startsWith('(?<=') || a.startsWith('(?<!')) && groupEnd(a, 0) === a.length));
}

/** The offset just after the group opening at `start`, or undefined. */
function groupEnd(source: string, start: number): number | undefined {
  if (source[start] !== '(') return undefined;
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(source, i);
      if (end === undefined) return undefined;
      i = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return undefined;
}

/** The offset just after the character class opening at `start`, or undefined. */
function classEnd(source: string, start: number): number | undefined {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return undefined;
}

const PROBES = ['', 'a', 'A', '1', ' ', '.', ',', '-', '|', '。', '中', 'x'];

function wholeTextExact(re: RegExp): boolean {
  let exact = verdicts.get(re);
  if (exact === undefined) {
    exact = (re.flags.includes('m') || !hasAnchors(re.source)) && negativeLookarounds(re.source).every(({ behind, body }) => !seesLineBreak(body, behind, re.flags));
    verdicts.set(re, exact);
  }
  return exact;
}

/** Whether a negative lookaround's body can match text that ends (behind) or starts (ahead) with '\n'. */
function seesLineBreak(body: string, behind: boolean, flags: string): boolean {
  const plain = flags.replace(/[gmyd]/g, '');
  try {
    const re = behind ? new RegExp(`(?:${body})$`, plain) : new RegExp(`^(?:${body})`, plain);
    return PROBES.some((p) => re.test(behind ? `${p}\n` : `\n${p}`));
  } catch {
    return true;
  }
}

/** Whether a pattern has ^ or $ outside a character class (without m they do not match at '\n'). */
function hasAnchors(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
    } else if (source[i] === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (source[i] === '^' || source[i] === '$') {
      return true;
    }
  }
  return false;
}

/** The bodies of the (?!…) and (?<!…) groups of a pattern. */
function negativeLookarounds(source: string): { behind: boolean; body: string }[] {
  const out: { behind: boolean; body: string }[] = [];
  const skipClass = (i: number) => {
    for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    return i;
  };
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '[') i = skipClass(i);
    else if (source.startsWith('(?!', i) || source.startsWith('(?<!', i)) {
      const behind = source[i + 2] === '<';
      const start = i + (behind ? 4 : 3);
      let depth = 1;
      let j = start;
      for (; j < source.length && depth > 0; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') j = skipClass(j);
        else if (source[j] === '(') depth++;
        else if (source[j] === ')') depth--;
      }
      out.push({ behind, body: source.slice(start, j - 1) });
    }
  }
  return out;
}
