/**
 * A regular expression is run block by block (a match never spans two blocks). Most never
 * match a report at all (placeholders, superseded names), so each is first tried once on the
 * whole text — the blocks joined by '\n' — and skipped when it finds nothing there. That is
 * exact when a block edge read as a line break cannot stop a match the block alone would give:
 * true with the m flag (^ and $ match at line breaks) and no negative lookaround able to see
 * the '\n'. Other expressions are always run block by block.
 */
import type { TextIndex } from '../evidence/text-index.js';

const verdicts = new WeakMap<RegExp, boolean>();
const originals = new WeakMap<TextIndex, string>();

/** False when the expression has no match in the document's text, so no block has one. */
export function mayMatch(index: TextIndex, re: RegExp, caseSensitive: boolean): boolean {
  if (!wholeTextExact(re)) return true;
  const text = caseSensitive ? originalText(index) : index.text;
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;
  return found;
}

function originalText(index: TextIndex): string {
  let text = originals.get(index);
  if (text === undefined) {
    text = index.doc.blocks.map((b) => b.text).join('\n');
    originals.set(index, text);
  }
  return text;
}

const PROBES = ['', 'a', 'A', '1', ' ', '.', ',', '-', '|', '。', '中', 'x'];

function wholeTextExact(re: RegExp): boolean {
  let exact = verdicts.get(re);
  if (exact === undefined) {
    exact = re.flags.includes('m') && negativeLookarounds(re.source).every(({ behind, body }) => !seesLineBreak(body, behind, re.flags));
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
