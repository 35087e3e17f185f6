import type { ReportDocument } from '../document/types.js';
import type { RuleSet } from '../rules/types.js';
import type { Period } from './period.js';
import type { Fact } from './types.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { lineStream } from './stream.js';
import { Notes } from './notes.js';
import { readCellPerLineTables, readMarkdownTables, readTextTables } from './tables.js';
import { readHighlights } from './highlights.js';
import { readNarrative } from './narrative.js';

export type { Fact } from './types.js';
export { detailOf, type FactDetail } from './types.js';
export { compileLexicon, type Lexicon, type MetricDef } from './lexicon.js';

/**
 * Every quantitative fact of a report: table rows (GFM and the flattened tables of PDF text),
 * highlight blocks and sentences, each with its metric, year, value, normalised unit,
 * breakdown and location, in document order.
 *
 * Facts of one table share `table`; a stale-data check can compare a table's columns with
 * `facts.filter(f => f.table === id && f.year === y)`.
 */
export function extractFacts(doc: ReportDocument, rules: RuleSet, period?: Period): Fact[] {
  const lex = compileLexicon(rules.metrics);
  let tables = 0;
  const nextId = () => tables++;
  const year = period ? Number(period.end.slice(0, 4)) : null;
  const { facts, consumedLines } = readLines(doc, lex, year, nextId);
  facts.push(...readNarrative(doc, lex, consumedLines, year));
  return facts.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** The facts read from the line stream, and the lines they take (narrative skips them); the stream is dropped after. */
function readLines(doc: ReportDocument, lex: Lexicon, year: number | null, nextId: () => number): { facts: Fact[]; consumedLines: Set<number> } {
  const stream = lineStream(doc);
  const notes = new Notes(stream);
  // Stream lines a table or a highlight has read, which the other readers skip.
  const consumed = new Uint8Array(stream.length);
  const facts: Fact[] = [
    ...readMarkdownTables(doc, lex, notes, nextId),
    ...(doc.format === 'text' ? readCellPerLineTables(doc, lex, stream, notes, consumed, nextId) : []),
    ...readTextTables(doc, lex, stream, notes, consumed, nextId),
  ];
  facts.push(...readHighlights(doc, lex, stream, consumed, year));
  const consumedLines = new Set<number>();
  for (let i = 0; i < stream.length; i++) if (consumed[i]) consumedLines.add(stream.line(i));
  return { facts, consumedLines };
}
