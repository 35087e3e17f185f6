import type { Block, ReportDocument } from '../document/types.js';
import { positionInBlock, segmentAt } from '../document/build.js';
import type { CommonVocabulary, ElementSpec, ItemSpec, NilVocabulary, RulePack } from '../rules/types.js';
import { TextIndex } from './text-index.js';
import { hasWithin, lowerBound, type Offsets } from '../util/sorted.js';
import { SectionSet } from './section-set.js';
import { hasCjk, normalize } from '../util/normalize.js';

export type ItemStatus = 'addressed' | 'partial' | 'explained' | 'missing';

export interface Evidence {
  line: number;
  column: number;
  page?: number;
  section: string;
  text: string;
  /** Which element of the item this supports (absent for headings and explanations). */
  element?: string;
}

export interface ElementResult {
  id: string;
  label: string;
  found: boolean;
  optional: boolean;
}

export interface ItemCoverage {
  pack: RulePack;
  item: ItemSpec;
  status: ItemStatus;
  evidence: Evidence[];
  elements: ElementResult[];
  /** Sections whose heading names the item. */
  headings: Evidence[];
  explanation?: { evidence: Evidence; reasoned: boolean };
}

const DEFAULT_WINDOW = 160;

/** A run of blocks, [from, to) by block index. */
export interface BlockRange {
  from: number;
  to: number;
}
const EXCERPT = 160;

interface Hit {
  offset: number;
  block: Block;
}

/** Every term the items of some packs use, with the shared vocabulary's markers; one list per set of packs. */
const termLists = new WeakMap<CommonVocabulary, Map<string, { packs: RulePack[]; list: string[] }>>();

export function termsOf(packs: RulePack[], common: CommonVocabulary): string[] {
  let byPacks = termLists.get(common);
  if (!byPacks) termLists.set(common, (byPacks = new Map()));
  const key = packs.map((p) => `${p.framework}/${p.edition}`).join(' ');
  const known = byPacks.get(key);
  if (known && known.packs.length === packs.length && known.packs.every((p, i) => p === packs[i])) return known.list;
  const list: string[] = [...common.explanation.markers, ...common.explanation.reasons];
  const nil = common.explanation.nil;
  if (nil) list.push(...nil.negations, ...nil.verbs, ...nil.gaps, ...(nil.breaks ?? []), ...(nil.unrelated ?? []), ...(nil.heads ?? []), ...(nil.determiners ?? []), ...(nil.restrictions ?? []));
  for (const pack of packs) {
    for (const item of pack.items) {
      list.push(item.id, ...(item.evidence.sections ?? []), ...(item.evidence.topic ?? []));
      for (const el of item.evidence.elements) list.push(...el.all.flat(), ...(el.none ?? []));
    }
  }
  byPacks.set(key, { packs, list });
  return list;
}

/** Finds, for every item of the packs, where the document addresses it. */
export class CoverageFinder {
  readonly index: TextIndex;
  private readonly sectionMatches = new Map<number, SectionSet>();

  /** `packs`: the packs the document will be covered against, searched for in one pass. */
  constructor(readonly doc: ReportDocument, private readonly common: CommonVocabulary, private readonly packs: RulePack[] = []) {
    this.index = new TextIndex(doc, common.currencies);
  }

  /**
   * Where the document addresses the item. With `scope`, only blocks in [from, to) count —
   * used to test what a content index claims about one section.
   */
  cover(pack: RulePack, item: ItemSpec, scope?: BlockRange): ItemCoverage {
    this.scope = scope;
    try {
      return this.coverInScope(pack, item);
    } finally {
      this.scope = undefined;
    }
  }

  private scope: BlockRange | undefined;

  private inScope(block: Block): boolean {
    return !this.scope || (block.index >= this.scope.from && block.index < this.scope.to);
  }

  private readonly prefetched = new Set<RulePack>();

