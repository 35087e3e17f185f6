/**
 * Suppression comments in Markdown, ESLint style:
 *   <!-- esglint-disable-next-line B6.1 -- the policy is in the annual report -->
 *   <!-- esglint-disable missing/item-partial, A2.4 -- reason -->  …  <!-- esglint-enable -->
 * Targets are ruleIds or item ids; no target means every finding.
 */

import type { DocumentLines } from '../document/types.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  targets: string[];
  /** The text after ' -- ', trimmed; '' when absent. */
  reason: string;
  /** Lines of the comment in the source. */
  line: number;
  endLine: number;
}

export interface MalformedDirective {
  text: string;
  line: number;
}

const DIRECTIVE = /^esglint-(disable-next-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/**
 * Reads the directives among a document's comments. A comment that starts with
 * `esglint-` but is not a known directive is returned as malformed (a typo would otherwise
 * leave a finding unsuppressed without a word).
 */
export function parseDirectives(
  comments: { text: string; line: number }[],
  lines: DocumentLines,
): { directives: Directive[]; malformed: MalformedDirective[] } {
  const directives: Directive[] = [];
  const malformed: MalformedDirective[] = [];
  for (const comment of comments) {
    const text = comment.text.trim();
    if (!text.startsWith('esglint-')) continue;
    const m = DIRECTIVE.exec(text);
    if (!m) {
      malformed.push({ text: text.split(/\s/)[0], line: comment.line });
      continue;
    }
    const [targetsPart, ...reasonParts] = m[2].split(/(?:^|\s)--(?:\s|$)/);
    directives.push({
      kind: m[1] as DirectiveKind,
      targets: targetsPart.split(/[\s,]+/).filter(Boolean),
      reason: reasonParts.join(' -- ').trim(),
      line: comment.line,
      endLine: commentEnd(lines, comment.line),
    });
  }
  return { directives, malformed };
}

/** The line on which the comment starting at `line` closes. */
function commentEnd(lines: DocumentLines, line: number): number {
  for (let i = line - 1; i < lines.length; i++) if (lines.at(i)!.includes('-->')) return i + 1;
  return line;
}
