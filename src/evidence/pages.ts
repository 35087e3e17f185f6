import { segmentCount, segmentPage } from '../document/build.js';
import type { ReportDocument } from '../document/types.js';
import type { BlockRange } from './coverage.js';

/**
 * Content indexes cite printed page numbers ("P62-63"). Where the reader knows the printed
 * number of every page cited (PDF page numbers or page labels, DOCX pages), the blocks on those
 * pages are where the index says a clause is addressed.
 */

/** Physical pages printed with each of `labels`; undefined when any label is not known. */
export function physicalPages(doc: ReportDocument, labels: number[]): number[] | undefined {
  if (doc.pages.length === 0 || labels.length === 0 || doc.pagesInferred) return undefined;
  const byLabel = new Map<string, number[]>();
  for (const p of doc.pages) {
    if (p.label === undefined) continue;
    const key = /^\d+$/.test(p.label) ? String(Number(p.label)) : p.label;
    byLabel.set(key, [...(byLabel.get(key) ?? []), p.index]);
  }
  const out: number[] = [];
  for (const label of new Set(labels)) {
    const found = byLabel.get(String(label));
    // A label printed on more than one page cannot say which one is meant.
    if (!found || found.length !== 1) return undefined;
    out.push(found[0]);
  }
  return out.sort((a, b) => a - b);
}

/** Blocks with any text on the given physical pages, as contiguous ranges. */
export function pageRanges(doc: ReportDocument, pages: number[]): BlockRange[] {
  const wanted = new Set(pages);
  const ranges: BlockRange[] = [];
  doc.blocks.forEach((block, i) => {
    // Called for every claim of an index: the segments' pages are read without building `segments`.
    const count = segmentCount(block);
    let on = count === 0 && wanted.has(block.page ?? -1);
    for (let s = 0; s < count && !on; s++) on = wanted.has(segmentPage(block, s) ?? block.page ?? -1);
    if (!on) return;
    const last = ranges[ranges.length - 1];
    if (last && last.to === i) last.to = i + 1;
    else ranges.push({ from: i, to: i + 1 });
  });
  return ranges;
}

/**
 * What an index that cites pages points at: those pages, and with `overleaf` the page after each.
 * An index cites the page a topic starts on, and its figures often stand overleaf (a section
 * opening at the foot of a column); callers allow that when the topic is on the cited page.
 */
export function citedPageRanges(doc: ReportDocument, pages: number[], overleaf: boolean): BlockRange[] {
  return pageRanges(doc, overleaf ? [...new Set([...pages, ...pages.map((p) => p + 1)])] : pages);
}

/** The printed number of a physical page, for messages ("p. 40"), else its index. */
export function pageName(doc: ReportDocument, page: number | undefined): string | undefined {
  if (page === undefined) return undefined;
  const label = doc.pages[page - 1]?.label;
  return label ?? `${page} (physical)`;
}
