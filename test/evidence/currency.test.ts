import { describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { fixture } from '../helpers/run.js';

async function run(file: string): Promise<FileResult> {
  const result = await check([file], { frameworks: ['hkex'] });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

const found = (f: FileResult, id: string, element: string) => f.items.find((i) => i.id === id)!.elements!.find((e) => e.id === element)!.found;

describe('a currency word run into its figure', () => {
  it('"RMB130 thousand" is money contributed (B8.2)', async () => {
    const f = await run(fixture('currency', 'en-glued.md'));
    expect(found(f, 'B8.2', 'money')).toBe(true);
    expect(f.items.find((i) => i.id === 'B8.2')!.evidence[0].line).toBe(7);
    // The facts read the glued figures with their scale words.
    expect(f.facts!.filter((x) => x.metric.startsWith('community.')).map((x) => [x.metric, x.value, x.unit])).toEqual([
      ['community.donations', 20000000, 'HKD'],
      ['community.investment', 1200000, 'USD'],
      ['community.investment', 500000, 'HKD'],
    ]);
  });

  it('"in RMB" without a figure is no money contributed', async () => {
    const f = await run(fixture('currency', 'en-no-money.md'));
    expect(found(f, 'B8.2', 'money')).toBe(false);
  });
});
