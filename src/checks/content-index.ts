import type { ItemCoverage } from '../evidence/coverage.js';
import type { IndexClaim } from '../evidence/content-index.js';
import { extent, pageList } from '../evidence/locations.js';
import { citedPageRanges, pageName, physicalPages } from '../evidence/pages.js';
import type { Finding } from '../report/result.js';
import type { CheckContext, CoveredItem } from './context.js';

/**
 * The `content-index` family: what the report's own index claims, checked against the body.
 * A claimed section must exist and address the clause; a clause the body addresses should be
 * in the index; an index must not mark as deleted a clause the applicable edition requires.
 */
export function contentIndexChecks(ctx: CheckContext): Finding[] {
  const claims = ctx.indexClaims;
  if (claims.length === 0) return [];
  const byId = new Map<string, CoveredItem>();
  for (const c of ctx.covered) if (c.coverage.pack.framework === 'hkex') byId.set(c.coverage.item.id, c);
  const findings: Finding[] = [];
  const claimed = new Set<string>();

  for (const claim of claims) {
    const ids = claim.marked?.kind === 'deleted' ? withChildren(claim.ids, [...byId.keys()]) : claim.ids;
    ids.forEach((id) => claimed.add(id));
    const present = ids.filter((id) => byId.has(id));
    if (present.length === 0) continue;
    if (claim.marked?.kind === 'deleted') {
      findings.push(markedDeleted(claim, present, ctx, byId));
      continue;
    }
    if (claim.marked) continue;
    const onPages = physicalPages(ctx.doc, claim.pages);
    // With pages to check against, a name that matches no heading is not worth a warning: text
    // taken from a PDF laid out in columns keeps few headings as such.
    for (const name of onPages ? [] : claim.sections.filter((s) => s.sections.length === 0)) {
      findings.push({
        ruleId: 'inconsistent/index-section-not-found',
        category: 'inconsistent',
        severity: 'warning',
        framework: 'hkex',
        item: present[0],
        message: `The content index points ${present.join(', ')} to "${name.name}", but the report has no section with that heading.`,
        line: claim.line,
        column: claim.column,
        page: claim.page,
      });
    }
    const resolved = [...claim.sections, ...claim.tables].flatMap((s) => s.sections);
    // A table cited but not found by its caption may hold the figures: such a claim cannot be checked.
    const unresolvedTable = claim.tables.some((t) => t.sections.length === 0);
    if (resolved.length === 0) {
      if (onPages) findings.push(...pagesUnsupported(ctx, claim, present, byId, onPages));
      continue;
    }
    const ranges = [...new Set(resolved)].map((s) => extent(ctx.doc, s, claim.pages));
    for (const id of present) {
      const covered = byId.get(id)!;
      if (ranges.some((r) => supports(ctx.finder.cover(covered.coverage.pack, covered.coverage.item, r)))) {
        if (onPages) findings.push(...pagesUnsupported(ctx, claim, [id], byId, onPages));
        continue;
      }
      if (unresolvedTable) continue;
      const names = [...claim.sections, ...claim.tables].filter((s) => s.sections.length > 0).map((s) => `"${s.name}"`).join(', ');
      const elsewhere = covered.coverage.evidence.find((e) => e.element !== undefined);
      findings.push({
        ruleId: 'inconsistent/index-claim-unsupported',
        category: 'inconsistent',
        severity: 'warning',
        framework: 'hkex',
        item: id,
        message: `The content index says ${names}${claim.pages.length ? ` (p. ${pageList(claim.pages)})` : ''} addresses ${id}, but nothing there addresses it${elsewhere ? `; the report addresses it at line ${elsewhere.line} instead` : ''}.`,
        line: claim.line,
        column: claim.column,
        page: claim.page,
        related: [
          ...resolved.slice(0, 3).map((s) => ({ line: ctx.doc.sections[s].line, column: ctx.doc.sections[s].column, ...(ctx.doc.sections[s].page ? { page: ctx.doc.sections[s].page } : {}) })),
          ...(elsewhere ? [{ line: elsewhere.line, column: elsewhere.column, ...(elsewhere.page ? { page: elsewhere.page } : {}) }] : []),
        ],
      });
    }
  }

  if (claims.length >= 5) {
    const first = claims[0];
    for (const [id, covered] of byId) {
      if (claimed.has(id) || (covered.coverage.status !== 'addressed' && covered.coverage.status !== 'partial')) continue;
      const at = covered.coverage.evidence[0];
      findings.push({
        ruleId: 'inconsistent/index-omits-clause',
        category: 'inconsistent',
        severity: 'info',
        framework: 'hkex',
        item: id,
        message: `The report addresses ${id} (line ${at?.line ?? '?'}), but its content index does not list it.`,
        line: first.line,
        column: first.column,
        page: first.page,
        related: at ? [{ line: at.line, column: at.column, ...(at.page ? { page: at.page } : {}) }] : [],
      });
    }
  }
  return findings;
}

