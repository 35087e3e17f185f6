import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatJson } from '../../src/report/json.js';
import { formatStylish } from '../../src/report/stylish.js';
import { resultWriter } from '../../src/report/writer.js';
import { format, FORMATS } from '../../src/report/index.js';
import type { FileResult, Result } from '../../src/report/result.js';
import { fixedResult } from './fixed-result.js';

/** What a writer prints when the result's files are handed to it one by one. */
function streamed(name: (typeof FORMATS)[number], result: Result, options = { color: false }): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  const writer = resultWriter(name, options, (s) => {
    text += s;
    chunks++;
  });
  writer.start(result.tool);
  for (const f of result.files) writer.file(f);
  const { tool: _t, files: _f, ...rest } = result;
  writer.end(rest);
  return { text, chunks };
}

// JSON values of every kind, with keys and strings that need escaping and line breaks.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary' }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('the JSON output written file by file', () => {
  it('is byte for byte JSON.stringify of the whole result, for arbitrary files and members', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), jsonValue, { maxKeys: 5 }), { maxLength: 5 }),
        fc.option(fc.record({ path: fc.string(), matched: fc.nat(), unmatched: fc.nat() }), { nil: undefined }),
        (files, baseline) => {
          const result = { tool: { name: 'esglint', version: '1.2.3', rulesHash: 'h' }, files, summary: { errors: 1, warnings: 0, infos: 2 }, baseline } as unknown as Result;
          expect(streamed('json', result).text).toBe(formatJson(result));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes each file as it comes, not all at the end', () => {
    const result = fixedResult();
    const { text, chunks } = streamed('json', result);
    expect(text).toBe(formatJson(result));
    expect(chunks).toBe(result.files.length + 2);
  });
});

describe('the stylish output written file by file', () => {
  it('is the whole-result output, in colour and without, quiet or not', () => {
    const result = fixedResult();
    for (const options of [{ color: false }, { color: true }, { color: false, quiet: true }]) {
      const { text, chunks } = streamed('stylish', result, options);
      expect(text).toBe(formatStylish(result, options));
      expect(chunks).toBe(result.files.length + 1);
    }
    // The stylish layout itself: a blank line and the path open each file; the summary line closes the output.
    const plain = formatStylish(result, { color: false });
    expect(plain.startsWith(`\n${result.files[0].path}\n`)).toBe(true);
    expect(plain).toMatch(/\n\n✖ \d+ errors?, \d+ warnings?, \d+ infos?, 1 file could not be read\n$/);
  });
});

describe('formats that need every file first', () => {
  it('are written once, at the end, as the whole-result formatter prints them', () => {
    const result = fixedResult();
    for (const name of ['sarif', 'junit', 'markdown', 'html'] as const) {
      const { text, chunks } = streamed(name, result);
      expect(chunks, name).toBe(1);
      expect(text, name).toBe(format(name, result, { color: false }));
    }
  });
});

describe('a file result stays what it was', () => {
  it('the writers do not change the files they are given', () => {
    const result = fixedResult();
    const before = JSON.stringify(result.files);
    for (const name of FORMATS) streamed(name, result);
    expect(JSON.stringify(result.files as FileResult[])).toBe(before);
  });
});
