import type { DocumentLines, ReportDocument } from '../document/types.js';
import type { Finding, Severity, SuppressedFinding } from '../report/result.js';
import { parseDirectives, type Directive } from './directives.js';

/** Findings about suppression comments themselves; they cannot be suppressed. */
export const SUPPRESSION_RULES = {
  withoutReason: 'draft/suppression-without-reason',
  unused: 'draft/unused-suppression',
  malformed: 'draft/malformed-suppression',
} as const;

const DEFAULT_SEVERITY: Record<string, Severity> = {
  [SUPPRESSION_RULES.withoutReason]: 'error',
  [SUPPRESSION_RULES.unused]: 'warning',
  [SUPPRESSION_RULES.malformed]: 'warning',
};

interface Scope {
  directive: Directive;
  from: number;
  to: number;
  /** Targets that suppressed at least one finding ('*' for a directive without targets). */
  used: Set<string>;
}

export interface InlineOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Applies the report's suppression comments to its findings: matched findings move to
 * `suppressed`; directives without a reason, unused ones and malformed ones become findings.
 */
export function applyInlineSuppressions(doc: ReportDocument, findings: Finding[], overrides: Record<string, Severity | 'off'> = {}): InlineOutcome {
  const { directives, malformed } = parseDirectives(doc.comments ?? [], doc.lines);
  if (directives.length === 0 && malformed.length === 0) return { findings, suppressed: [] };
  const scopes = scopesOf(directives, doc);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const scope = scopes.find((s) => s.from <= finding.line && finding.line <= s.to && matches(s, finding));
    if (!scope) {
      kept.push(finding);
      continue;
    }
    const d = scope.directive;
    suppressed.push({ finding, kind: 'inline', ...(d.reason ? { reason: d.reason } : {}), line: d.line });
  }

  const own: Finding[] = [];
  for (const d of directives) {
    if (d.kind !== 'enable' && d.reason === '') {
      own.push(finding(SUPPRESSION_RULES.withoutReason, d.line,
        `The suppression "esglint-${d.kind}${d.targets.length ? ' ' + d.targets.join(', ') : ''}" gives no reason; add one after " -- ", e.g. <!-- esglint-${d.kind} ${d.targets[0] ?? 'B6.1'} -- why this finding is accepted -->.`));
    }
  }
  for (const s of scopes) {
    const { directive: d } = s;
    const unused = d.targets.length === 0 ? (s.used.size === 0 ? ['*'] : []) : d.targets.filter((t) => !s.used.has(t));
    if (unused.length === 0) continue;
    const what = unused[0] === '*' ? 'no finding' : `no finding of ${unused.map((t) => `"${t}"`).join(', ')}`;
    own.push(finding(SUPPRESSION_RULES.unused, d.line, `The suppression "esglint-${d.kind}" at line ${d.line} matched ${what}; remove it, or correct the ruleId or item id.`));
  }
  for (const m of malformed) {
    own.push(finding(SUPPRESSION_RULES.malformed, m.line,
      `"${m.text}" is not an esglint directive (use esglint-disable-next-line, esglint-disable or esglint-enable).`));
  }
  const ownKept = own.flatMap((f) => {
    const o = overrides[f.ruleId];
    if (o === 'off') return [];
    return [o ? { ...f, severity: o } : f];
  });
  return { findings: [...kept, ...ownKept].sort((a, b) => a.line - b.line || a.column - b.column), suppressed };
}

function finding(ruleId: string, line: number, message: string): Finding {
  return { ruleId, category: 'draft', severity: DEFAULT_SEVERITY[ruleId], message, line, column: 1 };
}

function matches(scope: Scope, finding: Finding): boolean {
  const targets = scope.directive.targets;
  if (targets.length === 0) {
    scope.used.add('*');
    return true;
  }
  let hit = false;
  for (const t of targets) {
    if (t === finding.ruleId || (finding.item !== undefined && t.toLowerCase() === finding.item.toLowerCase())) {
      scope.used.add(t);
      hit = true;
    }
  }
  return hit;
}

/**
 * The lines each directive covers. `disable-next-line`: the block after the comment (the next
 * non-blank, non-comment line through the end of its paragraph, list or table). `disable`: up
 * to the matching `enable`, or the end of the file; placed before the first paragraph (after the
 * title, say) it starts at line 1, so it also covers findings about the file as a whole, such
 * as a clause missing altogether (reported at 1:1).
 */
function scopesOf(directives: Directive[], doc: ReportDocument): Scope[] {
  const lines = doc.lines;
  const firstBody = doc.blocks.find((b) => b.kind !== 'heading')?.line ?? Infinity;
  const scopes: Scope[] = [];
  const open: Scope[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const start = nextContentLine(lines, d.endLine + 1);
      const end = start === undefined ? d.endLine : blockEnd(lines, start);
      scopes.push({ directive: d, from: start ?? d.endLine + 1, to: end, used: new Set() });
    } else if (d.kind === 'disable') {
      const scope = { directive: d, from: d.line < firstBody ? 1 : d.line, to: lines.length, used: new Set<string>() };
      scopes.push(scope);
      open.push(scope);
    } else {
      for (let i = open.length - 1; i >= 0; i--) {
        const s = open[i];
        const closes = d.targets.length === 0 || s.directive.targets.some((t) => d.targets.includes(t));
        if (closes) {
          s.to = d.line;
          open.splice(i, 1);
        }
      }
    }
  }
  return scopes;
}

const COMMENT_ONLY = /^\s*<!--.*-->\s*$/;

function nextContentLine(lines: DocumentLines, from: number): number | undefined {
  for (let line = from; line <= lines.length; line++) {
    const text = lines.at(line - 1)!;
    if (text.trim() !== '' && !COMMENT_ONLY.test(text)) return line;
  }
  return undefined;
}

function blockEnd(lines: DocumentLines, start: number): number {
  let line = start;
  while (line < lines.length && lines.at(line)!.trim() !== '') line++;
  return line;
}
