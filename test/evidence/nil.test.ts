import { describe, expect, it } from 'vitest';
import { check, type FileResult } from '../../src/index.js';
import { fixture } from '../helpers/run.js';

async function run(file: string): Promise<FileResult> {
  const result = await check([file], { frameworks: ['hkex'] });
  expect(result.files[0].error).toBeUndefined();
  return result.files[0];
}

const ITEMS = ['A1.3', 'A1.4', 'A2.5', 'B2.1', 'B6.2'];

/** Each item's status, and the elements found of those that need a figure. */
function verdicts(f: FileResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ITEMS) {
    const item = f.items.find((i) => i.id === id)!;
    const counted = id === 'B2.1' ? 'number' : id === 'B6.2' ? 'count' : undefined;
    out[id] = counted ? `${item.status}, ${counted} ${item.elements!.find((e) => e.id === counted)!.found ? 'found' : 'not found'}` : item.status;
  }
  return out;
}

const omissionFindings = (f: FileResult) =>
  f.findings.filter((x) => ITEMS.includes(x.item ?? '') && (x.ruleId === 'missing/item-missing' || x.ruleId === 'missing/unexplained-omission')).map((x) => x.item);

describe('nil statements explain an item; a negated count is zero', () => {
  it.each(['en-nil.md', 'zh-Hant-nil.md', 'zh-Hans-nil.md'])('%s: none produced, none used, no data, no deaths, no complaints', async (name) => {
    const f = await run(fixture('nil', name));
    expect(verdicts(f)).toEqual({
      // "No hazardous waste is produced" / 並無產生有害廢棄物
      'A1.3': 'explained',
      // A data gap: "did not have statistics on non-hazardous wastes" / 暫無無害廢棄物的統計數據
      'A1.4': 'explained',
      // "does not use any packaging materials" / 並無使用任何包裝材料
      'A2.5': 'explained',
      // "there were no work-related deaths" / 沒有發生因工死亡事故: the number is zero.
      'B2.1': 'addressed, number found',
      // "did not receive any complaints" / 並無接獲任何客戶投訴
      'B6.2': 'addressed, count found',
    });
    // A nil is its own reason: no finding asks for one.
    expect(omissionFindings(f)).toEqual([]);
    const a13 = f.items.find((i) => i.id === 'A1.3')!;
    expect(a13.evidence[0].line).toBe(7);
  });

  it.each(['en-not-nil.md', 'zh-Hant-not-nil.md'])('%s: a negation about something else explains nothing and counts nothing', async (name) => {
    const f = await run(fixture('nil', name));
    expect(verdicts(f)).toEqual({
      // "did not have statistics on non-hazardous waste" is about A1.4, not A1.3; "no spills were
      // recorded", "did not receive any reports about our hazardous waste contractor" and
      // 並無發生與有害廢棄物相關的違規事件 negate something else.
      'A1.3': 'missing',
      // The English report has the data gap on non-hazardous waste; 未使用可再生燃料 is about fuel.
      'A1.4': name.startsWith('en') ? 'explained' : 'missing',
      // "No plastic packaging" / 塑膠包裝材料: a kind of packaging only.
      'A2.5': 'missing',
      // "no changes to the safety committee, which reviews work-related deaths" / 沒有更換安全主任，並…因工死亡
      'B2.1': 'partial, number not found',
      // "no formal policy on complaints" / 並無針對投訴的書面政策
      'B6.2': 'partial, count not found',
    });
  });

  it('short sections: the data word of a gap is found before the next section\'s verb; 不涉及; 零宗', async () => {
    const f = await run(fixture('nil', 'zh-Hant-short.md'));
    // 並無有害廢棄物的相關數據 is followed within a few characters by 不涉及 of the next section.
    expect(f.items.find((i) => i.id === 'A1.3')!.status).toBe('explained');
    expect(f.items.find((i) => i.id === 'A2.5')!.status).toBe('explained');
    expect(f.items.find((i) => i.id === 'B2.1')!.elements!.find((e) => e.id === 'number')!.found).toBe(true);
  });
});