  /** Every term of a pack found in one pass before its first item is covered. */
  private prefetch(pack: RulePack): void {
    if (this.prefetched.has(pack)) return;
    const packs = this.packs.includes(pack) ? this.packs : [pack];
    for (const p of packs) this.prefetched.add(p);
    // The same list for every document checked against these packs: the index plans its search once.
    this.index.prefetch(termsOf(packs, this.common));
  }

  private coverInScope(pack: RulePack, item: ItemSpec): ItemCoverage {
    this.prefetch(pack);
    const sections = this.sectionsNaming(item.evidence.sections ?? []);
    const elements: ElementResult[] = [];
    const evidence: Evidence[] = [];
    for (const el of item.evidence.elements) {
      const hit = this.findElement(el, sections);
      elements.push({ id: el.id, label: el.label, found: !!hit, optional: !!el.optional });
      if (hit) evidence.push({ ...this.evidenceAt(hit), element: el.id });
    }
    const headings = this.headingEvidence(sections);
    const required = elements.filter((e) => !e.optional);
    const found = required.filter((e) => e.found).length;
    let status: ItemStatus;
    let explanation: ItemCoverage['explanation'];
    if (found === required.length && found > 0) status = 'addressed';
    else {
      explanation = this.findExplanation(item, sections);
      if (elements.some((e) => e.found)) status = 'partial';
      else if (explanation) status = 'explained';
      else if (headings.length > 0) status = 'partial';
      else status = 'missing';
    }
    if (status === 'explained' && explanation) evidence.push(explanation.evidence);
    if (evidence.length === 0 && headings.length > 0) evidence.push(headings[0]);
    return { pack, item, status, evidence: dedupe(evidence), elements, headings, explanation: status === 'explained' ? explanation : undefined };
  }

  /** Sections (with their descendants) whose heading contains one of the phrases. */
  private sectionsNaming(terms: string[]): SectionSet {
    const key = groupId(terms);
    let set = this.sectionMatches.get(key);
    if (set) return set;
    set = new SectionSet(this.doc.sections.length);
    if (terms.length > 0) {
      for (const term of terms) {
        for (const offset of this.index.find(term)) {
          const block = this.index.blockAt(offset);
          if (block.kind !== 'heading' || block.role !== 'body') continue;
          this.addWithDescendants(block.section, set);
        }
      }
    }
    this.sectionMatches.set(key, set);
    return set;
  }

  private addWithDescendants(section: number, set: SectionSet): void {
    if (set.has(section)) return;
    set.add(section);
    for (const child of this.doc.sections[section].children) this.addWithDescendants(child, set);
    // Flat structures (PDF text) put sub-headings beside their parent: take the run of
    // following sections up to the next heading of the same or a higher level.
    if (this.doc.format === 'text') {
      const level = this.doc.sections[section].level;
      for (let s = section + 1; s < this.doc.sections.length; s++) {
        const next = this.doc.sections[s];
        if (next.level <= level) break;
        set.add(s);
      }
    }
  }

  private usable(block: Block, el: ElementSpec, sections: SectionSet): boolean {
    if (block.role !== 'body' || !this.inScope(block)) return false;
    if (el.tables && block.kind !== 'table') return false;
    if (el.inSection && !sections.has(block.section)) return false;
    return true;
  }

  private readonly groupHits = new Map<number, Offsets>();

  /**
   * Offsets of any of the terms, merged and sorted, cached per group: items of a pack and of
   * the packs based on it repeat the same groups (as equal lists, not the same array).
   */
  private hits(terms: string[]): Offsets {
    const id = groupId(terms);
    let merged = this.groupHits.get(id);
    if (!merged) {
      const each = this.index.findEach(terms);
      merged = each.length === 1 ? each[0] : mergeAll(each);
      this.groupHits.set(id, merged);
    }
    return merged;
  }

