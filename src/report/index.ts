import type { Result } from './result.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  quiet?: boolean;
}

export function format(name: FormatName, result: Result, options: FormatOptions): string {
  switch (name) {
    case 'json':
      return formatJson(result);
    case 'stylish':
      return formatStylish(result, options);
  }
}
