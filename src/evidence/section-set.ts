/**
 * A set of a document's section numbers, one bit each: a large report has tens of thousands of
 * sections, and every group of section names an item uses keeps its set for the run.
 */
export class SectionSet {
  private words: Uint32Array | undefined;
  size = 0;

  constructor(private readonly sectionCount: number) {}

  has(section: number): boolean {
    return this.words !== undefined && (this.words[section >>> 5] & (1 << (section & 31))) !== 0;
  }

  add(section: number): void {
    this.words ??= new Uint32Array((this.sectionCount + 31) >>> 5);
    const bit = 1 << (section & 31);
    if (this.words[section >>> 5] & bit) return;
    this.words[section >>> 5] |= bit;
    this.size++;
  }

  /** The sections in ascending order. */
  *[Symbol.iterator](): Generator<number> {
    const words = this.words;
    if (!words) return;
    for (let w = 0; w < words.length; w++) {
      for (let bits = words[w]; bits !== 0; bits &= bits - 1) yield w * 32 + 31 - Math.clz32(bits & -bits);
    }
  }
}
