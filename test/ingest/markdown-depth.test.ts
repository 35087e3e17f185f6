import { describe, expect, it } from 'vitest';
import { MAX_CONTAINER_DEPTH, tooDeeplyNested } from '../../src/ingest/markdown-depth.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { InputError } from '../../src/util/errors.js';

const deep = MAX_CONTAINER_DEPTH + 1;

describe('Markdown nesting depth', () => {
  it('counts quote and list markers at the start of a line', () => {
    expect(tooDeeplyNested(`# Title\n\ntext\n${'> '.repeat(deep)}quote\n`)).toEqual({ line: 4, depth: deep });
    expect(tooDeeplyNested(`${'- '.repeat(deep)}item`)).toEqual({ line: 1, depth: deep });
    expect(tooDeeplyNested(`${'1. '.repeat(deep)}item`)).toEqual({ line: 1, depth: deep });
    expect(tooDeeplyNested(`${'>'.repeat(deep)} x`)).toEqual({ line: 1, depth: deep });
    expect(tooDeeplyNested(`${'> '.repeat(MAX_CONTAINER_DEPTH)}quote`)).toBeUndefined();
  });

  it('counts the indentation of a line that starts a list item, as nested lists are written', () => {
    const lists = Array.from({ length: deep + 1 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(tooDeeplyNested(lists)).toEqual({ line: deep, depth: deep });
    // Indented text that starts no container is not nesting.
    expect(tooDeeplyNested(`${' '.repeat(4 * deep)}text`)).toBeUndefined();
  });

  it('reads a long rule of - * or _ as a thematic break, not as nesting', () => {
    expect(tooDeeplyNested(`text\n\n${'* '.repeat(3 * deep)}\n\n${'- '.repeat(2 * deep)}-\n${'_ '.repeat(deep)}`)).toBeUndefined();
    // A list item holding a long rule is one level deep.
    expect(tooDeeplyNested(`- ${'* '.repeat(2 * deep)}`)).toBeUndefined();
    // Nesting that ends in text is still counted.
    expect(tooDeeplyNested(`${'* '.repeat(deep)}* * text`)).toEqual({ line: 1, depth: deep + 2 });
  });

  it('leaves ordinary Markdown alone: rules, emphasis, numbers, tables', () => {
    const ordinary = ['* * *', '- - -', '**bold** text', '2024. A year', '1) first', '-1 degree', '| a | b |', '> - quoted item', '   3. item'].join('\n\n');
    expect(tooDeeplyNested(ordinary)).toBeUndefined();
  });

  it('refuses too deeply nested Markdown at once with an input error naming the line', () => {
    const source = `# ESG Report 2024\n\n${'- '.repeat(20_000)}text\n`;
    expect(() => readMarkdown('deep.md', source)).toThrow(InputError);
    expect(() => readMarkdown('deep.md', source)).toThrow(/deep\.md: Markdown nested 20000 levels deep at line 3/);
    // (micromark would take minutes on this input: the test's time-out guards against that.)
  });
});
