import type { LineStream } from './stream.js';

/**
 * Footnotes printed under tables and highlights ("19 自本年度起，…", "222023 年度…" where the
 * marker 22 runs into a year): a figure may carry a marker only if its note exists nearby.
 */
export class Notes {
  private byPage = new Map<number, Set<number>>();

  constructor(stream: LineStream) {
    for (let i = 0; i < stream.length; i++) {
      const l = stream.at(i);
      if (l.kind === 'table') continue;
      const glued = l.text.match(/^(\d{1,2})(?:19|20)\d{2}\s*年/);
      const plain = l.text.match(/^(\d{1,3})(?:\s*(?=[^\d\s.,%])|\s+(?=(?:19|20)\d{2}\s*年))(.{4,})/);
      const marker = glued ? Number(glued[1]) : plain && /[\u3400-\u9fff]{2}|[a-z]{3,}/i.test(plain[2]) ? Number(plain[1]) : undefined;
      if (marker === undefined || marker === 0) continue;
      const page = l.page ?? 0;
      const set = this.byPage.get(page) ?? new Set<number>();
      set.add(marker);
      this.byPage.set(page, set);
    }
  }

  /** A note `marker` is printed on the figure's page or one of the two after it. */
  has(marker: number, page: number | undefined): boolean {
    const p = page ?? 0;
    for (let i = 0; i <= 2; i++) if (this.byPage.get(p + i)?.has(marker)) return true;
    if (page === undefined) for (const set of this.byPage.values()) if (set.has(marker)) return true;
    return false;
  }
}
