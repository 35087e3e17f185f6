import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { compileLexicon, matchMetric, ageGroup } from '../../src/facts/lexicon.js';
import type { MetricLexicon } from '../../src/rules/types.js';
import { UsageError } from '../../src/util/errors.js';

const rules = loadRules();
const lex = compileLexicon(rules.metrics);

describe('the metric lexicon', () => {
  it('covers every quantitative HKEX KPI', () => {
    const linked = new Set(rules.metrics.metrics.flatMap((m) => m.links?.hkex ?? []));
    for (const kpi of ['A1.1', 'A1.2', 'A1.3', 'A1.4', 'A2.1', 'A2.2', 'A2.5', 'B1.1', 'B1.2', 'B2.1', 'B2.2', 'B3.1', 'B3.2', 'B5.1', 'B5.2', 'B6.1', 'B6.2', 'B7.1', 'B8.2', 'D-ghg-scope1', 'D-ghg-scope2', 'D-ghg-scope3', 'D-cross-industry', 'D-carbon-price', 'D-remuneration']) {
      expect(linked.has(kpi), kpi).toBe(true);
    }
  });

  it('links only to items the rule packs have', () => {
    const ids = new Set(rules.packs.flatMap((p) => p.items.map((i) => `${p.framework}:${i.id}`)));
    const hasGri = rules.packs.some((p) => p.framework === 'gri');
    for (const m of rules.metrics.metrics) {
      for (const id of m.links?.hkex ?? []) expect(ids.has(`hkex:${id}`), `${m.id} → ${id}`).toBe(true);
      if (hasGri) for (const id of m.links?.gri ?? []) expect(ids.has(`gri:${id}`), `${m.id} → ${id}`).toBe(true);
    }
  });

  it('covers the GRI quantitative disclosures the KPIs link to, and the denominators', () => {
    const linked = new Set(rules.metrics.metrics.flatMap((m) => m.links?.gri ?? []));
    for (const d of ['2-7', '2-8', '2-21', '201-1', '205-3', '301-1', '302-1', '302-3', '302-4', '303-3', '303-4', '303-5', '305-1', '305-2', '305-3', '305-4', '305-5', '305-7', '306-3', '306-4', '306-5', '401-1', '403-9', '403-10', '404-1', '404-3', '405-1', '405-2', '416-2', '417-3', '418-1']) {
      expect(linked.has(d), d).toBe(true);
    }
    expect(lex.denominators.map((m) => m.id)).toEqual(['finance.revenue', 'workforce.total', 'site.floor-area']);
  });

  it('matches a label only when its modifiers agree', () => {
    expect(matchMetric(lex, '廢氣排放總量')?.metric.id).toBe('air.total');
    expect(matchMetric(lex, '廢氣排放密度')?.metric.id).toBe('air.intensity');
    expect(matchMetric(lex, '汽油消耗密度')?.metric.id).toBe('energy.gasoline-intensity');
    expect(matchMetric(lex, '每位僱員平均受訓時長')?.metric.id).toBe('training.average-hours');
    expect(matchMetric(lex, '纍計申請專利總數')).toBeUndefined();
    expect(matchMetric(lex, 'Scope 1 and Scope 2 emissions')?.metric.id).toBe('ghg.scope1-2');
    expect(matchMetric(lex, 'Scope 1 emissions and Scope 3 emissions')).toBeUndefined();
    expect(matchMetric(lex, '溫室氣體排放總量（範圍一 + 範圍二 + 範圍三）')?.metric.id).toBe('ghg.total');
    // Simplified Chinese is folded to the same names.
    expect(matchMetric(lex, '温室气体排放密度')?.metric.id).toBe('ghg.intensity');
  });

  it('reads age groups in three scripts', () => {
    expect(ageGroup('30 歲及以下')).toBe('<=30');
    expect(ageGroup('31—40 歲')).toBe('31-40');
    expect(ageGroup('41 歲以上')).toBe('>=41');
    expect(ageGroup('30岁以下')).toBe('<30');
    expect(ageGroup('Under 30')).toBe('<30');
    expect(ageGroup('aged 50 or above')).toBe('>=50');
    expect(ageGroup('Male')).toBeUndefined();
  });
});

describe('an invalid lexicon is a clear error', () => {
  it('names a metric whose breakdown is unknown', () => {
    const bad = { metrics: [{ id: 'x.y', dimension: 'mass', unit: 'kg', names: { en: ['x'] }, breakdowns: ['shoe-size'] }] } as unknown as MetricLexicon;
    expect(() => compileLexicon(bad)).toThrow(UsageError);
    expect(() => compileLexicon(bad)).toThrow('metric "x.y" names an unknown breakdown "shoe-size"');
  });
});
