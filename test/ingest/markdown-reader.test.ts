import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readMarkdownWithRemark } from '../helpers/remark-reader.js';

// The reader builds the document straight from micromark's events; remark's tree, read the way
// the reader used to read it, is the reference: the two must build the same document.

function markdownFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFixtures(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const constructs: Record<string, string> = {
  'front matter': '---\ntitle: ESG Report 2024\nperiod: 2024\n---\n# Report\n\nBody.\n',
  'front matter that is not YAML': '---\n: : [\n---\n# Report\n',
  'atx and setext headings with inline markup': '# Emissions *and* [energy](http://x "t") &amp; `water` \\* #\n\nSetext **one**\nsecond line\n===\n\nTwo\n---\n\n#\n',
  'paragraphs with breaks, escapes, references': 'Line one\\\nline two  \nline three &copy; &#169; &#xA9; &bogus; \\_x\\_\n\n> quoted *text*\n> > nested quote\n',
  'links, images, autolinks, footnotes, strikethrough': 'See [the policy][p], ![chart **alt**](c.png) <https://a.b> www.example.com x@y.com ~~old~~ new[^1].\n\n[p]: https://example.com/p "Policy"\n[^1]: A footnote *with* text.\n\n[undefined][nowhere] stays text.\n',
  'lists: nested, ordered, tasks, loose, with code': '- A1.1 emissions\n  - Scope 1\n  - Scope 2\n- [x] done item\n- item with `code`\n\n1. first\n2. second\n\n   second paragraph\n\n   ```\n   code in item\n   ```\n\n* <b>html</b> item\n',
  'tables: escaped pipes, empty and short rows, inline markup': '| KPI | 2024 | 2023 |\n| :-- | --: | :-: |\n| Scope 1 (tCO2e) | 1,234 | 1\\|200 |\n| **Total** |  |\n| `code` cell | [link](u) | a<br>b |\n',
  'html blocks and comments': '<!-- esglint-disable A1.1 -->\n\n<div>\n<!-- two\nlines -->\n</div>\n\n> <!-- in a quote -->\n',
  'code blocks': '```yaml\nkey: value\n```\n\n    indented code\n    more\n\n~~~\nunclosed',
  'CRLF line endings and tabs': '# Title\r\n\r\n\tIndented\tcode\r\n\r\nPara\twith tab\r\n- a\r\n- b\r\n',
  'thematic breaks and definitions only': '***\n\n[x]: /y\n\n---\n',
  'Chinese text with full-width punctuation': '# 環境、社會及管治報告\n\n本集團於報告期內的**溫室氣體排放**為1,234噸二氧化碳當量。\n\n| 關鍵績效指標 | 單位 |\n| --- | --- |\n| 耗水量 | 立方米 |\n',
  'plain headings and cells, read from the source': '#\t標題\u3000 \t\n\nPlain setext\n===\n\n|  a\u00a0 | b c |\n|---|---|\n| \t x  y\t | \u3000全角 |\n\n> # quoted heading\n> | q | r |\n> |---|---|\n> | s | t |\n\n- # heading in a list\n\n  | u | v |\n  |---|---|\n  | w  | x |\n',
  'tables found by their delimiter rows': 'a | b\n-|-\nc\nd | e\n\n> x | y\n> --- | ---\n> z\n\nno | table\n\nhead\r|-\r\n\r\n| h |\r\n| :-: |\r\nbody without pipe\n\n- a | b\n  -|-\n\n| last |\n| --- |',
  'empty document': '',
  'only blank lines': '\n\n\n',
};

describe('Markdown reader on micromark events', () => {
  for (const [name, source] of Object.entries(constructs)) {
    it(`builds the document remark's tree gave: ${name}`, () => {
      expect(readMarkdown('r.md', source)).toEqual(readMarkdownWithRemark('r.md', source));
    });
  }

  it('builds the document remark gave for every Markdown fixture', () => {
    const files = markdownFixtures(join(import.meta.dirname, '..', 'fixtures'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(readMarkdown(file, source), file).toEqual(readMarkdownWithRemark(file, source));
    }
  });

  it('builds the document remark gave for arbitrary Markdown-like text', () => {
    const piece = fc.constantFrom(
      '#', '## ', '=', '-', '- ', '1. ', '* ', '> ', '|', ' | ', '---', '```', '    ', '\t', '\n', '\n\n', '\r\n',
      '*', '**', '_', '`', '~~', '[', ']', '(', ')', '![', '[^1]', '[^1]: ', '<!--', '-->', '<div>', '<br>', '&amp;',
      '&#20013;', '\\', '  \n', 'www.a.com', '<https://a.b>', 'text', '排放', '溫室氣體', 'Scope 1', '1,234', '[x] ',
      '\u3000', '\u00a0', ' \t', '-|-', ':-', '| --- |', '\r',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 60 }), (parts) => {
        const source = parts.join('');
        expect(readMarkdown('p.md', source)).toEqual(readMarkdownWithRemark('p.md', source));
      }),
      { numRuns: 300 },
    );
  });

  it('reads headings, table cells and list items as text without their markup', () => {
    const doc = readMarkdown('r.md', constructs['atx and setext headings with inline markup'] + '\n' + constructs['tables: escaped pipes, empty and short rows, inline markup']);
    expect(doc.sections.map((s) => s.title)).toEqual(['', 'Emissions and energy & water *', 'Setext one\nsecond line', 'Two', '']);
    const table = doc.blocks.find((b) => b.kind === 'table')!;
    expect(table.rows!.map((r) => r.cells)).toEqual([
      ['KPI', '2024', '2023'],
      ['Scope 1 (tCO2e)', '1,234', '1|200'],
      ['Total', ''],
      ['code cell', 'link', 'a<br>b'],
    ]);
  });
});
