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

function applies(pack: RulePack, start: string): boolean {
  const { periodStartFrom, periodStartBefore } = pack.applies;
  return (!periodStartFrom || start >= periodStartFrom) && (!periodStartBefore || start < periodStartBefore);
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
      .sort((a, b) => (a.applies.periodStartFrom ?? '').localeCompare(b.applies.periodStartFrom ?? ''));
    if (packs.length === 0) continue;
    if (!period) {
      const latest = packs[packs.length - 1];
      chosen.push({ pack: latest, reason: 'no reporting period was found, so the latest edition is used' });
      continue;
    }
    const match = packs.find((p) => applies(p, period.start));
    if (match) {
      const from = match.applies.periodStartFrom;
      const before = match.applies.periodStartBefore;
      const span = from && before ? `from ${from} and before ${before}` : from ? `on or after ${from}` : `before ${before}`;
      chosen.push({ pack: match, reason: `the reporting period (${periodSource}) starts ${period.start}, and this edition governs periods starting ${span}` });
    } else {
      const earliest = packs[0];
      const older = earliest.applies.periodStartFrom && period.start < earliest.applies.periodStartFrom;
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
