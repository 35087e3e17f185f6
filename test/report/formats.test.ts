import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatJson } from '../../src/report/json.js';
import { formatStylish } from '../../src/report/stylish.js';
import { root } from '../helpers/run.js';
import { fixedResult } from './fixed-result.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateResult = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'result.schema.json'), 'utf8')));

describe('the fixed result', () => {
  it('is a valid result (so the formatter tests test the contract)', () => {
    const json = JSON.parse(formatJson(fixedResult()));
    expect(validateResult(json), JSON.stringify(validateResult.errors)).toBe(true);
  });
});

describe('junit formatter', () => {
  const xml = formatJunit(fixedResult());

  it('has one test case per item and per finding, and a failure per error', () => {
    // 4 items + 5 findings + 1 unreadable file
    expect(xml.match(/<testcase /g)).toHaveLength(10);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="esglint" tests="10" failures="5" errors="0">/);
    // Failing: items A1.1 (an error finding names it) and B8; the findings about NOx and B8; the unreadable file.
    expect(xml).toContain('<testsuite name="reports/esg 2024.md clauses" tests="4" failures="2"');
    expect(xml).toContain('<testsuite name="reports/esg 2024.md findings" tests="5" failures="2"');
    expect(xml).toContain('<testsuite name="reports/gone.md" tests="1" failures="1"');
  });

  it('puts period and editions in properties and the evidence in system-out', () => {
    expect(xml).toContain('<property name="period" value="2024-01-01..2024-12-31"/>');
    expect(xml).toContain('<property name="editions" value="hkex-esg-2020"/>');
    expect(xml).toMatch(/name="MDR-governance Governance structure: board statement" time="0">\n\s+<system-out>status: addressed; obligation: mandatory\nevidence:\nreports\/esg 2024.md:12:1 \[Report › Board statement\] The Board oversees ESG matters.<\/system-out>/);
  });

  it('escapes XML in messages', () => {
    expect(xml).toContain('message="NOx is 12 kg here but 13 kg in the &lt;table&gt; | &quot;KPI&quot; &amp; annex."');
    expect(xml).not.toContain('<table>');
  });

  it('fails warnings too at --fail-level warning', () => {
    const warning = formatJunit(fixedResult(), { failLevel: 'warning' });
    // + the findings of the A1.1 partial warning (its item already failed) and the unused suppression
    expect(warning).toMatch(/<testsuites name="esglint" tests="10" failures="7"/);
  });
});

describe('markdown formatter (pull-request comment)', () => {
  it('prints the verdict, the overview and a table of what fails grouped by clause', () => {
    // Reviewed by hand: ❌ because errors are at the fail level; B8's and A1.1's errors, grouped
    // (clause shown once per group), pipes escaped; warnings and info folded in <details>.
    expect(formatMarkdown(fixedResult())).toBe(`## ❌ esglint: 2 errors, 2 warnings, 1 info

<sub>esglint 9.9.9 · fail level: error · 2 accepted by suppressions or the baseline · 1 file could not be read</sub>

| Report                | Period                        | Held against  | Addressed | Partial | Explained | Missing | Findings |
| :-------------------- | :---------------------------- | :------------ | --------: | ------: | --------: | ------: | -------: |
| \`reports/esg 2024.md\` | 2024-01-01 – 2024-12-31       | hkex-esg-2020 |         1 |       1 |         1 |       1 |        5 |
| \`reports/gone.md\`     | reports/gone.md: no such file |               |           |         |           |         |          |

### \`reports/esg 2024.md\`

| Clause | Severity | Where | Finding | Rule |
| :- | :- | -: | :- | :- |
| hkex **A1.1** | ❌ error | 40:5 | NOx is 12 kg here but 13 kg in the <table> \\| "KPI" & annex. | \`inconsistent/kpi-mismatch\` |
| hkex **B8** | ❌ error | 1:1 | B8 (Community investment) is a comply-or-explain provision and the report does not address it. | \`missing/item-missing\` |

<details><summary>3 findings below the fail level</summary>

| Clause | Severity | Where | Finding | Rule |
| :- | :- | -: | :- | :- |
| — | ℹ️ info | 2:1 | An info-level finding without a clause. | \`missing/reporting-period\` |
| | ⚠️ warning | 50:1 | The suppression "esglint-disable-next-line" at line 50 matched no finding. | \`draft/unused-suppression\` |
| hkex **A1.1** | ⚠️ warning | 30:1 | A1.1 (Types of emissions) is only partly addressed: it lacks: emissions data by type. | \`missing/item-partial\` |

</details>
`);
  });

  it('says ✅ when nothing is at the fail level, and caps long tables', () => {
    const r = fixedResult();
    r.files = [r.files[0]];
    r.files[0].findings = r.files[0].findings.filter((f) => f.severity !== 'error');
    const md = formatMarkdown(r, { failLevel: 'error' });
    expect(md.startsWith('## ✅ esglint')).toBe(true);
    expect(md).toContain('Nothing at or above error.');
    const capped = formatMarkdown(fixedResult(), { failLevel: 'info', maxRows: 2 });
    expect(capped).toContain('… and 3 more (see the full report).');
  });
});

describe('items not required by the report\'s GRI claim', () => {
  it('are counted apart in the Markdown overview and the stylish item counts', () => {
    const r = fixedResult();
    r.files = [r.files[0]];
    r.files[0].items.push({ framework: 'gri', edition: 'gri-2021', id: '2-8', obligation: 'comply-or-explain', status: 'not-required', evidence: [] });
    expect(formatMarkdown(r)).toContain('| Addressed | Partial | Explained | Missing | Not required | Findings |');
    expect(formatMarkdown(r)).toMatch(/\| hkex-esg-2020 \| +1 \| +1 \| +1 \| +1 \| +1 \| +5 \|/);
    expect(formatStylish(r, { color: false })).toContain('items: 1 addressed, 1 partial, 1 explained, 1 missing, 1 not-required');
  });
});

describe('stylish formatter', () => {
  it('says how many findings were accepted, and by what', () => {
    const text = formatStylish(fixedResult(), { color: false });
    expect(text).toContain('  accepted: 1 by suppression comments, 1 by the baseline');
    expect(text).toContain('items: 1 addressed, 1 partial, 1 explained, 1 missing');
  });
});
