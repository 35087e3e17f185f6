import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run.js';
import { checkOne, findingAt, places } from './mine.js';

const draftRules = (id: string) => id.startsWith('draft/');

describe('draft: placeholders and editing debris', () => {
  it('every kind in an English draft (Markdown), at its place', async () => {
    const f = await checkOne(fixture('yoy', 'en', 'esg-2024-draft.md'));
    const got = f.findings.filter((x) => draftRules(x.ruleId)).map((x) => [`${x.ruleId}@${x.line}:${x.column}`, x.severity, x.message.match(/"([^"]*)"/)?.[1]]);
    expect(got).toEqual([
      ['draft/placeholder@19:36', 'error', 'XX'],
      ['draft/placeholder@19:43', 'error', '20XX'],
      ['draft/placeholder@51:41', 'warning', 'to be updated'],
      ['draft/editing-debris@61:1', 'error', 'Note to draft'],
      ['draft/placeholder@65:135', 'error', 'TBD'],
      ['draft/placeholder@69:1', 'error', 'Lorem ipsum'],
      ['draft/placeholder@73:50', 'error', '[insert number]'],
      ['draft/placeholder@77:31', 'error', '???'],
      ['draft/placeholder@77:36', 'error', 'TBC'],
      // Markdown emphasis characters are blanked when the text is read, so the underscore is gone.
      ['draft/placeholder@81:34', 'error', '{{training headcount}}'],
      ['draft/editing-debris@81:114', 'error', '[JS1]'],
      ['draft/editing-debris@83:1', 'error', 'Formatted:'],
    ]);
  });

  it('every kind in a Traditional Chinese draft (PDF text), at its place and page', async () => {
    const f = await checkOne(fixture('yoy', 'zh-Hant', 'esg-2024-draft.txt'));
    const got = f.findings.filter((x) => draftRules(x.ruleId)).map((x) => [`${x.ruleId}@${x.line}:${x.column}`, x.page, x.message.match(/"([^"]*)"/)?.[1]]);
    expect(got).toEqual([
      ['draft/placeholder@38:8', 2, '20XX'],
      ['draft/placeholder@38:25', 2, 'XX'],
      ['draft/placeholder@51:17', 3, '○○'],
      ['draft/placeholder@51:31', 3, '待更新'],
      ['draft/placeholder@61:8', 3, '待定'],
      // "【待補充】" is one placeholder, not also a 待補充 word.
      ['draft/placeholder@63:10', 3, '【待補充】'],
      ['draft/placeholder@65:7', 3, '××'],
      ['draft/placeholder@65:15', 3, '（請補充數據）'],
      ['draft/editing-debris@67:1', 3, '審閱意見：'],
    ]);
  });

  it('"有待更新" in a sentence is not a placeholder', async () => {
    const f = await checkOne(fixture('hygiene', 'zh-Hant-2024.txt'));
    expect(f.findings.filter((x) => x.ruleId === 'draft/placeholder')).toEqual([]);
  });
});

describe('draft: structure and internal references', () => {
  it('Markdown: a duplicate heading, an empty section, references and links that lead nowhere', async () => {
    const f = await checkOne(fixture('hygiene', 'en-2025.md'));
    expect(places(f, draftRules)).toEqual([
      'draft/broken-reference@7:95',
      'draft/broken-reference@7:129',
      'draft/broken-reference@7:307',
      'draft/duplicate-heading@17:1',
      'draft/empty-section@43:1',
    ]);
    expect(findingAt(f, 'draft/duplicate-heading', 17).related).toEqual([{ line: 13, column: 1 }]);
    expect(findingAt(f, 'draft/empty-section', 43).message).toContain('"Water stewardship (planned)"');
    const refs = f.findings.filter((x) => x.ruleId === 'draft/broken-reference').map((x) => x.message);
    expect(refs[0]).toContain('"see Chapter 7"');
    expect(refs[1]).toContain('no section is called "Biodiversity and water"');
    expect(refs[2]).toContain('"#missing-anchor"');
    // "Health and safety" and #targets exist; "## Environmental performance" followed by "### Targets" is not empty.
    expect(refs.join(' ')).not.toMatch(/Health and safety|#targets/);
  });

  it('PDF text: a page beyond the last, a missing chapter and a missing section', async () => {
    const f = await checkOne(fixture('hygiene', 'zh-Hant-2024.txt'));
    expect(places(f, draftRules)).toEqual(['draft/broken-reference@13:9', 'draft/broken-reference@15:10', 'draft/broken-reference@26:11']);
    expect(findingAt(f, 'draft/broken-reference', 13).message).toContain('the report has 2 pages');
    expect(findingAt(f, 'draft/broken-reference', 15).message).toContain('no chapter 3');
    expect(findingAt(f, 'draft/broken-reference', 26).message).toContain('"綠色辦公"');
  });

  it('pages inferred without form feeds or printed page numbers prove no cited page missing', async () => {
    // Three pages guessed from leading spaces (the two indented wrap artefacts are not page
    // starts); the reference to page 48 is beyond them, but the guess is no page count.
    const f = await checkOne(fixture('hygiene', 'en-inferred-pages.txt'));
    expect(f.pages).toBe(3);
    expect(places(f, draftRules)).toEqual([]);
  });

  it('pages taken from a running header and its printed page numbers: a cited page beyond the last printed one is broken', async () => {
    const f = await checkOne(fixture('hygiene', 'en-running-header.txt'));
    expect(f.pages).toBe(4);
    // "on page 5" is printed; "on page 9" is beyond the last printed page number (6).
    expect(places(f, draftRules)).toEqual(['draft/broken-reference@5:65']);
    expect(findingAt(f, 'draft/broken-reference', 5).message).toContain('"on page 9"');
  });

  it('a page of another document ("page 45 of the Annual Report") is not a broken reference', async () => {
    const f = await checkOne(fixture('hygiene', 'en-2024.txt'));
    expect(places(f, draftRules)).toEqual(['draft/broken-reference@20:13']);
    expect(findingAt(f, 'draft/broken-reference', 20).message).toContain('"on page 30"');
  });
});