  /**
   * The best place where every group of the element occurs within the window: inside the
   * item's own sections first, then the tightest cluster, then the earliest.
   */
  private findElement(el: ElementSpec, sections: SectionSet): Hit | undefined {
    const window = el.window ?? DEFAULT_WINDOW;
    const first = this.hits(el.all[0]);
    const rest: Offsets[] = [];
    for (let g = 1; g < el.all.length; g++) rest.push(this.hits(el.all[g]));
    const none = el.none ? this.hits(el.none) : NO_OFFSETS;
    let best: { hit: Hit; rank: number } | undefined;
    for (const offset of this.withinScope(first)) {
      const block = this.index.blockAt(offset);
      if (!this.usable(block, el, sections)) continue;
      let from = offset - window;
      let to = offset + window;
      // A message or statement is one section: what it says may be paragraphs apart.
      const wholeSection = el.wholeSection === true && sections.has(block.section);
      if (wholeSection) [from, to] = this.sectionSpan(block.section);
      // A scoped cover reads only its part of the text: nothing just past it counts.
      if (this.scope) [from, to] = this.clampToScope(from, to);
      if (el.sentence) {
        const sentence = this.index.sentenceAt(offset);
        from = Math.max(from, sentence.start);
        to = Math.min(to, sentence.end);
      }
      let span = 0;
      let ok = true;
      // Within the hit's own block (body text, as usable) the two are in one region.
      const blockStart = this.index.blockStarts[block.index];
      const blockEnd = blockStart + block.norm.length;
      // In a table, a row's figures mean what its column heads say ("Male … 18.8" under "Average
      // training hours"): the heads count as near.
      const headsEnd = block.kind === 'table' ? tableHeadsEnd(block.norm, blockStart) : -1;
      // And a sub-row ("| – male | 15.2 |") reads under the row that groups it ("Average training hours – overall").
      const groupRow = block.kind === 'table' ? this.groupRowOf(block, offset) : undefined;
      for (const group of rest) {
        const inContext = (headsEnd > blockStart ? nearest(group, blockStart, blockStart, headsEnd) : undefined) ?? (groupRow ? nearest(group, groupRow[0], groupRow[0], groupRow[1]) : undefined);
        const other = nearest(group, offset, from, to) ?? inContext;
        if (other === undefined || (!wholeSection && other !== inContext && (other < blockStart || other > blockEnd) && !this.sameRegion(offset, other))) {
          ok = false;
          break;
        }
        span = Math.max(span, Math.abs(other - offset));
      }
      // A heading names a topic; it does not disclose it on its own.
      if (ok && block.kind === 'heading') {
        const headingStart = this.index.blockStarts[block.index];
        const headingEnd = headingStart + block.norm.length;
        const outside = (sorted: Offsets) => hasWithin(sorted, from, headingStart - 1) !== undefined || hasWithin(sorted, headingEnd, to) !== undefined;
        if (!rest.some(outside) && !(el.number && outside(this.index.numbers()))) continue;
      }
      // "no work-related deaths", "did not receive any complaints": a negated count is zero.
      if (ok && el.number) ok = hasWithin(this.index.numbers(), from, to) !== undefined || this.zeroCount(offset, el.all[0]);
      if (ok && none.length > 0) ok = hasWithin(none, from, to) === undefined;
      if (!ok) continue;
      const rank = (sections.has(block.section) ? 0 : 100000) + span + (block.kind === 'heading' ? 50 : 0);
      if (!best || rank < best.rank) best = { hit: { offset, block }, rank };
    }
    return best?.hit;
  }

  /** Whether the item's section (or else topic) terms stand in the body on one of the given physical pages. */
  topicOnPages(item: ItemSpec, pages: number[]): boolean {
    for (const term of item.evidence.sections ?? item.evidence.topic ?? []) {
      for (const offset of this.index.find(term)) {
        const block = this.index.blockAt(offset);
        if (block.role === 'body' && pages.includes(block.page ?? -1)) return true;
      }
    }
    return false;
  }

