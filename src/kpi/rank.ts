// Competition ranking ("1224"): an agent's rank is 1 + the number of agents strictly better.
// Agents equal on every key share a rank and the next rank skips. Input order never matters:
// the display order within a tie is the id's code-unit order, which is not a ranking key.

/** Rank and tie size of each item, by index, and the indices in display order. */
export interface Ranking {
  readonly rank: readonly number[];
  readonly tieSize: readonly number[];
  /** Indices sorted best first; ties by id. */
  readonly order: readonly number[];
}

/**
 * Ranks items `0..n-1`. `better(a, b)` is negative when item a is better, positive when b is,
 * 0 when they are equal on every ranking key. `id(i)` orders ties for display only.
 */
export function competitionRanking(n: number, better: (a: number, b: number) => number, id: (i: number) => string): Ranking {
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => better(a, b) || compareIds(id(a), id(b)));
  const rank = new Array<number>(n).fill(0);
  const tieSize = new Array<number>(n).fill(0);
  let groupStart = 0;
  for (let k = 0; k <= n; k++) {
    const closes = k === n || (k > groupStart && better(order[k - 1] as number, order[k] as number) !== 0);
    if (!closes) continue;
    for (let j = groupStart; j < k; j++) {
      rank[order[j] as number] = groupStart + 1;
      tieSize[order[j] as number] = k - groupStart;
    }
    groupStart = k;
  }
  return { rank, tieSize, order };
}

/** Code-unit order of two ids (never the locale's collation). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
