import type { Result, Severity } from './result.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';
import { formatSarif } from './sarif.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatHtml } from './html.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  quiet?: boolean;
  /** Findings at or above it fail (JUnit failures, the Markdown table); default error. */
  failLevel?: Severity;
  /** Where relative paths are from (SARIF artifact URIs). */
  cwd?: string;
}

export function format(name: FormatName, result: Result, options: FormatOptions): string {
  switch (name) {
    case 'json':
      return formatJson(result);
    case 'stylish':
      return formatStylish(result, options);
    case 'sarif':
      return formatSarif(result, { cwd: options.cwd });
    case 'junit':
      return formatJunit(result, { failLevel: options.failLevel });
    case 'markdown':
      return formatMarkdown(result, { failLevel: options.failLevel });
    case 'html':
      return formatHtml(result);
  }
}