  /**
   * Where in the joined text the row stands that groups the sub-row holding `offset`: above it in
   * its table, or the last row of the table before it when a page or column break split the table.
   */
  private groupRowOf(block: Block, offset: number): [number, number] | undefined {
    const start = this.index.blockStarts[block.index];
    const found = groupRowSpan(block.norm, offset - start);
    if (found === 'top') {
      let prev = this.doc.blocks[block.index - 1];
      // The tail of a wrapped row label ("general)") may stand between the two parts.
      if (prev?.kind === 'paragraph' && prev.norm.length <= 40 && !/\d/.test(prev.norm)) prev = this.doc.blocks[block.index - 2];
      if (prev?.kind !== 'table') return undefined;
      const prevStart = this.index.blockStarts[prev.index];
      const last = groupRowSpan(prev.norm, prev.norm.length, true);
      return last && last !== 'top' ? [prevStart + last[0], prevStart + last[1]] : undefined;
    }
    return found && [start + found[0], start + found[1]];
  }

  /** Where a section's own text starts and ends in the joined text. */
  private sectionSpan(section: number): [number, number] {
    const blocks = this.doc.sections[section].blocks;
    const last = blocks[blocks.length - 1];
    return [this.index.blockStarts[blocks[0]], this.index.blockStarts[last] + this.doc.blocks[last].norm.length];
  }

  private clampToScope(from: number, to: number): [number, number] {
    const starts = this.index.blockStarts;
    const start = this.scope!.from < starts.length ? starts[this.scope!.from] : Infinity;
    const end = this.scope!.to < starts.length ? starts[this.scope!.to] - 1 : Infinity;
    return [Math.max(from, start), Math.min(to, end)];
  }

  /** The offsets (sorted) that lie in the scope's blocks: a scoped cover reads only its part of the text. */
  private withinScope(offsets: Offsets): Offsets {
    if (!this.scope) return offsets;
    const starts = this.index.blockStarts;
    const from = this.scope.from < starts.length ? starts[this.scope.from] : Infinity;
    const to = this.scope.to < starts.length ? starts[this.scope.to] : Infinity;
    return offsets.subarray(lowerBound(offsets, from), lowerBound(offsets, to));
  }

  /** Two offsets are in one region when no non-content block lies between them. */
  private sameRegion(a: number, b: number): boolean {
    const from = this.index.blockAt(Math.min(a, b)).index;
    const to = this.index.blockAt(Math.max(a, b)).index;
    const before = this.nonBodyBefore();
    return before[to + 1] === before[from];
  }

  private nonBodyCounts?: Int32Array;

  /** How many blocks before each block index are not body text (roles are set before the finder is made). */
  private nonBodyBefore(): Int32Array {
    if (!this.nonBodyCounts) {
      const blocks = this.doc.blocks;
      const counts = new Int32Array(blocks.length + 1);
      for (let i = 0; i < blocks.length; i++) counts[i + 1] = counts[i] + (blocks[i].role !== 'body' ? 1 : 0);
      this.nonBodyCounts = counts;
    }
    return this.nonBodyCounts;
  }

  /**
   * An explanation of omission: a "not applicable" marker right after the item's id, a topic
   * term or the heading of the item's section (in the same block or the next one, as when a
   * PDF table puts the label and its "N/A" cells on separate lines). It is considered when a
   * reason follows close by.
   */
  private findExplanation(item: ItemSpec, sections: SectionSet): ItemCoverage['explanation'] {
    const { markers, reasons } = this.common.explanation;
    const window = this.common.explanation.window ?? 80;
    const markerHits = this.hits(markers);
    if (markerHits.length === 0) return this.findNil(item);
    const reasonHits = this.hits(reasons);
    const anchors: number[] = [];
    for (const offset of this.index.find(item.id)) if (this.inScope(this.index.blockAt(offset))) anchors.push(offset);
    for (const offset of this.hits(item.evidence.topic ?? [])) {
      const block = this.index.blockAt(offset);
      if (block.role === 'body' && this.inScope(block)) anchors.push(offset);
    }
    for (const s of sections) {
      const heading = this.headings(s).body;
      if (heading && this.inScope(heading)) anchors.push(this.index.blockStarts[heading.index]);
    }
    anchors.sort((a, b) => a - b);
    let bare: ItemCoverage['explanation'];
    for (const anchor of anchors) {
      const block = this.index.blockAt(anchor);
      const next = this.doc.blocks[block.index + 1];
      const reach = next && next.role === block.role ? next : block;
      const reachEnd = this.index.blockStarts[reach.index] + reach.norm.length;
      const marker = hasWithin(markerHits, Math.max(anchor - 20, this.index.blockStarts[block.index]), Math.min(anchor + window, reachEnd));
      if (marker === undefined) continue;
      const markerBlock = this.index.blockAt(marker);
      const markerEnd = this.index.blockStarts[markerBlock.index] + markerBlock.norm.length;
      // The reason may open the sentence ("As a financial institution we do not manufacture
      // finished products, so KPI A2.5 … is not applicable to us").
      const sentenceStart = this.index.sentenceAt(marker).start;
      const reason = hasWithin(reasonHits, Math.max(Math.min(marker - window, sentenceStart), this.index.blockStarts[block.index]), Math.min(marker + window * 2, markerEnd));
      const evidence = this.evidenceAt({ offset: marker, block: markerBlock });
      if (reason !== undefined) return { evidence, reasoned: true };
      bare ??= { evidence, reasoned: false };
    }
    return this.findNil(item) ?? bare;
  }

