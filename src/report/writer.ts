/**
 * Writes one output of a run as results come. JSON and stylish are written file by file, so a
 * run over thousands of reports never holds them all; the other formats need every file
 * before they can begin (counts and rule lists up front) and are written at the end.
 */
import type { FileResult, Result } from './result.js';
import { format, type FormatName, type FormatOptions } from './index.js';
import { JsonPieces } from './json.js';
import { StylishPieces } from './stylish.js';

export interface ResultWriter {
  start(tool: Result['tool']): void;
  file(file: FileResult): void;
  /** The members of the result after its files. */
  end(rest: Omit<Result, 'tool' | 'files'>): void;
}

export function resultWriter(name: FormatName, options: FormatOptions, write: (chunk: string) => void): ResultWriter {
  if (name === 'json') {
    const pieces = new JsonPieces();
    return {
      start: (tool) => write(pieces.start(tool)),
      file: (file) => write(pieces.file(file)),
      end: (rest) => write(pieces.end(rest)),
    };
  }
  if (name === 'stylish') {
    const pieces = new StylishPieces(options);
    return {
      start: () => {},
      file: (file) => write(pieces.file(file)),
      end: (rest) => write(pieces.end(rest.summary)),
    };
  }
  let tool: Result['tool'];
  const files: FileResult[] = [];
  return {
    start: (t) => {
      tool = t;
    },
    file: (file) => files.push(file),
    end: (rest) => write(format(name, { tool, files, ...rest }, options)),
  };
}
