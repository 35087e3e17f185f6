import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/document/types.js';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { readText } from '../../src/ingest/text.js';
import { hasSharedReport, sharedReport } from '../helpers/run.js';

/** Each section's path, blocks and children as the builder used to store them, from the blocks' and sections' own fields. */
function expectDerivedFieldsAsStored(doc: ReportDocument): void {
  const paths: string[][] = [];
  for (const s of doc.sections) {
    paths.push(s.parent === null ? [] : [...paths[s.parent], s.title]);
    expect(s.path).toEqual(paths[s.index]);
    expect(s.blocks).toEqual(doc.blocks.filter((b) => b.section === s.index).map((b) => b.index));
    expect(s.children).toEqual(doc.sections.filter((c) => c.parent === s.index).map((c) => c.index));
  }
}

describe('sections', () => {
  it('list their path, blocks and children (Markdown, nested headings)', () => {
    const md = 'Intro\n\n# One\n\ntext\n\n## One.a\n\n### deep\n\nx\n\n## One.b\n\ny\n\n# Two\n\n#\n\n# Three\n\nz\n';
    const doc = readMarkdown('t.md', md);
    expectDerivedFieldsAsStored(doc);
    expect(doc.sections.map((s) => s.path)).toEqual([[], ['One'], ['One', 'One.a'], ['One', 'One.a', 'deep'], ['One', 'One.b'], ['Two'], [''], ['Three']]);
  });

  it('list their path, blocks and children (text)', () => {
    const text = readFileSync('test/fixtures/facts/zh-Hant-planted.txt', 'utf8');
    expectDerivedFieldsAsStored(readText('t.txt', text));
  });

  it.skipIf(!hasSharedReport)('list their path, blocks and children (the shared report)', () => {
    expectDerivedFieldsAsStored(readText(sharedReport, readFileSync(sharedReport, 'utf8')));
  });

  it('a section without subsections shares a frozen empty list of children', () => {
    const doc = readMarkdown('t.md', '# A\n\n# B\n');
    expect(Object.isFrozen(doc.sections[1].children)).toBe(true);
    expect(() => (doc.sections[1].children as number[]).push(3)).toThrow();
  });
});