  /** What an item is about, for nil statements: its topic terms and the nouns its figures count. */
  private subjectsOf(item: ItemSpec): string[] {
    let terms = subjectsByItem.get(item);
    if (!terms) {
      // The topic terms, and the counted nouns that spell one of them out ("non-hazardous
      // waste*" for "non-hazardous waste"): a figure's noun alone ("fuel") may name a part.
      const topic = item.evidence.topic ?? [];
      const stem = (t: string) => normalize(t.replace(/\*$/, '')).trim();
      const stems = topic.map(stem).filter((t) => t !== '');
      const counted = item.evidence.elements.filter((e) => e.number).flatMap((e) => e.all[0]).filter((t) => stems.some((st) => stem(t).startsWith(st)));
      terms = [...new Set([...topic, ...counted])];
      subjectsByItem.set(item, terms);
    }
    return terms;
  }

  /**
   * A nil statement about the item: a clause saying its subject is not produced, used or had, or
   * that no data on it exist ("No hazardous waste is produced", "does not use any packaging",
   * "did not have statistics on non-hazardous waste", 並無產生有害廢棄物). The nil is the reason.
   */
  private findNil(item: ItemSpec): ItemCoverage['explanation'] {
    const nil = this.common.explanation.nil;
    if (!nil) return undefined;
    const subjects = this.subjectsOf(item);
    if (subjects.length === 0) return undefined;
    const verbs = this.hits(nil.verbs);
    const gaps = this.hits(nil.gaps);
    const text = this.index.text;
    // The first verb or word for data in [from, to].
    const verbWithin = (from: number, to: number) => {
      if (from > to) return undefined;
      const verb = hasWithin(verbs, from, to);
      const gap = hasWithin(gaps, from, to);
      return verb === undefined ? gap : gap === undefined ? verb : Math.min(verb, gap);
    };
    for (const at of this.hits(subjects)) {
      const block = this.index.blockAt(at);
      if (block.role !== 'body' || !this.inScope(block)) continue;
      // "non-hazardous waste" is not hazardous waste.
      if (/(?:(?:^|[^a-z])non[- ]?|非)$/.test(text.slice(Math.max(0, at - 5), at))) continue;
      const end = this.index.endOf(subjects, at);
      if (end < 0 || !this.endsNounPhrase(end, verbs, gaps)) continue;
      // "no complaints policy" negates the policy; "無害廢棄物的統計數據" is data on the subject.
      if (this.headAt(end) && hasWithin(gaps, end, end + 4) === undefined) continue;
      let negation = this.negationBefore(at, false);
      if (negation !== undefined) {
        // The verb between ("does not use any packaging") or just after ("No hazardous waste is produced").
        const between = verbWithin(negation, at - 1);
        const verb = between ?? verbWithin(end, end + 25);
        if (verb === undefined || (verb >= end && !this.sameClause(end, verb))) negation = undefined;
        // "no hazardous waste" says nothing of waste as a whole, "未使用可再生燃料" nothing of fuel.
        else if (!this.unmodified(negation, at)) negation = undefined;
        // "no incidents related to child labour" negates the incidents; "no data on X" is a gap.
        else if (nil.unrelated && hasWithin(gaps, negation, at - 1) === undefined && hasWithin(this.hits(nil.unrelated), negation, at - 1) !== undefined) negation = undefined;
      }
      if (negation === undefined) {
        // "hazardous waste is not generated": the negation just after the subject, its verb after it.
        const after = hasWithin(this.hits(nil.negations), end, end + 20);
        if (after !== undefined && this.sameClause(end, after)) {
          const verb = verbWithin(after, after + 20);
          if (verb !== undefined && this.sameClause(after, verb) && this.unmodified(Math.max(0, at - 20), at)) negation = after;
        }
      }
      // "… through fixed combustion sources": a nil of a part of the subject's sources only.
      if (negation !== undefined && nil.restrictions) {
        const restriction = hasWithin(this.hits(nil.restrictions), Math.min(negation, at), end + 30);
        if (restriction !== undefined && this.sameClause(Math.min(negation, at), restriction)) negation = undefined;
      }
      if (negation !== undefined) return { evidence: this.evidenceAt({ offset: negation, block: this.index.blockAt(negation) }), reasoned: true };
    }
    return undefined;
  }

