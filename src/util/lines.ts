import { lastAtOrBefore } from './sorted.js';

/** Offsets where each line starts. */
export function lineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  return starts;
}

/** 1-based line and column of an offset. */
export function offsetToLineColumn(starts: ArrayLike<number>, offset: number): { line: number; column: number } {
  const line = lastAtOrBefore(starts, offset);
  return { line: line + 1, column: offset - starts[line] + 1 };
}

/**
 * A text's lines (what `text.split('\n')` gives), each cut from the text when it is read: a
 * large report has hundreds of thousands of lines, and a string for each, held as long as the
 * document, would take about as much memory as the text again.
 */
export class TextLines implements Iterable<string> {
  private readonly starts: Int32Array;

  /** `starts`: where each line starts (lineStarts), when the reader has them. */
  constructor(private readonly text: string, starts?: Int32Array, private readonly withoutFormFeeds = false) {
    this.starts = starts ?? lineStarts(text);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Line `index + 1` (counted from the end when negative, as Array.prototype.at). */
  at(index: number): string | undefined {
    const i = index < 0 ? index + this.starts.length : index;
    if (i < 0 || i >= this.starts.length) return undefined;
    const end = i + 1 < this.starts.length ? this.starts[i + 1] - 1 : this.text.length;
    const line = this.text.slice(this.starts[i], end);
    return this.withoutFormFeeds && line.includes('\f') ? line.replace(/\f/g, '') : line;
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.starts.length; i++) yield this.at(i)!;
  }
}

/** The number (1-based) of the first line that passes `test`; 0 when none does. */
export function firstLineWhere(lines: Iterable<string>, test: (line: string) => boolean): number {
  let n = 0;
  for (const line of lines) {
    n++;
    if (test(line)) return n;
  }
  return 0;
}
