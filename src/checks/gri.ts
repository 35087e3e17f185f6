import type { GriIndexEntry } from '../evidence/gri.js';
import { extent, pageList } from '../evidence/locations.js';
import { citedPageRanges, pageName, physicalPages } from '../evidence/pages.js';
import { estimatedPublication } from '../rules/editions.js';
import { citation } from '../rules/gri-catalog.js';
import type { Finding } from '../report/result.js';
import type { CheckContext, CoveredItem } from './context.js';

/**
 * The GRI family: the statement of use and what it entails, the GRI content index (each
 * listed disclosure found where the index says, omissions with an allowed reason), and
 * standards cited in versions that do not exist or are superseded at the report's date.
 */
export function griChecks(ctx: CheckContext): Finding[] {
  const gri = ctx.gri;
  const catalog = ctx.rules.griCatalog;
  const pack = ctx.editions.find((e) => e.pack.framework === 'gri')?.pack;
  if (!gri || !catalog || !pack) return [];
  const findings: Finding[] = [];
  const at = (p?: { line: number; column: number; page?: number }) => ({ line: p?.line ?? 1, column: p?.column ?? 1, ...(p?.page ? { page: p.page } : {}) });
  const { statement } = gri;

  if (statement.kind === 'informal') {
    findings.push({
      ruleId: 'missing/gri-statement-of-use', category: 'missing', severity: 'warning', framework: 'gri',
      message: 'The report says it uses the GRI Standards but has no statement of use ("… has reported in accordance with the GRI Standards for the period …" or "… with reference to the GRI Standards"), so it makes neither claim; its GRI content index is held to what it lists.',
      ...at(statement.at ?? gri.indexAt),
    });
  }
  if (statement.kind === 'in-accordance' || statement.kind === 'with-reference') {
    if (!statement.gri1) {
      findings.push({
        ruleId: 'missing/gri-1-not-named', category: 'missing', severity: 'warning', framework: 'gri',
        message: `A report ${statement.kind === 'in-accordance' ? 'in accordance with' : 'with reference to'} the GRI Standards must name the GRI 1 it uses ("GRI 1: Foundation 2021") in its content index.`,
        ...at(statement.at),
      });
    }
    if (gri.index.length === 0) {
      findings.push({
        ruleId: 'missing/gri-content-index', category: 'missing', severity: 'warning', framework: 'gri',
        message: `The report claims to report ${statement.kind === 'in-accordance' ? 'in accordance with' : 'with reference to'} the GRI Standards but has no GRI content index.`,
        ...at(statement.at),
      });
    }
  }
  if (statement.period && ctx.period && (statement.period.start !== ctx.period.start || statement.period.end !== ctx.period.end)) {
    findings.push({
      ruleId: 'stale/gri-statement-period', category: 'stale', severity: 'error', framework: 'gri',
      message: `The statement of use covers ${statement.period.start} to ${statement.period.end}, but the report covers ${ctx.period.start} to ${ctx.period.end}.`,
      ...at(statement.at),
    });
  }
  const perTopic = pack.items.find((i) => i.perMaterialTopic);
  if (statement.kind === 'in-accordance' && perTopic) findings.push(...managementPerTopic(gri.index, perTopic.id));
  for (const old of statement.obsolete) {
    findings.push({
      ruleId: 'stale/gri-obsolete-claim', category: 'stale', severity: 'warning', framework: 'gri',
      message: `"${old.text}" is a claim of the GRI Standards 2016 (Core / Comprehensive / GRI-referenced), superseded from 1 January 2023; state that the report is "in accordance with" or "with reference to" the GRI Standards instead.`,
      ...at(old),
    });
  }

  const published = ctx.period ? estimatedPublication(ctx.period) : undefined;
  const seen = new Set<string>();
  for (const c of gri.citations) {
    const key = `${c.number}:${c.year}:${c.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const versions = catalog.standards.filter((s) => s.number === c.number);
    if (versions.length === 0) continue;
    const version = versions.find((s) => s.year === c.year);
    if (!version) {
      findings.push({
        ruleId: 'inconsistent/gri-unknown-version', category: 'inconsistent', severity: 'warning', framework: 'gri',
        message: `"${c.text}" cites a version that does not exist: GRI ${c.number} has ${versions.map((v) => `${v.title} ${v.year}`).join(', ')}.`,
        ...at(c),
      });
      continue;
    }
    const gone = (version.status === 'superseded' || version.status === 'withdrawn') && (!version.supersededFrom || !published || published >= version.supersededFrom);
    if (gone) {
      findings.push({
        ruleId: 'stale/gri-superseded-standard', category: 'stale', severity: 'warning', framework: 'gri',
        message: `${citation(version)} is ${version.status}${version.supersededFrom ? ` from ${version.supersededFrom}` : ''}; cite ${version.replacedBy ?? 'the current version'} instead.`,
        ...at(c),
      });
    }
  }

  const byId = new Map(ctx.covered.filter((c) => c.coverage.pack === pack).map((c) => [c.coverage.item.id, c]));
  for (const entry of gri.index) findings.push(...checkEntry(entry, ctx, byId));
  return findings;
}

function checkEntry(entry: GriIndexEntry, ctx: CheckContext, byId: Map<string, CoveredItem>): Finding[] {
  const catalog = ctx.rules.griCatalog!;
  const out: Finding[] = [];
  const where = { line: entry.line, column: entry.column, ...(entry.page ? { page: entry.page } : {}) };
  const id = entry.disclosure;
  if (id) {
    const cited = entry.standard && catalog.standards.find((s) => s.number === entry.standard!.number && s.year === entry.standard!.year);
    const known = cited ? cited.disclosures.includes(id) : byId.has(id) || catalog.standards.some((s) => s.disclosures.includes(id));
    if (!known) {
      out.push({
        ruleId: 'inconsistent/gri-unknown-disclosure', category: 'inconsistent', severity: 'warning', framework: 'gri', item: id,
        message: cited
          ? `The GRI content index lists ${id}, which ${citation(cited)} does not have (its disclosures are ${cited.disclosures[0]} to ${cited.disclosures[cited.disclosures.length - 1]}).`
          : `The GRI content index lists ${id}, which is not a disclosure of any GRI standard.`,
        ...where,
      });
      return out;
    }
  }
  const covered = id ? byId.get(id) : undefined;
  // A disclosure cited from another version of its standard is judged by that version's
  // citation (stale), not against today's disclosure of the same number.
  if (id && covered && entry.standard?.year && !covered.coverage.item.standard?.endsWith(` ${entry.standard.year}`)) return out;
  if (entry.omission && id) {
    if (covered?.coverage.item.omissionAllowed === false) {
      out.push({
        ruleId: 'inconsistent/gri-omission-not-allowed', category: 'inconsistent', severity: 'error', framework: 'gri', item: id,
        message: `The GRI content index omits ${id}, but GRI 1 allows no reason for omission for 2-1 to 2-5, 3-1 and 3-2: report it.`,
        ...where,
      });
    } else if (!entry.omission.reason) {
      out.push({
        ruleId: 'inconsistent/gri-omission-reason', category: 'inconsistent', severity: 'warning', framework: 'gri', item: id,
        message: `The reason given for omitting ${id} ("${entry.omission.reasonText}") is not one of GRI 1's four: not applicable, legal prohibitions, confidentiality constraints, information unavailable/incomplete.`,
        ...where,
      });
    } else if (entry.omission.explanation.trim().length < 3) {
      out.push({
        ruleId: 'missing/gri-omission-explanation', category: 'missing', severity: 'warning', framework: 'gri', item: id,
        message: `${id} is omitted for "${entry.omission.reasonText}" without the explanation GRI 1 requires.`,
        ...where,
      });
    }
    return out;
  }
  const named = [...entry.sections, ...entry.tables].filter((s) => s.sections.length > 0);
  // A table cited but not found by its caption may hold the figures: such a claim cannot be checked.
  const unresolvedTable = entry.tables.some((t) => t.sections.length === 0);
  const onPages = physicalPages(ctx.doc, entry.pages);
  if (named.length === 0) {
    if (onPages && covered) out.push(...griPagesUnsupported(ctx, entry, covered, onPages));
    if (entry.sections.length > 0 && entry.pages.length === 0) {
      out.push({
        ruleId: 'inconsistent/gri-index-section-not-found', category: 'inconsistent', severity: 'warning', framework: 'gri', item: id,
        message: `The GRI content index points ${id ?? entry.standard?.text ?? 'an entry'} to ${entry.sections.map((s) => `"${s.name}"`).join(', ')}, but the report has no section with that heading.`,
        ...where,
      });
    }
    return out;
  }
  const ranges = [...new Set(named.flatMap((s) => s.sections))].map((s) => extent(ctx.doc, s, entry.pages));
  const candidates = id
    ? (covered ? [covered] : [])
    : [...byId.values()].filter((c) => entry.standard && c.coverage.item.standard?.startsWith(`GRI ${entry.standard.number}:`));
  if (candidates.length === 0) return out;
  const supported = candidates.some((c) => ranges.some((r) => {
    const inScope = ctx.finder.cover(c.coverage.pack, c.coverage.item, r);
    return inScope.elements.some((e) => e.found) || inScope.status === 'explained';
  }));
  if (supported && onPages && covered) out.push(...griPagesUnsupported(ctx, entry, covered, onPages));
  if (!supported && !unresolvedTable) {
    const what = id ? `${id} (${covered!.coverage.item.title.en})` : entry.standard!.text;
    out.push({
      ruleId: 'inconsistent/gri-index-claim-unsupported', category: 'inconsistent', severity: 'warning', framework: 'gri', item: id,
      message: `The GRI content index says ${named.map((s) => `"${s.name}"`).join(', ')}${entry.pages.length ? ` (p. ${pageList(entry.pages)})` : ''} reports ${what}, but none of what it requires was found there.`,
      ...where,
      related: named.flatMap((s) => s.sections).slice(0, 3).map((s) => ({ line: ctx.doc.sections[s].line, column: ctx.doc.sections[s].column, ...(ctx.doc.sections[s].page ? { page: ctx.doc.sections[s].page } : {}) })),
    });
  }
  return out;
}

