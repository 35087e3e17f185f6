import type { Period } from '../facts/period.js';
import type { Framework, ItemSpec, Obligation, RulePack, RuleSet } from './types.js';

export interface Issuer {
  board?: 'main' | 'gem';
  largeCap?: boolean;
}

export interface ChosenEdition {
  pack: RulePack;
  reason: string;
}

/** GRI standards take effect by publication date; without one, assume four months after the period ends. */
export function estimatedPublication(period: Period): string {
  const d = new Date(`${period.end}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 4);
  return d.toISOString().slice(0, 10);
}

function applies(pack: RulePack, period: Period): boolean {
  const { periodStartFrom, periodStartBefore, publishedFrom, publishedBefore } = pack.applies;
  const published = estimatedPublication(period);
  return (!periodStartFrom || period.start >= periodStartFrom) && (!periodStartBefore || period.start < periodStartBefore) &&
    (!publishedFrom || published >= publishedFrom) && (!publishedBefore || published < publishedBefore);
}

function span(pack: RulePack): string {
  const { periodStartFrom: from, periodStartBefore: before, publishedFrom, publishedBefore } = pack.applies;
  if (publishedFrom || publishedBefore) {
    const range = publishedFrom && publishedBefore ? `from ${publishedFrom} and before ${publishedBefore}` : publishedFrom ? `on or after ${publishedFrom}` : `before ${publishedBefore}`;
    return `reports published ${range}`;
  }
  return `periods starting ${from && before ? `from ${from} and before ${before}` : from ? `on or after ${from}` : `before ${before}`}`;
}

function startOf(pack: RulePack): string {
  return pack.applies.periodStartFrom ?? pack.applies.publishedFrom ?? '';
}

/**
 * Picks, per framework, the edition in force for the reporting period. Without a period,
 * the latest edition is used and the reason says so.
 */
export function chooseEditions(rules: RuleSet, frameworks: Framework[], period: Period | undefined, periodSource: string): ChosenEdition[] {
  const chosen: ChosenEdition[] = [];
  for (const framework of frameworks) {
    const packs = rules.packs
      .filter((p) => p.framework === framework)
      .sort((a, b) => startOf(a).localeCompare(startOf(b)));
    if (packs.length === 0) continue;
    if (!period) {
      const latest = packs[packs.length - 1];
      chosen.push({ pack: latest, reason: 'no reporting period was found, so the latest edition is used' });
      continue;
    }
    const match = packs.find((p) => applies(p, period));
    if (match) {
      const byPublication = match.applies.publishedFrom || match.applies.publishedBefore;
      const basis = byPublication
        ? `the reporting period (${periodSource}) ends ${period.end}, so the report is taken as published about ${estimatedPublication(period)}`
        : `the reporting period (${periodSource}) starts ${period.start}`;
      chosen.push({ pack: match, reason: `${basis}, and this edition governs ${span(match)}` });
    } else {
      const earliest = packs[0];
      const older = startOf(earliest) !== '' && period.start < startOf(earliest);
      const pack = older ? earliest : packs[packs.length - 1];
      chosen.push({ pack, reason: `no edition covers a period starting ${period.start}; the ${older ? 'earliest' : 'latest'} known edition is used` });
    }
  }
  return chosen;
}

/** The item's obligation for this issuer and period (the first matching rule wins). */
export function obligationOf(item: ItemSpec, issuer: Issuer, period: Period | undefined): Obligation {
  for (const rule of item.obligationRules ?? []) {
    const w = rule.when;
    if (w.board !== undefined && (issuer.board ?? 'main') !== w.board) continue;
    if (w.largeCap !== undefined && (issuer.largeCap ?? false) !== w.largeCap) continue;
    if (w.periodStartFrom !== undefined && (!period || period.start < w.periodStartFrom)) continue;
    return rule.obligation;
  }
  return item.obligation;
}
