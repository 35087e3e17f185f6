import { readFileSync } from 'node:fs';
import { fixture } from '../helpers/run.js';

/**
 * The complete English fixture with its content index replaced by one that cites printed page
 * numbers, over two pages (the table continues after a page break). Rendered with every
 * top-level section on a new page and an unnumbered cover, the aspects fall on these printed
 * pages (checked by hand with pdftotext on the rendered PDF): A1 4, A2 5, B1 8, B7 14.
 * B5 is cited on the page of B7 — a wrong page, which the check must report.
 */
export function pagedReport(): string {
  const en = readFileSync(fixture('en', 'complete-2024.md'), 'utf8');
  const body = en.slice(0, en.indexOf('## HKEX ESG Reporting Guide Content Index'));
  return `${body}## HKEX ESG Reporting Guide Content Index

| Aspect/KPI | Description | Page |
|---|---|---|
| Aspect A1 | Emissions. | P4 |
| Aspect A2 | Use of resources. | P5 |

<!-- pagebreak -->

| Aspect/KPI | Description | Page |
|---|---|---|
| Aspect B1 | Employment. | P8 |
| Aspect B5 | Supply chain. | P14 |
| Aspect B7 | Anti-corruption. | P14 |
`;
}