function withChildren(ids: string[], all: string[]): string[] {
  return [...new Set(ids.flatMap((id) => [id, ...all.filter((other) => other.startsWith(`${id}.`))]))];
}

function markedDeleted(claim: IndexClaim, ids: string[], ctx: CheckContext, byId: Map<string, CoveredItem>): Finding {
  const pack = byId.get(ids[0])!.coverage.pack;
  const period = ctx.period ? `the reporting period starting ${ctx.period.start}` : 'the report';
  const body = ids.map((id) => byId.get(id)!.coverage).find((c) => c.status === 'addressed');
  return {
    ruleId: 'inconsistent/index-marks-required-clause',
    category: 'inconsistent',
    severity: 'warning',
    framework: 'hkex',
    item: ids[0],
    message: `The content index marks ${ids.join(', ')} as deleted ("${claim.marked!.text}"), but ${period} is held against ${pack.edition}, which still requires ${ids.length > 1 ? 'them' : 'it'}${body ? `; the report does address ${body.item.id} at line ${body.evidence[0]?.line}` : ''}. Index ${ids.length > 1 ? 'them' : 'it'} with ${ids.length > 1 ? 'their' : 'its'} location or a considered explanation.`,
    line: claim.line,
    column: claim.column,
    page: claim.page,
    related: body?.evidence[0] ? [{ line: body.evidence[0].line, column: body.evidence[0].column, ...(body.evidence[0].page ? { page: body.evidence[0].page } : {}) }] : [],
  };
}

/**
 * Where the report's pages are known, the pages an index entry cites must evidence the clause:
 * an element of it, or its explanation, found on one of them.
 */
function pagesUnsupported(ctx: CheckContext, claim: IndexClaim, ids: string[], byId: Map<string, CoveredItem>, pages: number[]): Finding[] {
  const out: Finding[] = [];
  for (const id of ids) {
    const covered = byId.get(id)!;
    const ranges = citedPageRanges(ctx.doc, pages, ctx.finder.topicOnPages(covered.coverage.item, pages));
    if (ranges.some((r) => supports(ctx.finder.cover(covered.coverage.pack, covered.coverage.item, r)))) continue;
    const elsewhere = covered.coverage.evidence.find((e) => e.element !== undefined && e.page !== undefined && !pages.includes(e.page));
    out.push({
      ruleId: 'inconsistent/index-page-unsupported',
      category: 'inconsistent',
      severity: 'warning',
      framework: 'hkex',
      item: id,
      message: `The content index cites p. ${pageList(claim.pages)} for ${id}, but nothing on ${claim.pages.length > 1 ? 'those pages' : 'that page'} addresses it${elsewhere ? `; the report addresses it on p. ${pageName(ctx.doc, elsewhere.page)} (line ${elsewhere.line})` : ''}.`,
      line: claim.line,
      column: claim.column,
      page: claim.page,
      related: elsewhere ? [{ line: elsewhere.line, column: elsewhere.column, page: elsewhere.page }] : [],
    });
  }
  return out;
}

/** A claim holds when an element of the item, or an explanation, is found in the section. */
function supports(coverage: ItemCoverage): boolean {
  return coverage.elements.some((e) => e.found) || coverage.status === 'explained';
}

