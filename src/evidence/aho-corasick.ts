/**
 * Multi-pattern search (Aho–Corasick): every occurrence of every pattern in one pass over the
 * text, instead of one scan per pattern. Built once per set of patterns and reused.
 */
export class PatternSet {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Pattern indexes ending at each node (own and through failure links). */
  private readonly out: number[][] = [[]];

  constructor(readonly patterns: string[]) {
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let child = this.next[node].get(c);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[node].set(c, child);
        }
        node = child;
      }
      this.out[node].push(index);
    });
    const queue: number[] = [];
    for (const child of this.next[0].values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const target = this.next[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child] = this.out[child].concat(this.out[this.fail[child]]);
        queue.push(child);
      }
    }
  }

  /** The root's transitions by code unit (0: none): most characters of a text leave the root. */
  private rootTable?: Int32Array;

  /** Start offsets of every pattern's occurrences, by pattern index, in text order. */
  search(text: string): number[][] {
    const hits: number[][] = this.patterns.map(() => []);
    const root = (this.rootTable ??= this.buildRootTable());
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (node !== 0 && !this.next[node].has(c)) node = this.fail[node];
      node = node === 0 ? root[c] : this.next[node].get(c)!;
      const out = this.out[node];
      if (out.length === 0) continue;
      for (const p of out) hits[p].push(i - this.patterns[p].length + 1);
    }
    for (const h of hits) h.sort((a, b) => a - b);
    return hits;
  }

  private buildRootTable(): Int32Array {
    const table = new Int32Array(0x10000);
    for (const [c, child] of this.next[0]) table[c] = child;
    return table;
  }
}
