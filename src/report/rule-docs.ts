import type { Category } from './result.js';

/** What a ruleId means and how to fix what it reports: SARIF rule help, HTML and JUnit text. */
export interface RuleDoc {
  summary: string;
  help: string;
}

/**
 * Known ruleIds. A check family that adds a ruleId adds its entry here; an unknown ruleId
 * falls back to its category's text, so no output ever lacks help.
 */
export const RULE_DOCS: Record<string, RuleDoc> = {
  'missing/item-missing': {
    summary: 'A mandatory or comply-or-explain item is neither addressed nor explained.',
    help: 'Disclose what the clause requires, or (for a comply-or-explain provision) state why it is not disclosed. Run `esglint explain <item>` for what the clause asks and the evidence esglint looks for.',
  },
  'missing/item-partial': {
    summary: 'Some required elements of an item (a breakdown, a part of the board statement, …) were not found.',
    help: 'The finding lists the elements not found. Add them near the rest of the disclosure, or explain their omission.',
  },
  'missing/unexplained-omission': {
    summary: 'An item is marked "N/A" / 不適用 without a reason.',
    help: 'A comply-or-explain omission needs a considered reason, e.g. "Not applicable: the Group is office-based and produces no packaging."',
  },
  'missing/reporting-period': {
    summary: 'No reporting period was found in the report.',
    help: 'State the period (e.g. "covering 1 January 2024 to 31 December 2024"), or pass --period; the edition held against depends on it.',
  },
  'inconsistent/index-section-not-found': {
    summary: "The report's content index points to a section the report does not have.",
    help: 'Correct the section name in the content index, or add the section.',
  },
  'inconsistent/index-claim-unsupported': {
    summary: "The report's content index says a place addresses a clause, but nothing there does.",
    help: 'Point the index at the place that addresses the clause, or add the disclosure there.',
  },
  'inconsistent/index-omits-clause': {
    summary: "The report addresses a clause that its content index does not list.",
    help: 'Add the clause to the content index with its location.',
  },
  'inconsistent/index-marks-required-clause': {
    summary: 'The content index marks as deleted a clause the edition in force still requires.',
    help: 'Index the clause with its location, or give a considered explanation of its omission.',
  },
  'missing/emission-factor-source': {
    summary: 'Emission or energy figures are reported without the source of their emission or conversion factors.',
    help: 'Name the factors used and where they come from (e.g. the GHG Protocol, the grid factor published by the power company or the national authority), as the quantitative reporting principle asks.',
  },
  'missing/targets-without-review': {
    summary: 'Targets are set but the report does not say how the board reviews progress against them.',
    help: 'Describe in the board statement how and how often the board reviews progress against the ESG targets (element (iii)).',
  },
  'missing/gri-statement-of-use': {
    summary: 'The report says it uses GRI but has no statement of use in the form GRI 1 prescribes.',
    help: 'Add "[Organisation] has reported in accordance with the GRI Standards for the period …" or "… has reported the information cited in this GRI content index for the period … with reference to the GRI Standards".',
  },
  'missing/gri-1-not-named': {
    summary: 'A GRI report does not name the GRI 1 it uses.',
    help: 'State "GRI 1 used: GRI 1: Foundation 2021" in the GRI content index.',
  },
  'missing/gri-content-index': {
    summary: 'A report claims to use the GRI Standards but has no GRI content index.',
    help: 'Publish a GRI content index listing each disclosure reported, the standard it comes from and its location.',
  },
  'missing/gri-omission-explanation': {
    summary: 'A disclosure is omitted for an allowed reason but without the explanation GRI 1 requires.',
    help: 'Explain the omission: why it does not apply, which law prohibits it, what is confidential, or what is missing and when it will be available.',
  },
  'stale/gri-statement-period': {
    summary: 'The GRI statement of use names another period than the report covers.',
    help: 'Make the statement of use name the reporting period.',
  },
  'missing/gri-3-3-per-topic': {
    summary: 'Topic disclosures are listed without a 3-3 (management of the material topic) for their topic.',
    help: 'Report 3-3 for each material topic and list it at the head of the topic in the GRI content index.',
  },
  'stale/gri-obsolete-claim': {
    summary: 'The report makes a GRI 2016 claim (Core, Comprehensive, GRI-referenced).',
    help: 'Since 1 January 2023 a report is either "in accordance with" or "with reference to" the GRI Standards; rewrite the claim and the content index accordingly.',
  },
  'stale/gri-superseded-standard': {
    summary: 'A GRI standard is cited in a version superseded at the report\'s date.',
    help: 'Cite the version in force (the finding names it) and check the disclosure numbers, which changed meaning between versions.',
  },
  'inconsistent/gri-unknown-version': {
    summary: 'A GRI standard is cited with a year it was never published in.',
    help: 'Correct the title-year of the standard.',
  },
  'inconsistent/gri-unknown-disclosure': {
    summary: 'The GRI content index lists a disclosure number the cited standard does not have.',
    help: 'Correct the disclosure number, or the standard it is cited from.',
  },
  'inconsistent/gri-omission-not-allowed': {
    summary: 'A reason for omission is given for a disclosure GRI 1 does not allow to be omitted (2-1 to 2-5, 3-1, 3-2).',
    help: 'Report the disclosure.',
  },
  'inconsistent/gri-omission-reason': {
    summary: 'A reason for omission is not one of the four GRI 1 allows.',
    help: 'Use "Not applicable", "Legal prohibitions", "Confidentiality constraints" or "Information unavailable/incomplete", with its explanation.',
  },
  'inconsistent/gri-index-section-not-found': {
    summary: 'The GRI content index names a section the report does not have.',
    help: 'Correct the location in the GRI content index, or add the section.',
  },
  'inconsistent/gri-index-claim-unsupported': {
    summary: 'Nothing of what a disclosure requires is found where the GRI content index says it is reported.',
    help: 'Point the index at the place that reports the disclosure, or report it there; esglint explain <disclosure> lists what it looks for.',
  },
  'inconsistent/value-mismatch': {
    summary: 'One metric, year and breakdown is printed with different values in different places (table, highlight, sentence).',
    help: 'Decide which figure is right and correct the others; figures that agree after rounding to their printed precision are never reported.',
  },
  'inconsistent/sum-mismatch': {
    summary: 'A total differs from the sum of its reported parts or of one of its breakdowns.',
    help: 'Correct the total or the parts (GHG total = scope 1 + 2 + 3 reported; waste = hazardous + non-hazardous; employees = the sum of a breakdown), or say in a note what the total includes that the parts do not.',
  },
  'inconsistent/shares-not-100': {
    summary: "A percentage breakdown (gender, age group, region, employment type…) does not add up to 100%.",
    help: 'Correct the shares; the tolerance already allows each share its rounding.',
  },
  'inconsistent/intensity-mismatch': {
    summary: 'An intensity does not equal its total divided by the denominator (revenue, headcount) the other intensities of the year imply.',
    help: 'Recompute the intensity from the total and the same denominator as the others, or state the denominator it uses.',
  },
  'inconsistent/average-outside-range': {
    summary: "An overall average lies outside the range of its groups' averages, which is impossible.",
    help: 'Recompute the overall average (total ÷ headcount) or the group averages with the same definition and headcount.',
  },
  'inconsistent/stated-change': {
    summary: "A stated change (\"down 35%\", \"增長 12%\", \"doubled\") does not match the two years' figures.",
    help: 'Correct the percentage or the figures; a change in a rate is in percentage points (個百分點), not per cent.',
  },
  'inconsistent/unit-dimension': {
    summary: 'A figure is given in a unit that cannot measure its metric (energy in tonnes, water in kWh).',
    help: 'Give the figure in a unit of the metric (see `esglint explain <item>`), or correct the label.',
  },
  'inconsistent/unit-mismatch': {
    summary: 'One metric is given in units that do not convert into each other (petrol in litres and in GJ).',
    help: 'Give the figure in one unit, or both figures side by side, so that readers (and esglint) can check them against each other.',
  },
  'inconsistent/prior-year-changed': {
    summary: "A prior-year figure differs from the one last year's report published, and no note says it was restated (--previous).",
    help: 'Correct the figure, or keep it and add a restatement note that gives the reason and the effect (GRI 2-4).',
  },
  'inconsistent/restatement-without-reason': {
    summary: 'A note says a figure was restated or adjusted but not why.',
    help: 'Say why (a correction, a change of method, boundary or emission factor) and by how much the figure changed (GRI 2-4; HKEX consistency principle).',
  },
  'missing/dropped-since-last-year': {
    summary: "A clause last year's report addressed is not addressed in this one (--previous).",
    help: "Carry the disclosure forward with this year's information; the finding points at where last year's report had it.",
  },
  'stale/period-mismatch': {
    summary: 'The period the report states differs from the one given for the check.',
    help: 'Update the reporting-period statement, or check the report against the period it states.',
  },
  'stale/title-year': {
    summary: "The report's title names a year outside the reporting period.",
    help: "Update the title (and the cover and running headers) to the reporting year.",
  },
  'stale/period-sentence': {
    summary: 'A sentence about the reporting year is dated outside the reporting period.',
    help: 'Update the date and what the sentence says about it, or remove the sentence if it describes an earlier year.',
  },
  'stale/superseded-reference': {
    summary: 'A rule or standard is cited by a name or version that is out of date for the period.',
    help: 'Cite what the message names as current instead (rules/hygiene.yaml lists every such reference).',
  },
  'stale/deleted-clause': {
    summary: 'A clause is cited that the applicable edition deleted.',
    help: 'Cite the provision that replaced it (the message names it), or remove the reference.',
  },
  'stale/clause-not-yet-in-force': {
    summary: 'A clause is cited that only a later edition has.',
    help: 'Cite the clauses of the edition that applies to the period, or say that the later requirement is adopted early.',
  },
  'stale/current-year-missing': {
    summary: 'A KPI table has no figures for the reporting year, or blank cells where last year had figures.',
    help: 'Add the reporting-year figures, or say why a figure is not reported (N/A with a reason).',
  },
  'stale/copied-column': {
    summary: "The reporting-year column repeats the year before cell for cell.",
    help: "Replace the column with this year's figures; identical figures in every row are almost always a copied column.",
  },
  'stale/unchanged-figure': {
    summary: 'A figure that rarely stays the same (GHG, electricity, water) equals the year before.',
    help: 'Check that the reporting-year figure was updated; if it truly did not change, no action is needed.',
  },
  'stale/no-comparatives': {
    summary: 'A KPI table gives the reporting year only, with no earlier figure for its metrics anywhere.',
    help: 'Add the prior-year figures so that performance can be compared over time (consistency principle).',
  },
  'stale/years-missing': {
    summary: 'An item that needs several years (B2.1: each of the past three) gives fewer.',
    help: 'Give a figure for each year the item asks for, or say in words that the figure covers them all.',
  },
  'stale/carried-over': {
    summary: "Paragraphs are carried over from last year's report unchanged, or with only years and figures changed (--previous).",
    help: 'Review each paragraph listed: update what changed this year, and keep it only if it is still true.',
  },
  'draft/placeholder': {
    summary: 'A placeholder is left in the text (TBD, XX, [insert …], {{…}}, 待定, ○○ …).',
    help: 'Replace it with the final content before publication.',
  },
  'draft/editing-debris': {
    summary: 'A note to the drafting team, a comment anchor or a track-change marker is left in the text.',
    help: 'Resolve it and remove it before publication.',
  },
  'draft/empty-section': {
    summary: 'A heading has nothing under it.',
    help: 'Write the section, or remove the heading.',
  },
  'draft/duplicate-heading': {
    summary: 'Two sibling headings have the same title.',
    help: 'Merge the two sections, or give one a title that says how it differs.',
  },
  'draft/broken-reference': {
    summary: 'A reference to a page, chapter, section or anchor of the report leads nowhere.',
    help: 'Point the reference at the right place, or remove it.',
  },
  'draft/suppression-without-reason': {
    summary: 'An esglint-disable comment gives no reason.',
    help: 'Write the reason after " -- ": <!-- esglint-disable-next-line B6.1 -- the policy is in the annual report -->.',
  },
  'draft/unused-suppression': {
    summary: 'An esglint-disable comment suppressed nothing.',
    help: 'Remove the comment, or correct its ruleId or item id; a stale suppression would hide a future finding.',
  },
  'inconsistent/index-page-unsupported': {
    summary: 'The HKEX content index cites pages on which nothing addresses the clause.',
    help: 'Correct the page numbers in the index (the finding names the page where the report does address the clause), or move the disclosure.',
  },
  'inconsistent/gri-index-page-unsupported': {
    summary: 'The GRI content index cites pages on which nothing reports the disclosure.',
    help: 'Correct the page numbers in the GRI content index (the finding names the page where the report does report it), or move the disclosure.',
  },
  'draft/tracked-change': {
    summary: 'A tracked change (insertion, deletion, move or formatting) is still unaccepted in the document.',
    help: 'In Word, Review › Accept/Reject every change (or Accept All Changes) and save; in HTML, remove the <ins>/<del> markup.',
  },
  'draft/review-comment': {
    summary: "A reviewer's comment is still in the document.",
    help: 'Resolve the comment, then delete it (Review › Delete All Comments in Document) before publication.',
  },
  'draft/malformed-suppression': {
    summary: 'A comment starting with "esglint-" is not a known directive.',
    help: 'Use esglint-disable-next-line, esglint-disable or esglint-enable.',
  },
};

const CATEGORY_DOCS: Record<Category, RuleDoc> = {
  missing: { summary: 'Something the framework requires is missing.', help: 'Add the disclosure, or explain its omission.' },
  stale: { summary: 'Content left over from an earlier period or edition.', help: 'Update the text or figure to the reporting period.' },
  inconsistent: { summary: 'Two places of the report disagree.', help: 'Make the places agree; the finding names both.' },
  draft: { summary: 'Drafting residue (placeholders, comments, hygiene).', help: 'Finish or remove the draft text before publication.' },
};

export function ruleDoc(ruleId: string): RuleDoc {
  const known = RULE_DOCS[ruleId];
  if (known) return known;
  const [category, name = ''] = ruleId.split('/') as [Category, string?];
  const doc = CATEGORY_DOCS[category];
  if (!doc) return { summary: ruleId, help: '' };
  return { summary: `${doc.summary} (${name.replace(/-/g, ' ')})`, help: doc.help };
}
