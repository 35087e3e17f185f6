import type { ReportDocument } from './types.js';
import { normalize } from '../util/normalize.js';

/** Clause and disclosure ids as content indexes list them: A1, A1.1, KPI B2.1, GRI 2-7, 305-1. */
const CLAUSE_TOKEN = /(?:^|[^a-z0-9])(?:[ab][1-8](?:\.\d)?|kpi\s*[ab]\d|\d{1,3}-\d{1,2}|[a-d]-[a-z]+)(?![a-z0-9])/gi;

const BARE_PAGES_LINE = /^\d{1,3}(?:\s*[-–—~,，、]\s*\d{1,3})*$/;

export function clauseTokenCount(norm: string): number {
  return norm.match(CLAUSE_TOKEN)?.length ?? 0;
}

export interface RoleVocabulary {
  indexHeadings: string[];
  tocHeadings: string[];
}

/**
 * Marks the blocks that are not report content: the report's own content indexes (which
 * restate every clause and would otherwise "evidence" all of them) and tables of contents.
 * A content index runs from its heading while clause ids keep appearing.
 */
export function assignRoles(doc: ReportDocument, vocab: RoleVocabulary): void {
  const indexTerms = vocab.indexHeadings.map(normalize);
  const tocTerms = vocab.tocHeadings.map(normalize);
  const headingMatches = (norm: string, terms: string[]) => terms.some((t) => norm.includes(t));
  const blocks = doc.blocks;

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'heading') continue;
    const norm = b.norm.replace(/^#+\s*/, '').trim();
    if (norm.length > 80) continue;
    if (headingMatches(norm, indexTerms)) {
      i = markRun(doc, i, 'content-index') - 1;
    } else if (headingMatches(norm, tocTerms) && norm.length <= 20) {
      i = markRun(doc, i, 'toc') - 1;
    }
  }
  // An index table without an index heading: most rows open with a clause id.
  for (const b of blocks) {
    if (b.kind !== 'table' || !b.rows || b.rows.length < 5) continue;
    const withId = b.rows.filter((r) => clauseTokenCount(normalize(r.cells.slice(0, 2).join(' '))) > 0).length;
    if (withId >= b.rows.length * 0.6) b.role = 'content-index';
  }
}

/**
 * Marks from a heading on: its own section, then, for flat (PDF-text) structures, the blocks
 * that follow while clause ids keep appearing at least every `gap` characters. A content index
 * lists clause ids or pages: a heading that merely names an index ("ESG index") followed by
 * none is body text, and is left so.
 */
function markRun(doc: ReportDocument, start: number, role: 'content-index' | 'toc'): number {
  const blocks = doc.blocks;
  const heading = blocks[start];
  const level = doc.sections[heading.section].level;
  const gap = role === 'content-index' ? 1200 : 400;
  const before: (typeof heading.role)[] = [];
  let seenToken = false;
  let sinceToken = 0;
  let i = start;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (i > start && b.kind === 'heading') {
      const sectionLevel = doc.sections[b.section].level;
      if (doc.format === 'markdown' && sectionLevel <= level) break;
    }
    if (role === 'content-index') {
      // A line of bare page numbers ("10", "18–19") is an index's cell too (flattened PDF text).
      const pageCell = doc.format === 'text' && b.segments.some((seg) => BARE_PAGES_LINE.test(doc.lines.at(seg.line - 1)?.trim() ?? ''));
      if (clauseTokenCount(b.norm) > 0 || /\bp\.?\s*\d+|第?\d+\s*页/.test(b.norm) || pageCell) {
        sinceToken = 0;
        seenToken = true;
      } else {
        sinceToken += b.norm.length;
        // An index by GRI standard ("GRI 305: Emissions 2016 … section") names no disclosure ids.
        if (/\bgri\s*\d{1,3}\b/.test(b.norm)) seenToken = true;
      }
      // Markdown bounds the index by its headings; a Part D table names no clause ids.
      if (doc.format !== 'markdown' && i > start + 2 && sinceToken > gap) break;
    } else if (doc.format === 'text') {
      sinceToken += b.norm.length;
      if (i > start && b.kind === 'paragraph' && b.norm.length > 60) break;
    }
    before.push(b.role);
    b.role = role;
  }
  if (role === 'content-index' && !seenToken) {
    for (let j = start; j < i; j++) blocks[j].role = before[j - start];
    return start + 1;
  }
  return i;
}