  /**
   * The offset of a negation that governs the text at `at` from before it, within the reach of
   * one clause: no clause mark or break word between, and with `counted`, no preposition
   * ("no team for complaints" negates the team).
   */
  private negationBefore(at: number, counted: boolean): number | undefined {
    const nil = this.common.explanation.nil;
    if (!nil) return undefined;
    const reach = nil.reach ?? 40;
    const negations = this.hits(nil.negations);
    const i = lowerBound(negations, at) - 1;
    if (i < 0) return undefined;
    const negation = negations[i];
    const end = this.index.endOf(nil.negations, negation);
    if (end < 0 || end > at || at - end > reach) return undefined;
    if (!this.sameClause(end, at)) return undefined;
    if (counted && nil.unrelated && hasWithin(this.hits(nil.unrelated), end, at - 1) !== undefined) return undefined;
    return negation;
  }

  /** True when nothing between the offsets ends a clause: no punctuation mark, no break word. */
  private sameClause(from: number, to: number): boolean {
    if (CLAUSE_MARK.test(this.index.text.slice(from, to))) return false;
    const breaks = this.common.explanation.nil?.breaks;
    return !breaks || hasWithin(this.hits(breaks), from, to - 1) === undefined;
  }

  /** True when a noun the subject modifies follows at `end` ("complaints policy", 投訴政策). */
  private headAt(end: number): boolean {
    const heads = this.common.explanation.nil?.heads;
    if (!heads) return false;
    let at = end;
    while (this.index.text[at] === ' ' || this.index.text[at] === '-') at++;
    return hasWithin(this.hits(heads), at, at) !== undefined;
  }

