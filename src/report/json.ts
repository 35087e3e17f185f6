import type { FileResult, Result } from './result.js';

export function formatJson(result: Result): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** `value` as JSON.stringify(…, null, 2) prints it nested `depth` levels deep. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON output in pieces, file by file, byte for byte what `formatJson` prints for the whole
 * result: `start`, then each file, then `end` with the members that follow the files.
 */
export class JsonPieces {
  private files = 0;

  start(tool: Result['tool']): string {
    return `{\n  "tool": ${nested(tool, 1)},\n  "files": `;
  }

  file(file: FileResult): string {
    return `${this.files++ === 0 ? '[\n' : ',\n'}    ${nested(file, 2)}`;
  }

  end(rest: Omit<Result, 'tool' | 'files'>): string {
    const members = Object.entries(rest).filter(([, v]) => v !== undefined).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${nested(v, 1)}`);
    return `${this.files === 0 ? '[]' : '\n  ]'}${members.join('')}\n}\n`;
  }
}
