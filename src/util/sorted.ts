/** The index of the last value at or before `target` in ascending `sorted` (0 when none is). */
export function lastAtOrBefore(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Ascending offsets into a document's text, four bytes each (a large report has millions). */
export type Offsets = Int32Array;

/** Offsets collected one by one, then given as an exact-size Offsets. */
export class OffsetList {
  private values = new Int32Array(64);
  private length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  done(): Offsets {
    return this.values.slice(0, this.length);
  }
}

/** Index of the first value >= target in a sorted array. */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first value of a sorted array within [from, to], or undefined. */
export function hasWithin(sorted: ArrayLike<number>, from: number, to: number): number | undefined {
  const i = lowerBound(sorted, from);
  return i < sorted.length && sorted[i] <= to ? sorted[i] : undefined;
}
