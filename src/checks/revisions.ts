import type { Revision } from '../document/types.js';
import type { Finding } from '../report/result.js';
import type { CheckContext } from './context.js';

/**
 * Tracked changes and reviewers' comments still in the file (Word's revisions and comments,
 * HTML <ins>/<del>): a report published with them shows deleted text or reviewers' notes.
 * One finding per change or comment, at the paragraph (line) where it sits.
 */
export function revisionChecks(ctx: CheckContext): Finding[] {
  return (ctx.doc.revisions ?? []).map((r) => ({
    ruleId: r.kind === 'comment' ? 'draft/review-comment' : 'draft/tracked-change',
    category: 'draft' as const,
    severity: 'warning' as const,
    message: message(r),
    line: r.line,
    column: r.column,
    ...(r.page !== undefined ? { page: r.page } : {}),
  }));
}

const QUOTE_MAX = 60;

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX - 1)}…` : t}"`;
}

function message(r: Revision): string {
  const by = r.author ? ` by ${r.author}` : '';
  switch (r.kind) {
    case 'comment':
      return `A reviewer's comment${by} is still in the document${r.text ? `: ${quote(r.text)}` : ''}. Resolve and delete it before publication.`;
    case 'insertion':
      return `A tracked insertion${by} is not accepted: ${quote(r.text)}. Accept or reject every tracked change before publication.`;
    case 'deletion':
      return `A tracked deletion${by} is not accepted: ${quote(r.text)}. Accept or reject every tracked change before publication.`;
    case 'move':
      return `A tracked move${by} is not accepted: ${quote(r.text)}. Accept or reject every tracked change before publication.`;
    case 'formatting':
      return `A tracked formatting change${by} is not accepted. Accept or reject every tracked change before publication.`;
  }
}
