/**
 * Multi-pattern search (Aho–Corasick): every occurrence of every pattern in one pass over the
 * text, instead of one scan per pattern. Built once per set of patterns and reused.
 *
 * The automaton lives in typed arrays (a trie node is an integer; its edges are in one
 * open-addressing table keyed by node and code unit), so that a search allocates nothing but
 * its results and a text character that occurs in no pattern costs one array read.
 */
const NOT_FOUND = new Int32Array(0);
/** Int32s in a chunk of (pattern, offset) pairs (an even number). */
const PAIR_CHUNK = 1 << 16;

export class PatternSet {
  /** Code units that occur in some pattern (1), else 0: any other character leads back to the root. */
  private readonly used = new Uint8Array(0x10000);
  /** The root's transitions by code unit (0: none). */
  private readonly rootNext = new Int32Array(0x10000);
  private readonly edgeNode: Int32Array;
  private readonly edgeCode: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly mask: number;
  private readonly fail: Int32Array;
  /** The first pattern ending at a node (-1: none); patterns equal to it follow through `samePattern`. */
  private readonly patternAt: Int32Array;
  private readonly samePattern: Int32Array;
  /** The nearest node on the failure chain where a pattern ends (0: none). */
  private readonly outputLink: Int32Array;

  constructor(readonly patterns: string[]) {
    // The trie, straight into the edge table: a node count never exceeds the patterns' length.
    let chars = 0;
    for (const p of patterns) chars += p.length;
    let capacity = 2;
    while (capacity < chars * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeNode = new Int32Array(capacity).fill(-1);
    this.edgeCode = new Uint16Array(capacity);
    this.edgeTarget = new Int32Array(capacity);
    // Every node but the root has one parent and the code unit leading to it.
    const parent = new Int32Array(chars + 1);
    const code = new Uint16Array(chars + 1);
    const depth = new Int32Array(chars + 1);
    const patternAt = new Int32Array(chars + 1).fill(-1);
    const lastPattern = new Int32Array(chars + 1);
    this.samePattern = new Int32Array(patterns.length).fill(-1);
    let nodes = 1;
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        this.used[c] = 1;
        let child = this.step(node, c);
        if (child <= 0) {
          child = nodes++;
          parent[child] = node;
          code[child] = c;
          depth[child] = depth[node] + 1;
          if (node === 0) this.rootNext[c] = child;
          else this.addEdge(node, c, child);
        }
        node = child;
      }
      if (patternAt[node] === -1) patternAt[node] = index;
      else this.samePattern[lastPattern[node]] = index;
      lastPattern[node] = index;
    });
    this.patternAt = patternAt.subarray(0, nodes);
    // Failure links in breadth-first order (by depth): a node's link is set from its parent's.
    const byDepth = new Int32Array(nodes);
    const perDepth = new Int32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) perDepth[depth[n] + 1]++;
    for (let d = 1; d <= nodes; d++) perDepth[d] += perDepth[d - 1];
    for (let n = 0; n < nodes; n++) byDepth[perDepth[depth[n]]++] = n;
    this.fail = new Int32Array(nodes);
    this.outputLink = new Int32Array(nodes);
    for (const node of byDepth) {
      if (depth[node] <= 1) continue;
      const c = code[node];
      let f = this.fail[parent[node]];
      let target = this.step(f, c);
      while (target < 0 && f !== 0) {
        f = this.fail[f];
        target = this.step(f, c);
      }
      const link = target > 0 && target !== node ? target : 0;
      this.fail[node] = link;
      this.outputLink[node] = this.patternAt[link] >= 0 ? link : this.outputLink[link];
    }
  }

  private slot(node: number, c: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
  }

  private addEdge(node: number, c: number, target: number): void {
    let h = this.slot(node, c);
    while (this.edgeNode[h] !== -1) h = (h + 1) & this.mask;
    this.edgeNode[h] = node;
    this.edgeCode[h] = c;
    this.edgeTarget[h] = target;
  }

  /** The child of a node by a code unit, -1 when there is none (the root: 0 when none). */
  private step(node: number, c: number): number {
    if (node === 0) return this.rootNext[c];
    const { edgeNode, edgeCode, mask } = this;
    for (let h = this.slot(node, c); edgeNode[h] !== -1; h = (h + 1) & mask) {
      if (edgeNode[h] === node && edgeCode[h] === c) return this.edgeTarget[h];
    }
    return -1;
  }

  /** The first chunk of (pattern, offset) pairs, reused from one search to the next. */
  private static firstChunk = new Int32Array(PAIR_CHUNK);

  /**
   * Start offsets of every pattern's occurrences, by pattern index, in text order. The lists are
   * views of one exact-size buffer (patterns that do not occur share one empty list): they are
   * to be read, not changed.
   */
  search(text: string): Int32Array[] {
    const { used, fail, patternAt, samePattern, outputLink, patterns } = this;
    // Pairs go into fixed-size chunks: a large document's millions of hits are never copied to grow.
    const chunks = [PatternSet.firstChunk];
    let chunk = chunks[0];
    let n = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (used[c] === 0) {
        node = 0;
        continue;
      }
      let next = this.step(node, c);
      while (next < 0) {
        node = fail[node];
        next = this.step(node, c);
      }
      node = next;
      if (node === 0) continue;
      // Every pattern ending here: this node's own, then those along the failure chain.
      for (let m = patternAt[node] >= 0 ? node : outputLink[node]; m !== 0; m = outputLink[m]) {
        for (let p = patternAt[m]; p !== -1; p = samePattern[p]) {
          if (n === PAIR_CHUNK) {
            chunks.push((chunk = new Int32Array(PAIR_CHUNK)));
            n = 0;
          }
          chunk[n++] = p;
          chunk[n++] = i - patterns[p].length + 1;
        }
      }
    }
    // Bucketed by pattern, in text order within each: each pattern has one length, so its
    // start offsets come in ascending order.
    const ends = chunks.map((_, k) => (k === chunks.length - 1 ? n : PAIR_CHUNK));
    const starts = new Int32Array(patterns.length + 1);
    let total = 0;
    chunks.forEach((pairs, k) => {
      for (let j = 0; j < ends[k]; j += 2) starts[pairs[j] + 1]++;
      total += ends[k] / 2;
    });
    for (let p = 0; p < patterns.length; p++) starts[p + 1] += starts[p];
    const offsets = new Int32Array(total);
    const fill = starts.slice(0, patterns.length);
    chunks.forEach((pairs, k) => {
      for (let j = 0; j < ends[k]; j += 2) offsets[fill[pairs[j]]++] = pairs[j + 1];
    });
    const hits: Int32Array[] = new Array(patterns.length);
    for (let p = 0; p < patterns.length; p++) hits[p] = starts[p] === starts[p + 1] ? NOT_FOUND : offsets.subarray(starts[p], starts[p + 1]);
    return hits;
  }
}
