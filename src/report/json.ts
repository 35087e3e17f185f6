import type { Result } from './result.js';

export function formatJson(result: Result): string {
  return JSON.stringify(result, null, 2) + '\n';
}
