// Aho–Corasick over UTF-16 code units: every occurrence of every pattern in one left-to-right
// pass, in time linear in the text plus the number of occurrences. No regular expressions, so no
// catastrophic backtracking whatever the input.

/** One occurrence: the pattern's index and its half-open range in the text. */
export interface PatternMatch {
  readonly pattern: number;
  readonly start: number;
  readonly end: number;
}

const WORD = /[a-z0-9]/;

/** Latin letters and digits: a Latin pattern must not start or end inside a word. */
function isWordUnit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** A compiled automaton over a fixed list of distinct patterns. */
export class PatternMatcher {
  // Transitions in an open-addressing hash table: slot → (node, code unit) → child. Much faster
  // than a Map per node on the hot path.
  private readonly mask: number;
  private readonly slotNode: Int32Array;
  private readonly slotUnit: Int32Array;
  private readonly slotChild: Int32Array;
  /** Children of the root, dense: most characters of a text start (or restart) at the root. */
  private readonly root: Int32Array;
  private readonly fail: Int32Array;
  /** The pattern ending exactly at a node, or -1. */
  private readonly terminal: Int32Array;
  /** The nearest node on the failure chain (excluding itself) where a pattern ends, or 0. */
  private readonly output: Int32Array;
  private readonly lengths: Int32Array;
  /** Per pattern: 1 = must start at a word edge, 2 = must end at a word edge. */
  private readonly edges: Uint8Array;

  /**
   * @param patterns Distinct, non-empty patterns.
   * @param stems Indexes of Latin patterns that may run on into a longer word (no right edge).
   */
  constructor(patterns: readonly string[], stems: ReadonlySet<number> = new Set()) {
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    this.edges = Uint8Array.from(patterns, (p, i) => (WORD.test(p[0] as string) ? 1 : 0) | (!stems.has(i) && WORD.test(p[p.length - 1] as string) ? 2 : 0));
    // Build the trie with Maps, then freeze it into arrays.
    const children: Array<Map<number, number>> = [new Map()];
    const terminal: number[] = [-1];
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        const map = children[node] as Map<number, number>;
        let next = map.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          terminal.push(-1);
          map.set(c, next);
        }
        node = next;
      }
      terminal[node] = index;
    });
    const nodes = children.length;
    let size = 16;
    while (size < nodes * 2) size *= 2;
    this.mask = size - 1;
    this.slotNode = new Int32Array(size).fill(-1);
    this.slotUnit = new Int32Array(size);
    this.slotChild = new Int32Array(size);
    this.root = new Int32Array(0x10000);
    children.forEach((map, node) => {
      for (const [c, child] of map) {
        if (node === 0) this.root[c] = child;
        else this.put(node, c, child);
      }
    });
    this.terminal = Int32Array.from(terminal);
    this.fail = new Int32Array(nodes);
    this.output = new Int32Array(nodes);
    // Breadth-first: failure links and output links.
    const queue: number[] = [...(children[0] as Map<number, number>).values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (const [c, child] of children[node] as Map<number, number>) {
        let f = this.fail[node] as number;
        let target = this.step(f, c);
        while (target < 0 && f !== 0) {
          f = this.fail[f] as number;
          target = this.step(f, c);
        }
        const link = target > 0 && target !== child ? target : 0;
        this.fail[child] = link;
        this.output[child] = (this.terminal[link] as number) >= 0 ? link : (this.output[link] as number);
        queue.push(child);
      }
    }
  }

  private slotOf(node: number, unit: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) & this.mask;
  }

  private put(node: number, unit: number, child: number): void {
    let slot = this.slotOf(node, unit);
    while ((this.slotNode[slot] as number) !== -1) slot = (slot + 1) & this.mask;
    this.slotNode[slot] = node;
    this.slotUnit[slot] = unit;
    this.slotChild[slot] = child;
  }

  /** The child of `node` on `unit`, or -1 (the root answers 0 for "no child"). */
  private step(node: number, unit: number): number {
    if (node === 0) {
      const child = this.root[unit] as number;
      return child === 0 ? -1 : child;
    }
    let slot = this.slotOf(node, unit);
    for (;;) {
      const n = this.slotNode[slot] as number;
      if (n === -1) return -1;
      if (n === node && this.slotUnit[slot] === unit) return this.slotChild[slot] as number;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Every occurrence of every pattern, ordered by end, then by length descending. Latin patterns only at word edges. */
  findAll(text: string): PatternMatch[] {
    const found: PatternMatch[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.step(node, c);
      while (next < 0 && node !== 0) {
        node = this.fail[node] as number;
        next = this.step(node, c);
      }
      node = next < 0 ? 0 : next;
      if (node === 0) continue;
      let hit = (this.terminal[node] as number) >= 0 ? node : (this.output[node] as number);
      while (hit !== 0) {
        const pattern = this.terminal[hit] as number;
        const end = i + 1;
        const start = end - (this.lengths[pattern] as number);
        const edge = this.edges[pattern] as number;
        const startOk = (edge & 1) === 0 || start === 0 || !isWordUnit(text.charCodeAt(start - 1));
        const endOk = (edge & 2) === 0 || end === text.length || !isWordUnit(text.charCodeAt(end));
        if (startOk && endOk) found.push({ pattern, start, end });
        hit = this.output[hit] as number;
      }
    }
    return found;
  }
}

function byStartLongestFirst(a: PatternMatch, b: PatternMatch): number {
  return a.start - b.start || b.end - a.end || a.pattern - b.pattern;
}

/**
 * Leftmost-longest, non-overlapping choice among `matches`: scanning left to right, at each
 * start take the longest match (ties: the smaller pattern index), skip everything it overlaps.
 */
export function leftmostLongest(matches: readonly PatternMatch[], textLength: number): PatternMatch[] {
  if (matches.length <= 1) return matches.length === 1 && (matches[0] as PatternMatch).start < textLength ? [matches[0] as PatternMatch] : [];
  const chosen: PatternMatch[] = [];
  let lastEnd = 0;
  if (matches.length < 64) {
    const sorted = [...matches].sort(byStartLongestFirst);
    for (const m of sorted) {
      if (m.start < lastEnd) continue;
      chosen.push(m);
      lastEnd = m.end;
    }
    return chosen;
  }
  // Linear for long texts: the best match per start position, then one sweep.
  const best: Array<PatternMatch | undefined> = new Array<PatternMatch | undefined>(textLength);
  for (const m of matches) {
    const current = best[m.start];
    if (current === undefined || m.end > current.end || (m.end === current.end && m.pattern < current.pattern)) best[m.start] = m;
  }
  for (let i = 0; i < textLength; i++) {
    const m = best[i];
    if (m === undefined || i < lastEnd) continue;
    chosen.push(m);
    lastEnd = m.end;
  }
  return chosen;
}
