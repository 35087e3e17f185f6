import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/ingest/markdown.js';
import { loadRules } from '../../src/rules/load.js';
import { detectPeriod } from '../../src/facts/period.js';
import { extractFacts } from '../../src/facts/index.js';

const rules = loadRules();

function facts(sentence: string) {
  const doc = readMarkdown('r.md', `# Report\n\nThis report covers 1 January 2024 to 31 December 2024.\n\n${sentence}\n`);
  return extractFacts(doc, rules, detectPeriod(doc)).map((f) => ({ metric: f.metric, year: f.year, value: f.value, unit: f.unit, ...(f.change ? { change: f.change } : {}), ...(f.breakdown ? { breakdown: f.breakdown } : {}) }));
}

describe('figures in sentences', () => {
  it.each([
    ['Scope 1 emissions were 50.74 tCO2e.', [{ metric: 'ghg.scope1', year: 2024, value: 50.74, unit: 'tCO2e' }]],
    ['Total GHG emissions (Scope 1 and 2) amounted to 1,044.39 tonnes of CO2e in 2023.', [{ metric: 'ghg.total', year: 2023, value: 1044.39, unit: 'tCO2e' }]],
    ['本年度廢氣排放總量爲 15.38 千克。', [{ metric: 'air.total', year: 2024, value: 15.38, unit: 'kg' }]],
    ['2024 年，电能消耗量为 128.1 万千瓦时。', [{ metric: 'energy.electricity', year: 2024, value: 1281000, unit: 'kWh' }]],
    ['Water consumption was 12,000 m³, and water intensity was 2.1 m³/HK$ million.', [
      { metric: 'water.consumption', year: 2024, value: 12000, unit: 'm3' },
      { metric: 'water.intensity', year: 2024, value: 2.1, unit: 'm3/m HKD' },
    ]],
    // A target table flattened to text: the figure is the 2018 baseline, not the report year's.
    ['Electricity consumption 390,591,712 kWh 2018 2025 Absolute -13.2%', []],
    ['Electricity consumption 358,192,525 kWh 2024', [{ metric: 'energy.electricity', year: 2024, value: 358192525, unit: 'kWh' }]],
  ])('%s', (sentence, expected) => {
    expect(facts(sentence)).toEqual(expected);
  });

  it.each([
    ['汽油消耗量較去年下降 35.07%。', -35.07, 2023, undefined],
    ['Electricity consumption rose 12% year-on-year.', 12, 2023, undefined],
    ['Total GHG emissions fell by 8.5% compared with 2022.', -8.5, 2022, undefined],
    ['員工流失率較去年上升 2.1 個百分點。', 2.1, 2023, true],
    ['Scope 1 emissions doubled compared with last year.', 100, 2023, undefined],
    ['We achieved a 12.5% reduction in total energy consumption compared with 2022.', -12.5, 2022, undefined],
    ['2024 saw a 2 percentage point rise in the employee turnover rate.', 2, 2023, true],
  ])('a stated change: %s', (sentence, value, from, points) => {
    const change = facts(sentence).find((f) => f.change);
    expect(change).toMatchObject({ value, change: { from, ...(points ? { points } : {}) } });
  });

  it('reads shares of a breakdown', () => {
    expect(facts('目前公司男性員工占比 49.20%，女性員工占比 50.80%。')).toEqual([
      { metric: 'workforce.total', year: 2024, value: 49.2, unit: '%', breakdown: { gender: 'male' } },
      { metric: 'workforce.total', year: 2024, value: 50.8, unit: '%', breakdown: { gender: 'female' } },
    ]);
  });

  it('leaves figures that are not the metric of the whole report', () => {
    for (const sentence of [
      'Electricity consumption at our headquarters was 500 MWh.', // part of the business
      '本年度，總部辦公室的用電量爲 500 千瓦時。',
      '纍計參訓人數達 148 人次。', // cumulative, not the year's figure
      'Electricity consumption 2024 target: 1,800 MWh.', // no figure after the name
      'Scope 1 emissions were 50.74 kg per vehicle.', // a unit that is no GHG unit
      '2024年直接（范围1）温室气体排放总量为4,992吨二氧化碳当量。', // scope 1, not the total
      '去年溫室氣體排放總量為 805.17 噸二氧化碳當量。', // last year's, and which year that is depends on the period
    ]) expect(facts(sentence), sentence).toEqual([]);
  });
});

describe('a figure stated after a verb: "the Group had 3,046 employees"', () => {
  it.each([
    ['As at 31 December 2025, the Group had 3,046 employees, compared with 3,011 a year earlier.', 2025, 3046],
    ['At the end of the year we employed a total of 1,560 staff.', 2024, 1560],
    ['截至2024年12月31日，本集團共有676名僱員。', 2024, 676],
  ])('%s', (sentence, year, value) => {
    expect(facts(sentence)).toEqual([{ metric: 'workforce.total', year, value, unit: 'persons' }]);
  });

  it('not a part of the business, not a figure the clause goes on to qualify', () => {
    for (const sentence of [
      'Our Shenzhen factory had 300 employees at the end of the year.', // a part of the business
      'The incident left the site with 3 employees injured.', // no verb of the lexicon
      'During the typhoon we had 12 employees stranded at the depot.', // the clause goes on
    ]) expect(facts(sentence), sentence).toEqual([]);
  });
});

describe('a currency printed before its figure, run into it or not', () => {
  it.each([
    ['Charitable donations amounted to RMB130 thousand.', [{ metric: 'community.donations', year: 2024, value: 130000, unit: 'CNY' }]],
    ['Charitable donations amounted to HK$20million in 2024.', [{ metric: 'community.donations', year: 2024, value: 20000000, unit: 'HKD' }]],
    ['Community investment was US$1.2m, mainly scholarships.', [{ metric: 'community.investment', year: 2024, value: 1200000, unit: 'USD' }]],
    ['Our total community investment of HKD500,000 went to food banks.', [{ metric: 'community.investment', year: 2024, value: 500000, unit: 'HKD' }]],
    ['社區投資金額為人民幣 13 萬元。', [{ metric: 'community.investment', year: 2024, value: 130000, unit: 'CNY' }]],
  ])('%s', (sentence, expected) => {
    expect(facts(sentence)).toEqual(expected);
  });

  it('a currency before a figure of another dimension is no unit of it', () => {
    expect(facts('Scope 1 emissions were RMB 50 tCO2e.')).toEqual([]);
  });
});
