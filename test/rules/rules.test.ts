import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, defaultRulesDir } from '../../src/rules/load.js';
import { UsageError } from '../../src/util/errors.js';

function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'esglint-rules-'));
  cpSync(defaultRulesDir, dir, { recursive: true });
  return dir;
}

function loadError(dir: string): string {
  try {
    loadRules(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected the rules to be rejected');
}

describe('built-in rule packs', () => {
  const rules = loadRules();

  it('all validate, with unique ids per edition', () => {
    expect(rules.packs.map((p) => p.edition)).toContain('hkex-esg-2020');
    for (const pack of rules.packs) {
      const ids = pack.items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has the five Part B mandatory items in the 2020 edition, all mandatory', () => {
    const pack = rules.packs.find((p) => p.edition === 'hkex-esg-2020')!;
    const mdr = pack.items.filter((i) => i.part === 'B');
    expect(mdr.map((i) => i.id)).toEqual(['MDR-governance', 'MDR-materiality', 'MDR-quantitative', 'MDR-consistency', 'MDR-boundary']);
    expect(mdr.every((i) => i.obligation === 'mandatory')).toBe(true);
    expect(mdr.find((i) => i.id === 'MDR-governance')!.evidence.elements.map((e) => e.id)).toEqual(['oversight', 'approach', 'review']);
  });

  it('expands shared term sets', () => {
    const pack = rules.packs.find((p) => p.edition === 'hkex-esg-2020')!;
    const oversight = pack.items[0].evidence.elements[0];
    expect(oversight.all[0]).toEqual(rules.common.termSets.board);
  });

  it('has a metric lexicon whose relations name known metrics', () => {
    const ids = new Set(rules.metrics.metrics.map((m) => m.id));
    expect(ids.has('ghg.scope1')).toBe(true);
    for (const r of rules.metrics.relations ?? []) for (const p of r.parts ?? []) expect(ids.has(p)).toBe(true);
  });
});

describe('invalid rule packs are clear errors', () => {
  it('names file, JSON pointer, line and problem for a schema violation', () => {
    const dir = copyRules();
    const file = join(dir, 'hkex', 'esg-code-2020.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('obligation: mandatory', 'obligation: sometimes'));
    const message = loadError(dir);
    expect(message).toContain('esg-code-2020.yaml: invalid rule pack: /items/0/obligation (line ');
    expect(message).toContain('must be equal to one of the allowed values');
  });

  it('reports YAML syntax errors with line and column', () => {
    const dir = copyRules();
    writeFileSync(join(dir, 'hkex', 'broken.yaml'), 'framework: hkex\nitems: [\n  - id: x\n');
    expect(loadError(dir)).toMatch(/broken\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('rejects an unknown term set, duplicate ids and unknown metrics', () => {
    let dir = copyRules();
    let file = join(dir, 'hkex', 'esg-code-2020.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('all: ["@board", "@oversight"]', 'all: ["@board", "@nosuchset"]'));
    expect(loadError(dir)).toContain('/items/0/evidence/elements/0/all/1: unknown term set "@nosuchset"');

    dir = copyRules();
    file = join(dir, 'hkex', 'esg-code-2020.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: MDR-materiality', '- id: MDR-governance'));
    expect(loadError(dir)).toContain('/items/1/id: duplicate item id "MDR-governance"');

    dir = copyRules();
    file = join(dir, 'hkex', 'esg-code-2020.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('then: { item: MDR-quantitative, element: factors }', 'then: { item: MDR-quantitative, element: sources }'));
    expect(loadError(dir)).toContain('/dependencies/0/then/element: item MDR-quantitative has no element "sources"');

    dir = copyRules();
    file = join(dir, 'metrics.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('parts: [waste.hazardous, waste.non-hazardous]', 'parts: [waste.hazardous, waste.nuclear]'));
    expect(loadError(dir)).toContain('metrics.yaml: invalid metric lexicon: /relations/1/parts/1: unknown metric "waste.nuclear"');
  });
});
