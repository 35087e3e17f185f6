import GithubSlugger from 'github-slugger';
import type { Block, ReportDocument } from '../document/types.js';
import type { Finding } from '../report/result.js';
import { foldFor, normalize } from '../util/normalize.js';
import type { CheckContext } from './context.js';
import { excerpt, findPattern, locate, phraseWithin } from './hygiene-text.js';

/**
 * The `draft` family: what must not survive into a published report — placeholders and editing
 * debris (reviewer notes, comment anchors, track-change markers), empty sections, duplicate
 * headings and internal references that lead nowhere.
 */
export function draftChecks(ctx: CheckContext): Finding[] {
  return [...placeholders(ctx), ...emptySections(ctx.doc), ...duplicateHeadings(ctx.doc), ...brokenReferences(ctx)];
}

function placeholders(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const accept = (b: Block) => b.role !== 'furniture' && b.kind !== 'code';
  // One finding per place: "【待補充】" is an [insert …] placeholder and a 待補充 word at once.
  const taken: { block: number; start: number; end: number }[] = [];
  for (const rule of ctx.rules.hygiene.placeholders) {
    for (const h of findPattern(ctx.finder.index, rule, accept)) {
      if (taken.some((t) => t.block === h.block.index && h.start < t.end && t.start < h.end)) continue;
      taken.push({ block: h.block.index, start: h.start, end: h.end });
      const debris = rule.kind === 'editing-debris';
      findings.push({
        ruleId: debris ? 'draft/editing-debris' : 'draft/placeholder',
        category: 'draft',
        severity: rule.severity,
        message: debris
          ? `Editing debris left in the text: "${excerpt(h.text, 60)}" (${rule.label}). Remove it before publication.`
          : `Placeholder left in the text: "${excerpt(h.text, 60)}" (${rule.label}). Replace it with the final content before publication.`,
        ...locate(h.block, h.start),
      });
    }
  }
  return findings;
}

/**
 * Headings with nothing under them. Only for Markdown: in PDF text, headings are inferred from
 * line shapes, and navigation bars and cover lines would pass for empty sections. A top-level
 * heading followed straight by a sibling ("## Environmental" then "## Aspect A1") divides the
 * report into parts and is not empty.
 */
function emptySections(doc: ReportDocument): Finding[] {
  if (doc.format !== 'markdown') return [];
  const findings: Finding[] = [];
  for (const s of doc.sections) {
    if (s.level === 0 || s.children.length > 0) continue;
    const blocks = s.blocks.map((i) => doc.blocks[i]);
    if (blocks.some((b) => b.kind !== 'heading') || blocks[0]?.role !== 'body') continue;
    const next = doc.sections[s.index + 1];
    if (next && next.level === s.level && s.level <= 2) continue;
    findings.push({
      ruleId: 'draft/empty-section',
      category: 'draft',
      severity: 'warning',
      message: `The section "${excerpt(s.title, 60)}" has a heading and nothing under it: fill it in or remove the heading.`,
      line: s.line,
      column: s.column,
    });
  }
  return findings;
}

const headingKey = (title: string) => normalize(title).replace(/[\s:：.。]+$/g, '').replace(/\s+/g, ' ').trim();

