import { Converter } from 'opencc-js/t2cn';

export type Script = 'en' | 'zh-Hant' | 'zh-Hans';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
let toSimplified: ((s: string) => string) | undefined;

/**
 * The script a report is written in, from text taken from it: English unless a third of
 * the letters are CJK ideographs; Traditional when converting to Simplified changes a
 * noticeable share of them.
 */
export function detectScript(texts: string[]): Script {
  const text = texts.join('\n');
  const cjk = text.match(CJK) ?? [];
  const letters = text.match(/[A-Za-z]/g) ?? [];
  if (cjk.length === 0 || cjk.length < (cjk.length + letters.length) / 3) return 'en';
  const ideographs = cjk.join('');
  const convert = (toSimplified ??= Converter({ from: 'hk', to: 'cn' }));
  const simplified = convert(ideographs);
  let changed = 0;
  for (let i = 0; i < Math.min(ideographs.length, simplified.length); i++) if (ideographs[i] !== simplified[i]) changed++;
  return changed / ideographs.length > 0.03 ? 'zh-Hant' : 'zh-Hans';
}