  /**
   * True when no modifier narrows the subject at `at`: what stands just before it (after `from`)
   * is the clause's start, the negation, a verb, a word for data or a determiner ("any kind of").
   */
  private unmodified(from: number, at: number): boolean {
    const words = nilWordsOf(this.common.explanation.nil!);
    // Read backwards (no pattern anchored at the end, which would be retried from every start).
    const text = this.index.text;
    let last = at;
    while (last > from && (text[last - 1] === ' ' || text[last - 1] === '-' || text[last - 1] === '\n')) last--;
    if (last <= from || CLAUSE_MARK.test(text[last - 1]) || text[last - 1] === '.') return true;
    const before = text.slice(from, last);
    if (hasCjk(before[before.length - 1])) return words.cjk.some((w) => before.endsWith(w));
    let first = last;
    while (first > from && /[a-z0-9'’]/.test(text[first - 1])) first--;
    const word = text.slice(first, last);
    return word !== '' && words.latin.some((w) => (w.prefix ? word.startsWith(w.word) : word === w.word));
  }

  /**
   * True when a Chinese subject ends its noun phrase at `end`: a clause mark, a verb or the end
   * of the text follows, or "的…數據" (data on it). "貪污訴訟案件" makes 貪污 a modifier. Latin
   * subjects are tested by their heads only (a word boundary says nothing).
   */
  private endsNounPhrase(end: number, verbs: Offsets, gaps: Offsets): boolean {
    const text = this.index.text;
    if (end === 0 || !hasCjk(text[end - 1])) return true;
    let at = end;
    while (text[at] === ' ') at++;
    if (at >= text.length || !hasCjk(text[at]) || /[。，；：！？、）」』]/.test(text[at])) return true;
    return hasWithin(verbs, at, at) !== undefined || hasWithin(gaps, at, at + 4) !== undefined;
  }

  /** A count of zero: a negation governs the counted noun at `offset` ("no work-related deaths"). */
  private zeroCount(offset: number, nouns: string[]): boolean {
    if (this.negationBefore(offset, true) === undefined) return false;
    const end = this.index.endOf(nouns, offset);
    return end >= 0 && !this.headAt(end);
  }

  private headingEvidence(sections: SectionSet): Evidence[] {
    const out: Evidence[] = [];
    for (const s of sections) {
      const section = this.doc.sections[s];
      const heading = this.headings(s).first;
      if (!heading || heading.role !== 'body' || !this.inScope(heading)) continue;
      if (section.parent !== null && sections.has(section.parent) && this.doc.format === 'markdown') continue;
      out.push(this.evidenceAt({ offset: this.index.blockStarts[heading.index], block: heading }));
      if (out.length >= 3) break;
    }
    return out;
  }

  private readonly sectionHeadings = new Map<number, { first?: Block; body?: Block }>();

  /** A section's first heading block, and its first heading block of body text. */
  private headings(section: number): { first?: Block; body?: Block } {
    let found = this.sectionHeadings.get(section);
    if (!found) {
      const blocks = this.doc.sections[section].blocks.map((b) => this.doc.blocks[b]);
      found = { first: blocks.find((b) => b.kind === 'heading'), body: blocks.find((b) => b.kind === 'heading' && b.role === 'body') };
      this.sectionHeadings.set(section, found);
    }
    return found;
  }

  private readonly flatTexts = new Map<number, string>();

  /** A block's text with each run of white space as one space (evidence of many items quotes the same blocks). */
  private flatText(block: Block): string {
    let flat = this.flatTexts.get(block.index);
    if (flat === undefined) this.flatTexts.set(block.index, (flat = block.text.replace(/\s+/g, ' ')));
    return flat;
  }

  evidenceAt(hit: Hit): Evidence {
    const within = hit.offset - this.index.blockStarts[hit.block.index];
    const seg = segmentAt(hit.block, within);
    const pos = positionInBlock(hit.block, within);
    return {
      line: pos.line,
      column: pos.column,
      page: (seg.offset <= within ? seg.page : undefined) ?? hit.block.page,
      section: this.doc.sections[hit.block.section].path.join(' › ') || '(top)',
      text: excerpt(this.flatText(hit.block), within),
    };
  }
}

const NO_OFFSETS: Offsets = new Int32Array(0);

/** Marks that end a clause: , ; : ! ? (either width), 。 brackets, a line break, a full stop before a space. */
const CLAUSE_MARK = /[,;:!?，；：。！？()（）\n]|\.\s/;

/** Room to sort the lists of a merge in, reused from one merge to the next. */
let mergeScratch = new Int32Array(1024);

/** The union of sorted lists, sorted, without repeats (the list itself when only one is not empty). */
function mergeAll(lists: Offsets[]): Offsets {
  let only: Offsets | undefined;
  let total = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    only = total === 0 ? list : undefined;
    total += list.length;
  }
  if (total === 0) return NO_OFFSETS;
  if (only) return only;
  if (mergeScratch.length < total) mergeScratch = new Int32Array(Math.max(total, 2 * mergeScratch.length));
  const all = mergeScratch.subarray(0, total);
  let n = 0;
  for (const list of lists) for (const offset of list) all[n++] = offset;
  all.sort();
  let kept = 0;
  for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i];
  const merged = all.slice(0, kept);
  // The room a very large document needed is not kept for the rest of the run.
  if (mergeScratch.length > 1 << 20) mergeScratch = new Int32Array(1024);
  return merged;
}