/** Sibling headings with the same title (Markdown; PDF text repeats table headers on every page). */
function duplicateHeadings(doc: ReportDocument): Finding[] {
  if (doc.format !== 'markdown') return [];
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const s of doc.sections) {
    if (s.level === 0 || s.title.trim() === '') continue;
    const heading = doc.blocks[s.blocks[0]];
    if (!heading || heading.role !== 'body') continue;
    const key = `${s.parent}\u0001${headingKey(s.title)}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, s.index);
      continue;
    }
    const original = doc.sections[first];
    findings.push({
      ruleId: 'draft/duplicate-heading',
      category: 'draft',
      severity: 'warning',
      message: `The heading "${excerpt(s.title, 60)}" repeats the one at line ${original.line} under the same parent: merge the sections or rename one.`,
      line: s.line,
      column: s.column,
      related: [{ line: original.line, column: original.column }],
    });
  }
  return findings;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 3, 三, 十二, 二十一 → a number. */
export function chapterNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[一二三四五六七八九十]+$/.test(text)) return undefined;
  const at = text.indexOf('十');
  if (at === -1) return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
  const tens = at === 0 ? 1 : CHINESE_DIGITS[text.slice(0, at)];
  const units = at === text.length - 1 ? 0 : CHINESE_DIGITS[text.slice(at + 1)];
  return tens !== undefined && units !== undefined ? tens * 10 + units : undefined;
}

const compact = (s: string) => normalize(s).replace(/[\s\p{P}\p{S}]+/gu, '');

/** The last page of the report: the physical count or the highest printed page number (undefined when neither is known). */
function lastPage(doc: ReportDocument): number | undefined {
  if (doc.pages.length === 0) return undefined;
  const labels = doc.pages.map((p) => Number(p.label)).filter((n) => Number.isFinite(n));
  // Pages guessed from the text's look (no form feeds) may be far fewer than the report's:
  // without a printed page number to go by, their count proves no cited page missing.
  if (doc.pagesInferred && labels.length === 0) return undefined;
  return Math.max(doc.pages.length, ...labels);
}

function brokenReferences(ctx: CheckContext): Finding[] {
  const { doc } = ctx;
  const index = ctx.finder.index;
  const refs = ctx.rules.hygiene.references;
  const findings: Finding[] = [];
  const accept = (b: Block) => b.role === 'body' && b.kind !== 'heading' && b.kind !== 'code';
  const broken = (block: Block, start: number, text: string, why: string) => findings.push({
    ruleId: 'draft/broken-reference',
    category: 'draft',
    severity: 'warning',
    message: `The reference "${excerpt(text, 60)}" leads nowhere: ${why}.`,
    ...locate(block, start),
  });

  const last = lastPage(doc);
  if (last !== undefined) {
    for (const h of findPattern(index, { phrases: [], regex: refs.page, caseSensitive: false }, accept)) {
      const page = Number(h.groups.page);
      if (page <= last) continue;
      // "see page 45 of the Annual Report": the rest of the clause names another document.
      const clauseEnd = h.block.norm.slice(h.end).search(/[,;。.!?\n]/);
      const to = clauseEnd === -1 ? h.block.norm.length : h.end + clauseEnd;
      if (phraseWithin(index, h.block, h.start, to, refs.external)) continue;
      broken(h.block, h.start, h.text, `the report has ${last} pages`);
    }
  }

  const headingBlocks = doc.blocks.filter((b) => b.kind === 'heading' && b.role === 'body');
  const sectionRefs = findPattern(index, { phrases: [], regex: refs.section, caseSensitive: false }, accept);
  const chapterRefs = findPattern(index, { phrases: [], regex: refs.chapter, caseSensitive: false }, accept);
  // Lines that open a chapter or a numbered section, wherever the reader put them: read in one
  // pass, each line folded in turn (a large text has hundreds of thousands of them), and only
  // when a reference needs them.
  const wantedNumbers = new Set<string>();
  for (const h of sectionRefs) if (h.groups.number) wantedNumbers.add(h.groups.number);
  const chapters = new Set<number>();
  const numbered = new Set<string>();
  const readLineStart = (l: string) => {
    const m = /^(?:第\s*([一二三四五六七八九十\d]{1,3})\s*[章篇]|chapter\s+(\d{1,2})\b)/.exec(l);
    const n = m && chapterNumber(m[1] ?? m[2]);
    if (n) chapters.add(n);
    for (const wanted of wantedNumbers) if (l.startsWith(`${wanted} `) || l.startsWith(`${wanted}.`) || l === wanted) numbered.add(wanted);
  };
  if (chapterRefs.length === 0 && wantedNumbers.size === 0) {
    // Nothing refers to a chapter or a section number: no line needs reading.
  } else if (doc.format === 'markdown') for (const b of headingBlocks) readLineStart(b.norm.replace(/^#+\s*/, '').trim());
  else {
    const fold = foldFor(doc.lines.length);
    for (const l of doc.lines) readLineStart(fold(l).trim());
  }
  for (const h of chapterRefs) {
    const n = chapterNumber(h.groups.chapter ?? '');
    if (n === undefined || chapters.has(n)) continue;
    broken(h.block, h.start, h.text, chapters.size === 0 ? 'the report has no numbered chapters' : `there is no chapter ${n}`);
  }

  const headings = headingBlocks.map((b) => compact(b.text));
  for (const h of sectionRefs) {
    if (h.groups.number) {
      const n = h.groups.number;
      if (numbered.has(n)) continue;
      broken(h.block, h.start, h.text, `no section is numbered ${n}`);
      continue;
    }
    const title = compact(h.groups.title ?? '');
    if (title.length < 2) continue;
    if (headings.some((t) => t.length >= 2 && (t.includes(title) || title.includes(t)))) continue;
    // PDF text may not have recognised the heading: accept the title anywhere else in the report.
    if (doc.format !== 'markdown' && doc.blocks.some((b) => b !== h.block && compact(b.text).includes(title))) continue;
    broken(h.block, h.start, h.text, `no section is called "${h.written.title ?? h.groups.title}"`);
  }

  if (doc.format === 'markdown') findings.push(...brokenAnchors(doc, accept));
  return findings;
}

/** Markdown links to "#anchor" that no heading (or explicit id) provides. */
function brokenAnchors(doc: ReportDocument, accept: (b: Block) => boolean): Finding[] {
  // The anchors are made (a slug per heading) only when the report links to one.
  let anchors: Set<string> | undefined;
  const anchorsOf = (): Set<string> => {
    if (anchors) return anchors;
    const slugger = new GithubSlugger();
    anchors = new Set<string>();
    for (const s of doc.sections) if (s.level > 0) anchors.add(slugger.slug(s.title));
    for (const l of doc.lines) for (const m of l.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']|\{#([^}\s]+)\}/g)) anchors.add(m[1] ?? m[2]);
    return anchors;
  };
  const findings: Finding[] = [];
  for (const block of doc.blocks) {
    if (!accept(block) || !block.text.includes('](#')) continue;
    const anchors = anchorsOf();
    for (const m of block.text.matchAll(/\]\(#([^)\s]+)\)/g)) {
      let anchor = m[1];
      try {
        anchor = decodeURIComponent(anchor);
      } catch {
        // A malformed escape is compared as written.
      }
      if (anchors.has(anchor) || anchors.has(anchor.toLowerCase())) continue;
      findings.push({
        ruleId: 'draft/broken-reference',
        category: 'draft',
        severity: 'warning',
        message: `The link to "#${anchor}" leads nowhere: no heading has that anchor.`,
        ...locate(block, m.index + 1),
      });
    }
  }
  return findings;
}