/** Where the pages are known, the pages a GRI index entry cites must hold something the disclosure requires. */
function griPagesUnsupported(ctx: CheckContext, entry: GriIndexEntry, covered: CoveredItem, pages: number[]): Finding[] {
  const { pack, item } = covered.coverage;
  const found = citedPageRanges(ctx.doc, pages, ctx.finder.topicOnPages(item, pages)).some((r) => {
    const inScope = ctx.finder.cover(pack, item, r);
    return inScope.elements.some((e) => e.found) || inScope.status === 'explained';
  });
  if (found) return [];
  const elsewhere = covered.coverage.evidence.find((e) => e.element !== undefined && e.page !== undefined && !pages.includes(e.page));
  return [{
    ruleId: 'inconsistent/gri-index-page-unsupported', category: 'inconsistent', severity: 'warning', framework: 'gri', item: item.id,
    message: `The GRI content index cites p. ${pageList(entry.pages)} for ${item.id} (${item.title.en}), but nothing on ${entry.pages.length > 1 ? 'those pages' : 'that page'} reports it${elsewhere ? `; the report does on p. ${pageName(ctx.doc, elsewhere.page)} (line ${elsewhere.line})` : ''}.`,
    line: entry.line, column: entry.column, ...(entry.page ? { page: entry.page } : {}),
    related: elsewhere ? [{ line: elsewhere.line, column: elsewhere.column, page: elsewhere.page }] : [],
  }];
}

/**
 * In accordance, 3-3 is reported for each material topic: GRI 1's index puts a 3-3 row at the
 * head of each topic's disclosures, so topic disclosures listed before any 3-3 have none.
 */
function managementPerTopic(index: GriIndexEntry[], perTopic: string): Finding[] {
  const out: Finding[] = [];
  let seen33 = false;
  const reported = new Set<string>();
  for (const e of index) {
    const id = e.disclosure;
    if (id === perTopic) seen33 = true;
    const standard = id ? id.split('-')[0] : e.standard?.number;
    if (!standard || Number(standard) < 100 || seen33 || reported.has(standard)) continue;
    reported.add(standard);
    out.push({
      ruleId: 'missing/gri-3-3-per-topic', category: 'missing', severity: 'warning', framework: 'gri', item: perTopic,
      message: `The GRI content index lists disclosures of GRI ${standard} with no ${perTopic} (management of the material topic) before them; a report in accordance with the GRI Standards reports ${perTopic} for each material topic.`,
      line: e.line,
      column: e.column,
      ...(e.page ? { page: e.page } : {}),
    });
  }
  return out;
}
