import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/encoding.js';
import { check } from '../../src/index.js';
import { esglint, fixture } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'esglint-enc-'));
const hant = '本集團致力於減少溫室氣體排放，並已制定明確的減排目標。報告期內，本集團並無違反與廢氣及溫室氣體排放有關的法律及規例。\n';
const hans = '本集团致力于减少温室气体排放，并已制定明确的减排目标。报告期内，本集团并无违反与废气及温室气体排放有关的法律及规例。\n';
// Cantonese characters only Big5-HKSCS has (嘅, 啲, 咗), as in Hong Kong staff quotes.
const hkscs = '員工表示：「公司嘅培訓令我哋學到好多嘢，啲同事都好支持，我已經完成咗急救課程。」本集團致力於提供安全的工作環境，並定期檢討職業健康及安全政策。\n';

describe('encoding detection', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeBytes('a.txt', Buffer.from(hant, 'utf8'))).toEqual({ text: hant, encoding: 'utf-8' });
    expect(decodeBytes('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(hant, 'utf8')]))).toEqual({ text: hant, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a byte-order mark', () => {
    expect(decodeBytes('a.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(hant, 'utf-16le')])).text).toBe(hant);
    expect(decodeBytes('a.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(hant, 'utf-16be')])).text).toBe(hant);
  });

  it('detects Big5, Big5-HKSCS and GBK / GB18030', () => {
    expect(decodeBytes('a.txt', iconv.encode(hant, 'big5'))).toEqual({ text: hant, encoding: 'big5-hkscs' });
    // Plain Big5 (code page 950) cannot write 嘅 啲 咗; Big5-HKSCS puts them at 0xFB48 and beyond.
    expect(iconv.decode(iconv.encode(hkscs, 'cp950'), 'cp950')).not.toBe(hkscs);
    expect(decodeBytes('a.txt', iconv.encode(hkscs, 'big5hkscs'))).toEqual({ text: hkscs, encoding: 'big5-hkscs' });
    expect(decodeBytes('a.txt', iconv.encode(hans, 'gbk'))).toEqual({ text: hans, encoding: 'gb18030' });
    // GB18030's four-byte sequences (a character outside GBK: 𠀀, U+20000).
    const rare = `${hans}罕见字：𠀀。\n`;
    expect(decodeBytes('a.txt', iconv.encode(rare, 'gb18030'))).toEqual({ text: rare, encoding: 'gb18030' });
    // Traditional characters written in GBK (common in Mainland-prepared HK reports).
    expect(decodeBytes('a.txt', iconv.encode(hant, 'gbk'))).toEqual({ text: hant, encoding: 'gb18030' });
  });

  it('takes an encoding given with --encoding, and refuses bytes it cannot decode, naming the line', () => {
    expect(decodeBytes('a.txt', iconv.encode(hans, 'gbk'), 'GBK').text).toBe(hans);
    expect(decodeBytes('a.txt', iconv.encode(hant, 'big5'), 'big5').text).toBe(hant);
    const gbk = iconv.encode(`第一行\n${hans}`, 'gbk');
    expect(() => decodeBytes('s.txt', gbk, 'big5')).toThrow('s.txt: the file is not valid big5: undecodable bytes on line 2');
    expect(() => decodeBytes('s.txt', Buffer.from(hant, 'utf8'), 'utf-16be')).toThrow('the file is not valid utf-16be');
    expect(() => decodeBytes('s.txt', Buffer.from(hant, 'utf8'), 'ebcdic-martian')).toThrow('unknown encoding "ebcdic-martian"');
  });

  it('refuses what no encoding reads cleanly, instead of guessing', () => {
    // 0x80 and 0xFF are lead bytes neither Big5 nor GBK has, and far too many for a Latin page.
    const junk = Buffer.from([0x41, 0x80, 0xff, 0x80, 0xff, 0x42, 0x0a, 0xff, 0xff, 0x80]);
    expect(() => decodeBytes('j.txt', junk)).toThrow('the file is not UTF-8 and its encoding could not be recognised (undecodable bytes on line 1); give it with --encoding');
  });
});

describe('encodings end to end', () => {
  it('a Big5 and a UTF-16 copy of a Traditional Chinese PDF text give the statuses of the UTF-8 original', async () => {
    const original = fixture('zh-Hant', 'complete-2024.txt');
    const text = readFileSync(original, 'utf8');
    expect(iconv.decode(iconv.encode(text, 'big5hkscs'), 'big5hkscs')).toBe(text);
    const big5 = join(dir, 'zh-big5.txt');
    const utf16 = join(dir, 'zh-utf16.txt');
    writeFileSync(big5, iconv.encode(text, 'big5hkscs'));
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const result = await check([original, big5, utf16], { frameworks: ['hkex'] });
    const [base, b5, u16] = result.files;
    expect(b5.encoding).toBe('big5-hkscs');
    expect(u16.encoding).toBe('utf-16le');
    expect(base.encoding).toBeUndefined();
    const statuses = (f: typeof base) => f.items.map((i) => `${i.id}:${i.status}`);
    expect(statuses(b5)).toEqual(statuses(base));
    expect(statuses(u16)).toEqual(statuses(base));
  }, 60000);

  it('a GBK copy of a Simplified Chinese Markdown report gives the statuses of the original', async () => {
    const original = fixture('zh-Hans', 'complete-2024.md');
    const text = readFileSync(original, 'utf8');
    expect(iconv.decode(iconv.encode(text, 'gb18030'), 'gb18030')).toBe(text);
    const gbk = join(dir, 'zh-gbk.md');
    writeFileSync(gbk, iconv.encode(text, 'gb18030'));
    const [base, copy] = (await check([original, gbk], { frameworks: ['hkex'] })).files;
    expect(copy.encoding).toBe('gb18030');
    expect(copy.items.map((i) => `${i.id}:${i.status}`)).toEqual(base.items.map((i) => `${i.id}:${i.status}`));
  }, 60000);

  it('the CLI: --encoding overrides detection, and a wrong one is a one-line error, exit 2', () => {
    const path = join(dir, 'short-gbk.txt');
    writeFileSync(path, iconv.encode('环境管理\n', 'gbk'));
    const guessed = esglint(['check', path, '--no-config', '--framework', 'hkex']);
    expect(guessed.code).toBe(2);
    expect(guessed.stderr).toBe(`esglint: ${path}: the file is not UTF-8, and it is too short to tell Big5 from GBK; give the encoding with --encoding big5 or --encoding gbk, or re-save the file as UTF-8\n`);
    const given = esglint(['check', path, '--no-config', '--framework', 'hkex', '--encoding', 'gbk', '-f', 'json']);
    expect(JSON.parse(given.stdout).files[0]).toMatchObject({ encoding: 'gb18030', format: 'text' });
    const wrong = esglint(['check', path, '--no-config', '--encoding', 'klingon']);
    expect(wrong).toMatchObject({ code: 2, stderr: 'esglint: unknown --encoding "klingon" (use one of utf-8, utf-16le, utf-16be, big5, big5-hkscs, gbk, gb2312, gb18030, windows-1252, latin1)\n' });
  });
});
