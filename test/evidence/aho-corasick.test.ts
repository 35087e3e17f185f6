import { describe, expect, it } from 'vitest';
import { PatternSet } from '../../src/evidence/aho-corasick.js';

/** Every start offset of every pattern, found one pattern at a time (overlaps included). */
function naive(patterns: string[], text: string): number[][] {
  return patterns.map((p) => {
    const out: number[] = [];
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) out.push(i);
    return out;
  });
}

describe('PatternSet', () => {
  it('finds overlapping and nested patterns, each in text order', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'e'];
    const text = 'ushers and she sheds his hershey';
    expect(new PatternSet(patterns).search(text).map((h) => [...h])).toEqual(naive(patterns, text));
    expect(new PatternSet(patterns).search('ushers').map((h) => [...h])).toEqual([[2], [1], [], [2], [3]]);
  });

  it('finds Chinese terms whose suffix is another term (through failure links)', () => {
    const patterns = ['温室气体排放', '气体排放', '排放量', '排放'];
    const text = '温室气体排放量为50吨；废气排放';
    expect(new PatternSet(patterns).search(text).map((h) => [...h])).toEqual([[0], [2], [4], [4, 14]]);
  });

  it('gives each of two equal patterns every occurrence', () => {
    expect(new PatternSet(['ab', 'b', 'ab']).search('abab').map((h) => [...h])).toEqual([[0, 2], [1, 3], [0, 2]]);
  });

  it('keeps every hit, in order, when there are more than one chunk of them', () => {
    const patterns = ['a', 'ab', 'b'];
    const text = 'aab'.repeat(40_000);
    const hits = new PatternSet(patterns).search(text).map((h) => [...h]);
    expect(hits).toEqual(naive(patterns, text));
    expect(hits[0]).toHaveLength(80_000);
  });

  it('agrees with a one-pattern-at-a-time search on generated text', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 0) % n;
    const alphabet = 'abc排放量a';
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join('');
    const patterns = [...new Set(Array.from({ length: 60 }, () => word(1 + rand(5))))];
    const text = word(3000) + ' xyz ' + word(500);
    expect(new PatternSet(patterns).search(text).map((h) => [...h])).toEqual(naive(patterns, text));
  });
});
