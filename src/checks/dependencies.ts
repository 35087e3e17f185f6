import type { ElementRef } from '../rules/types.js';
import type { Finding } from '../report/result.js';
import type { CheckContext, CoveredItem } from './context.js';

/**
 * Conditional requirements from the rule packs (`dependencies`): when a report discloses one
 * thing, it must disclose another — e.g. emission figures need the source of their factors.
 */
export function dependencyChecks(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const { pack } of ctx.editions) {
    const byId = new Map(ctx.covered.filter((c) => c.coverage.pack === pack).map((c) => [c.coverage.item.id, c]));
    for (const dep of pack.dependencies ?? []) {
      const trigger = dep.when.find((ref) => found(byId.get(ref.item), ref));
      if (!trigger || found(byId.get(dep.then.item), dep.then)) continue;
      const at = byId.get(trigger.item)!.coverage.evidence.find((e) => !trigger.element || e.element === trigger.element);
      findings.push({
        ruleId: `missing/${dep.id}`,
        category: 'missing',
        severity: dep.severity,
        framework: pack.framework,
        item: dep.then.item,
        message: dep.message.replace('{when}', trigger.item),
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        ...(at?.page ? { page: at.page } : {}),
      });
    }
  }
  return findings;
}

function found(covered: CoveredItem | undefined, ref: ElementRef): boolean {
  if (!covered) return false;
  if (!ref.element) return covered.coverage.status === 'addressed' || covered.coverage.status === 'partial';
  return covered.coverage.elements.some((e) => e.id === ref.element && e.found);
}
