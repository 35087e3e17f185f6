import { describe, expect, it } from 'vitest';
import { firstLineWhere, lineStarts, offsetToLineColumn, TextLines } from '../../src/util/lines.js';
import { readText } from '../../src/ingest/text.js';
import { readMarkdown } from '../../src/ingest/markdown.js';

const texts = ['', '\n', 'one', 'one\n', 'one\ntwo', '\n\none\n\ntwo\n\n', 'a\r\nb\r\n', '第一行\n  第二行  \n\f第三頁\n'];

describe('TextLines', () => {
  for (const text of texts) {
    it(`reads the lines split('\\n') gives: ${JSON.stringify(text)}`, () => {
      const expected = text.split('\n');
      const lines = new TextLines(text);
      expect(lines.length).toBe(expected.length);
      expect([...lines]).toEqual(expected);
      for (let i = -expected.length - 1; i <= expected.length; i++) expect(lines.at(i)).toBe(expected.at(i));
    });
  }

  it('leaves out form feeds when asked to', () => {
    const text = 'page one\n\fpage\f two\nend';
    expect([...new TextLines(text, undefined, true)]).toEqual(['page one', 'page two', 'end']);
  });

  it('is what the text reader gives as the document lines, form feeds removed', () => {
    const text = 'Title\n\nBody line\n\f  Second page\n12\n\fThird\n';
    const doc = readText('t.txt', text);
    expect([...doc.lines]).toEqual(text.split('\n').map((l) => l.replace(/\f/g, '')));
    expect(doc.lines.length).toBe(text.split('\n').length);
  });

  it('is what the Markdown reader gives as the document lines', () => {
    const md = '# A\r\n\r\ntext\n\n<!-- c -->\n';
    expect([...readMarkdown('t.md', md).lines]).toEqual(md.split('\n'));
  });
});

describe('line helpers', () => {
  it('lineStarts and offsetToLineColumn', () => {
    expect([...lineStarts('ab\nc\n\nd')]).toEqual([0, 3, 5, 6]);
    expect(offsetToLineColumn(lineStarts('ab\nc\n\nd'), 4)).toEqual({ line: 2, column: 2 });
  });

  it('firstLineWhere numbers from 1, 0 when no line passes', () => {
    expect(firstLineWhere(['x', 'title: y'], (l) => l.startsWith('title'))).toBe(2);
    expect(firstLineWhere(new TextLines('a\nb'), (l) => l === 'z')).toBe(0);
  });
});