/** The words that may stand just before a nil statement's subject, folded once per vocabulary. */
interface NilWords {
  latin: { word: string; prefix: boolean }[];
  cjk: string[];
}

const nilWordsByVocabulary = new WeakMap<NilVocabulary, NilWords>();

function nilWordsOf(nil: NilVocabulary): NilWords {
  let words = nilWordsByVocabulary.get(nil);
  if (!words) {
    words = { latin: [], cjk: [] };
    for (const raw of [...nil.negations, ...nil.verbs, ...nil.gaps, ...(nil.determiners ?? [])]) {
      const word = normalize(raw.replace(/\*$/, '')).trim();
      if (word === '') continue;
      if (hasCjk(word)) words.cjk.push(word);
      else words.latin.push({ word, prefix: raw.endsWith('*') });
    }
    nilWordsByVocabulary.set(nil, words);
  }
  return words;
}

/** Each item's nil-statement subjects, made once per process (they depend on the item alone). */
const subjectsByItem = new WeakMap<ItemSpec, string[]>();

/** A number for each group of terms, the same for equal lists; given once per list of the rules (they live as long as the rules). */
const groupIds = new WeakMap<string[], number>();
const groupIdByKey = new Map<string, number>();

function groupId(terms: string[]): number {
  let id = groupIds.get(terms);
  if (id === undefined) {
    const key = terms.join('\u0001');
    id = groupIdByKey.get(key);
    if (id === undefined) groupIdByKey.set(key, (id = groupIdByKey.size));
    groupIds.set(terms, id);
  }
  return id;
}

/** Where a table's column heads end in the joined text: its first line, at most 400 characters. */
function tableHeadsEnd(norm: string, blockStart: number): number {
  const first = norm.indexOf('\n');
  return blockStart + Math.min(400, first < 0 ? norm.length : first);
}

/** A table row that a group row above it breaks down: "| – male |", "| of which … |", "| 其中：… |". */
const SUB_ROW = /^\|?\s*(?:[-–—•·]\s|of which|including|其中)/;

/**
 * For the sub-row holding `at` (or, `below`, a row after the table's end), where in the table's
 * text the row that groups it stands; 'top' when only sub-rows stand above it.
 */
function groupRowSpan(norm: string, at: number, below = false): [number, number] | 'top' | undefined {
  let start = below ? norm.length + 1 : norm.lastIndexOf('\n', at - 1) + 1;
  const end = norm.indexOf('\n', at);
  if (!below && !SUB_ROW.test(norm.slice(start, end < 0 ? norm.length : end))) return undefined;
  while (start > 0) {
    const above = norm.lastIndexOf('\n', start - 2) + 1;
    if (!SUB_ROW.test(norm.slice(above, start - 1))) return [above, start - 1];
    start = above;
  }
  return 'top';
}

/** The value of a sorted array nearest to `at` within [from, to]. */
function nearest(sorted: Offsets, at: number, from: number, to: number): number | undefined {
  const i = lowerBound(sorted, at);
  const after = i < sorted.length && sorted[i] <= to ? sorted[i] : undefined;
  const before = i > 0 && sorted[i - 1] >= from ? sorted[i - 1] : undefined;
  if (after === undefined) return before;
  if (before === undefined) return after;
  return at - before <= after - at ? before : after;
}

/** About EXCERPT characters of a block's flattened text around `at`. */
function excerpt(flat: string, at: number): string {
  if (flat.length <= EXCERPT) return flat.trim();
  const start = Math.max(0, Math.min(at - 40, flat.length - EXCERPT));
  return (start > 0 ? '…' : '') + flat.slice(start, start + EXCERPT).trim() + (start + EXCERPT < flat.length ? '…' : '');
}

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.line}:${e.column}:${e.element ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

